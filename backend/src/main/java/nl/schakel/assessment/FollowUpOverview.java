package nl.schakel.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;
import nl.schakel.web.InvalidInput;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's overview of follow-up moments of the cases their safety house steers:
 * those overdue (due before today and not done) or due (also those due within the coming
 * {@link FollowUps#WINDOW_DAYS} days). Metadata only — case reference, intervention,
 * date, responsible partner — like the coordinator's case list.
 */
@Service
public class FollowUpOverview {

	private final FollowUps followUps;

	private final CaseFileService cases;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	FollowUpOverview(FollowUps followUps, CaseFileService cases, OrganisationDirectory organisations, Clock clock) {
		this.followUps = followUps;
		this.cases = cases;
		this.organisations = organisations;
		this.clock = clock;
	}

	public record Moment(UUID caseId, String reference, UUID interventionId, int monthsAfterStart, LocalDate dueOn,
			String responsibleOrganisation, boolean overdue) {
	}

	@Transactional(readOnly = true)
	public List<Moment> list(Actor actor, String due) {
		Organisation house = this.organisations.byCode(actor.organisation())
			.filter((o) -> o.domain() == Domain.SAFETY_HOUSE)
			.orElse(null);
		if (!actor.has(Role.COORDINATOR) || house == null) {
			throw new AccessDeniedException("The follow-up overview is the coordinator's");
		}
		String which = (due == null || due.isBlank()) ? "due" : due.strip();
		LocalDate today = LocalDate.now(this.clock);
		LocalDate before = switch (which) {
			case "overdue" -> today;
			case "due" -> today.plusDays(FollowUps.WINDOW_DAYS + 1);
			default -> throw InvalidInput.of("due", "overdue or due");
		};
		List<FollowUp> open = this.followUps.openOfSafetyHouseDueBefore(house.id().value(), before);
		Map<UUID, CaseFacts> facts = this.cases.facts(open.stream().map(FollowUp::caseId).distinct().toList())
			.stream()
			.collect(Collectors.toMap((f) -> f.id().value(), Function.identity()));
		return open.stream()
			.filter((f) -> facts.containsKey(f.caseId()))
			.map((f) -> new Moment(f.caseId(), facts.get(f.caseId()).reference(), f.caseInterventionId(),
					f.monthsAfterStart(), f.dueOn(), f.responsibleOrganisation(), f.dueOn().isBefore(today)))
			.toList();
	}

}
