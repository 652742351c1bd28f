package nl.schakel.meeting;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Attendances extends JpaRepository<Attendance, UUID> {

	List<Attendance> findByMeetingId(UUID meetingId);

	Optional<Attendance> findByMeetingIdAndOrganisation(UUID meetingId, String organisation);

}
