package nl.schakel.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import nl.schakel.security.Role;

/**
 * One rule of {@code access-policy.yaml}. An empty match set means "any value".
 *
 * @param id unique id, logged with every decision the rule makes
 * @param description why the rule exists, shown to users who ask why they see what they
 * see
 * @param roles matching roles
 * @param purposes matching purposes
 * @param categories matching data categories
 * @param bases matching effective bases
 * @param audience matching audience relations
 * @param participation matching participation
 * @param effect the effect when the rule matches
 * @param obligations the obligations when the rule matches (besides
 * {@link Obligation#RECORD}, which always applies)
 * @param line the line in {@code access-policy.yaml} where the rule starts
 * @param explanationNl the rule in words for a Dutch reader who asks "waarom zie ik dit
 * niet?" (the English description when the policy gives none)
 * @param explanationEn the same for an English reader
 */
public record PolicyRule(String id, String description, Set<Role> roles, Set<Purpose> purposes,
		Set<DataCategory> categories, Set<EffectiveBasis> bases, Set<AudienceRelation> audience,
		Set<Participation> participation, Decision effect, Set<Obligation> obligations, int line, String explanationNl,
		String explanationEn) {

	/** A rule whose only words are its (English) description. */
	public PolicyRule(String id, String description, Set<Role> roles, Set<Purpose> purposes,
			Set<DataCategory> categories, Set<EffectiveBasis> bases, Set<AudienceRelation> audience,
			Set<Participation> participation, Decision effect, Set<Obligation> obligations, int line) {
		this(id, description, roles, purposes, categories, bases, audience, participation, effect, obligations, line,
				description, description);
	}

	public PolicyRule {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(description, "description");
		explanationNl = (explanationNl != null) ? explanationNl : description;
		explanationEn = (explanationEn != null) ? explanationEn : description;
		Objects.requireNonNull(effect, "effect");
		roles = copy(roles, Role.class);
		purposes = Collections.unmodifiableSet(new LinkedHashSet<>(purposes));
		categories = copy(categories, DataCategory.class);
		bases = copy(bases, EffectiveBasis.class);
		audience = copy(audience, AudienceRelation.class);
		participation = copy(participation, Participation.class);
		obligations = copy(obligations, Obligation.class);
	}

	/**
	 * Whether this rule matches the request. This is the plain reading of the rule; the
	 * compiled {@link Policy} gives the same answers without scanning.
	 */
	public boolean matches(AccessRequest request) {
		return matches(this.roles, request.role()) && matches(this.purposes, request.purpose())
				&& matches(this.categories, request.category()) && matches(this.bases, request.basis())
				&& matches(this.audience, request.audience()) && matches(this.participation, request.participation());
	}

	private static <T> boolean matches(Set<T> accepted, T value) {
		return accepted.isEmpty() || accepted.contains(value);
	}

	private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
		EnumSet<E> copy = EnumSet.noneOf(type);
		copy.addAll(values);
		return Collections.unmodifiableSet(copy);
	}

}
