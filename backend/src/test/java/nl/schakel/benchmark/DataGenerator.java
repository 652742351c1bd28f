package nl.schakel.benchmark;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import nl.schakel.crypto.BlindIndex;
import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The benchmarks' data set: fills the schema with a national-scale data set through the
 * PostgreSQL driver's COPY (never JPA), as the application role, with the application's
 * own {@link FieldCipher} and {@link BlindIndex} (the real keys): persons (BSN sealed +
 * blind index), cases, two participations per case, contributions (text sealed, bound to
 * row and column) and disclosures spread uniformly over the last five years.
 * {@code scale} 1.0 is 100k persons, 600k cases, 2M contributions, 10M disclosures. The
 * first {@code readCases} cases get exactly 20 contributions each and admit ggz-midden
 * for CASE_CONSULTATION: they are the case pages the load benchmark reads.
 */
final class DataGenerator {

	static final String[] CATEGORIES = { "GENERAL", "IDENTITY", "SOCIAL", "HEALTH", "CRIMINAL", "RISK" };

	static final String[] ORGS = { "ggz-midden", "verslavingszorg-midden", "politie-midden", "om-midden",
			"reclassering-midden", "gemeente-midden" };

	private static final String[] SECOND_ORGS = { "verslavingszorg-midden", "om-midden", "reclassering-midden",
			"gemeente-midden" };

	static final String[] ORG_ACTORS = { "ggz", "verslavingszorg", "politie", "om", "reclassering", "gemeente" };

	static final String[] ORG_ROLES = { "care-professional", "care-professional", "justice-professional",
			"justice-professional", "justice-professional", "municipal-professional" };

	static final String[] PURPOSES = { "TRIAGE", "CASE_CONSULTATION", "PLAN_EXECUTION", "MONITORING" };

	private static final int CHUNK = 20_000;

	private final DataSource dataSource;

	private final FieldCipher cipher;

	private final BlindIndex blindIndex;

	private final SplittableRandom random = new SplittableRandom(7);

	final List<UUID> caseIds = new ArrayList<>();

	final List<UUID> casePersons = new ArrayList<>();

	final List<String> caseReferences = new ArrayList<>();

	final List<UUID> personIds = new ArrayList<>();

	final List<String> lines = new ArrayList<>();

	DataGenerator(DataSource dataSource, FieldCipher cipher, BlindIndex blindIndex) {
		this.dataSource = dataSource;
		this.cipher = cipher;
		this.blindIndex = blindIndex;
	}

	/**
	 * The generated cases of an earlier run on the same data directory, in generation
	 * order.
	 */
	void loadGenerated() {
		new org.springframework.jdbc.core.JdbcTemplate(this.dataSource).query(
				"select id, person_id, reference from case_file where reference like 'ZVH-B-%' order by reference_number",
				(rs) -> {
					this.caseIds.add(rs.getObject(1, UUID.class));
					this.casePersons.add(rs.getObject(2, UUID.class));
					this.caseReferences.add(rs.getString(3));
				});
		this.lines.add("reused the data set generated earlier: " + this.caseIds.size() + " cases");
	}

	void generate(double scale, int readCases) throws Exception {
		int persons = (int) Math.round(100_000 * scale);
		int cases = (int) Math.round(600_000 * scale);
		long contributions = Math.round(2_000_000 * scale);
		long disclosures = Math.round(10_000_000 * scale);
		Instant now = Instant.now();
		Instant fiveYearsAgo = now.minus(Duration.ofDays(5 * 365));
		long span = Duration.between(fiveYearsAgo, now).toSeconds();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			UUID zvh = UUID.fromString(String.valueOf(new org.springframework.jdbc.core.JdbcTemplate(this.dataSource)
				.queryForObject("select id from organisation where code = 'zvh-midden'", Object.class)));
			long totalStart = System.nanoTime();

			// persons
			long start = System.nanoTime();
			StringBuilder rows = new StringBuilder();
			int n = 0;
			for (int i = 0; i < persons; i++) {
				UUID id = UUID.randomUUID();
				this.personIds.add(id);
				String bsn = String.valueOf(100_000_000 + i);
				rows.append(id)
					.append('\t')
					.append("Persoon ")
					.append(i)
					.append('\t')
					.append(LocalDate.of(1950, 1, 1).plusDays(this.random.nextInt(20_000)))
					.append('\t')
					.append(hex(this.cipher.seal(bsn, new FieldBinding("person", "bsn_ciphertext", id))))
					.append('\t')
					.append(this.blindIndex.of(bsn))
					.append("\t\\N\t0\n");
				if (++n == CHUNK) {
					copy.copyIn(
							"COPY person (id, name, date_of_birth, bsn_ciphertext, bsn_index, address, version) FROM STDIN",
							new StringReader(rows.toString()));
					rows.setLength(0);
					n = 0;
				}
			}
			copy.copyIn("COPY person (id, name, date_of_birth, bsn_ciphertext, bsn_index, address, version) FROM STDIN",
					new StringReader(rows.toString()));
			report("person", persons, start);

			// cases, and two participations per case
			start = System.nanoTime();
			rows.setLength(0);
			StringBuilder participations = new StringBuilder();
			n = 0;
			String[] types = { "RADICALISATION", "CONFUSED_BEHAVIOUR", "HIGH_IMPACT_CRIME", "DOMESTIC_VIOLENCE",
					"OTHER" };
			for (int i = 0; i < cases; i++) {
				UUID id = UUID.randomUUID();
				UUID person = this.personIds.get(i % persons);
				long number = 9_000_000_000L + i;
				String reference = "ZVH-B-" + number;
				this.caseIds.add(id);
				this.casePersons.add(person);
				this.caseReferences.add(reference);
				LocalDate opened = LocalDate.ofInstant(fiveYearsAgo.plusSeconds(this.random.nextLong(span)),
						ZoneOffset.UTC);
				rows.append(id)
					.append('\t')
					.append(reference)
					.append('\t')
					.append(number)
					.append('\t')
					.append(person)
					.append('\t')
					.append(types[i % types.length])
					.append("\tIN_CONSULTATION\tcoordinator\t")
					.append(zvh)
					.append('\t')
					.append(opened)
					.append("\t\\N\t0\n");
				// one active participation per organisation and case: the second is never
				// the police
				String second = (i < readCases) ? "ggz-midden" : SECOND_ORGS[this.random.nextInt(SECOND_ORGS.length)];
				participations.append(UUID.randomUUID())
					.append('\t')
					.append(second)
					.append("\t{}\t{TRIAGE,CASE_CONSULTATION,PLAN_EXECUTION,MONITORING}\t\\N\tcoordinator\t")
					.append(opened)
					.append(" 10:00:00+00\t\\N\t\\N\t0\t")
					.append(id)
					.append('\n');
				participations.append(UUID.randomUUID())
					.append('\t')
					.append("politie-midden")
					.append("\t{}\t{CASE_CONSULTATION}\t\\N\tcoordinator\t")
					.append(opened)
					.append(" 10:00:00+00\t\\N\t\\N\t0\t")
					.append(id)
					.append('\n');
				if (++n == CHUNK) {
					flushCases(copy, rows, participations);
					n = 0;
				}
			}
			flushCases(copy, rows, participations);
			report("case_file (+2 participation rows each)", cases, start);

			// contributions
			start = System.nanoTime();
			rows.setLength(0);
			n = 0;
			long bytes = 0;
			for (long i = 0; i < contributions; i++) {
				int caseIndex = (i < 20L * readCases) ? (int) (i / 20)
						: readCases + this.random.nextInt(Math.max(1, cases - readCases));
				UUID caseId = this.caseIds.get(caseIndex);
				UUID id = UUID.randomUUID();
				int org = this.random.nextInt(ORGS.length);
				String category = CATEGORIES[this.random.nextInt(CATEGORIES.length)];
				boolean statutory = this.random.nextBoolean();
				String text = text(200 + this.random.nextInt(800));
				byte[] sealed = this.cipher.seal(text, new FieldBinding("contribution", "content_ciphertext", id));
				bytes += sealed.length;
				Instant created = fiveYearsAgo.plusSeconds(this.random.nextLong(span));
				rows.append(id)
					.append('\t')
					.append(caseId)
					.append('\t')
					.append(ORG_ACTORS[org])
					.append('\t')
					.append(ORGS[org])
					.append('\t')
					.append(category)
					.append('\t')
					.append(statutory ? "STATUTORY\tWet verplichte ggz art. 8:31" : "PUBLIC_TASK\t\\N")
					.append("\t{}\t{CARE,JUSTICE,MUNICIPAL,SAFETY_HOUSE}\t")
					.append(hex(sealed))
					.append('\t')
					.append(created)
					.append("\t0\n");
				if (++n == CHUNK) {
					flushContributions(copy, rows);
					n = 0;
				}
			}
			flushContributions(copy, rows);
			report("contribution (sealed, avg " + (contributions == 0 ? 0 : bytes / contributions) + " B ciphertext)",
					contributions, start);

			// disclosures
			start = System.nanoTime();
			rows.setLength(0);
			n = 0;
			String[] decisions = { "PERMIT", "PERMIT", "PERMIT", "PERMIT", "PERMIT", "PERMIT", "EXISTENCE_ONLY",
					"EXISTENCE_ONLY", "DENY", "PERMIT" };
			String[] channels = { "UI", "UI", "UI", "API", "EXPORT" };
			// as the application writes them: one event per read (the case header and
			// twenty
			// contributions), its items beside it
			StringBuilder events = new StringBuilder();
			UUID event = null;
			int org = 0;
			for (long i = 0; i < disclosures; i++) {
				boolean header = i % 21 == 0;
				// the log grows in time order, as the application writes it (time-ordered
				// v7 ids)
				Instant at = fiveYearsAgo.plusMillis((long) ((double) (i - i % 21) / disclosures * span * 1000));
				if (header) {
					int caseIndex = this.random.nextInt(cases);
					org = this.random.nextInt(ORGS.length);
					event = versionSevenId(at.plusMillis(this.random.nextInt(1000)));
					events.append(event)
						.append('\t')
						.append(at)
						.append('\t')
						.append(ORG_ACTORS[org])
						.append('\t')
						.append(ORGS[org])
						.append('\t')
						.append(this.caseIds.get(caseIndex))
						.append('\t')
						.append(this.casePersons.get(caseIndex))
						.append('\t')
						.append(PURPOSES[this.random.nextInt(PURPOSES.length)])
						.append("\tbench.1\t")
						.append(channels[this.random.nextInt(channels.length)])
						.append('\t')
						.append("bench-")
						.append(i)
						.append('\n');
				}
				rows.append(versionSevenId(at))
					.append('\t')
					.append(event)
					.append('\t')
					.append(at)
					.append('\t')
					.append(ORG_ROLES[org])
					.append('\t')
					.append(header ? "CASE" : "CONTRIBUTION")
					.append('\t')
					.append(UUID.randomUUID())
					.append('\t')
					.append(header ? "IDENTITY" : CATEGORIES[this.random.nextInt(CATEGORIES.length)])
					.append('\t')
					.append(this.random.nextBoolean() ? "STATUTORY" : "PUBLIC_TASK")
					.append("\tbench-rule\t")
					.append(decisions[this.random.nextInt(decisions.length)])
					.append('\t')
					.append(this.random.nextInt(100) == 0 ? 't' : 'f')
					.append('\n');
				if (++n >= CHUNK && i % 21 == 20) {
					flushDisclosures(copy, events, rows);
					n = 0;
				}
			}
			flushDisclosures(copy, events, rows);
			report("disclosure", disclosures, start);
			this.lines
				.add(String.format(Locale.ROOT, "generator total: %.1f s", (System.nanoTime() - totalStart) / 1e9));
		}
		for (String line : this.lines) {
			System.out.println("[generate] " + line);
		}
	}

	/** A version 7 UUID for this instant, as {@code Disclosure} assigns them. */
	private UUID versionSevenId(Instant at) {
		long msb = (at.toEpochMilli() << 16) | 0x7000L | (this.random.nextInt() & 0x0FFFL);
		long lsb = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	private static void flushCases(CopyManager copy, StringBuilder cases, StringBuilder participations)
			throws SQLException, java.io.IOException {
		copy.copyIn(
				"COPY case_file (id, reference, reference_number, person_id, case_type, status, "
						+ "coordinator_username, organisation_id, opened_on, closed_on, version) FROM STDIN",
				new StringReader(cases.toString()));
		copy.copyIn(
				"COPY participation (id, organisation_code, professionals, purposes, valid_until, admitted_by, "
						+ "admitted_at, removed_by, removed_at, version, case_id) FROM STDIN",
				new StringReader(participations.toString()));
		cases.setLength(0);
		participations.setLength(0);
	}

	private static void flushContributions(CopyManager copy, StringBuilder rows)
			throws SQLException, java.io.IOException {
		copy.copyIn("COPY contribution (id, case_id, author, author_organisation, category, legal_basis, "
				+ "statutory_reference, audience_organisations, audience_domains, content_ciphertext, created_at, version) "
				+ "FROM STDIN", new StringReader(rows.toString()));
		rows.setLength(0);
	}

	private static void flushDisclosures(CopyManager copy, StringBuilder events, StringBuilder items)
			throws SQLException, java.io.IOException {
		copy.copyIn("COPY disclosure_event (id, occurred_at, actor, actor_organisation, case_id, person_id, purpose, "
				+ "policy_version, channel, request_id) FROM STDIN", new StringReader(events.toString()));
		copy.copyIn("COPY disclosure_event_item (id, event_id, occurred_at, actor_role, item_kind, item_id, category, "
				+ "legal_basis, rule_id, decision, flagged) FROM STDIN", new StringReader(items.toString()));
		events.setLength(0);
		items.setLength(0);
	}

	private void report(String table, long rows, long startNanos) {
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		this.lines.add(String.format(Locale.ROOT, "%s: %,d rows in %.1f s = %,.0f rows/s", table, rows, seconds,
				rows / Math.max(seconds, 1e-9)));
		System.out.println("[generate] " + this.lines.get(this.lines.size() - 1));
	}

	private static String hex(byte[] bytes) {
		return "\\\\x" + HexFormat.of().formatHex(bytes);
	}

	private static final String WORDS = "betrokkene woont sinds kort weer bij moeder zorgmijdend gedrag huisarts "
			+ "signaleert terugval middelengebruik wijkteam heeft contact gezocht afspraak gemist dreiging geuit "
			+ "richting buren reclassering toezicht loopt schuldhulp aangevraagd ";

	private String text(int length) {
		StringBuilder builder = new StringBuilder(length + 16);
		while (builder.length() < length) {
			int from = this.random.nextInt(WORDS.length() - 40);
			builder.append(WORDS, from, from + 30);
		}
		return builder.substring(0, length).replace('\t', ' ');
	}

	static int utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8).length;
	}

}
