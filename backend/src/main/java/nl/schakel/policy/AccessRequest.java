package nl.schakel.policy;

import java.util.Objects;

import nl.schakel.security.Role;

/**
 * Everything the policy looks at to decide whether one reader may see one item. The gate
 * derives each value from the reader, the case and the item; the policy never sees the
 * item's content.
 *
 * @param role the reader's role
 * @param purpose the purpose the reader named for this access
 * @param category the item's data category
 * @param basis the item's legal basis as it holds for this reader now
 * @param audience how the reader relates to the item's audience
 * @param participation how the reader takes part in the case for this purpose
 */
public record AccessRequest(Role role, Purpose purpose, DataCategory category, EffectiveBasis basis,
		AudienceRelation audience, Participation participation) {

	public AccessRequest {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(purpose, "purpose");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(basis, "basis");
		Objects.requireNonNull(audience, "audience");
		Objects.requireNonNull(participation, "participation");
	}

}
