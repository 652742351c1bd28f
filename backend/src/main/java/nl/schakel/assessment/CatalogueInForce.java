package nl.schakel.assessment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intervention catalogue in force: the interventions beheer keeps in the database
 * (filled once from {@code policies/interventions.yaml} when empty) with the file's
 * follow-up months and kinds of barrier. Every reader asks {@link #current()}, so an edit
 * is seen without a restart. The catalogue is small and read on every assessment page, so
 * it is held in memory: an edit through this instance drops it once committed, and the
 * catalogue's edition, compared at most every {@link #EDITION_CHECK}, shows an edit made
 * through another instance.
 */
@Component
class CatalogueInForce {

	private static final Logger log = LoggerFactory.getLogger(CatalogueInForce.class);

	/** How often the held catalogue's edition is compared with the database's. */
	static final Duration EDITION_CHECK = Duration.ofSeconds(2);

	static final String COLUMNS = "code, name_nl, name_en, provider_type_nl, provider_type_en, delivered_by, "
			+ "working_elements, age_groups, phases, statuses, minimum_duration_weeks, trauma_sensitive, "
			+ "trust_building, family_or_community, retired_at";

	private final InterventionCatalogue shipped;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private volatile Held held;

	CatalogueInForce(InterventionCatalogue shipped, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			Clock clock) {
		this.shipped = shipped;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	private record Held(InterventionCatalogue catalogue, int edition, long checkedAt) {
	}

	/** The catalogue as it stands now. */
	InterventionCatalogue current() {
		Held now = this.held;
		long at = System.nanoTime();
		if (now != null && at - now.checkedAt() < EDITION_CHECK.toNanos()) {
			return now.catalogue();
		}
		Integer edition = edition();
		if (edition == null) {
			seedIfEmpty();
		}
		else if (now != null && now.edition() == edition) {
			this.held = new Held(now.catalogue(), edition, at);
			return now.catalogue();
		}
		Held loaded = load(at);
		this.held = loaded;
		return loaded.catalogue();
	}

	/** Forgets the held catalogue: called once an edit has committed. */
	void forget() {
		this.held = null;
	}

	/**
	 * The shipped default's follow-up months and barriers, which beheer does not edit.
	 */
	InterventionCatalogue shipped() {
		return this.shipped;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		if (edition() == null) {
			seedIfEmpty();
		}
		else {
			InterventionCatalogue current = current();
			String seededFrom = this.jdbc.queryForObject("select seeded_from from intervention_catalogue where id = 1",
					String.class);
			if (!this.shipped.version().equals(seededFrom)) {
				log.info(
						"Intervention catalogue {} in force (kept by beheer); {} was filled from {}, "
								+ "the shipped default is now {} and is not applied",
						current.version(), current.interventions().size(), seededFrom, this.shipped.version());
			}
		}
	}

	/**
	 * Fills an empty catalogue from the shipped file, in a transaction of its own; when
	 * another instance filled it first, leaves it as it is.
	 */
	void seedIfEmpty() {
		this.ownTransaction.executeWithoutResult((status) -> {
			OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(this.clock), ZoneOffset.UTC);
			int inserted = this.jdbc.update(
					"insert into intervention_catalogue (id, base_version, seeded_from, "
							+ "seeded_at, edition, changed_at) values (1, ?, ?, ?, 0, ?) on conflict (id) do nothing",
					baseVersion(this.shipped.version()), this.shipped.version(), now, now);
			if (inserted == 0) {
				return;
			}
			int position = 0;
			for (InterventionCatalogue.Intervention entry : this.shipped.interventions()) {
				insert(this.jdbc, entry, ++position);
			}
			log.info("Intervention catalogue filled from {} ({} interventions)", this.shipped.version(),
					this.shipped.interventions().size());
		});
		this.held = null;
	}

	static void insert(JdbcTemplate jdbc, InterventionCatalogue.Intervention entry, int position) {
		jdbc.update("insert into catalogue_intervention (" + COLUMNS + ", position) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)", (ps) -> {
					ps.setString(1, entry.code());
					ps.setString(2, entry.name().nl());
					ps.setString(3, entry.name().en());
					ps.setString(4, entry.providerType().nl());
					ps.setString(5, entry.providerType().en());
					ps.setString(6, entry.deliveredBy());
					ps.setArray(7, ps.getConnection().createArrayOf("varchar", entry.workingElements().toArray()));
					ps.setArray(8,
							ps.getConnection().createArrayOf("integer", sorted(entry.targetGroup().ageGroups())));
					ps.setArray(9, ps.getConnection().createArrayOf("integer", sorted(entry.targetGroup().phases())));
					ps.setArray(10,
							ps.getConnection().createArrayOf("integer", sorted(entry.targetGroup().statuses())));
					ps.setInt(11, entry.conditions().minimumDurationWeeks());
					ps.setBoolean(12, entry.conditions().traumaSensitive());
					ps.setBoolean(13, entry.conditions().trustBuilding());
					ps.setBoolean(14, entry.conditions().familyOrCommunity());
					ps.setInt(15, position);
				});
	}

	static Integer[] sorted(Set<Integer> values) {
		return values.stream().sorted().toArray(Integer[]::new);
	}

	/** The declared version of a file version {@code declared+hash}. */
	static String baseVersion(String fileVersion) {
		int plus = fileVersion.lastIndexOf('+');
		return (plus > 0) ? fileVersion.substring(0, plus) : fileVersion;
	}

	/** The catalogue's version: the declared version of its file and its edition. */
	static String version(String baseVersion, int edition) {
		return baseVersion + "+" + edition;
	}

	private Integer edition() {
		List<Integer> found = this.jdbc.queryForList("select edition from intervention_catalogue where id = 1",
				Integer.class);
		return found.isEmpty() ? null : found.get(0);
	}

	/** One statement, so the edition and the interventions come from one snapshot. */
	private Held load(long at) {
		record Line(String baseVersion, int edition, InterventionCatalogue.Intervention entry) {
		}
		List<Line> lines = this.jdbc.query(
				"select c.base_version, c.edition, " + COLUMNS
						+ " from intervention_catalogue c left join catalogue_intervention i on true "
						+ "where c.id = 1 order by i.position, i.code",
				(rs, n) -> new Line(rs.getString("base_version"), rs.getInt("edition"),
						(rs.getString("code") != null) ? intervention(rs) : null));
		if (lines.isEmpty()) {
			throw new IllegalStateException("The intervention catalogue has not been filled");
		}
		List<InterventionCatalogue.Intervention> entries = new ArrayList<>();
		lines.stream().map(Line::entry).filter((e) -> e != null).forEach(entries::add);
		Line first = lines.get(0);
		InterventionCatalogue catalogue = new InterventionCatalogue(version(first.baseVersion(), first.edition()),
				this.shipped.followUpMonths(), this.shipped.barriers(), List.copyOf(entries));
		return new Held(catalogue, first.edition(), at);
	}

	static InterventionCatalogue.Intervention intervention(ResultSet rs) throws SQLException {
		return new InterventionCatalogue.Intervention(rs.getString("code"),
				new Label(rs.getString("name_nl"), rs.getString("name_en")),
				new Label(rs.getString("provider_type_nl"), rs.getString("provider_type_en")),
				rs.getString("delivered_by"), List.of(strings(rs.getArray("working_elements"))),
				new InterventionCatalogue.TargetGroup(numbers(rs.getArray("age_groups")),
						numbers(rs.getArray("phases")), numbers(rs.getArray("statuses"))),
				new InterventionCatalogue.Conditions(rs.getInt("minimum_duration_weeks"),
						rs.getBoolean("trauma_sensitive"), rs.getBoolean("trust_building"),
						rs.getBoolean("family_or_community")),
				rs.getTimestamp("retired_at") != null);
	}

	private static String[] strings(Array array) throws SQLException {
		return (array == null) ? new String[0] : (String[]) array.getArray();
	}

	private static Set<Integer> numbers(Array array) throws SQLException {
		if (array == null) {
			return Set.of();
		}
		Integer[] values = (Integer[]) array.getArray();
		return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(values)));
	}

}
