package nl.schakel.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The partner organisations as the read paths see them: a snapshot held in memory, read
 * again from the database when it is older than {@link #MAX_AGE} or a code or id is not in
 * it. Every case page and every gate read needs the reader's organisation and the case's;
 * a handful of organisations that change a few times a year need not cost three queries per
 * read. Writers (the demo seed, an administrator) go to {@link Organisations} directly.
 */
@Component
public class OrganisationDirectory {

	/** How long a change to an organisation (a new name or domain) may take to be seen. */
	static final Duration MAX_AGE = Duration.ofSeconds(30);

	private final Organisations organisations;

	private final Clock clock;

	private volatile Snapshot snapshot;

	OrganisationDirectory(Organisations organisations, Clock clock) {
		this.organisations = organisations;
		this.clock = clock;
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
		if (reload || current == null || current.loadedAt().plus(MAX_AGE).isBefore(now)) {
			List<Organisation> all = List.copyOf(this.organisations.findAllByOrderByNameAsc());
			current = new Snapshot(now, all,
					all.stream().collect(Collectors.toUnmodifiableMap(Organisation::code, Function.identity())),
					all.stream().collect(Collectors.toUnmodifiableMap((o) -> o.id().value(), Function.identity())));
			this.snapshot = current;
		}
		return current;
	}

	private record Snapshot(Instant loadedAt, List<Organisation> all, Map<String, Organisation> byCode,
			Map<UUID, Organisation> byId) {
	}

}
