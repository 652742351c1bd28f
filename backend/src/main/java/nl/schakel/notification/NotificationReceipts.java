package nl.schakel.notification;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface NotificationReceipts extends Repository<NotificationReceipt, NotificationReceipt.Key> {

	NotificationReceipt save(NotificationReceipt receipt);

	boolean existsById(NotificationReceipt.Key key);

	@Query("select r.key.notificationId from NotificationReceipt r where r.key.username = :username"
			+ " and r.key.notificationId in :ids")
	List<UUID> readBy(@Param("username") String username, @Param("ids") Collection<UUID> ids);

}
