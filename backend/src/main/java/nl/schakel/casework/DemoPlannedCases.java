package nl.schakel.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.contribution.DisclosureRequestView;
import nl.schakel.ids.ContributionId;
import nl.schakel.meeting.MeetingService;
import nl.schakel.meeting.NewMeeting;
import nl.schakel.meeting.NewMinutes;
import nl.schakel.plan.ActionStatus;
import nl.schakel.plan.ActionSummary;
import nl.schakel.plan.NewAction;
import nl.schakel.plan.PlanOfAction;
import nl.schakel.plan.StatusUpdate;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import static nl.schakel.casework.DemoSteps.CONSULTATION;
import static nl.schakel.casework.DemoSteps.MONITORING;
import static nl.schakel.casework.DemoSteps.PLAN;
import static nl.schakel.casework.DemoSteps.ZONE;

/**
 * The demo cases past consultation ({@link DemoCases}): one whose plan a case meeting
 * agreed, and one in monitoring after its plan was carried out.
 */
@Component
@ConditionalOnBooleanProperty("schakel.demo-data.enabled")
class DemoPlannedCases {

	private final DemoSteps steps;

	private final CaseLifecycle lifecycle;

	private final CaseContributions caseContributions;

	private final PlanOfAction plan;

	private final MeetingService meetings;

	DemoPlannedCases(DemoSteps steps, CaseLifecycle lifecycle, CaseContributions caseContributions, PlanOfAction plan,
			MeetingService meetings) {
		this.steps = steps;
		this.lifecycle = lifecycle;
		this.caseContributions = caseContributions;
		this.plan = plan;
		this.meetings = meetings;
	}

	/** A case with a plan: partners carry it out; a request the GGZ answered. */
	CaseFacts withAPlan() {
		CaseFacts c = this.steps.accepted("Eva Verzonnen", LocalDate.of(1969, 6, 5), "999990032",
				CaseType.HIGH_IMPACT_CRIME, "Herhaald woninginbraak, verslavingsproblematiek.",
				"Zorg en toezicht in samenhang.");
		this.steps.admit(c, "verslavingszorg-midden", CONSULTATION, PLAN);
		this.steps.admit(c, "reclassering-midden", CONSULTATION, PLAN);
		this.steps.admit(c, "ggz-midden", CONSULTATION, PLAN);
		UUID asked = this.steps.contribute("verslavingszorg", c, CONSULTATION, DataCategory.HEALTH,
				LegalBasis.PUBLIC_TASK, "Ambulante behandeling gestart; terugval in de zomer (fictief).", null,
				List.of("CARE", "JUSTICE"));
		this.steps.contribute("reclassering", c, CONSULTATION, DataCategory.CRIMINAL, LegalBasis.STATUTORY,
				"Toezicht met meldplicht tot volgend jaar (fictief).", null, List.of("CARE", "JUSTICE"));
		this.steps.contribute("verslavingszorg", c, CONSULTATION, DataCategory.RISK, LegalBasis.CONFLICT_OF_DUTIES,
				"Dreigde bij de laatste afspraak een oud-buurman iets aan te doen (fictief).", null,
				List.of("JUSTICE"));
		DisclosureRequestView request = this.steps.as("reclassering", CONSULTATION,
				(access) -> this.caseContributions.requestDisclosure(access, c.id(), new ContributionId(asked),
						"Behandelstand nodig voor het toezichtplan (fictief)."));
		this.steps.as("verslavingszorg", CONSULTATION, (access) -> this.caseContributions.refuseDisclosure(access,
				request.id(),
				"Niet nodig voor het toezicht; de behandelaar licht de stand mondeling toe in het overleg (fictief)."));
		// the case meeting that agreed the plan: minutes, and the actions each partner
		// carries out
		UUID meeting = this.steps.as("coordinator", CONSULTATION,
				(access) -> this.meetings.schedule(access,
						new NewMeeting(this.steps.today().minusDays(14).atTime(10, 0).atZone(ZONE).toOffsetDateTime(),
								"Zorg- en Veiligheidshuis Midden, zaal 2", null, "Sanne de Vries",
								List.of(c.id().value()))));
		this.steps
			.as("coordinator", CONSULTATION,
					(access) -> this.meetings.writeMinutes(access, meeting, c.id(), new NewMinutes(
							"Partners delen de zorg over terugval; afgesproken: behandeling en toezicht op elkaar "
									+ "afstemmen en wekelijks contact (fictief).",
							DataCategory.GENERAL, LegalBasis.PUBLIC_TASK, null, null, null)));
		this.steps.as("coordinator", CONSULTATION,
				(access) -> this.plan.assign(access, c.id(),
						new NewAction("Behandelplan afstemmen met het toezicht van de reclassering (fictief).",
								"verslavingszorg-midden", this.steps.today().plusDays(10), meeting)));
		this.steps.as("coordinator", CONSULTATION,
				(access) -> this.plan.assign(access, c.id(),
						new NewAction("Meldplicht en huisbezoek inplannen (fictief).", "reclassering-midden",
								this.steps.today().minusDays(3), meeting)));
		this.steps.as("coordinator", CONSULTATION,
				(access) -> this.plan.assign(access, c.id(),
						new NewAction("Huisarts informeren over de afspraken (fictief).", "ggz-midden",
								this.steps.today().plusDays(5), meeting)));
		this.steps.as("coordinator", CONSULTATION,
				(access) -> this.lifecycle.move(access, c.id(), CaseStatus.PLAN, null, null));
		// the next meeting, with this case and the one in consultation on its agenda
		this.steps.as("coordinator", PLAN,
				(access) -> this.meetings.schedule(access,
						new NewMeeting(this.steps.today().plusDays(7).atTime(14, 0).atZone(ZONE).toOffsetDateTime(),
								null, "https://meet.example.nl/zvh-midden (fictief)", "Sanne de Vries",
								List.of(c.id().value()))));
		return c;
	}

	/** A case in monitoring after its plan was carried out. */
	CaseFacts inMonitoring() {
		CaseFacts c = this.steps.accepted("Frank Fantasie", LocalDate.of(2004, 11, 17), "999990044",
				CaseType.CONFUSED_BEHAVIOUR, "Overlast en verwaarlozing van de woning.",
				"Woning op orde, begeleiding geregeld.");
		this.steps.admit(c, "gemeente-midden", MONITORING, PLAN);
		this.steps.admit(c, "ggz-midden", MONITORING, PLAN);
		this.steps.contribute("gemeente", c, PLAN, DataCategory.SOCIAL, LegalBasis.PUBLIC_TASK,
				"Beschermd wonen geregeld; bewindvoering aangevraagd (fictief).", null, List.of());
		ActionSummary done = this.steps.as("coordinator", PLAN,
				(access) -> this.plan.assign(access, c.id(),
						new NewAction("Beschermd wonen en bewindvoering regelen (fictief).", "gemeente-midden",
								this.steps.today().minusDays(20), null)));
		this.steps.as("coordinator", PLAN,
				(access) -> this.lifecycle.move(access, c.id(), CaseStatus.PLAN, null, null));
		this.steps.as("gemeente", PLAN, (access) -> this.plan.report(access, c.id(), done.id(),
				new StatusUpdate(ActionStatus.DONE, "Geregeld; bewindvoerder benoemd (fictief).")));
		this.steps.as("coordinator", PLAN,
				(access) -> this.lifecycle.move(access, c.id(), CaseStatus.MONITORING, null, null));
		this.steps.contribute("ggz", c, MONITORING, DataCategory.GENERAL, LegalBasis.PUBLIC_TASK,
				"Komt afspraken na; vervolggesprek over drie maanden (fictief).", null, List.of());
		return c;
	}

}
