package nl.schakel.casework;

import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.Admission;
import nl.schakel.participation.AdmissionRules;
import nl.schakel.participation.BreakGlassLimitReached;
import nl.schakel.participation.BreakGlassReason;
import nl.schakel.participation.BreakGlassView;
import nl.schakel.participation.ParticipantView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.BreakGlass;
import nl.schakel.policy.Policy;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.web.InvalidInput;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes part in a case: the coordinator steering it admits and removes organisations
 * (what may be admitted is {@link AdmissionRules}'), and a professional whose role allows
 * it opens emergency access with a written reason.
 */
@Service
public class CaseParticipants {

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final OrganisationDirectory organisations;

	private final AdmissionRules admissionRules;

	private final Policy policy;

	private final MessageSource messages;

	private final CaseLifecycle lifecycle;

	CaseParticipants(CaseFileService cases, ParticipationRegistry participation, OrganisationDirectory organisations,
			AdmissionRules admissionRules, Policy policy, MessageSource messages, CaseLifecycle lifecycle) {
		this.cases = cases;
		this.participation = participation;
		this.organisations = organisations;
		this.admissionRules = admissionRules;
		this.policy = policy;
		this.messages = messages;
		this.lifecycle = lifecycle;
	}

	/** Admits an organisation to the case; only the coordinator steering the case may. */
	@Transactional
	public ParticipantView admit(Access access, CaseId id, Admission admission) {
		requireSteering(access, id);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		this.admissionRules.check(admission, facts.organisationId());
		return this.participation.admit(facts.id(), admission, access.actor().username());
	}

	@Transactional
	public ParticipantView remove(Access access, CaseId id, UUID participantId) {
		requireSteering(access, id);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		String steeringHouse = this.organisations.byId(facts.organisationId()).map(Organisation::code).orElse(null);
		return this.participation.remove(facts.id(), participantId, steeringHouse, access.actor().username());
	}

	/**
	 * Opens emergency access to a case for the current user, if the policy lets their
	 * role, with a written reason, for the policy's duration. Every read under it is
	 * flagged.
	 */
	@Transactional(noRollbackFor = BreakGlassLimitReached.class)
	public BreakGlassView openBreakGlass(Access access, CaseId id, String reason) {
		Actor actor = access.actor();
		BreakGlass rules = this.policy.breakGlass();
		if (rules.roles().stream().noneMatch(actor::has)) {
			throw new BreakGlassNotAllowed();
		}
		// emergency access is the safety house's own: another house's case is as good as
		// missing
		this.cases.ofOwnSafetyHouse(access, id);
		CaseFacts facts = this.lifecycle.requireOpen(access, id);
		if (!BreakGlassReason.isSufficient(reason)) {
			throw InvalidInput.of("reason", this.messages.getMessage("breakGlass.reason.required", null,
					"breakGlass.reason.required", LocaleContextHolder.getLocale()));
		}
		if (reason.length() > 2000) {
			throw InvalidInput.of("reason", "At most 2000 characters");
		}
		return this.participation.openBreakGlass(facts.id(), actor.username(), actor.organisation(), reason,
				rules.duration(), rules.maxOpeningsPerDay());
	}

	private CaseFacts requireSteering(Access access, CaseId id) {
		CaseFacts facts = this.cases.ofOwnSafetyHouse(access, id);
		Organisation caseOrganisation = this.organisations.byId(facts.organisationId()).orElseThrow();
		if (!Caseworkers.steer(access, facts, caseOrganisation)) {
			throw new CaseNotFound();
		}
		return facts;
	}

}
