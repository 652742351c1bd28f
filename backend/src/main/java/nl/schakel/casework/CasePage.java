package nl.schakel.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.consent.EvidenceKind;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.plan.PlanOfAction;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyOffers;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;
import nl.schakel.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The whole case page, the purpose choice before it and the page for a case the reader
 * may not see: what the case's controllers show when they answer with a page rather than
 * a section.
 */
@Component
class CasePage {

	private final CaseDossiers dossiers;

	private final CaseIntake intake;

	private final MyCases myCases;

	private final PlanOfAction plan;

	private final Policy policy;

	private final PolicyOffers offers;

	CasePage(CaseDossiers dossiers, CaseIntake intake, MyCases myCases, PlanOfAction plan, Policy policy,
			PolicyOffers offers) {
		this.dossiers = dossiers;
		this.intake = intake;
		this.myCases = myCases;
		this.plan = plan;
		this.policy = policy;
		this.offers = offers;
	}

	/** A link to older entries; a mangled one shows the newest page. */
	static TimelinePage olderPage(String before) {
		try {
			return TimelinePage.of(before, null);
		}
		catch (InvalidInput ex) {
			return TimelinePage.first();
		}
	}

	/**
	 * The case page, read through the gate under the purpose the reader chose (or the one
	 * they are admitted for).
	 */
	String page(Access access, UUID id, Purpose purpose, Model model, TimelinePage timeline) {
		Access reading = access.forPurpose(purpose.code());
		if (this.dossiers.open(reading, new CaseId(id), timeline) instanceof CaseOpening.Visible visible) {
			this.myCases.visited(reading, new CaseId(id));
			model.addAttribute("dossier", visible.dossier());
			// only what the policy lets this role contribute (PolicyOffers); consent only
			// with a consent of one's own in force to rest it on
			model.addAttribute("categories", this.offers.categories(actingRole(access)));
			boolean ownConsent = visible.dossier()
				.consents()
				.stream()
				.anyMatch((c) -> c.inForce() && c.holder().equals(access.actor().organisation()));
			model.addAttribute("legalBases",
					this.offers.bases(actingRole(access))
						.stream()
						.filter((b) -> ownConsent || b != LegalBasis.CONSENT)
						.toList());
			model.addAttribute("domains", Domain.values());
			List<Organisation> organisations = this.intake.organisations();
			model.addAttribute("organisations", organisations);
			model.addAttribute("organisationNames", organisations.stream()
				.collect(Collectors.toMap(Organisation::code, Organisation::name, (a, b) -> a, LinkedHashMap::new)));
			// the safety house steering the case stays a participant: its row offers no
			// removal
			model.addAttribute("steeringHouse",
					organisations.stream()
						.filter((o) -> o.id().value().equals(visible.dossier().facts().organisationId()))
						.map(Organisation::code)
						.findFirst()
						.orElse(null));
			model.addAttribute("purposes", this.policy.purposes());
			// a consent names participating partners, and purposes a consent can open
			model.addAttribute("consentOrganisations",
					organisations.stream()
						.filter((o) -> visible.dossier()
							.participants()
							.stream()
							.anyMatch((p) -> p.active() && p.organisation().equals(o.code())))
						.toList());
			model.addAttribute("consentPurposes", this.offers.consentPurposes());
			model.addAttribute("triageOutcomes", TriageOutcome.values());
			model.addAttribute("evidenceKinds", EvidenceKind.values());
			model.addAttribute("closeReasons", CloseReason.values());
			// the plan of action: its descriptions and notes are read through the gate as
			// well
			model.addAttribute("plan", this.plan.read(reading, new CaseId(id)).orElse(List.of()));
			model.addAttribute("planOrganisations", this.plan.admittedOrganisations(new CaseId(id)));
			return "cases/show";
		}
		throw new CaseNotVisible(id);
	}

	/**
	 * The purposes to choose from: those the user is admitted for. For a case they are
	 * not admitted to (or that does not exist) every purpose, the same page for any id,
	 * so the choice reveals nothing about the case. Either way only those the policy
	 * shows the acting role anything under.
	 */
	String purposeChoice(Access access, UUID id, Model model) {
		List<String> admitted = this.myCases.admittedPurposes(access, new CaseId(id));
		model.addAttribute("caseId", id);
		// the case is named only to those admitted to it: for anyone else the page is the
		// same for any id
		model.addAttribute("caseReference", this.myCases.referenceOfAdmitted(access, new CaseId(id)).orElse(null));
		List<PurposeDefinition> offered = this.offers.purposes(actingRole(access));
		model.addAttribute("purposes", admitted.isEmpty() ? offered
				: offered.stream().filter((p) -> admitted.contains(p.purpose().code())).toList());
		return "cases/purpose";
	}

	/** The same page for a case that does not exist and one the reader may not see. */
	String notVisible(Access access, UUID id, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("caseId", id);
		model.addAttribute("mayBreakGlass",
				this.policy.breakGlass().roles().stream().anyMatch((role) -> access.actor().has(role)));
		model.addAttribute("breakGlassHours", this.policy.breakGlass().duration().toMinutes() / 60.0);
		model.addAttribute("purposes", this.offers.purposes(actingRole(access)));
		return "cases/not-visible";
	}

	static Role actingRole(Access access) {
		return access.findActor().flatMap(Actor::actingRole).orElse(null);
	}

}
