package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * An intervention chosen for a case: which one from the catalogue, which partner delivers
 * which part, when it starts and how long it is expected to run, the assessed domains it
 * addresses, and the people from the community involved (they have no login and see
 * nothing).
 */
public record InterventionRequest(String intervention, LocalDate startedOn, Integer expectedWeeks,
		List<String> addressedDomains, List<Part> parts, List<InvolvedPerson> involvedPersons, String note) {

	/** Which organisation delivers which part. */
	public record Part(String organisation, String description) {
	}

	/** A key figure, mentor or family member involved, with their role. */
	public record InvolvedPerson(String name, String role) {
	}

	/** How an intervention ended: completed, or stopped early with a reason. */
	public record OutcomeRequest(String outcome, LocalDate endedOn, String reason, String note) {
	}

	/** A barrier met, and the response chosen. */
	public record BarrierRequest(String kind, LocalDate occurredOn, String response) {
	}

}
