package nl.schakel.contribution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.schakel.consent.ConsentRegistry;
import nl.schakel.consent.ConsentView;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisations;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds contributions: the author must take part in the case for the purpose, the legal basis
 * must carry what it needs, and the text is sealed before it is stored.
 */
@Service
public class ContributionService {

	private final Contributions contributions;

	private final ParticipationRegistry participation;

	private final ConsentRegistry consents;

	private final Organisations organisations;

	private final FieldCipher cipher;

	private final MessageSource messages;

	private final Clock clock;

	ContributionService(Contributions contributions, ParticipationRegistry participation, ConsentRegistry consents,
			Organisations organisations, FieldCipher cipher, MessageSource messages, Clock clock) {
		this.contributions = contributions;
		this.participation = participation;
		this.consents = consents;
		this.organisations = organisations;
		this.cipher = cipher;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Adds a contribution to the case of this person. Throws {@link NotAParticipant} when the
	 * author is not admitted for the purpose, {@link InvalidInput} when the basis lacks what
	 * it needs.
	 */
	@Transactional
	public UUID add(UUID caseId, UUID personId, Purpose purpose, ContributionRequest request) {
		Actor author = CurrentActor.require();
		if (!this.participation.isAdmitted(caseId, author.organisation(), author.username(), purpose.code())) {
			throw new NotAParticipant();
		}
		List<FieldProblem> problems = new ArrayList<>();
		ConflictOfDutiesJustification justification = null;
		LegalBasis basis = request.getLegalBasis();
		if (basis == LegalBasis.CONSENT) {
			if (request.getConsentId() == null) {
				problems.add(problem("consentId", "contribution.consentId.required"));
			}
			else {
				ConsentView consent = this.consents.find(personId, request.getConsentId()).orElse(null);
				if (consent == null) {
					problems.add(problem("consentId", "contribution.consentId.unknown"));
				}
				else if (!consent.inForce()) {
					problems.add(problem("consentId", "contribution.consentId.notInForce"));
				}
				else if (!consent.scope().categories().contains(request.getCategory().name())) {
					problems.add(problem("consentId", "contribution.consentId.otherCategory"));
				}
			}
		}
		if (basis == LegalBasis.STATUTORY && isBlank(request.getStatutoryReference())) {
			problems.add(problem("statutoryReference", "contribution.statutoryReference.required"));
		}
		if (basis == LegalBasis.CONFLICT_OF_DUTIES) {
			ContributionRequest.ConflictOfDuties cod = request.getConflictOfDuties();
			requireAnswer(problems, "conflictOfDuties.interest", (cod != null) ? cod.getInterest() : null);
			requireAnswer(problems, "conflictOfDuties.whyNoConsent", (cod != null) ? cod.getWhyNoConsent() : null);
			requireAnswer(problems, "conflictOfDuties.noOtherWay", (cod != null) ? cod.getNoOtherWay() : null);
			requireAnswer(problems, "conflictOfDuties.seriousHarm", (cod != null) ? cod.getSeriousHarm() : null);
			requireAnswer(problems, "conflictOfDuties.strictlyNeeded", (cod != null) ? cod.getStrictlyNeeded() : null);
			if (cod != null) {
				justification = new ConflictOfDutiesJustification(strip(cod.getInterest()),
						strip(cod.getWhyNoConsent()), strip(cod.getNoOtherWay()), strip(cod.getSeriousHarm()),
						strip(cod.getStrictlyNeeded()));
			}
		}
		Set<String> audienceOrganisations = new LinkedHashSet<>();
		for (String code : nonNull(request.getAudienceOrganisations())) {
			if (isBlank(code)) {
				continue;
			}
			if (this.organisations.findByCode(code.strip()).isEmpty()) {
				problems.add(problem("audienceOrganisations", "contribution.audience.unknownOrganisation"));
			}
			else {
				audienceOrganisations.add(code.strip());
			}
		}
		Set<String> audienceDomains = new LinkedHashSet<>();
		for (String domain : nonNull(request.getAudienceDomains())) {
			if (isBlank(domain)) {
				continue;
			}
			try {
				audienceDomains.add(Domain.valueOf(domain.strip()).name());
			}
			catch (IllegalArgumentException ex) {
				problems.add(problem("audienceDomains", "contribution.audience.unknownDomain"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// by default an item is shared with nobody but the author's own organisation
		audienceOrganisations.add(author.organisation());
		Contribution contribution = new Contribution(caseId, author.username(), author.organisation(),
				request.getCategory(), basis, (basis == LegalBasis.CONSENT) ? request.getConsentId() : null,
				(basis == LegalBasis.STATUTORY) ? request.getStatutoryReference().strip() : null,
				(basis == LegalBasis.CONFLICT_OF_DUTIES) ? justification : null, List.copyOf(audienceOrganisations),
				List.copyOf(audienceDomains), Instant.now(this.clock));
		contribution.seal(this.cipher.seal(request.getText().strip(), contribution.contentBinding()));
		return this.contributions.save(contribution).id();
	}

	/** The case's contributions as the gate needs them, content still sealed. */
	@Transactional(readOnly = true)
	public List<DisclosableItem> items(UUID caseId) {
		return this.contributions.findByCaseIdOrderByCreatedAtAsc(caseId).stream().map(Contribution::toItem).toList();
	}

	private void requireAnswer(List<FieldProblem> problems, String field, String answer) {
		if (isBlank(answer)) {
			problems.add(problem(field, "contribution.cod.required"));
		}
	}

	private FieldProblem problem(String field, String code) {
		return new FieldProblem(field, this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String strip(String text) {
		return (text == null) ? null : text.strip();
	}

	private static List<String> nonNull(List<String> values) {
		return (values == null) ? List.of() : values;
	}

}
