package nl.schakel.casework;

import java.util.List;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.disclosure.AudienceForecast;
import nl.schakel.disclosure.DisclosureLog;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.ids.CaseId;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.web.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Wat ziet wie?" for a professional composing a contribution: which participating
 * organisations would see it, from the item's metadata alone (see
 * {@link AudienceForecast}). Only a caseworker admitted to the case today, for any
 * purpose, may ask; anyone else gets the answer of a case that does not exist. Nothing is
 * disclosed and nothing is logged: the draft's text never reaches this. The query is
 * checked by {@link AudienceDrafts}.
 */
@Service
public class CaseAudiencePreview {

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final AudienceForecast forecast;

	private final AudienceDrafts drafts;

	private final DisclosureLog log;

	/** The rule a preview's record names: participants shown, no content. */
	static final String RULE = "audience-preview";

	CaseAudiencePreview(CaseFileService cases, ParticipationRegistry participation, AudienceForecast forecast,
			AudienceDrafts drafts, DisclosureLog log) {
		this.log = log;
		this.cases = cases;
		this.participation = participation;
		this.forecast = forecast;
		this.drafts = drafts;
	}

	/**
	 * The draft's metadata as a form or a query string gives it.
	 *
	 * @param category data category code
	 * @param legalBasis legal basis code
	 * @param consentId the consent the item would rest on, if any
	 * @param audienceOrganisations organisation codes to share with
	 * @param audienceDomains domain codes to share with
	 */
	public record Query(String category, String legalBasis, String consentId, List<String> audienceOrganisations,
			List<String> audienceDomains) {

		/**
		 * Whether category and basis are chosen, without which nothing can be foreseen.
		 */
		public boolean complete() {
			return !AudienceDrafts.blank(this.category) && !AudienceDrafts.blank(this.legalBasis);
		}

	}

	/**
	 * Refuses anyone but a caseworker admitted to the case today: 403 for a role without
	 * casework, 404 (as for a missing case) for anyone else.
	 */
	@Transactional(readOnly = true)
	public void requireAdmitted(Access access, CaseId id) {
		admission(access, id);
	}

	/** The case and the purposes the reader is admitted for, or the refusal above. */
	private Admission admission(Access access, CaseId id) {
		Caseworkers.require(access);
		CaseFacts facts = this.cases.facts(id).orElseThrow(CaseNotFound::new);
		Actor actor = access.actor();
		List<String> purposes = this.participation.admittedPurposes(facts.id(), actor.organisation(), actor.username());
		if (purposes.isEmpty()) {
			throw new CaseNotFound();
		}
		return new Admission(facts, purposes);
	}

	private record Admission(CaseFacts facts, List<String> purposes) {
	}

	/**
	 * Who would see the draft, per participating organisation.
	 * @throws InvalidInput naming each field that is missing, unknown, or not one the
	 * author's role may contribute (as the contribution itself would be refused)
	 */
	@Transactional
	public List<AudienceForecast.Foreseen> foresee(Access access, CaseId id, Query query) {
		Admission admission = admission(access, id);
		List<AudienceForecast.Foreseen> foreseen = this.forecast.foresee(id.value(), this.drafts.read(access, query));
		// the answer names the case's participants: that is recorded like any other
		// metadata shown, under the purpose named or else one the reader is admitted for
		CaseFacts facts = admission.facts();
		String purpose = (access.purpose() != null) ? access.purpose() : admission.purposes().get(0);
		this.log.recordMetadata(access, new DisclosureLog.Metadata(ItemKind.CASE, facts.id().value(), facts.personId(),
				null, new Purpose(purpose), LegalBasis.PUBLIC_TASK.name(), RULE, access.channel()));
		return foreseen;
	}

}
