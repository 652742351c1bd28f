package nl.schakel.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records consents and answers, at the moment of every read, whether a consent covers a
 * reader. Withdrawal or expiry stops disclosures based on it at once, because nothing is
 * cached: each disclosure asks again.
 */
@Service
public class ConsentRegistry {

	private final Consents consents;

	private final Clock clock;

	ConsentRegistry(Consents consents, Clock clock) {
		this.consents = consents;
		this.clock = clock;
	}

	@Transactional
	public ConsentView record(UUID personId, ConsentScope scope, String evidence, String recordedBy) {
		Consent consent = new Consent(personId, scope, evidence, recordedBy, Instant.now(this.clock));
		return this.consents.save(consent).view(today());
	}

	@Transactional
	public ConsentView withdraw(UUID personId, UUID consentId, LocalDate on, String by) {
		Consent consent = this.consents.findById(consentId)
			.filter((c) -> c.personId().equals(personId))
			.orElseThrow(ConsentNotFound::new);
		consent.withdraw((on != null) ? on : today(), by);
		return this.consents.save(consent).view(today());
	}

	@Transactional(readOnly = true)
	public List<ConsentView> of(UUID personId) {
		LocalDate today = today();
		return this.consents.findByPersonIdOrderByRecordedAtAsc(personId).stream().map((c) -> c.view(today)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ConsentView> find(UUID personId, UUID consentId) {
		return this.consents.findById(consentId).filter((c) -> c.personId().equals(personId)).map((c) -> c.view(today()));
	}

	/**
	 * Which of these consents cover the reader for this category and purpose today; one query
	 * for all items of a read.
	 */
	@Transactional(readOnly = true)
	public ConsentCoverage coverage(Collection<UUID> consentIds) {
		if (consentIds.isEmpty()) {
			// most reads rest on no consent at all: no query for them
			return (consentId, organisation, domain, category, purpose) -> false;
		}
		Map<UUID, Consent> found = this.consents.findAllByIdIn(consentIds)
			.stream()
			.collect(Collectors.toMap(Consent::id, Function.identity()));
		LocalDate today = today();
		return (consentId, organisation, domain, category, purpose) -> {
			Consent consent = found.get(consentId);
			return consent != null && consent.covers(organisation, domain, category, purpose, today);
		};
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** Answers whether a consent covers a reader, for the consents loaded by {@link #coverage}. */
	@FunctionalInterface
	public interface ConsentCoverage {

		boolean covers(UUID consentId, String organisation, String domain, String category, String purpose);

	}

}
