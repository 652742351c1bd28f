package nl.schakel.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;

/**
 * One item of case information as the gate sees it: what it is, whose organisation holds
 * it, on which basis and for whom it was shared, and its sealed content (if any).
 *
 * @param kind the kind of item
 * @param id the item's id (the case id for the case header)
 * @param category its data category
 * @param basis the legal basis it was shared on
 * @param consentId the consent relied on, for {@link LegalBasis#CONSENT}
 * @param holder the code of the organisation that holds (contributed) it
 * @param audience who it is meant for
 * @param createdAt when it was contributed
 * @param content the sealed content, or {@code null} when the item has none
 * @param grants disclosures its author granted on request, each a further way to the
 * reader
 */
public record DisclosableItem(ItemKind kind, UUID id, DataCategory category, LegalBasis basis, UUID consentId,
		String holder, Audience audience, Instant createdAt, SealedContent content, List<Grant> grants) {

	public DisclosableItem {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(basis, "basis");
		Objects.requireNonNull(holder, "holder");
		Objects.requireNonNull(audience, "audience");
		grants = (grants == null) ? List.of() : List.copyOf(grants);
	}

	public DisclosableItem(ItemKind kind, UUID id, DataCategory category, LegalBasis basis, UUID consentId,
			String holder, Audience audience, Instant createdAt, SealedContent content) {
		this(kind, id, category, basis, consentId, holder, audience, createdAt, content, List.of());
	}

}
