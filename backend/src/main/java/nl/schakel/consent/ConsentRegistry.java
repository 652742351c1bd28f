package nl.schakel.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.schakel.ids.CaseId;
import nl.schakel.ids.ConsentId;
import nl.schakel.ids.OrganisationCode;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Policy;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records consents on a case for the organisation that holds the information, and
 * answers, at the moment of every read, whether a consent opens an item to a reader.
 * Withdrawal or expiry stops disclosures based on it at once, because nothing is cached:
 * each disclosure asks again.
 */
@Service
public class ConsentRegistry {

	/**
	 * The longest evidence description (a form's reference; the database column's width).
	 */
	static final int MAX_EVIDENCE = 300;

	/** The longest name of whoever obtained the consent (the column's width). */
	static final int MAX_OBTAINED_BY = 200;

	/** The longest withdrawal reason (the column's width). */
	static final int MAX_REASON = 2000;

	private final Consents consents;

	private final OrganisationDirectory organisations;

	private final Policy policy;

	private final Clock clock;

	ConsentRegistry(Consents consents, OrganisationDirectory organisations, Policy policy, Clock clock) {
		this.consents = consents;
		this.organisations = organisations;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Records a consent for the holder's own information on one case. The caller has made
	 * sure the recorder takes part in the case; this checks the consent itself.
	 * @throws InvalidInput naming each field that is wrong; nothing is written then
	 */
	@Transactional
	public ConsentView record(NewConsent consent) {
		List<FieldProblem> problems = problems(consent);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return this.consents.save(new Consent(consent, Instant.now(this.clock))).view(today());
	}

	/**
	 * Withdraws a consent of this case from the given day (today when none is given).
	 * Only the holder may, or the coordinator steering the case, who must say why.
	 * @throws ConsentNotFound when the consent is not one of this case
	 * @throws ConsentHeldByAnother when the withdrawer may not withdraw it
	 * @throws InvalidInput for a date before the consent's start or in the future, or a
	 * missing reason
	 */
	@Transactional
	public ConsentView withdraw(CaseId caseId, ConsentId consentId, Withdrawer withdrawer, LocalDate on,
			String reason) {
		Consent consent = this.consents.findById(consentId.value())
			.filter((c) -> caseId.value().equals(c.caseId()))
			.orElseThrow(ConsentNotFound::new);
		if (!consent.mayBeWithdrawnBy(withdrawer)) {
			throw new ConsentHeldByAnother("Only the organisation that recorded a consent withdraws it");
		}
		LocalDate today = today();
		LocalDate effective = (on != null) ? on : today;
		List<FieldProblem> problems = new ArrayList<>();
		if (effective.isBefore(consent.validFrom())) {
			problems.add(new FieldProblem("on",
					"The withdrawal cannot lie before the consent's start (" + consent.validFrom() + ")"));
		}
		else if (effective.isAfter(today)) {
			problems.add(new FieldProblem("on", "The withdrawal cannot lie in the future"));
		}
		String stripped = (reason == null || reason.isBlank()) ? null : reason.strip();
		boolean forThePerson = !withdrawer.organisation().equals(consent.holder());
		if (forThePerson && stripped == null) {
			problems.add(new FieldProblem("reason",
					"Say why: the holder is told that the coordinator withdrew its consent"));
		}
		if (stripped != null && stripped.length() > MAX_REASON) {
			problems.add(new FieldProblem("reason", "At most " + MAX_REASON + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		consent.withdraw(effective, withdrawer, stripped, Instant.now(this.clock));
		return this.consents.save(consent).view(today);
	}

	/**
	 * The holder's consents that the coordinator withdrew for the person since the given
	 * moment, newest first: the notice to the holder that its information is no longer
	 * opened by them.
	 */
	@Transactional(readOnly = true)
	public List<ConsentView> withdrawnForTheHolderSince(OrganisationCode holder, java.time.Instant since) {
		LocalDate today = today();
		return this.consents
			.findByOrganisationAndWithdrawnByOrganisationNotAndWithdrawalRecordedAtAfterOrderByWithdrawalRecordedAtDesc(
					holder.value(), holder.value(), since)
			.stream()
			.map((c) -> c.view(today))
			.toList();
	}

	/**
	 * The consents recorded on this case, oldest first. Showing them is a disclosure: the
	 * caller logs it.
	 */
	@Transactional(readOnly = true)
	public List<ConsentView> onCase(CaseId caseId) {
		LocalDate today = today();
		return this.consents.findByCaseIdOrderByRecordedAtAsc(caseId.value())
			.stream()
			.map((c) -> c.view(today))
			.toList();
	}

	/**
	 * A consent the holder may rely on for its information in this case: one it recorded
	 * on this case. Empty for a consent of another case or another organisation.
	 */
	@Transactional(readOnly = true)
	public Optional<ConsentView> ofHolder(CaseId caseId, OrganisationCode holder, ConsentId consentId) {
		return this.consents.findById(consentId.value())
			.filter((c) -> caseId.value().equals(c.caseId()) && holder.value().equals(c.holder()))
			.map((c) -> c.view(today()));
	}

	/**
	 * Which of these consents open an item to the reader for this category and purpose
	 * today; one query for all items of a read.
	 */
	@Transactional(readOnly = true)
	public ConsentCoverage coverage(Collection<UUID> consentIds) {
		if (consentIds.isEmpty()) {
			// most reads rest on no consent at all: no query for them
			return (consentId, caseId, holder, organisation, domain, category, purpose) -> false;
		}
		Map<UUID, Consent> found = this.consents.findAllByIdIn(consentIds)
			.stream()
			.collect(Collectors.toMap(Consent::id, Function.identity()));
		LocalDate today = today();
		return (consentId, caseId, holder, organisation, domain, category, purpose) -> {
			Consent consent = found.get(consentId);
			return consent != null && consent.covers(caseId, holder, organisation, domain, category, purpose, today);
		};
	}

	private List<FieldProblem> problems(NewConsent consent) {
		ConsentScope scope = consent.scope();
		List<FieldProblem> problems = new ArrayList<>();
		if (scope.organisations().isEmpty() && scope.domains().isEmpty()) {
			problems.add(new FieldProblem("organisations", "Name at least one organisation or domain"));
		}
		for (String code : scope.organisations()) {
			if (this.organisations.byCode(code).isEmpty()) {
				problems.add(new FieldProblem("organisations", "Unknown organisation: " + code));
			}
			else if (code.equals(consent.holder())) {
				problems.add(new FieldProblem("organisations",
						"Your own organisation needs no consent for its own information: name the recipients"));
			}
		}
		for (String domain : scope.domains()) {
			try {
				Domain.valueOf(domain);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("domains", "Unknown domain: " + domain));
			}
		}
		if (scope.categories().isEmpty()) {
			problems.add(new FieldProblem("categories", "Name at least one data category"));
		}
		for (String category : scope.categories()) {
			try {
				DataCategory.valueOf(category);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("categories", "Unknown data category: " + category));
			}
		}
		if (scope.purposes().isEmpty()) {
			problems.add(new FieldProblem("purposes", "Name at least one purpose"));
		}
		for (String code : scope.purposes()) {
			if (this.policy.purpose(code).isEmpty()) {
				problems.add(new FieldProblem("purposes", "Unknown purpose: " + code));
			}
		}
		if (scope.validFrom() == null) {
			problems.add(new FieldProblem("validFrom", "Give the date the consent starts"));
		}
		else if (scope.validUntil() != null && scope.validUntil().isBefore(scope.validFrom())) {
			problems.add(new FieldProblem("validUntil", "The end date lies before the start date"));
		}
		problems.addAll(evidenceProblems(consent.evidence()));
		return problems;
	}

	private List<FieldProblem> evidenceProblems(ConsentEvidence evidence) {
		List<FieldProblem> problems = new ArrayList<>();
		if (evidence == null || evidence.kind() == null) {
			problems
				.add(new FieldProblem("evidenceKind", "Say how the person consented: SIGNED_FORM, VERBAL or WRITTEN"));
		}
		String description = (evidence != null) ? evidence.description() : null;
		if (description == null || description.isBlank()) {
			problems.add(new FieldProblem("evidence", "Say what was signed or said (e.g. the form's reference)"));
		}
		else if (description.length() > MAX_EVIDENCE) {
			problems.add(new FieldProblem("evidence", "At most " + MAX_EVIDENCE + " characters"));
		}
		LocalDate obtainedOn = (evidence != null) ? evidence.obtainedOn() : null;
		if (obtainedOn == null) {
			problems.add(new FieldProblem("evidenceObtainedOn", "Give the date the consent was obtained"));
		}
		else if (obtainedOn.isAfter(today())) {
			problems.add(new FieldProblem("evidenceObtainedOn", "The date lies in the future"));
		}
		String obtainedBy = (evidence != null) ? evidence.obtainedBy() : null;
		if (obtainedBy == null || obtainedBy.isBlank()) {
			problems.add(new FieldProblem("evidenceObtainedBy", "Name who obtained the consent"));
		}
		else if (obtainedBy.length() > MAX_OBTAINED_BY) {
			problems.add(new FieldProblem("evidenceObtainedBy", "At most " + MAX_OBTAINED_BY + " characters"));
		}
		return problems;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Answers whether a consent opens an item to a reader, for the consents loaded by
	 * {@link #coverage}.
	 */
	@FunctionalInterface
	public interface ConsentCoverage {

		/**
		 * @param consentId the consent the item relies on
		 * @param caseId the item's case
		 * @param holder the code of the organisation holding the item
		 * @param organisation the reader's organisation
		 * @param domain the reader's organisation's domain
		 * @param category the item's category
		 * @param purpose the purpose of the read
		 */
		boolean covers(UUID consentId, UUID caseId, String holder, String organisation, String domain, String category,
				String purpose);

	}

}
