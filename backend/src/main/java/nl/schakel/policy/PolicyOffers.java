package nl.schakel.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.schakel.security.Role;

import org.springframework.stereotype.Component;

/**
 * What a form may offer a role to choose, derived from the access policy so a page never
 * offers what the policy would refuse. The policy says who may <em>read</em> an item; it
 * has no separate list of what a role may <em>contribute</em>, so that is derived from
 * it:
 * <ul>
 * <li>a <b>purpose</b> is offered to a role when the policy shows that role anything (the
 * content or that an item exists) for that purpose as a participant or in emergency
 * access: a purpose under which it learns nothing is no purpose to open a case for;</li>
 * <li>a <b>data category</b> is offered to a role when the policy lets that role hold it
 * in a case, i.e. shows it the content of such an item another organisation shared with
 * it (in its audience, as a participant, for some purpose and on some basis): a domain
 * brings into a case only what it may hold there (care no police data, for example);</li>
 * <li>a <b>legal basis</b> is offered for a category when the role could itself have
 * received an item of that category on that basis (the same question, for that basis):
 * one passes information on only on a basis on which it may be held (health information
 * outside care on consent or a conflict of duties, for example);</li>
 * <li>a <b>purpose of a consent</b> is offered when consent can open content for it to
 * some role (never the metadata purposes).</li>
 * </ul>
 * Computed once from the compiled policy, which is immutable.
 */
@Component
public class PolicyOffers {

	private static final List<EffectiveBasis> STATED = List.of(EffectiveBasis.CONSENT, EffectiveBasis.STATUTORY,
			EffectiveBasis.CONFLICT_OF_DUTIES, EffectiveBasis.PUBLIC_TASK);

	private final Policy policy;

	private final Map<Role, List<PurposeDefinition>> purposes = new EnumMap<>(Role.class);

	private final Map<Role, Map<DataCategory, Set<LegalBasis>>> contributions = new EnumMap<>(Role.class);

	private final List<PurposeDefinition> consentPurposes;

	public PolicyOffers(Policy policy) {
		this.policy = policy;
		for (Role role : Role.values()) {
			this.purposes.put(role, Collections.unmodifiableList(purposesFor(role)));
			this.contributions.put(role, contributionsFor(role));
		}
		List<PurposeDefinition> consent = new ArrayList<>();
		for (PurposeDefinition definition : policy.purposes()) {
			boolean opens = false;
			for (Role role : Role.values()) {
				for (DataCategory category : DataCategory.values()) {
					opens |= decide(role, definition.purpose(), category, EffectiveBasis.CONSENT,
							AudienceRelation.IN_AUDIENCE, Participation.PARTICIPANT) == Decision.PERMIT;
				}
			}
			if (opens) {
				consent.add(definition);
			}
		}
		this.consentPurposes = List.copyOf(consent);
	}

	/**
	 * The purposes a role may open a case for, in the order of {@code purposes.yaml};
	 * none for a role without casework, or for none at all.
	 */
	public List<PurposeDefinition> purposes(Role role) {
		return (role != null) ? this.purposes.get(role) : List.of();
	}

	/** Whether the role may open a case for this purpose. */
	public boolean offersPurpose(Role role, String purpose) {
		return purposes(role).stream().anyMatch((definition) -> definition.purpose().code().equals(purpose));
	}

	/** The data categories a role may contribute, in their declared order. */
	public Set<DataCategory> categories(Role role) {
		return (role != null) ? this.contributions.get(role).keySet() : Set.of();
	}

	/**
	 * The legal bases a role may contribute information on, for some category it may
	 * contribute.
	 */
	public Set<LegalBasis> bases(Role role) {
		EnumSet<LegalBasis> all = EnumSet.noneOf(LegalBasis.class);
		if (role != null) {
			this.contributions.get(role).values().forEach(all::addAll);
		}
		return Collections.unmodifiableSet(all);
	}

	/** The legal bases a role may contribute information of this category on. */
	public Set<LegalBasis> bases(Role role, DataCategory category) {
		return (role != null) ? this.contributions.get(role).getOrDefault(category, Set.of()) : Set.of();
	}

	/** Whether a role may contribute information of this category on this basis. */
	public boolean mayContribute(Role role, DataCategory category, LegalBasis basis) {
		return bases(role, category).contains(basis);
	}

	/** Whether the policy knows a purpose with this code. */
	public boolean isPurpose(String code) {
		return this.policy.purpose(code).isPresent();
	}

	/** The purposes a consent can open information for, in their declared order. */
	public List<PurposeDefinition> consentPurposes() {
		return this.consentPurposes;
	}

	private List<PurposeDefinition> purposesFor(Role role) {
		List<PurposeDefinition> offered = new ArrayList<>();
		for (PurposeDefinition definition : this.policy.purposes()) {
			if (showsAnything(role, definition.purpose())) {
				offered.add(definition);
			}
		}
		return offered;
	}

	private boolean showsAnything(Role role, Purpose purpose) {
		for (Participation participation : List.of(Participation.PARTICIPANT, Participation.BREAK_GLASS)) {
			for (DataCategory category : DataCategory.values()) {
				for (EffectiveBasis basis : EffectiveBasis.values()) {
					for (AudienceRelation audience : AudienceRelation.values()) {
						if (decide(role, purpose, category, basis, audience, participation) != Decision.DENY) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	private Map<DataCategory, Set<LegalBasis>> contributionsFor(Role role) {
		Map<DataCategory, Set<LegalBasis>> offered = new EnumMap<>(DataCategory.class);
		for (DataCategory category : DataCategory.values()) {
			EnumSet<LegalBasis> bases = EnumSet.noneOf(LegalBasis.class);
			for (EffectiveBasis basis : STATED) {
				for (PurposeDefinition definition : this.policy.purposes()) {
					if (decide(role, definition.purpose(), category, basis, AudienceRelation.IN_AUDIENCE,
							Participation.PARTICIPANT) == Decision.PERMIT) {
						bases.add(LegalBasis.valueOf(basis.name()));
					}
				}
			}
			if (!bases.isEmpty()) {
				offered.put(category, Collections.unmodifiableSet(bases));
			}
		}
		return Collections.unmodifiableMap(offered);
	}

	private Decision decide(Role role, Purpose purpose, DataCategory category, EffectiveBasis basis,
			AudienceRelation audience, Participation participation) {
		return this.policy.decide(new AccessRequest(role, purpose, category, basis, audience, participation)).effect();
	}

}
