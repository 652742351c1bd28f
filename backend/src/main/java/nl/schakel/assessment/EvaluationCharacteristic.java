package nl.schakel.assessment;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The coarse value of one characteristic evaluation breaks down by (phase, age group,
 * justice status), copied in the clear from a rating as it is saved: the scale value
 * only, with the case id and when it was rated. Counting these from the sealed ratings
 * would mean opening every case's assessment outside a participant's read; the gate opens
 * content for one reader in one case, never for a statistic. Not audited: erasing the
 * case deletes the row, and no history copy may outlive it.
 */
@Entity
@Table(name = "evaluation_characteristic")
class EvaluationCharacteristic {

	/** The characteristics, each the one item of the instrument it is copied from. */
	enum Characteristic {

		PHASE("ideology-phase", "phase"), AGE_GROUP("person", "age-group"), STATUS("justice-status", "status"),
		/**
		 * The concern level of an integrated judgement, as its position among the
		 * instrument's concern levels (low first); never matched by a rated item.
		 */
		CONCERN(AssessmentRating.INTEGRATED_JUDGEMENT, "concern-level");

		private final String domain;

		private final String item;

		Characteristic(String domain, String item) {
			this.domain = domain;
			this.item = item;
		}

		static Optional<Characteristic> of(String domain, String item) {
			return Arrays.stream(values()).filter((c) -> c.domain.equals(domain) && c.item.equals(item)).findFirst();
		}

		/**
		 * The item's scale in the instrument in force, if the instrument has the item.
		 */
		Optional<AssessmentInstrument.Scale> scale(AssessmentInstrument instrument) {
			return instrument.domain(this.domain)
				.flatMap((d) -> d.item(this.item))
				.map(AssessmentInstrument.Item::scale);
		}

	}

	@Id
	private UUID id;

	private UUID ratingId;

	private UUID caseId;

	@Enumerated(EnumType.STRING)
	private Characteristic characteristic;

	private int scaleValue;

	private Instant ratedAt;

	protected EvaluationCharacteristic() {
	}

	EvaluationCharacteristic(UUID ratingId, UUID caseId, Characteristic characteristic, int scaleValue,
			Instant ratedAt) {
		this.id = UUID.randomUUID();
		this.ratingId = ratingId;
		this.caseId = caseId;
		this.characteristic = characteristic;
		this.scaleValue = scaleValue;
		this.ratedAt = ratedAt;
	}

	UUID caseId() {
		return this.caseId;
	}

	Characteristic characteristic() {
		return this.characteristic;
	}

	int scaleValue() {
		return this.scaleValue;
	}

	Instant ratedAt() {
		return this.ratedAt;
	}

}
