package nl.schakel.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Whether an invited organisation attended a meeting; recorded again, it changes. */
@Entity
@Table(name = "meeting_attendance")
class Attendance {

	@Id
	private UUID id;

	private UUID meetingId;

	private String organisation;

	private boolean present;

	private String recordedBy;

	private Instant recordedAt;

	@Version
	private long version;

	protected Attendance() {
	}

	Attendance(UUID meetingId, String organisation) {
		this.id = UUID.randomUUID();
		this.meetingId = meetingId;
		this.organisation = organisation;
	}

	void record(boolean present, String by, Instant at) {
		this.present = present;
		this.recordedBy = by;
		this.recordedAt = at;
	}

	String organisation() {
		return this.organisation;
	}

	boolean present() {
		return this.present;
	}

}
