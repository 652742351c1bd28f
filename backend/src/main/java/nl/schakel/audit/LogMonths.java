package nl.schakel.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a year of months ahead in the disclosure log's event table, which is partitioned
 * by month (Europe/Amsterdam, the auditor's dates): a read whose month has no partition
 * lands in the default partition, which must stay empty. The application role may not
 * create tables; it asks the database's {@code disclosure_event_prepare_month}, which
 * makes a month with the owner's rights (indexes, append-only triggers, grants) and
 * answers false when the month is already there. The sealing job calls this before it
 * seals.
 */
@Component
class LogMonths {

	/** Months ahead of the current one that always exist. */
	static final int AHEAD = 12;

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	private static final Logger log = LoggerFactory.getLogger(LogMonths.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	LogMonths(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Makes the months from this one to {@link #AHEAD} months ahead that are missing,
	 * each in its own transaction (a month that cannot be made now does not undo the
	 * others).
	 * @return the months made
	 */
	int prepareAhead() {
		YearMonth current = YearMonth.now(this.clock.withZone(ZONE));
		Set<String> present = new HashSet<>(
				this.jdbc.queryForList("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
						+ "where i.inhparent = 'disclosure_event'::regclass", String.class));
		int made = 0;
		for (int k = 0; k <= AHEAD; k++) {
			LocalDate first = current.plusMonths(k).atDay(1);
			if (present.contains(partition(first))) {
				continue;
			}
			Boolean created = this.transactions.execute((status) -> this.jdbc
				.queryForObject("select disclosure_event_prepare_month(?)", Boolean.class, first));
			if (Boolean.TRUE.equals(created)) {
				log.info("Made the disclosure log's partition for {}", YearMonth.from(first));
				made++;
			}
		}
		return made;
	}

	/** The name the database gives a month's partition. */
	static String partition(LocalDate month) {
		return String.format(Locale.ROOT, "disclosure_event_%04d_%02d", month.getYear(), month.getMonthValue());
	}

}
