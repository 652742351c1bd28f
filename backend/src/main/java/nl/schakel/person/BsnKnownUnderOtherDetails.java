package nl.schakel.person;

import java.util.List;

/**
 * The BSN of a referral is already registered for a person whose name or date of birth
 * differ from the ones typed. Attaching the referral silently would show that person's
 * details and history to the partners of the new case, so the coordinator must first
 * confirm it is the same person. It names only which details differ, never the registered
 * ones.
 */
public class BsnKnownUnderOtherDetails extends RuntimeException {

	/** A detail of the referral that differs from the person registered under the BSN. */
	public enum Difference {

		NAME, DATE_OF_BIRTH

	}

	private final List<Difference> differences;

	BsnKnownUnderOtherDetails(List<Difference> differences) {
		super("The BSN is registered for a person with another " + differences);
		this.differences = List.copyOf(differences);
	}

	public List<Difference> differences() {
		return this.differences;
	}

}
