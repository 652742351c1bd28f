package nl.schakel.meeting;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Meetings extends JpaRepository<Meeting, UUID> {

	List<Meeting> findTop50BySafetyHouseOrderByStartsAtDesc(String safetyHouse);

}
