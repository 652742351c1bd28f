package nl.schakel.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Flagged disclosures land in the review queue; the auditor's findings persist and are
 * audited.
 */
@IntegrationTest
class ReviewQueueIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LogSealer sealer;

	@Autowired
	ReviewScanner scanner;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	ReviewItems reviewItems;

	@Autowired
	ReviewFlags flags;

	@Autowired
	java.time.Clock clock;

	@Autowired
	AuditJobProgress progress;

	/** The last time a row of this test was logged at (a new instance per test). */
	private java.sql.Timestamp lastMillisecond = new java.sql.Timestamp(0);

	@Test
	void aConflictOfDutiesDisclosureIsQueuedAndItsReviewIsAudited() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Plicht Persoon", null, "ggz-midden", "politie-midden");
		scenario.contribute(c, "ggz", """
				{"text": "Dreiging jegens naaste", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["politie-midden"], "secrecyBreachConfirmed": true,
				 "conflictOfDuties": {"interest": "veiligheid", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging"}}""");
		scenario.read(c, "politie");
		UUID flagged = this.jdbc.queryForObject(
				"select id from disclosure where case_id = ? and actor = 'politie' and flagged limit 1", UUID.class,
				c.id());

		sealAndScan(this.scanner);

		Map<String, Object> item = this.jdbc.queryForMap(
				"select id, flag_rule, state, due_at - created_at as due from review_item where ? = any(disclosure_ids) and kind = 'policy-flag'",
				flagged);
		assertThat(item).containsEntry("flag_rule", "conflict-of-duties").containsEntry("state", "OPEN");
		String id = item.get("id").toString();

		scenario.as("auditor", "AUDIT", get("/api/v1/audit/reviews"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.open[?(@.id == '" + id + "')].flagRule").value("conflict-of-duties"));

		scenario.as("auditor", "AUDIT", post("/api/v1/audit/reviews/" + id + "/finding"), """
				{"finding": "FOLLOW_UP"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		scenario.as("auditor", "AUDIT", post("/api/v1/audit/reviews/" + id + "/finding"), """
				{"finding": "FOLLOW_UP", "comment": "Navragen bij GGZ of de politie dit echt nodig had"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.finding").value("FOLLOW_UP"))
			.andExpect(jsonPath("$.reviewedBy").value("auditor"));
		scenario.as("auditor", "AUDIT", post("/api/v1/audit/reviews/" + id + "/finding"), """
				{"finding": "IN_ORDER", "comment": "nog eens"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("finding"));

		assertThat(
				this.jdbc.queryForMap("select state, finding, review_comment from review_item where id = ?::uuid", id))
			.containsEntry("state", "REVIEWED")
			.containsEntry("finding", "FOLLOW_UP");
		List<Map<String, Object>> history = this.jdbc.queryForList("""
				select a.revtype, a.state, a.finding, r.actor, r.purpose from review_item_aud a
				join revision r on r.id = a.rev where a.id = ?::uuid order by a.rev""", id);
		assertThat(history).hasSize(2);
		assertThat(history.get(0)).containsEntry("state", "OPEN");
		assertThat(history.get(1)).containsEntry("state", "REVIEWED")
			.containsEntry("finding", "FOLLOW_UP")
			.containsEntry("actor", "auditor")
			.containsEntry("purpose", "AUDIT");
		scenario.as("auditor", "AUDIT", get("/api/v1/audit/reviews/" + id + "/history"), null)
			.andExpect(jsonPath("$[1].finding").value("FOLLOW_UP"));
	}

	@Test
	void aBurstOfDenialsBecomesOneReviewItem() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Nieuwsgierig Persoon", null, "ggz-midden");
		sealAndScan(this.scanner);
		long before = items("reclassering", "burst-of-denials");
		// reclassering is not admitted: every read is refused; ten refusals within ten
		// minutes
		for (int i = 0; i < 10; i++) {
			scenario.read(c, "reclassering");
		}
		sealAndScan(this.scanner);
		assertThat(items("reclassering", "burst-of-denials")).isEqualTo(before + 1);
		// scanning again finds nothing new
		this.scanner.scanSealed();
		assertThat(items("reclassering", "burst-of-denials")).isEqualTo(before + 1);
	}

	@Test
	void aBurstSplitOverTwoScansCountsTheRefusalsTheFirstScanSaw() {
		// six refusals scanned, then four more: ten within ten minutes, one item, made by
		// the second scan from what the first had already seen (reads logged as events)
		String actor = "splitsing-" + UUID.randomUUID();
		for (int i = 0; i < 6; i++) {
			refusalAsEvent(actor);
		}
		sealAndScan(this.scanner);
		assertThat(items(actor, "burst-of-denials")).isZero();
		for (int i = 0; i < 4; i++) {
			refusalAsEvent(actor);
		}
		sealAndScan(this.scanner);
		assertThat(items(actor, "burst-of-denials")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select cardinality(disclosure_ids) from review_item where actor = ? and flag_rule = 'burst-of-denials'",
				Integer.class, actor))
			.as("the item names all ten refusals")
			.isEqualTo(10);
	}

	@Test
	void refusalsLoggedBeforeEventsCountInALaterBurstToo() {
		// rows of the log from before one event per read are context like any other
		String actor = "ouder-" + UUID.randomUUID();
		for (int i = 0; i < 7; i++) {
			refusalAsOlderRow(actor);
		}
		sealAndScan(this.scanner);
		assertThat(items(actor, "burst-of-denials")).isZero();
		for (int i = 0; i < 3; i++) {
			refusalAsEvent(actor);
		}
		sealAndScan(this.scanner);
		assertThat(items(actor, "burst-of-denials")).isEqualTo(1);
	}

	@Test
	void manyPersonsSplitOverThreeScansCountThePersonsEarlierScansSaw() {
		// eight persons scanned, then seven reads (one of the eight again, which does not
		// count twice): fourteen persons within the hour, no item; the fifteenth, scanned
		// third, makes the one item
		String actor = "veel-" + UUID.randomUUID();
		List<UUID> persons = new java.util.ArrayList<>();
		for (int i = 0; i < 8; i++) {
			persons.add(UUID.randomUUID());
			readOfPersonAsEvent(actor, persons.get(i));
		}
		sealAndScan(this.scanner);
		readOfPersonAsEvent(actor, persons.get(0));
		for (int i = 0; i < 6; i++) {
			readOfPersonAsEvent(actor, UUID.randomUUID());
		}
		sealAndScan(this.scanner);
		assertThat(items(actor, "many-persons")).as("fourteen persons").isZero();
		readOfPersonAsEvent(actor, UUID.randomUUID());
		sealAndScan(this.scanner);
		assertThat(items(actor, "many-persons")).as("fifteen persons").isEqualTo(1);
	}

	private void readOfPersonAsEvent(String actor, UUID person) {
		readOfPersonAsEvent(actor, person, nextMillisecond());
	}

	/** Seals what is settled, then lets {@code scanner} scan all of it. */
	private void sealAndScan(ReviewScanner scanner) {
		this.sealer.sealSettled();
		scanner.scanSealed();
	}

	/**
	 * The database's time to the millisecond, as the log keeps it, and later than the
	 * last one handed out: rows a test puts in order stay in that order (two inserts can
	 * fall in one millisecond, and the scan breaks such ties by random ids).
	 */
	private java.sql.Timestamp nextMillisecond() {
		java.sql.Timestamp now = this.jdbc.queryForObject("select date_trunc('milliseconds', clock_timestamp())",
				java.sql.Timestamp.class);
		if (!now.after(this.lastMillisecond)) {
			now = new java.sql.Timestamp(this.lastMillisecond.getTime() + 1);
		}
		this.lastMillisecond = now;
		return now;
	}

	private void readOfPersonAsEvent(String actor, UUID person, java.sql.Timestamp at) {
		UUID event = UUID.randomUUID();
		this.jdbc.update("""
				insert into disclosure_event (id, occurred_at, actor, actor_organisation, person_id, purpose,
				                              policy_version, channel, request_id)
				values (?, ?, ?, 'ggz-midden', ?, 'CASE_CONSULTATION', 'test', 'API', ?)""", event, at, actor, person,
				"read-" + event);
		this.jdbc.update("""
				insert into disclosure_event_item (id, event_id, occurred_at, actor_role, item_kind, rule_id, decision)
				select gen_random_uuid(), id, occurred_at, 'hulpverlener', 'CASE', 'participant-reads', 'PERMIT'
				from disclosure_event where id = ?""", event);
	}

	@Test
	void theLookBackReadsAtMostContextRowsEarlierRowsOfAProfessional() {
		// a look-back of three rows, the bound that keeps a batch's cost its own: what
		// lies
		// beyond it no longer counts
		ReviewScanner narrow = new ReviewScanner(this.jdbc, this.transactions, this.reviewItems, this.flags, this.clock,
				new ReviewScanProperties(5000, java.time.Duration.ofSeconds(10), 3, java.time.Duration.ofMinutes(1), 3),
				this.progress);
		String refused = "kort-" + UUID.randomUUID();
		String reader = "kort-veel-" + UUID.randomUUID();
		List<UUID> refusals = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			refusals.add(refusalAsEvent(refused));
			readOfPersonAsEvent(reader, UUID.randomUUID());
			readOfPersonAsEvent(reader, UUID.randomUUID());
		}
		sealAndScan(narrow);
		for (int i = 0; i < 7; i++) {
			refusals.add(refusalAsEvent(refused));
		}
		for (int i = 0; i < 11; i++) {
			readOfPersonAsEvent(reader, UUID.randomUUID());
		}
		sealAndScan(narrow);
		// the three newest earlier refusals and the seven new make ten (with the whole
		// look-back the item would have come at the fourth new one, naming the first ten)
		List<UUID> named = this.jdbc.queryForList(
				"select unnest(disclosure_ids) from review_item where actor = ? and flag_rule = 'burst-of-denials'",
				UUID.class, refused);
		assertThat(named).containsExactlyInAnyOrderElementsOf(refusals.subList(3, 13));
		// three earlier persons and eleven new: fourteen (the whole look-back:
		// twenty-three)
		assertThat(items(reader, "many-persons")).isZero();
	}

	@Test
	void rowsOfTheSameMillisecondDoNotWidenTheLookBack() {
		// six earlier reads of six persons, all in one millisecond: a look-back
		// of three takes three of them, not every row tied at its bound
		ReviewScanner narrow = new ReviewScanner(this.jdbc, this.transactions, this.reviewItems, this.flags, this.clock,
				new ReviewScanProperties(5000, java.time.Duration.ofSeconds(10), 3, java.time.Duration.ofMinutes(1), 3),
				this.progress);
		String reader = "kort-gelijk-" + UUID.randomUUID();
		java.sql.Timestamp oneMillisecond = this.jdbc.queryForObject(
				"select date_trunc('milliseconds', clock_timestamp() - interval '10 seconds')",
				java.sql.Timestamp.class);
		for (int i = 0; i < 6; i++) {
			readOfPersonAsEvent(reader, UUID.randomUUID(), oneMillisecond);
		}
		sealAndScan(narrow);
		List<java.sql.Timestamp> reads = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			reads.add(nextMillisecond());
			readOfPersonAsEvent(reader, UUID.randomUUID(), reads.get(i));
		}
		sealAndScan(narrow);
		// three earlier persons and twelve new make the fifteen, at the twelfth new read
		// (with all six earlier: at the ninth; with none: not at all)
		assertThat(this.jdbc.queryForList(
				"select last_occurred_at from review_item where actor = ? and flag_rule = 'many-persons'",
				java.sql.Timestamp.class, reader))
			.containsExactly(reads.get(11));
	}

	@Test
	void aPersonReadAgainInTheMillisecondThatCompletedAnItemDoesNotCountTowardsTheNext() {
		String reader = "gelijk-veel-" + UUID.randomUUID();
		UUID first = UUID.randomUUID();
		readOfPersonAsEvent(reader, first);
		for (int i = 0; i < 13; i++) {
			readOfPersonAsEvent(reader, UUID.randomUUID());
		}
		// the first person again, then the fifteenth, in one millisecond:
		// the item counts both
		java.sql.Timestamp completed = nextMillisecond();
		readOfPersonAsEvent(reader, first, completed);
		readOfPersonAsEvent(reader, UUID.randomUUID(), completed);
		sealAndScan(this.scanner);
		assertThat(items(reader, "many-persons")).isOne();
		// fourteen new persons in a later scan: the first person's repeat
		// belongs to the item, so they are fourteen, not fifteen
		for (int i = 0; i < 14; i++) {
			readOfPersonAsEvent(reader, UUID.randomUUID());
		}
		sealAndScan(this.scanner);
		assertThat(items(reader, "many-persons")).isOne();
		readOfPersonAsEvent(reader, UUID.randomUUID());
		sealAndScan(this.scanner);
		assertThat(items(reader, "many-persons")).isEqualTo(2);
	}

	@Test
	void aLateReadCompletesTheManyPersonsItWasLoggedAmong() {
		String reader = "laat-veel-" + UUID.randomUUID();
		java.sql.Timestamp earliest = nextMillisecond();
		java.sql.Timestamp newest = null;
		for (int i = 0; i < 14; i++) {
			newest = nextMillisecond();
			readOfPersonAsEvent(reader, UUID.randomUUID(), newest);
		}
		sealAndScan(this.scanner);
		assertThat(items(reader, "many-persons")).isZero();
		// a read that commits late, logged before all fourteen: the fifteen persons are
		// complete at the newest of the rows scanned before, not at the late read itself
		readOfPersonAsEvent(reader, UUID.randomUUID(), earliest);
		sealAndScan(this.scanner);
		assertThat(this.jdbc.queryForList(
				"select last_occurred_at from review_item where actor = ? and flag_rule = 'many-persons'",
				java.sql.Timestamp.class, reader))
			.containsExactly(newest);
		// all of them belong to that item: fourteen new persons make no other
		for (int i = 0; i < 14; i++) {
			readOfPersonAsEvent(reader, UUID.randomUUID());
		}
		sealAndScan(this.scanner);
		assertThat(items(reader, "many-persons")).isOne();
	}

	@Test
	void aLateRefusalCompletesTheBurstItWasLoggedAmong() {
		String actor = "laat-geweigerd-" + UUID.randomUUID();
		java.sql.Timestamp earliest = nextMillisecond();
		List<UUID> refusals = new java.util.ArrayList<>();
		for (int i = 0; i < 9; i++) {
			refusals.add(refusalAsEvent(actor));
		}
		sealAndScan(this.scanner);
		assertThat(items(actor, "burst-of-denials")).isZero();
		refusals.add(refusalAsEvent(actor, earliest));
		sealAndScan(this.scanner);
		assertThat(this.jdbc.queryForList(
				"select unnest(disclosure_ids) from review_item where actor = ? and flag_rule = 'burst-of-denials'",
				UUID.class, actor))
			.containsExactlyInAnyOrderElementsOf(refusals);
	}

	@Test
	void aRefusalInTheMillisecondOfTheLastItemCountsTowardsTheNext() {
		String actor = "gelijk-item-" + UUID.randomUUID();
		for (int i = 0; i < 10; i++) {
			refusalAsEvent(actor);
		}
		sealAndScan(this.scanner);
		assertThat(items(actor, "burst-of-denials")).isOne();
		// logged in the millisecond of the item's last refusal, scanned in a later batch
		UUID sameMillisecond = refusalAsEvent(actor, this.lastMillisecond);
		sealAndScan(this.scanner);
		for (int i = 0; i < 9; i++) {
			refusalAsEvent(actor);
		}
		sealAndScan(this.scanner);
		assertThat(items(actor, "burst-of-denials")).isEqualTo(2);
		// the second item names it (the first was made before it was logged)
		assertThat(this.jdbc.queryForList(
				"select unnest(disclosure_ids) from review_item where actor = ? and flag_rule = 'burst-of-denials'",
				UUID.class, actor))
			.contains(sameMillisecond);
	}

	/** A refused read logged as an event with one item; returns the item's id. */
	private UUID refusalAsEvent(String actor) {
		return refusalAsEvent(actor, nextMillisecond());
	}

	private UUID refusalAsEvent(String actor, java.sql.Timestamp at) {
		UUID event = UUID.randomUUID();
		UUID item = UUID.randomUUID();
		this.jdbc.update("""
				insert into disclosure_event (id, occurred_at, actor, actor_organisation, purpose, policy_version,
				                              channel, request_id)
				values (?, ?, ?, 'reclassering-midden', 'CASE_CONSULTATION', 'test', 'API', ?)""", event, at, actor,
				"refused-" + event);
		this.jdbc.update("""
				insert into disclosure_event_item (id, event_id, occurred_at, actor_role, item_kind, rule_id, decision)
				select ?, id, occurred_at, 'hulpverlener', 'CASE', 'not-admitted', 'DENY'
				from disclosure_event where id = ?""", item, event);
		return item;
	}

	private void refusalAsOlderRow(String actor) {
		this.jdbc.update("""
				insert into disclosure (id, occurred_at, actor, actor_organisation, actor_role, item_kind, purpose,
				                        rule_id, policy_version, decision, channel, request_id)
				values (gen_random_uuid(), clock_timestamp(), ?, 'reclassering-midden', 'hulpverlener', 'CASE',
				        'CASE_CONSULTATION', 'not-admitted', 'test', 'DENY', 'API', gen_random_uuid()::text)""", actor);
	}

	@Test
	void oneProfessionalLookingAtManyPersonsIsQueued() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		long before = items("verslavingszorg", "many-persons");
		for (int i = 0; i < 15; i++) {
			AuditScenario.Case c = scenario.newCase("Veel Persoon " + i, null, "verslavingszorg-midden");
			scenario.read(c, "verslavingszorg");
		}
		sealAndScan(this.scanner);
		assertThat(items("verslavingszorg", "many-persons")).isEqualTo(before + 1);
	}

	@Test
	void overdueItemsAreShownFirstAndMarked() throws Exception {
		UUID id = UUID.randomUUID();
		this.jdbc
			.update("""
					insert into review_item (id, flag_rule, kind, actor, actor_organisation, disclosure_ids, first_occurred_at,
					  last_occurred_at, detail, created_at, due_at, state)
					values (?, 'break-glass', 'policy-flag', 'coordinator', 'zvh-midden', '{}', now() - interval '10 days',
					  now() - interval '10 days', 'test', now() - interval '10 days', now() - interval '8 days', 'OPEN')""",
					id);
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		scenario.as("auditor", "AUDIT", get("/api/v1/audit/reviews/" + id), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overdue").value(true));
		scenario.as("auditor", "AUDIT", get("/api/v1/audit/reviews/" + UUID.randomUUID()), null)
			.andExpect(status().isNotFound());
	}

	private long items(String actor, String rule) {
		return this.jdbc.queryForObject("select count(*) from review_item where actor = ? and flag_rule = ?",
				Long.class, actor, rule);
	}

}
