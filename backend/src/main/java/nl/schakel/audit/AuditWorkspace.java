package nl.schakel.audit;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.security.Channel;
import nl.schakel.disclosure.DisclosureLog;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.person.Bsn;
import nl.schakel.ids.PersonId;
import nl.schakel.person.PersonRegistry;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditor workspace's public face. Everything here is metadata: the disclosure log,
 * the review queue, change histories, the sealed chain, subject-access reports. Every
 * answer that shows log metadata about persons is itself recorded in the disclosure log,
 * in the same transaction, before it is returned. Only auditors may call it.
 */
@Service
@PreAuthorize("hasRole('AUDITOR')")
public class AuditWorkspace {

	/** The purpose of audit work. */
	public static final String AUDIT = "AUDIT";

	/** The purpose of answering a subject-access request. */
	public static final String SUBJECT_ACCESS = "SUBJECT_ACCESS";

	// the privacy officer's statutory task (GDPR art. 39) and the data subject's right
	// (art. 15)
	private static final String BASIS = "STATUTORY";

	private static final String AUDIT_RULE = "auditor-reads-metadata";

	private static final String SUBJECT_ACCESS_RULE = "subject-access-metadata";

	private final DisclosureSearch search;

	private final DisclosureLog log;

	private final PersonRegistry persons;

	private final ReviewItems reviews;

	private final ChangeHistory history;

	private final SubjectAccess subjectAccess;

	private final LogVerifier verifier;

	private final ReviewFlags flags;

	private final AuditProperties properties;

	private final Policy policy;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AuditWorkspace(DisclosureSearch search, DisclosureLog log, PersonRegistry persons, ReviewItems reviews,
			ChangeHistory history, SubjectAccess subjectAccess, LogVerifier verifier, ReviewFlags flags,
			AuditProperties properties, Policy policy, JdbcTemplate jdbc, Clock clock) {
		this.search = search;
		this.log = log;
		this.persons = persons;
		this.reviews = reviews;
		this.history = history;
		this.subjectAccess = subjectAccess;
		this.verifier = verifier;
		this.flags = flags;
		this.properties = properties;
		this.policy = policy;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// --- search and export -------------------------------------------------------------

	/**
	 * One page of the log; the search is recorded (AUDIT_SEARCH) with the person and case
	 * searched for.
	 */
	@Transactional
	public DisclosurePage search(Access access, DisclosureFilter filter) {
		Channel channel = access.channel();
		DisclosureSearch.Criteria criteria = this.search.criteria(filter);
		DisclosurePage page = this.search.page(criteria);
		record(access, ItemKind.AUDIT_SEARCH, criteria.caseId(), criteria.person(), null, AUDIT, channel);
		return page;
	}

	/**
	 * Checks an export and records it (AUDIT_EXPORT, channel EXPORT) in a transaction of
	 * its own that commits before this returns: the log says an export happened before
	 * its first byte can leave, and a search that fails here fails before anything is
	 * sent.
	 */
	@Transactional
	public RecordedExport recordExport(Access access, DisclosureFilter filter) {
		DisclosureSearch.Criteria criteria = this.search.criteria(filter.firstPage());
		record(access, ItemKind.AUDIT_EXPORT, criteria.caseId(), criteria.person(), null, AUDIT, Channel.EXPORT);
		return new RecordedExport(criteria);
	}

	/**
	 * Streams a recorded export's rows (up to the export limit) as CSV; returns how many.
	 */
	@Transactional(readOnly = true)
	public long stream(RecordedExport export, Writer out) {
		return this.search.exportCsv(export.criteria(), this.properties.exportLimit(), out);
	}

	/**
	 * Checks a search without running it, so a form can show its mistakes at the fields.
	 */
	public void check(DisclosureFilter filter) {
		this.search.criteria(filter);
	}

	/**
	 * Finds a person by BSN, or by name and date of birth, for a search. The lookup is
	 * recorded (PERSON_LOOKUP), found or not.
	 */
	@Transactional
	public Optional<UUID> lookupPerson(Access access, SubjectAccessRequest who) {
		Channel channel = access.channel();
		Optional<UUID> found = find(who);
		record(access, ItemKind.PERSON_LOOKUP, null, found.orElse(null), null, AUDIT, channel);
		return found;
	}

	/**
	 * The problem to show when {@link #lookupPerson} finds nobody, at the field that was
	 * used.
	 */
	public static InvalidInput nobodyFound(SubjectAccessRequest who) {
		return notFound(who);
	}

	// --- review queue ------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<ReviewView> openReviews(int limit) {
		Instant now = Instant.now(this.clock);
		return this.reviews.findByStateOrderByDueAtAsc(ReviewItem.State.OPEN, Limit.of(limit))
			.stream()
			.map((item) -> item.view(now))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<ReviewView> reviewedRecently(int limit) {
		Instant now = Instant.now(this.clock);
		return this.reviews.findByStateOrderByReviewedAtDesc(ReviewItem.State.REVIEWED, Limit.of(limit))
			.stream()
			.map((item) -> item.view(now))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ReviewView> reviewItem(UUID id) {
		return this.reviews.findById(id).map((item) -> item.view(Instant.now(this.clock)));
	}

	/**
	 * Records the finding; Envers keeps the item's history (who reviewed, when, under
	 * which purpose).
	 */
	@Transactional
	public ReviewView recordFinding(Access access, UUID id, String finding, String comment) {
		List<FieldProblem> problems = new ArrayList<>();
		Finding parsed = null;
		if (finding == null || finding.isBlank()) {
			problems.add(new FieldProblem("finding", "Choose IN_ORDER, FOLLOW_UP or INCIDENT"));
		}
		else {
			try {
				parsed = Finding.valueOf(finding.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("finding", "Choose IN_ORDER, FOLLOW_UP or INCIDENT"));
			}
		}
		if (comment == null || comment.isBlank()) {
			problems.add(new FieldProblem("comment", "Explain the finding"));
		}
		else if (comment.length() > 4000) {
			problems.add(new FieldProblem("comment", "At most 4000 characters"));
		}
		ReviewItem item = this.reviews.findById(id).orElseThrow(ReviewItemNotFound::new);
		if (problems.isEmpty() && item.view(Instant.now(this.clock)).finding() != null) {
			problems.add(new FieldProblem("finding", "This item has already been reviewed"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		item.review(parsed, comment.strip(), access.actor().username(), Instant.now(this.clock));
		this.reviews.save(item);
		return item.view(Instant.now(this.clock));
	}

	/** The Envers history of a review item: every revision with its actor and purpose. */
	@Transactional(readOnly = true)
	public List<ReviewRevision> reviewHistory(UUID id) {
		return this.jdbc.query("""
				select a.rev, r.revision_time, r.actor, r.purpose, r.request_id, a.state, a.finding, a.reviewed_by
				from review_item_aud a join revision r on r.id = a.rev where a.id = ? order by a.rev""",
				(rs, i) -> new ReviewRevision(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
				id);
	}

	// --- change history ----------------------------------------------------------------

	@Transactional
	public List<HistoryEntry> caseHistory(Access access, UUID caseId) {
		Channel channel = access.channel();
		List<HistoryEntry> entries = this.history.ofCase(caseId);
		record(access, ItemKind.CHANGE_HISTORY, caseId, this.history.personOfCase(caseId).orElse(null), caseId, AUDIT,
				channel);
		return entries;
	}

	@Transactional
	public List<HistoryEntry> contributionHistory(Access access, UUID contributionId) {
		Channel channel = access.channel();
		List<HistoryEntry> entries = this.history.ofContribution(contributionId);
		UUID caseId = this.history.caseOfContribution(contributionId).orElse(null);
		record(access, ItemKind.CHANGE_HISTORY, caseId,
				(caseId != null) ? this.history.personOfCase(caseId).orElse(null) : null, contributionId, AUDIT,
				channel);
		return entries;
	}

	// --- integrity ---------------------------------------------------------------------

	@Transactional(readOnly = true)
	public Optional<SealedHead> head() {
		return SealedHead.latest(this.jdbc);
	}

	/**
	 * Recomputes the chain: everything, or (incremental) from the last intact
	 * verification's head; optionally against a head exported earlier
	 * ({@code NUMBER:HASH}).
	 */
	public VerificationReport verify(Access access, boolean incremental, String exportedHead) {
		LogVerifier.ExportedHead expected = null;
		if (exportedHead != null && !exportedHead.isBlank()) {
			try {
				expected = LogVerifier.ExportedHead.parse(exportedHead);
			}
			catch (IllegalArgumentException ex) {
				throw InvalidInput.of("head", ex.getMessage());
			}
		}
		long from = 1;
		if (incremental) {
			Optional<LogVerifier.ExportedHead> last = this.verifier.lastIntactHead();
			if (last.isPresent()) {
				from = last.get().number();
				if (expected == null) {
					expected = last.get();
				}
			}
		}
		return this.verifier.verify(from, expected, "auditor:" + access.actor().username());
	}

	@Transactional(readOnly = true)
	public List<Verification> recentVerifications(int limit) {
		return this.jdbc.query(
				"""
						select verified_at, verified_by, from_block, to_block, head_hash, rows_checked, intact, first_broken_block, summary
						from log_verification order by id desc limit ?""",
				(rs, i) -> new Verification(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
						(Long) rs.getObject(3), (Long) rs.getObject(4), rs.getString(5), rs.getLong(6),
						rs.getBoolean(7), (Long) rs.getObject(8), rs.getString(9)),
				limit);
	}

	public Period retention() {
		return this.properties.retention();
	}

	// --- subject access ----------------------------------------------------------------

	/**
	 * The report for one person; recorded (SUBJECT_ACCESS, purpose SUBJECT_ACCESS,
	 * channel EXPORT).
	 */
	@Transactional
	public SubjectAccessReport subjectAccess(Access access, SubjectAccessRequest who) {
		UUID person = find(who).orElseThrow(() -> notFound(who));
		SubjectAccessReport report = this.subjectAccess.report(person, this.flags.showProfessionalNames(),
				Instant.now(this.clock));
		record(access, ItemKind.SUBJECT_ACCESS, null, person, null, SUBJECT_ACCESS, Channel.EXPORT);
		return report;
	}

	// -----------------------------------------------------------------------------------

	private Optional<UUID> find(SubjectAccessRequest who) {
		String bsnText = (who.bsn() == null) ? "" : who.bsn().strip();
		if (!bsnText.isEmpty()) {
			Bsn bsn = Bsn.parse(bsnText)
				.orElseThrow(() -> InvalidInput.of("bsn", "Not a valid BSN (it fails the eleven-test)"));
			return this.persons.findByBsn(bsn).map(PersonId::value);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (who.name() == null || who.name().isBlank()) {
			problems.add(new FieldProblem("name", "Give a BSN, or a name and a date of birth"));
		}
		LocalDate dateOfBirth = null;
		if (who.dateOfBirth() == null || who.dateOfBirth().isBlank()) {
			problems.add(new FieldProblem("dateOfBirth", "Give a BSN, or a name and a date of birth"));
		}
		else {
			try {
				dateOfBirth = LocalDate.parse(who.dateOfBirth().strip());
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("dateOfBirth", "A date such as 1980-12-31"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		List<UUID> found = this.subjectAccess.personsNamed(who.name(), dateOfBirth);
		if (found.size() > 1) {
			throw InvalidInput.of("name", "More than one person has this name and date of birth; use the BSN");
		}
		return found.stream().findFirst();
	}

	private static InvalidInput notFound(SubjectAccessRequest who) {
		return (who.bsn() != null && !who.bsn().isBlank()) ? InvalidInput.of("bsn", "No person with this BSN")
				: InvalidInput.of("name", "No person with this name and date of birth");
	}

	private void record(Access access, ItemKind kind, UUID caseId, UUID personId, UUID itemId, String purpose,
			Channel channel) {
		Purpose bound = this.policy.purpose(purpose).orElseThrow();
		this.log.recordMetadata(access, new DisclosureLog.Metadata(kind, caseId, personId, itemId, bound, BASIS,
				SUBJECT_ACCESS.equals(purpose) ? SUBJECT_ACCESS_RULE : AUDIT_RULE, channel));
	}

	/** One revision of a review item. */
	public record ReviewRevision(long revision, Instant time, String actor, String purpose, String requestId,
			String state, String finding, String reviewedBy) {
	}

	/** No review item has this id. */
	public static class ReviewItemNotFound extends RuntimeException {

		ReviewItemNotFound() {
			super("No such review item");
		}

	}

	/**
	 * An export whose own disclosure row is committed; only such an export is streamed.
	 */
	record RecordedExport(DisclosureSearch.Criteria criteria) {
	}

}
