package nl.schakel.participation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.organisation.Domain;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.policy.Policy;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Component;

/**
 * Who may be admitted to a case: a known organisation that is not another safety house,
 * for at least one purpose the policy knows, professionals named by a username the
 * database can hold, and an end date not already past. Every problem is named at its
 * field, all at once.
 */
@Component
public class AdmissionRules {

	/** The longest username a participation can name (the database column's width). */
	public static final int MAX_USERNAME = 100;

	private final OrganisationDirectory organisations;

	private final Policy policy;

	private final Clock clock;

	AdmissionRules(OrganisationDirectory organisations, Policy policy, Clock clock) {
		this.organisations = organisations;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Refuses an admission to a case of this safety house that breaks a rule.
	 * @param admission what the coordinator asks
	 * @param caseOrganisation the id of the safety house whose case it is
	 * @throws InvalidInput naming every field at fault
	 */
	public void check(Admission admission, UUID caseOrganisation) {
		List<FieldProblem> problems = new ArrayList<>();
		if (admission.organisation() == null || this.organisations.byCode(admission.organisation()).isEmpty()) {
			problems.add(new FieldProblem("organisation", "Unknown organisation"));
		}
		else if (this.organisations.byCode(admission.organisation())
			.filter((o) -> o.domain() == Domain.SAFETY_HOUSE && !o.id().value().equals(caseOrganisation))
			.isPresent()) {
			// a safety house's organisation takes part in every purpose of its own cases;
			// another
			// house admitted here would let its coordinators read a case they do not
			// steer
			problems.add(new FieldProblem("organisation", "Another safety house takes no part in this case"));
		}
		if (admission.purposes().isEmpty()) {
			problems.add(new FieldProblem("purposes", "Name at least one purpose"));
		}
		for (String purpose : admission.purposes()) {
			if (this.policy.purpose(purpose).isEmpty()) {
				problems.add(new FieldProblem("purposes", "Unknown purpose: " + purpose));
			}
		}
		// the column holds usernames of at most 100 characters; longer ones were a 500
		for (String professional : admission.professionals()) {
			if (professional.isBlank() || professional.length() > MAX_USERNAME
					|| professional.chars().anyMatch(Character::isWhitespace)) {
				problems.add(new FieldProblem("professionals",
						"Name each professional by username: at most " + MAX_USERNAME + " characters, no spaces"));
			}
		}
		if (admission.validUntil() != null && admission.validUntil().isBefore(LocalDate.now(this.clock))) {
			problems.add(new FieldProblem("validUntil", "The end date lies in the past"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

}
