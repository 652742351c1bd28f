package nl.schakel.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.disclosure.AudienceForecast;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.DisclosureLog;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Wat ziet wie?" for a professional composing a contribution: which participating
 * organisations would see it, from the item's metadata alone (see
 * {@link AudienceForecast}). Only a caseworker admitted to the case today, for any
 * purpose, may ask; anyone else gets the answer of a case that does not exist. Nothing is
 * disclosed and nothing is logged: the draft's text never reaches this.
 */
@Service
public class CaseAudiencePreview {

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final AudienceForecast forecast;

	private final PolicyOffers offers;

	private final OrganisationDirectory organisations;

	private final MessageSource messages;

	private final DisclosureLog log;

	/** The rule a preview's record names: participants shown, no content. */
	static final String RULE = "audience-preview";

	CaseAudiencePreview(CaseFileService cases, ParticipationRegistry participation, AudienceForecast forecast,
			PolicyOffers offers, OrganisationDirectory organisations, MessageSource messages, DisclosureLog log) {
		this.log = log;
		this.cases = cases;
		this.participation = participation;
		this.forecast = forecast;
		this.offers = offers;
		this.organisations = organisations;
		this.messages = messages;
	}

	/**
	 * The draft's metadata as a form or a query string gives it.
	 *
	 * @param category data category code
	 * @param legalBasis legal basis code
	 * @param consentId the consent the item would rest on, if any
	 * @param audienceOrganisations organisation codes to share with
	 * @param audienceDomains domain codes to share with
	 */
	public record Query(String category, String legalBasis, String consentId, List<String> audienceOrganisations,
			List<String> audienceDomains) {

		/**
		 * Whether category and basis are chosen, without which nothing can be foreseen.
		 */
		public boolean complete() {
			return !blank(this.category) && !blank(this.legalBasis);
		}

	}

	/**
	 * Refuses anyone but a caseworker admitted to the case today: 403 for a role without
	 * casework, 404 (as for a missing case) for anyone else.
	 */
	@Transactional(readOnly = true)
	public void requireAdmitted(Access access, CaseId id) {
		admission(access, id);
	}

	/** The case and the purposes the reader is admitted for, or the refusal above. */
	private Admission admission(Access access, CaseId id) {
		Caseworkers.require(access);
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		Actor actor = access.actor();
		List<String> purposes = this.participation.admittedPurposes(facts.id(), actor.organisation(), actor.username());
		if (purposes.isEmpty()) {
			throw new CaseNotFound();
		}
		return new Admission(facts, purposes);
	}

	private record Admission(CaseFacts facts, List<String> purposes) {
	}

	/**
	 * Who would see the draft, per participating organisation.
	 * @throws InvalidInput naming each field that is missing, unknown, or not one the
	 * author's role may contribute (as the contribution itself would be refused)
	 */
	@Transactional
	public List<AudienceForecast.Foreseen> foresee(Access access, CaseId id, Query query) {
		Admission admission = admission(access, id);
		List<FieldProblem> problems = new ArrayList<>();
		DataCategory category = parse(DataCategory.class, query.category(), "category",
				"contribution.category.required", problems);
		LegalBasis basis = parse(LegalBasis.class, query.legalBasis(), "legalBasis", "contribution.legalBasis.required",
				problems);
		UUID consentId = null;
		if (!blank(query.consentId())) {
			try {
				consentId = UUID.fromString(query.consentId().strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(problem("consentId", "contribution.consentId.unknown"));
			}
		}
		List<String> audienceOrganisations = new ArrayList<>();
		for (String code : nonNull(query.audienceOrganisations())) {
			if (blank(code)) {
				continue;
			}
			if (this.organisations.byCode(code.strip()).isEmpty()) {
				problems.add(problem("audienceOrganisations", "contribution.audience.unknownOrganisation"));
			}
			else {
				audienceOrganisations.add(code.strip());
			}
		}
		List<String> audienceDomains = new ArrayList<>();
		for (String domain : nonNull(query.audienceDomains())) {
			if (blank(domain)) {
				continue;
			}
			try {
				audienceDomains.add(Domain.valueOf(domain.strip()).name());
			}
			catch (IllegalArgumentException ex) {
				problems.add(problem("audienceDomains", "contribution.audience.unknownDomain"));
			}
		}
		Role role = access.actor().actingRole().orElse(null);
		if (category != null && !this.offers.categories(role).contains(category)) {
			problems.add(problem("category", "contribution.category.notForRole"));
		}
		else if (category != null && basis != null && !this.offers.mayContribute(role, category, basis)) {
			problems.add(problem("legalBasis", "contribution.legalBasis.notForCategory"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		List<AudienceForecast.Foreseen> foreseen = this.forecast.foresee(id.value(),
				new AudienceForecast.Draft(access.actor().organisation(), category, basis,
						(basis == LegalBasis.CONSENT) ? consentId : null, audienceOrganisations, audienceDomains));
		// the answer names the case's participants: that is recorded like any other
		// metadata shown, under the purpose named or else one the reader is admitted for
		CaseFacts facts = admission.facts();
		String purpose = (access.purpose() != null) ? access.purpose() : admission.purposes().get(0);
		this.log.recordMetadata(access, new DisclosureLog.Metadata(ItemKind.CASE, facts.id().value(), facts.personId(),
				null, new Purpose(purpose), LegalBasis.PUBLIC_TASK.name(), RULE, access.channel()));
		return foreseen;
	}

	private <E extends Enum<E>> E parse(Class<E> type, String code, String field, String missing,
			List<FieldProblem> problems) {
		if (blank(code)) {
			problems.add(problem(field, missing));
			return null;
		}
		try {
			return Enum.valueOf(type, code.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(problem(field, missing));
			return null;
		}
	}

	private FieldProblem problem(String field, String code) {
		return new FieldProblem(field, this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static List<String> nonNull(List<String> values) {
		return (values == null) ? List.of() : values;
	}

}
