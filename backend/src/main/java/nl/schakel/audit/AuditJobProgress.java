package nl.schakel.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether sealing and the review scan keep up. Each job reports its progress; a job that
 * has made none for {@code stalled-after} intervals while work waits for it is stalled:
 * the health indicator turns degraded, a counter rises, a security event is written once,
 * and the auditor's start page says so. Backlog and lag are read from the database, so a
 * job whose thread hangs is noticed all the same.
 */
@Component
class AuditJobProgress {

	enum Job {

		/** Sealing the disclosure log into hash-chained blocks. */
		LOG_SEALING,

		/** Scanning sealed rows for the review queue. */
		REVIEW_SCAN,

		/**
		 * Keeping a partition for every month of the log: an event in the default
		 * partition means its month was not made in time. It is still logged, sealed and
		 * found, but its month can no longer be attached until someone moves it, so this
		 * one is stalled at once, without waiting intervals.
		 */
		LOG_MONTHS

	}

	/** One job's state: how much waits for it, and since when it has made no progress. */
	record State(Job job, long backlog, Duration lag, Instant lastProgress, boolean stalled) {
	}

	static final String SECURITY_EVENT_KIND = "AUDIT_JOB_STALLED";

	/** How far the events outside their months are counted. */
	static final int COUNTED_UP_TO = 1000;

	private static final Logger log = LoggerFactory.getLogger(AuditJobProgress.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final AuditProperties audit;

	private final ReviewScanProperties scan;

	private final Map<Job, Instant> lastProgress = new EnumMap<>(Job.class);

	private final Map<Job, Long> marks = new EnumMap<>(Job.class);

	private final Map<Job, Boolean> stalled = new EnumMap<>(Job.class);

	private final Map<Job, AtomicLong> lagSeconds = new EnumMap<>(Job.class);

	private final Counter stalls;

	AuditJobProgress(JdbcTemplate jdbc, Clock clock, AuditProperties audit, ReviewScanProperties scan,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.scan = scan;
		Instant now = Instant.now(clock);
		for (Job job : Job.values()) {
			this.lastProgress.put(job, now);
			this.stalled.put(job, false);
			this.lagSeconds.put(job, new AtomicLong());
		}
		Gauge.builder("schakel.log.sealing.lag", this.lagSeconds.get(Job.LOG_SEALING), AtomicLong::get)
			.description("Seconds the oldest settled, unsealed disclosure row has waited to be sealed")
			.baseUnit("seconds")
			.register(meters);
		Gauge.builder("schakel.review.scan.lag", this.lagSeconds.get(Job.REVIEW_SCAN), AtomicLong::get)
			.description("Seconds since the review scan last made progress while sealed rows waited for it")
			.baseUnit("seconds")
			.register(meters);
		Gauge.builder("schakel.audit.jobs.stalled", this, (progress) -> progress.stalledCount())
			.description(
					"Audit jobs (sealing, review scan, the log's months) that made no progress or found events outside their months")
			.register(meters);
		this.stalls = Counter.builder("schakel.audit.jobs.stalls")
			.description("Times an audit job turned stalled")
			.register(meters);
	}

	/** The job committed work, or found none waiting. */
	void progressed(Job job) {
		synchronized (this) {
			this.lastProgress.put(job, Instant.now(this.clock));
		}
	}

	/** Looks at both jobs now; turns them stalled (once) or well again. */
	synchronized List<State> check() {
		Instant now = Instant.now(this.clock);
		Duration interval = this.scan.interval();
		Duration allowed = interval.multipliedBy(this.scan.stalledAfter());
		return List.of(
				check(Job.LOG_SEALING, sealingBacklog(), mark("select coalesce(max(to_seq), 0) from disclosure_block"),
						now, allowed),
				check(Job.REVIEW_SCAN, scanBacklog(), mark("select last_seq from review_scan where id = 1"), now,
						allowed),
				check(Job.LOG_MONTHS, eventsOutsideTheirMonth(), 0, now, Duration.ZERO));
	}

	private State check(Job job, long backlog, long mark, Instant now, Duration allowed) {
		// progress is what the database shows, so work done by another instance counts
		// too
		Long previous = this.marks.put(job, mark);
		if (backlog == 0 || previous == null || previous != mark) {
			this.lastProgress.put(job, now);
		}
		Instant since = this.lastProgress.get(job);
		Duration idle = Duration.between(since, now);
		boolean isStalled = backlog > 0 && idle.compareTo(allowed) >= 0;
		this.lagSeconds.get(job).set((backlog > 0) ? Math.max(0, idle.getSeconds()) : 0);
		boolean was = this.stalled.put(job, isStalled);
		if (isStalled && !was) {
			this.stalls.increment();
			log.error("{} has made no progress since {} while {} row(s) wait for it", job, since, backlog);
			try {
				this.jdbc.update("insert into security_event (kind, reason) values (?, ?)", SECURITY_EVENT_KIND,
						(job == Job.LOG_MONTHS) ? ((backlog >= COUNTED_UP_TO) ? "at least " : "") + backlog
								+ " disclosure event(s) in the log's default partition (or it could not be read): a month was missing"
								: job.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " stalled; "
										+ backlog + " row(s) waiting since " + since);
			}
			catch (DataAccessException ex) {
				log.error("Could not record that {} stalled", job, ex);
			}
		}
		else if (!isStalled && was) {
			log.info("{} makes progress again", job);
		}
		return new State(job, backlog, (backlog > 0) ? idle : Duration.ZERO, since, isStalled);
	}

	private long mark(String sql) {
		try {
			Long value = this.jdbc.queryForObject(sql, Long.class);
			return (value != null) ? value : 0;
		}
		catch (DataAccessException ex) {
			return -1;
		}
	}

	/**
	 * Rows old enough to be sealed that are not sealed yet (0 or 1: whether any waits).
	 */
	private long sealingBacklog() {
		try {
			Long sealedTo = this.jdbc.queryForObject("select coalesce(max(to_seq), 0) from disclosure_block",
					Long.class);
			List<Boolean> waiting = this.jdbc.queryForList("""
					select inserted_at < now() - make_interval(secs => ?) from disclosure
					where seq > ? order by seq limit 1""", Boolean.class,
					this.audit.sealLag().toMillis() / 1000.0 + this.scan.interval().toMillis() / 1000.0, sealedTo);
			return (!waiting.isEmpty() && Boolean.TRUE.equals(waiting.get(0))) ? 1 : 0;
		}
		catch (DataAccessException ex) {
			return 0;
		}
	}

	/** Sealed rows the review scan has not read yet. */
	private long scanBacklog() {
		try {
			Long backlog = this.jdbc.queryForObject("""
					select greatest(0, coalesce((select max(to_seq) from disclosure_block), 0)
					                   - (select last_seq from review_scan where id = 1))""", Long.class);
			return (backlog != null) ? backlog : 0;
		}
		catch (DataAccessException ex) {
			return 0;
		}
	}

	/**
	 * Events in the log's default partition, counted up to {@link #COUNTED_UP_TO}
	 * (whether there are any is what matters). When they cannot be counted, the answer is
	 * not "none": it fails closed as one, so the health degrades and someone looks.
	 */
	private long eventsOutsideTheirMonth() {
		try {
			Long rows = this.jdbc.queryForObject(
					"select count(*) from (select 1 from disclosure_event_default limit " + COUNTED_UP_TO + ") outside",
					Long.class);
			return (rows != null) ? rows : 1;
		}
		catch (DataAccessException ex) {
			log.error("Could not count the disclosure log's events outside their months; taken as not empty", ex);
			return 1;
		}
	}

	private synchronized int stalledCount() {
		return (int) this.stalled.values().stream().filter(Boolean::booleanValue).count();
	}

}
