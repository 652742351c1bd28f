package nl.schakel.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;
import nl.schakel.policy.LegalBasis;
import nl.schakel.security.Channel;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The disclosure log's own writer under load, for the national-scale benchmark: clients
 * that each, in a transaction of their own, write what one case read writes — an event,
 * its items, the Envers revision and audit row — through {@link Disclosures}, the code a
 * read runs, and commit durably. No read, no decision: the log alone, to hold against
 * pgbench inserting the same rows. Test scope only.
 */
public final class LogWriterLoad {

	private LogWriterLoad() {
	}

	/**
	 * Runs the clients for the warm-up and then the measured seconds.
	 * @return logged reads per second in the measured seconds
	 */
	public static double run(ApplicationContext app, UUID caseId, UUID personId, int items, int clients,
			int warmupSeconds, int seconds) throws InterruptedException {
		Disclosures log = app.getBean(Disclosures.class);
		TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		long end = measureFrom + seconds * 1_000_000_000L;
		AtomicLong counted = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		java.util.concurrent.atomic.AtomicReference<RuntimeException> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < end) {
					try {
						transactions.executeWithoutResult((status) -> writeOneRead(log, caseId, personId, items));
						if (System.nanoTime() >= measureFrom && System.nanoTime() < end) {
							counted.incrementAndGet();
						}
					}
					catch (RuntimeException ex) {
						failures.incrementAndGet();
						firstFailure.compareAndSet(null, ex);
					}
				}
			}, "log-writer-" + c);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " log writes failed", firstFailure.get());
		}
		return counted.get() / (double) seconds;
	}

	private static void writeOneRead(Disclosures log, UUID caseId, UUID personId, int items) {
		DisclosureEvent event = new DisclosureEvent(Instant.now(), "ggz", "ggz-midden", caseId, personId,
				"CASE_CONSULTATION", "bench.1", Channel.API, "bench-" + UUID.randomUUID(), null);
		List<Disclosure> rows = new ArrayList<>(items);
		for (int i = 0; i < items; i++) {
			DisclosableItem item = new DisclosableItem((i == 0) ? ItemKind.CASE : ItemKind.CONTRIBUTION,
					UUID.randomUUID(), DataCategory.HEALTH, LegalBasis.STATUTORY, null, "ggz-midden",
					Audience.everyParticipant(), Instant.now(), null);
			rows.add(new Disclosure(event, "care-professional", item, "STATUTORY", "participant-reads", Decision.PERMIT,
					null, false));
		}
		log.record(event, rows);
	}

}
