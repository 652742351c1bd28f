package nl.schakel.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.contribution.ContributionRequest;
import nl.schakel.participation.Admission;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.web.RequestContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The steps the demo cases ({@link DemoCases}) are made of — registering a referral,
 * accepting it, admitting a partner, contributing — each taken through the ordinary use
 * case as the demo account that would take it, under a named purpose, in a transaction of
 * its own.
 */
@Component
@ConditionalOnBooleanProperty("schakel.demo-data.enabled")
class DemoSteps {

	static final Purpose TRIAGE = new Purpose("TRIAGE");

	static final Purpose CONSULTATION = new Purpose("CASE_CONSULTATION");

	static final Purpose PLAN = new Purpose("PLAN_EXECUTION");

	static final Purpose MONITORING = new Purpose("MONITORING");

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private static final String FICTIONAL = "Fictief demodossier, geen echte persoon. ";

	private final CaseParticipants participants;

	private final CaseContributions caseContributions;

	private final CaseIntake intake;

	private final CaseLifecycle lifecycle;

	private final ObjectProvider<UserDetailsService> accounts;

	private final Clock clock;

	DemoSteps(CaseParticipants participants, CaseContributions caseContributions, CaseIntake intake,
			CaseLifecycle lifecycle, ObjectProvider<UserDetailsService> accounts, Clock clock) {
		this.participants = participants;
		this.caseContributions = caseContributions;
		this.intake = intake;
		this.lifecycle = lifecycle;
		this.accounts = accounts;
		this.clock = clock;
	}

	CaseFacts register(String coordinator, String name, LocalDate born, String bsn, CaseType type, String referrer,
			String professional, String reason, String goal) {
		RegisterCaseRequest request = new RegisterCaseRequest();
		request.getPerson().setName(name);
		request.getPerson().setDateOfBirth(born);
		request.getPerson().setBsn(bsn);
		request.setCaseType(type);
		RegisterCaseRequest.ReferralForm referral = new RegisterCaseRequest.ReferralForm();
		referral.setReferringOrganisation(referrer);
		referral.setReferringProfessional(professional);
		referral.setReason(FICTIONAL + reason);
		referral.setGoal(goal);
		referral.setPersonInformed(true);
		request.setReferral(referral);
		return as(coordinator, TRIAGE, (access) -> this.intake.registerReferral(access, request));
	}

	/** Registered, triaged and accepted: in consultation. */
	CaseFacts accepted(String name, LocalDate born, String bsn, CaseType type, String reason, String goal) {
		CaseFacts c = register("coordinator", name, born, bsn, type, "politie-midden", "Wijkagent (fictief)", reason,
				goal);
		as("coordinator", TRIAGE, (access) -> this.lifecycle.move(access, c.id(), CaseStatus.TRIAGE, null, null));
		return as("coordinator", TRIAGE, (access) -> this.lifecycle.decideTriage(access, c.id(), TriageOutcome.ACCEPTED,
				"Past bij het ZVH (fictief)."));
	}

	void admit(CaseFacts c, String organisation, Purpose... purposes) {
		as("coordinator", TRIAGE, (access) -> this.participants.admit(access, c.id(), new Admission(organisation,
				List.of(), java.util.Arrays.stream(purposes).map(Purpose::code).toList(), null)));
	}

	UUID contribute(String user, CaseFacts c, Purpose purpose, DataCategory category, LegalBasis basis, String text,
			UUID consent, List<String> domains) {
		ContributionRequest contribution = new ContributionRequest();
		contribution.setText(text);
		contribution.setCategory(category);
		contribution.setLegalBasis(basis);
		contribution.setConsentId(consent);
		contribution.setAudienceDomains(domains);
		if (basis == LegalBasis.STATUTORY) {
			contribution.setStatutoryReference("Art. 16 Wet politiegegevens (fictief voorbeeld)");
		}
		if (basis == LegalBasis.CONFLICT_OF_DUTIES) {
			ContributionRequest.ConflictOfDuties why = contribution.getConflictOfDuties();
			why.setInterest("De veiligheid van een derde (fictief).");
			why.setWhyNoConsent("Vragen om toestemming vergroot het gevaar (fictief).");
			why.setNoOtherWay("Geen ander middel om het gevaar tijdig af te wenden (fictief).");
			why.setSeriousHarm("Ernstige schade aan een oud-buurman dreigt (fictief).");
			why.setStrictlyNeeded("Alleen de dreiging, alleen aan justitiepartners (fictief).");
		}
		return as(user, purpose, (access) -> this.caseContributions.contribute(access, c.id(), contribution));
	}

	/**
	 * Runs one step as a demo account under a purpose, as a request of that account
	 * would.
	 */
	<T> T as(String username, Purpose purpose, Function<Access, T> step) {
		UserDetails account = this.accounts.getObject().loadUserByUsername(username);
		return RequestContext.runAsAccount(account, purpose.code(), null, step);
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
