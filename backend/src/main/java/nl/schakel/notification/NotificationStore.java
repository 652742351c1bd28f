package nl.schakel.notification;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface NotificationStore extends Repository<Notification, UUID> {

	Notification save(Notification notification);

	/**
	 * What a professional of an organisation may read: addressed to them, or to their
	 * whole organisation.
	 */
	String FOR_READER = "(n.recipientUsername = :username and (n.recipientOrganisation is null"
			+ " or n.recipientOrganisation = :organisation))"
			+ " or (n.recipientUsername is null and n.recipientOrganisation = :organisation)";

	@Query("select n from Notification n where " + FOR_READER + " order by n.createdAt desc, n.id desc")
	List<Notification> forReader(@Param("organisation") String organisation, @Param("username") String username,
			Limit limit);

	@Query("select count(n) from Notification n where (" + FOR_READER + ") and not exists"
			+ " (select r from NotificationReceipt r where r.key.notificationId = n.id and r.key.username = :username)")
	long unreadBy(@Param("organisation") String organisation, @Param("username") String username);

	@Query("select n from Notification n where n.id = :id and (" + FOR_READER + ")")
	List<Notification> oneForReader(@Param("id") UUID id, @Param("organisation") String organisation,
			@Param("username") String username);

	@Query("select n.id from Notification n where (" + FOR_READER + ") and not exists"
			+ " (select r from NotificationReceipt r where r.key.notificationId = n.id and r.key.username = :username)")
	List<UUID> unreadIds(@Param("organisation") String organisation, @Param("username") String username);

	boolean existsByKindAndSubjectIdAndRecipientOrganisationAndRecipientUsername(NotificationKind kind, UUID subjectId,
			String recipientOrganisation, String recipientUsername);

}
