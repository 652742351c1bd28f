package nl.schakel.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The partner organisations as the read paths see them: a snapshot held in memory, read
 * again from the database when it is older than {@link #MAX_AGE} or a code or id is not
 * in it. Every case page and every gate read needs the reader's organisation and the
 * case's; a handful of organisations that change a few times a year need not cost three
 * queries per read. Writers (the demo seed, an administrator) go to {@link Organisations}
 * directly; a trigger then bumps the organisations' row in {@code snapshot_version},
 * which every instance looks at every {@link #VERSION_CHECK}, so a change made through
 * one instance reaches the others within seconds.
 */
@Component
public class OrganisationDirectory {

	/**
	 * How long a change to an organisation (a new name or domain) may take to be seen.
	 */
	static final Duration MAX_AGE = Duration.ofSeconds(30);

	/** How often the snapshot's version is compared with the database's. */
	static final Duration VERSION_CHECK = Duration.ofSeconds(2);

	private final Organisations organisations;

	private final Clock clock;

	private final LongSupplier version;

	private volatile Snapshot snapshot;

	private volatile Instant versionCheckedAt = Instant.MIN;

	OrganisationDirectory(Organisations organisations, Clock clock) {
		this(organisations, clock, () -> 0L);
	}

	@Autowired
	OrganisationDirectory(Organisations organisations, Clock clock, JdbcTemplate jdbc) {
		this(organisations, clock, () -> jdbc
			.queryForObject("select version from snapshot_version where name = 'organisation'", Long.class));
	}

	OrganisationDirectory(Organisations organisations, Clock clock, LongSupplier version) {
		this.organisations = organisations;
		this.clock = clock;
		this.version = version;
	}

	public Optional<Organisation> byCode(String code) {
		return find((s) -> s.byCode().get(code));
	}

	public Optional<Organisation> byId(UUID id) {
		return find((s) -> s.byId().get(id));
	}

	/** Every organisation, by name. */
	public List<Organisation> all() {
		return current(false).all();
	}

	private Optional<Organisation> find(Function<Snapshot, Organisation> lookup) {
		Organisation found = lookup.apply(current(false));
		return Optional.ofNullable((found != null) ? found : lookup.apply(current(true)));
	}

	private Snapshot current(boolean reload) {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (reload || current == null || current.loadedAt().plus(MAX_AGE).isBefore(now) || changed(current, now)) {
			// the version before the rows: a change while they are read shows at the next
			// check
			long version = versionOr(-1);
			List<Organisation> all = List.copyOf(this.organisations.findAllByOrderByNameAsc());
			current = new Snapshot(now, version, all,
					all.stream().collect(Collectors.toUnmodifiableMap(Organisation::code, Function.identity())),
					all.stream().collect(Collectors.toUnmodifiableMap((o) -> o.id().value(), Function.identity())));
			this.snapshot = current;
		}
		return current;
	}

	/**
	 * Whether another instance (or this one) changed an organisation since the snapshot
	 * was read.
	 */
	private boolean changed(Snapshot current, Instant now) {
		if (this.versionCheckedAt.plus(VERSION_CHECK).isAfter(now)) {
			return false;
		}
		this.versionCheckedAt = now;
		long latest = versionOr(current.version());
		return latest != current.version();
	}

	private long versionOr(long fallback) {
		try {
			return this.version.getAsLong();
		}
		catch (RuntimeException ex) {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				// the caller's transaction is aborted now: it must not go on as if
				// nothing happened
				throw ex;
			}
			// the database does not answer: the snapshot serves until it ages out
			return fallback;
		}
	}

	private record Snapshot(Instant loadedAt, long version, List<Organisation> all, Map<String, Organisation> byCode,
			Map<UUID, Organisation> byId) {
	}

}
