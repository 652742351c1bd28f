package nl.schakel.disclosure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.policy.Participation;

/** The result of one read through the gate, in the order the items were given. */
public record Reading(Participation participation, List<Outcome> outcomes) {

	public Optional<Outcome> of(UUID itemId) {
		return this.outcomes.stream().filter((o) -> o.item().id().equals(itemId)).findFirst();
	}

	/** Items the reader may know of at all: permitted or existence-only. */
	public List<Outcome> visible() {
		return this.outcomes.stream().filter((o) -> !o.denied()).toList();
	}

}
