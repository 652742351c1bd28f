package nl.schakel.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

/**
 * One item in the review queue: disclosures a flag rule picked out, by one professional,
 * to be reviewed by a due time. Reviewing it (a finding and a comment) is a change Envers
 * records, so every review is itself audited.
 */
@Entity
@Table(name = "review_item")
@Audited
class ReviewItem {

	enum State {

		OPEN, REVIEWED

	}

	@Id
	private UUID id;

	private String flagRule;

	private String kind;

	private String actor;

	private String actorOrganisation;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private UUID[] disclosureIds;

	private Instant firstOccurredAt;

	private Instant lastOccurredAt;

	/** The seq of the row that completed a windowed item (none before V81). */
	private Long lastSeq;

	private String detail;

	private Instant createdAt;

	private Instant dueAt;

	@Enumerated(EnumType.STRING)
	private State state;

	@Enumerated(EnumType.STRING)
	private Finding finding;

	private String reviewComment;

	private String reviewedBy;

	private Instant reviewedAt;

	@Version
	private long version;

	protected ReviewItem() {
	}

	ReviewItem(ReviewFlags.Flag flag, String actor, String actorOrganisation, List<UUID> disclosures,
			Instant firstOccurredAt, Instant lastOccurredAt, String detail, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.flagRule = flag.id();
		this.kind = flag.kind().code();
		this.actor = actor;
		this.actorOrganisation = actorOrganisation;
		this.disclosureIds = disclosures.toArray(UUID[]::new);
		this.firstOccurredAt = firstOccurredAt;
		this.lastOccurredAt = lastOccurredAt;
		this.detail = detail;
		this.createdAt = createdAt;
		this.dueAt = createdAt.plus(flag.due());
		this.state = State.OPEN;
	}

	/**
	 * The item ends at this row of the log, the one that completed it: a windowed rule
	 * counts only rows after it (by time, then seq). It may be a row the item does not
	 * name (a person already counted), but none it names is later.
	 */
	ReviewItem endingAt(Instant occurredAt, long seq) {
		this.lastOccurredAt = occurredAt;
		this.lastSeq = seq;
		return this;
	}

	/** Records the auditor's finding; an item is reviewed once. */
	void review(Finding finding, String comment, String by, Instant at) {
		if (this.state != State.OPEN) {
			throw new IllegalStateException("already reviewed");
		}
		this.finding = finding;
		this.reviewComment = comment;
		this.reviewedBy = by;
		this.reviewedAt = at;
		this.state = State.REVIEWED;
	}

	ReviewView view(Instant now) {
		return new ReviewView(this.id, this.flagRule, this.kind, this.actor, this.actorOrganisation,
				List.of(this.disclosureIds), this.firstOccurredAt, this.lastOccurredAt, this.detail, this.createdAt,
				this.dueAt, this.state.name(), this.state == State.OPEN && now.isAfter(this.dueAt), this.finding,
				this.reviewComment, this.reviewedBy, this.reviewedAt);
	}

}
