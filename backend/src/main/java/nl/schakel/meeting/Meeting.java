package nl.schakel.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A case meeting of one safety house: when, where, who chairs it, and its agenda of
 * cases.
 */
@Entity
@Table(name = "meeting")
class Meeting {

	@Id
	private UUID id;

	private String safetyHouse;

	private Instant startsAt;

	private String place;

	private String videoLink;

	private String chair;

	private String scheduledBy;

	private Instant scheduledAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "meeting_case", joinColumns = @JoinColumn(name = "meeting_id"))
	@OrderColumn(name = "position")
	@Column(name = "case_id")
	private List<UUID> caseIds = new ArrayList<>();

	@Version
	private long version;

	protected Meeting() {
	}

	Meeting(String safetyHouse, Instant startsAt, String place, String videoLink, String chair, List<UUID> caseIds,
			String scheduledBy, Instant scheduledAt) {
		this.id = UUID.randomUUID();
		this.safetyHouse = safetyHouse;
		this.startsAt = startsAt;
		this.place = place;
		this.videoLink = videoLink;
		this.chair = chair;
		this.caseIds = new ArrayList<>(caseIds);
		this.scheduledBy = scheduledBy;
		this.scheduledAt = scheduledAt;
	}

	/**
	 * Moves the meeting, or changes where it is, who chairs it or what is on its agenda.
	 */
	void change(Instant startsAt, String place, String videoLink, String chair, List<UUID> caseIds) {
		this.startsAt = startsAt;
		this.place = place;
		this.videoLink = videoLink;
		this.chair = chair;
		this.caseIds.clear();
		this.caseIds.addAll(caseIds);
	}

	boolean hasOnAgenda(UUID caseId) {
		return this.caseIds.contains(caseId);
	}

	UUID id() {
		return this.id;
	}

	String safetyHouse() {
		return this.safetyHouse;
	}

	Instant startsAt() {
		return this.startsAt;
	}

	String place() {
		return this.place;
	}

	String videoLink() {
		return this.videoLink;
	}

	String chair() {
		return this.chair;
	}

	String scheduledBy() {
		return this.scheduledBy;
	}

	List<UUID> caseIds() {
		return List.copyOf(this.caseIds);
	}

}
