package nl.schakel.disclosure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.schakel.consent.ConsentRegistry;
import nl.schakel.ids.CaseId;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipantView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.AccessRequest;
import nl.schakel.policy.AudienceRelation;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;
import nl.schakel.policy.EffectiveBasis;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyDecision;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.RoleDefinition;
import nl.schakel.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Wat ziet wie?": for an item not yet written — its category, basis, consent and
 * audience — which participating organisations of the case would see it under today's
 * policy and consents, and by which rule. A what-if on metadata: it reads no content,
 * discloses nothing and writes no disclosure row. It works out each organisation's
 * relation to the item as the {@link DisclosureGate} does for a reader (audience, consent
 * coverage, participation for each purpose it is admitted for) and asks the policy for
 * the roles of its domain, keeping the most permissive answer, as the gate keeps the best
 * route.
 */
@Service
public class AudienceForecast {

	private final Policy policy;

	private final ParticipationRegistry participation;

	private final ConsentRegistry consents;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	AudienceForecast(Policy policy, ParticipationRegistry participation, ConsentRegistry consents,
			OrganisationDirectory organisations, Clock clock) {
		this.policy = policy;
		this.participation = participation;
		this.consents = consents;
		this.organisations = organisations;
		this.clock = clock;
	}

	/**
	 * The item as the contributor is composing it.
	 *
	 * @param author the organisation that would hold it
	 * @param category its category
	 * @param basis the basis stated
	 * @param consentId the consent it would rest on, if any
	 * @param audienceOrganisations organisations it would be shared with
	 * @param audienceDomains domains it would be shared with
	 */
	public record Draft(String author, DataCategory category, LegalBasis basis, UUID consentId,
			List<String> audienceOrganisations, List<String> audienceDomains) {

		public Draft {
			Objects.requireNonNull(author, "author");
			Objects.requireNonNull(category, "category");
			Objects.requireNonNull(basis, "basis");
			audienceOrganisations = (audienceOrganisations != null) ? List.copyOf(audienceOrganisations) : List.of();
			audienceDomains = (audienceDomains != null) ? List.copyOf(audienceDomains) : List.of();
		}

	}

	/**
	 * What one participating organisation would get.
	 *
	 * @param organisation its code
	 * @param organisationName its display name
	 * @param domain its domain
	 * @param decision the most permissive decision over its roles and admitted purposes
	 */
	public record Foreseen(String organisation, String organisationName, String domain, PolicyDecision decision) {

		/** Whether it would see the content. */
		public boolean sees() {
			return this.decision.effect() == Decision.PERMIT;
		}

		/** Whether it would see only that the item exists (and may ask for it). */
		public boolean knowsItExists() {
			return this.decision.effect() == Decision.EXISTENCE_ONLY;
		}

	}

	/**
	 * Each organisation admitted to the case today, in order of admission, with what it
	 * would get of the draft.
	 */
	@Transactional(readOnly = true)
	public List<Foreseen> foresee(UUID caseId, Draft draft) {
		LocalDate today = LocalDate.now(this.clock);
		ConsentRegistry.ConsentCoverage coverage = (draft.basis() == LegalBasis.CONSENT && draft.consentId() != null)
				? this.consents.coverage(List.of(draft.consentId()))
				: (consentId, c, holder, organisation, domain, category, purpose) -> false;
		Set<String> seen = new LinkedHashSet<>();
		List<Foreseen> foreseen = new ArrayList<>();
		for (ParticipantView participant : this.participation.participants(new CaseId(caseId))) {
			if (!participant.active() || (participant.validUntil() != null && participant.validUntil().isBefore(today))
					|| !seen.add(participant.organisation())) {
				continue;
			}
			Optional<Organisation> organisation = this.organisations.byCode(participant.organisation());
			if (organisation.isEmpty()) {
				continue;
			}
			// one admission per organisation (for all its professionals, or the ones
			// named)
			foreseen.add(new Foreseen(organisation.get().code(), organisation.get().name(),
					organisation.get().domain().name(),
					decide(caseId, draft, organisation.get(), participant.purposes(), coverage)));
		}
		return foreseen;
	}

	private PolicyDecision decide(UUID caseId, Draft draft, Organisation reader, List<String> purposes,
			ConsentRegistry.ConsentCoverage coverage) {
		String domain = reader.domain().name();
		AudienceRelation audience = reader.code().equals(draft.author()) ? AudienceRelation.AUTHOR_ORGANISATION
				: (draft.audienceOrganisations().contains(reader.code()) || draft.audienceDomains().contains(domain))
						? AudienceRelation.IN_AUDIENCE : AudienceRelation.OUTSIDE_AUDIENCE;
		PolicyDecision best = null;
		for (RoleDefinition role : this.policy.roles()) {
			if (role.domain().map((d) -> !d.name().equals(domain)).orElse(true)) {
				continue;
			}
			for (String code : purposes) {
				Optional<Purpose> purpose = this.policy.purpose(code);
				if (purpose.isEmpty()) {
					continue;
				}
				// a consent opens only its holder's items in its own case, as at the gate
				boolean covers = draft.basis() == LegalBasis.CONSENT && draft.consentId() != null
						&& coverage.covers(draft.consentId(), caseId, draft.author(), reader.code(), domain,
								draft.category().name(), code);
				PolicyDecision decision = this.policy
					.decide(new AccessRequest(role.role(), purpose.get(), draft.category(),
							EffectiveBasis.of(draft.basis(), covers), audience, Participation.PARTICIPANT));
				if (best == null || rank(decision.effect()) > rank(best.effect())) {
					best = decision;
				}
			}
		}
		if (best == null) {
			// no role works in its domain, or no purpose it is admitted for is known
			return this.policy.decide(new AccessRequest(Role.ADMINISTRATOR, new Purpose("none"), draft.category(),
					EffectiveBasis.NONE, audience, Participation.NOT_PARTICIPANT));
		}
		return best;
	}

	private static int rank(Decision effect) {
		return switch (effect) {
			case DENY -> 0;
			case EXISTENCE_ONLY -> 1;
			case PERMIT -> 2;
		};
	}

}
