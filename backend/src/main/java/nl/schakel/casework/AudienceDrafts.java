package nl.schakel.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.disclosure.AudienceForecast;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.security.Access;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads a "Wat ziet wie?" query into the draft the forecast weighs, checked as the
 * contribution itself would be: category and basis present and known, audience
 * organisations and domains known, and a category and basis the author's role may
 * contribute.
 */
@Component
class AudienceDrafts {

	private final PolicyOffers offers;

	private final OrganisationDirectory organisations;

	private final MessageSource messages;

	AudienceDrafts(PolicyOffers offers, OrganisationDirectory organisations, MessageSource messages) {
		this.offers = offers;
		this.organisations = organisations;
		this.messages = messages;
	}

	/**
	 * The draft of the author's organisation, as the query describes it.
	 * @throws InvalidInput naming each field that is missing, unknown, or not one the
	 * author's role may contribute
	 */
	AudienceForecast.Draft read(Access access, CaseAudiencePreview.Query query) {
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
		return new AudienceForecast.Draft(access.actor().organisation(), category, basis,
				(basis == LegalBasis.CONSENT) ? consentId : null, audienceOrganisations, audienceDomains);
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

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static List<String> nonNull(List<String> values) {
		return (values == null) ? List.of() : values;
	}

}
