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
 * {@link FollowUps#WINDOW_DAYS} days), a case closed after its plan marked closed while
 * it is followed up until its erasure date; or those cancelled, with the reason. Metadata
 * only — case reference, intervention, date, responsible partner — like the coordinator's
 * case list.
 */
@Service
public class FollowUpOverview {

	private final FollowUps followUps;

	private final CaseFileService cases;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	private final CaseAccess access;

	FollowUpOverview(FollowUps followUps, CaseFileService cases, OrganisationDirectory organisations, Clock clock,
			CaseAccess access) {
		this.access = access;
		this.followUps = followUps;
		this.cases = cases;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * One moment: {@code caseClosed} when its case was closed after its plan and is
	 * followed up until its erasure date; {@code cancelledOn} and {@code cancelReason}
	 * when it was not kept.
	 */
	public record Moment(UUID caseId, String reference, UUID interventionId, int monthsAfterStart, LocalDate dueOn,
			String responsibleOrganisation, boolean overdue, boolean caseClosed, LocalDate cancelledOn,
			String cancelReason, UUID momentId) {
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
			case "cancelled" -> null;
			default -> throw InvalidInput.of("due", "overdue, due or cancelled");
		};
		List<FollowUp> listed = (before != null) ? this.followUps.openOfSafetyHouseDueBefore(house.id().value(), before)
				: this.followUps.cancelledOfSafetyHouse(house.id().value());
		Map<UUID, CaseFacts> facts = this.cases.facts(listed.stream().map(FollowUp::caseId).distinct().toList())
			.stream()
			.collect(Collectors.toMap((f) -> f.id().value(), Function.identity()));
		// a closed case's moment is listed while it is still followed up: closed after
		// its plan, before its erasure date
		return listed.stream()
			.filter((f) -> facts.containsKey(f.caseId()))
			.filter((f) -> before == null || this.followUps.stillDue(f, facts.get(f.caseId())))
			.map((f) -> new Moment(f.caseId(), facts.get(f.caseId()).reference(), f.caseInterventionId(),
					f.monthsAfterStart(), f.dueOn(), f.responsibleOrganisation(),
					f.cancelledOn() == null && f.dueOn().isBefore(today), !facts.get(f.caseId()).open(),
					f.cancelledOn(), f.cancelReason(), f.id()))
			.toList();
	}

	/**
	 * A partner's own moments, due or overdue: those its organisation is responsible for,
	 * on the cases this professional takes part in today or — on a case closed after its
	 * plan — took part in until the closure ended the admission (who may follow it up, as
	 * {@link CaseAccess#followUpWritable} has it). Metadata of one's own work, like one's
	 * own case list: nothing here is case content.
	 */
	@Transactional(readOnly = true)
	public List<Moment> mine(Actor actor) {
		if (actor.actingRole()
			.filter((r) -> r == Role.CARE_PROFESSIONAL || r == Role.JUSTICE_PROFESSIONAL
					|| r == Role.MUNICIPAL_PROFESSIONAL)
			.isEmpty()) {
			throw new AccessDeniedException("A partner's follow-up moments are its professionals'");
		}
		LocalDate today = LocalDate.now(this.clock);
		List<FollowUp> listed = this.followUps.openOfOrganisationDueBefore(actor.organisation(),
				today.plusDays(FollowUps.WINDOW_DAYS + 1));
		Map<UUID, CaseFacts> facts = this.cases.facts(listed.stream().map(FollowUp::caseId).distinct().toList())
			.stream()
			.collect(Collectors.toMap((f) -> f.id().value(), Function.identity()));
		Map<UUID, Boolean> mayFollowUp = new java.util.HashMap<>();
		return listed.stream()
			.filter((f) -> facts.containsKey(f.caseId()) && this.followUps.stillDue(f, facts.get(f.caseId())))
			.filter((f) -> mayFollowUp.computeIfAbsent(f.caseId(), (id) -> {
				CaseFacts c = facts.get(id);
				return c.open() ? this.access.admittedForAny(c, actor)
						: !this.access.followUpPurposes(c, actor).isEmpty();
			}))
			.map((f) -> new Moment(f.caseId(), facts.get(f.caseId()).reference(), f.caseInterventionId(),
					f.monthsAfterStart(), f.dueOn(), f.responsibleOrganisation(), f.dueOn().isBefore(today),
					!facts.get(f.caseId()).open(), null, null, f.id()))
			.toList();
	}

}
