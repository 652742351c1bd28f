package nl.schakel.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The auditor's search walks the log by event (one per read) and unnests the items after:
 * a page still holds exactly the asked number of items, a read whose items do not fit
 * goes on on the next page, item filters show only the matching items of a read, and rows
 * logged one per item before reads were events take their place in time among the events.
 */
@IntegrationTest
class AuditSearchPagesByEventIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DisclosureSearch search;

	AuditScenario scenario;

	AuditScenario.Case c;

	@BeforeEach
	void aCaseOfThreeContributionsReadTwiceByCare() throws Exception {
		this.scenario = new AuditScenario(this.mvc, this.jdbc);
		this.c = this.scenario.newCase("Pagina Persoon", null, "ggz-midden", "politie-midden");
		for (String category : List.of("HEALTH", "SOCIAL", "HEALTH")) {
			this.scenario.contribute(this.c, "ggz",
					"""
							{"text": "notitie", "category": "%s", "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}"""
						.formatted(category));
		}
		this.scenario.read(this.c, "ggz");
		this.scenario.read(this.c, "politie");
		this.scenario.read(this.c, "ggz");
	}

	@Test
	void aReadWhoseItemsDoNotFitOnAPageGoesOnOnTheNextPageWithEveryItemOnce() throws Exception {
		String filter = "case=" + this.c.id() + "&purpose=CASE_CONSULTATION";
		List<String> all = ids(search(filter + "&size=200"));
		assertThat(all).hasSize((int) count("case_id = ? and purpose = 'CASE_CONSULTATION'", this.c.id()));
		assertThat(eventsOf(all)).as("several reads of several items each").hasSizeGreaterThan(2);
		for (int size : List.of(1, 2, 3, 5)) {
			List<String> paged = new ArrayList<>();
			String cursor = null;
			int pages = 0;
			do {
				String body = body(filter + "&size=" + size + ((cursor != null) ? "&cursor=" + cursor : ""));
				List<String> page = JsonPath.read(body, "$.disclosures[*].id");
				cursor = JsonPath.read(body, "$.nextCursor");
				if (cursor != null) {
					assertThat(page).as("a page that is not the last is full").hasSize(size);
				}
				paged.addAll(page);
				pages++;
			}
			while (cursor != null && pages < 200);
			assertThat(paged).as("pages of " + size).containsExactlyElementsOf(all);
		}
	}

	@Test
	void theItemsOfOneReadStayTogetherNewestReadFirst() throws Exception {
		List<String> all = ids(search("case=" + this.c.id() + "&purpose=CASE_CONSULTATION&size=200"));
		List<UUID> events = all.stream().map(this::eventOf).toList();
		// each event appears as one run: once left, never seen again
		List<UUID> runs = new ArrayList<>();
		for (UUID event : events) {
			if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(event)) {
				runs.add(event);
			}
		}
		assertThat(runs).doesNotHaveDuplicates();
		List<Instant> times = runs.stream()
			.map((event) -> this.jdbc
				.queryForObject("select occurred_at from disclosure_event where id = ?", Timestamp.class, event)
				.toInstant())
			.toList();
		assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void anItemFilterShowsOnlyTheMatchingItemsOfARead() throws Exception {
		String filter = "case=" + this.c.id() + "&purpose=CASE_CONSULTATION&category=HEALTH";
		List<Map<String, Object>> rows = search(filter + "&size=200");
		assertThat(rows)
			.hasSize((int) count("case_id = ? and purpose = 'CASE_CONSULTATION' and category = 'HEALTH'", this.c.id()));
		assertThat(rows).isNotEmpty().allSatisfy((row) -> assertThat(row.get("category")).isEqualTo("HEALTH"));
		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			String body = body(filter + "&size=1" + ((cursor != null) ? "&cursor=" + cursor : ""));
			paged.addAll(JsonPath.read(body, "$.disclosures[*].id"));
			cursor = JsonPath.read(body, "$.nextCursor");
		}
		while (cursor != null && paged.size() < 200);
		assertThat(paged).containsExactlyElementsOf(ids(rows));
	}

	@Test
	void rowsLoggedOnePerItemBeforeReadsWereEventsTakeTheirPlaceInTime() throws Exception {
		Instant first = this.jdbc
			.queryForObject("select min(occurred_at) from disclosure_event where case_id = ?", Timestamp.class,
					this.c.id())
			.toInstant();
		UUID older = olderRow(first.minus(1, ChronoUnit.DAYS));
		UUID between = olderRow(first.plus(1, ChronoUnit.MICROS));
		List<String> all = ids(search("case=" + this.c.id() + "&size=200"));
		assertThat(all).contains(older.toString(), between.toString());
		assertThat(all.get(all.size() - 1)).isEqualTo(older.toString());
		List<Map<String, Object>> rows = search("case=" + this.c.id() + "&size=200");
		assertThat(rows.stream().map((row) -> (String) row.get("occurredAt")).toList())
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		List<String> paged = new ArrayList<>();
		String cursor = null;
		do {
			String body = body("case=" + this.c.id() + "&size=2" + ((cursor != null) ? "&cursor=" + cursor : ""));
			paged.addAll(JsonPath.read(body, "$.disclosures[*].id"));
			cursor = JsonPath.read(body, "$.nextCursor");
		}
		while (cursor != null && paged.size() < 400);
		// the auditor's own searches above are disclosures of this case too, newer than
		// all of it
		assertThat(paged).containsSubsequence(all.subList(all.indexOf(between.toString()), all.size()));
		assertThat(search("case=" + this.c.id() + "&category=SOCIAL&size=200")).extracting((row) -> row.get("id"))
			.contains(between.toString(), older.toString());
		assertThat(search("case=" + this.c.id() + "&category=HEALTH&size=200")).extracting((row) -> row.get("id"))
			.isNotEmpty()
			.doesNotContain(between.toString(), older.toString());
	}

	@Test
	void aCursorGivenOutWhenTheSearchPagedByItemIsStillAccepted() throws Exception {
		String first = body("case=" + this.c.id() + "&size=1");
		String id = JsonPath.read(first, "$.disclosures[0].id");
		String nextCursor = JsonPath.read(first, "$.nextCursor");
		String itemCursor = nextCursor.substring(0, nextCursor.indexOf('_')) + "_" + id;
		this.scenario
			.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?case=" + this.c.id() + "&cursor=" + itemCursor),
					null)
			.andExpect(status().isOk());
	}

	@Test
	void theFirstPageReadsOnlyTheNewestEventsWhateverTheSizeOfTheLog() {
		// the log holds many more events than a page; searching by item made PostgreSQL
		// read
		// (and sort) every one of them before the first page, paging by event reads a
		// page's worth
		long events = this.jdbc.queryForObject("select count(*) from disclosure_event", Long.class);
		assertThat(events).isGreaterThan(10);
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		DisclosureFilter pageOfOne = new DisclosureFilter(null, null, null, null, null, null, null, null, null, null,
				null, "1");
		String sql = DisclosureSearch.query(this.search.criteria(pageOfOne), 1, parameters, true);
		String plan = new TransactionTemplate(this.transactions).execute((status) -> {
			// the test database is small enough to scan whole; ask for the plan a large
			// log gets
			this.jdbc.execute("set local enable_seqscan = off");
			return this.named.queryForObject("explain (analyze, format json) " + sql, parameters, String.class);
		});
		// the events are partitioned by month: a scan names the month's partition
		List<Map<String, Object>> eventScans = JsonPath.read(plan,
				"$..[?(@['Relation Name'] =~ /^disclosure_event(_[0-9]{4}_[0-9]{2}|_default)?$/)]");
		assertThat(eventScans).as(plan).isNotEmpty().allSatisfy((scan) -> {
			double rows = ((Number) scan.get("Actual Rows")).doubleValue()
					* ((Number) scan.get("Actual Loops")).doubleValue();
			assertThat(rows).as("events read for a page of one item").isLessThanOrEqualTo(3);
		});
	}

	private UUID olderRow(Instant at) {
		UUID id = UUID.randomUUID();
		// a row inserted into the view lands in the table of per-item rows, as a bulk
		// load's would
		this.jdbc.update("""
				insert into disclosure (id, occurred_at, actor, actor_organisation, actor_role, case_id, person_id,
				                        item_kind, item_id, category, purpose, legal_basis, rule_id, policy_version,
				                        decision, channel, request_id)
				values (?, ?, 'ggz', 'ggz-midden', 'hulpverlener', ?, ?, 'CONTRIBUTION', ?, 'SOCIAL',
				        'CASE_CONSULTATION', 'PUBLIC_TASK', 'older-rule', 'v-older', 'PERMIT', 'UI', ?)""", id,
				Timestamp.from(at), this.c.id(), this.c.personId(), UUID.randomUUID(), "older-" + id);
		assertThat(this.jdbc.queryForObject("select count(*) from disclosure_row where id = ?", Long.class, id))
			.isEqualTo(1L);
		return id;
	}

	private UUID eventOf(String itemId) {
		return this.jdbc.queryForObject("select event_id from disclosure_event_item where id = ?", UUID.class,
				UUID.fromString(itemId));
	}

	private LinkedHashSet<UUID> eventsOf(List<String> items) {
		LinkedHashSet<UUID> events = new LinkedHashSet<>();
		items.forEach((item) -> events.add(eventOf(item)));
		return events;
	}

	private static List<String> ids(List<Map<String, Object>> rows) {
		return rows.stream().map((row) -> (String) row.get("id")).toList();
	}

	private String body(String query) throws Exception {
		return this.scenario.as("auditor", "AUDIT", get("/api/v1/audit/disclosures?" + query), null)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private List<Map<String, Object>> search(String query) throws Exception {
		return JsonPath.read(body(query), "$.disclosures");
	}

	private long count(String where, Object... args) {
		return this.jdbc.queryForObject("select count(*) from disclosure where " + where, Long.class, args);
	}

}
