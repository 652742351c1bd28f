package nl.schakel.contribution;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.consent.ConsentRegistry;
import nl.schakel.consent.ConsentView;
import nl.schakel.ids.CaseId;
import nl.schakel.ids.ConsentId;
import nl.schakel.ids.OrganisationCode;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What each legal basis needs before information may be shared on it: a consent in force
 * for the category (recorded on this case by the organisation whose information it is), a
 * statutory provision, or all five answers of a conflict-of-duties judgement. One rule
 * for contributing and for granting a disclosure request.
 */
@Component
class BasisRequirements {

	private final ConsentRegistry consents;

	private final MessageSource messages;

	BasisRequirements(ConsentRegistry consents, MessageSource messages) {
		this.consents = consents;
		this.messages = messages;
	}

	/**
	 * @param caseId the case the information is shared in
	 * @param holder the organisation whose information it is: a consent must be one it
	 * recorded on this case
	 */
	List<FieldProblem> check(LegalBasis basis, DataCategory category, UUID caseId, String holder, UUID consentId,
			String statutoryReference, ContributionRequest.ConflictOfDuties cod) {
		List<FieldProblem> problems = new ArrayList<>();
		if (basis == LegalBasis.CONSENT) {
			if (consentId == null) {
				problems.add(problem("consentId", "contribution.consentId.required"));
			}
			else {
				ConsentView consent = this.consents
					.ofHolder(new CaseId(caseId), new OrganisationCode(holder), new ConsentId(consentId))
					.orElse(null);
				if (consent == null) {
					problems.add(problem("consentId", "contribution.consentId.unknown"));
				}
				else if (!consent.inForce()) {
					problems.add(problem("consentId", "contribution.consentId.notInForce"));
				}
				else if (category != null && !consent.scope().categories().contains(category.name())) {
					problems.add(problem("consentId", "contribution.consentId.otherCategory"));
				}
			}
		}
		if (basis == LegalBasis.STATUTORY && isBlank(statutoryReference)) {
			problems.add(problem("statutoryReference", "contribution.statutoryReference.required"));
		}
		// a contribution's body has these limits checked by bean validation already; a
		// grant's
		// has not, and the columns refuse longer text (which was a 500)
		if (statutoryReference != null && statutoryReference.strip().length() > 200) {
			problems.add(problem("statutoryReference", "contribution.statutoryReference.size"));
		}
		if (basis == LegalBasis.CONFLICT_OF_DUTIES) {
			requireAnswer(problems, "conflictOfDuties.interest", (cod != null) ? cod.getInterest() : null);
			requireAnswer(problems, "conflictOfDuties.whyNoConsent", (cod != null) ? cod.getWhyNoConsent() : null);
			requireAnswer(problems, "conflictOfDuties.noOtherWay", (cod != null) ? cod.getNoOtherWay() : null);
			requireAnswer(problems, "conflictOfDuties.seriousHarm", (cod != null) ? cod.getSeriousHarm() : null);
			requireAnswer(problems, "conflictOfDuties.strictlyNeeded", (cod != null) ? cod.getStrictlyNeeded() : null);
		}
		return problems;
	}

	/**
	 * A care professional who shares health information on a conflict of duties breaks
	 * medical secrecy: they must say they know it, whether contributing or granting a
	 * request.
	 */
	List<FieldProblem> checkSecrecyBreach(LegalBasis basis, DataCategory category, Actor actor, boolean confirmed) {
		if (basis == LegalBasis.CONFLICT_OF_DUTIES && category == DataCategory.HEALTH
				&& actor.has(Role.CARE_PROFESSIONAL) && !confirmed) {
			return List.of(problem("secrecyBreachConfirmed", "contribution.cod.confirm.required"));
		}
		return List.of();
	}

	static ConflictOfDutiesJustification justification(ContributionRequest.ConflictOfDuties cod) {
		return new ConflictOfDutiesJustification(strip(cod.getInterest()), strip(cod.getWhyNoConsent()),
				strip(cod.getNoOtherWay()), strip(cod.getSeriousHarm()), strip(cod.getStrictlyNeeded()));
	}

	FieldProblem problem(String field, String code) {
		return new FieldProblem(field, this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
	}

	private void requireAnswer(List<FieldProblem> problems, String field, String answer) {
		if (isBlank(answer)) {
			problems.add(problem(field, "contribution.cod.required"));
		}
		else if (answer.strip().length() > 2000) {
			problems.add(problem(field, "contribution.cod.size"));
		}
	}

	static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	static String strip(String text) {
		return (text == null) ? null : text.strip();
	}

}
