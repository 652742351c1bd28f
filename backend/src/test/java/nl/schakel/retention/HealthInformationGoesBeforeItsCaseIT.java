package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import nl.schakel.audit.SealTheLog;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health information shared for a case consultation is kept one year after closure
 * ({@code health-shared-for-consultation} in {@code retention.yaml}), the case itself
 * two: after the retention job's run on the day the health period ends, no table — live,
 * Envers history, the log — holds the health contribution's text or a ciphertext of it,
 * while the case's other contributions still open through the gate; the case page and API
 * show the item as erased under the retention period, its read is still logged, the log
 * verifies, and the proof of destruction for the case and category is listed for
 * auditors. An extension of the case holds its health information too, two job runs at
 * once erase it once, and the coordinator sees the coming category erasure ahead. Each
 * test closes its case in a year of its own (after 1970: other stories count on no proof
 * before then) so one test's runs never reach another's case.
 */
@IntegrationTest
class HealthInformationGoesBeforeItsCaseIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RetentionJob job;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aYearAfterClosureTheHealthContributionIsErasedInEveryCopyAndTheRestOfTheCaseStaysReadable() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String text = "Diagnose die weg moet " + tag;
		String justification = "Afweging die weg moet " + tag;
		UUID c = caseWithHealthInformation(text, justification);
		UUID health = healthContribution(c);
		closeOn(c, LocalDate.of(1971, 3, 1));

		this.job.runAt(at(LocalDate.of(1972, 2, 29)));
		assertThat(erasedItems(c)).isZero();

		Optional<RetentionJob.Run> run = this.job.runAt(at(LocalDate.of(1972, 3, 1)));
		assertThat(run).isPresent();
		assertThat(run.get().categoriesErased()).isPositive();
		assertThat(erasedItems(c)).isEqualTo(1);
		// the case is kept: its key lives, its other contribution still opens
		assertThat(this.jdbc.queryForObject("select destroyed_at is null from case_key where case_id = ?",
				Boolean.class, c))
			.isTrue();

		// every table, every row, as text: the health item's text and its justification
		// are gone from live tables, history and the log
		List<String> tables = this.jdbc.queryForList("select table_name from information_schema.tables "
				+ "where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'",
				String.class);
		for (String table : tables) {
			for (String marker : List.of(text, justification)) {
				assertThat(this.jdbc.queryForObject("select count(*) from \"" + table + "\" t where t::text like ?",
						Integer.class, "%" + marker + "%"))
					.as(table + " holds " + marker)
					.isZero();
			}
		}
		// no ciphertext of the health item left, in the live row or any history copy;
		// the general contribution keeps its own
		for (String table : List.of("contribution", "contribution_aud")) {
			assertThat(this.jdbc.queryForObject(
					"select count(*) from " + table + " where id = ? and length(content_ciphertext) > 0", Integer.class,
					health))
				.as(table)
				.isZero();
			assertThat(this.jdbc.queryForObject(
					"select count(*) from " + table
							+ " where case_id = ? and id <> ? and length(content_ciphertext) > 0",
					Integer.class, c, health))
				.as(table)
				.isPositive();
		}

		int readsBefore = readsOf(health);
		api("ggz", "CASE_CONSULTATION", get("/api/v1/cases/" + c), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[?(@.category == 'GENERAL')].content", hasItem("Zorginbreng")))
			.andExpect(jsonPath("$.contributions[?(@.category == 'HEALTH')].erased.ruleId",
					hasItem("health-shared-for-consultation")))
			.andExpect(content().string(not(containsString(text))));
		// the read of the erased item is still logged, as metadata
		assertThat(readsOf(health)).isEqualTo(readsBefore + 1);

		MockHttpSession session = session("ggz", c);
		this.mvc.perform(as("ggz", session, get("/cases/" + c)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Gewist volgens bewaartermijn op 01-03-1972")))
			.andExpect(content().string(containsString("Zorginbreng")));

		SealTheLog.now(this.context);
		api("auditor", "AUDIT", post("/api/v1/audit/verification"), "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));
		api("auditor", "AUDIT", get("/api/v1/audit/destructions?category=HEALTH&from=1972-03-01&to=1972-03-01"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.caseId == '" + c + "')].category", hasItem("HEALTH")))
			.andExpect(jsonPath("$[?(@.caseId == '" + c + "')].ruleId", hasItem("health-shared-for-consultation")))
			.andExpect(jsonPath("$[?(@.caseId == '" + c + "')].jobRunId", hasItem(run.get().id().toString())));
		api("auditor", "AUDIT", get("/api/v1/audit/destructions?category=NO_SUCH"), null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"));

		// the case itself goes a year later, as it always did
		this.job.runAt(at(LocalDate.of(1973, 3, 1)));
		assertThat(this.jdbc.queryForObject("select destroyed_at is not null from case_key where case_id = ?",
				Boolean.class, c))
			.isTrue();
	}

	@Test
	void anExtensionOfTheCaseHoldsItsHealthInformationToo() throws Exception {
		UUID c = caseWithHealthInformation("Diagnose", "Afweging");
		closeOn(c, LocalDate.of(1977, 3, 1));
		String until = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/retention-extension"),
				"{\"until\": \"" + until + "\", \"reason\": \"Lopende strafzaak bij de rechtbank\"}")
			.andExpect(status().isOk());

		this.job.runAt(at(LocalDate.of(1978, 3, 1)));
		assertThat(erasedItems(c)).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from contribution where case_id = ? and category = 'HEALTH' and length(content_ciphertext) > 0",
				Integer.class, c))
			.isEqualTo(1);
	}

	@Test
	void twoRunsAtOnceEraseTheCategoryOnceWithOneProof() throws Exception {
		UUID c = caseWithHealthInformation("Diagnose", "Afweging");
		closeOn(c, LocalDate.of(1975, 3, 1));
		Clock due = at(LocalDate.of(1976, 3, 1));

		List<CompletableFuture<Optional<RetentionJob.Run>>> twoInstances = List.of(
				CompletableFuture.supplyAsync(() -> this.job.runAt(due)),
				CompletableFuture.supplyAsync(() -> this.job.runAt(due)));
		for (CompletableFuture<Optional<RetentionJob.Run>> run : twoInstances) {
			run.get(60, TimeUnit.SECONDS);
		}
		// and a later run finds nothing left of the category to erase
		this.job.runAt(at(LocalDate.of(1976, 3, 2)));
		assertThat(erasedItems(c)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from destruction_proof where case_id = ? and category = 'HEALTH'", Integer.class, c))
			.isEqualTo(1);
	}

	@Test
	void theCoordinatorSeesTheComingHealthErasureOnTheRetentionPageAndInTheApi() throws Exception {
		UUID c = caseWithHealthInformation("Diagnose", "Afweging");
		LocalDate closed = LocalDate.now(ZoneOffset.UTC).minusYears(1).plusDays(5);
		closeOn(c, closed);
		String reference = this.jdbc.queryForObject("select reference from case_file where id = ?", String.class, c);

		api("coordinator", null, get("/api/v1/retention/upcoming"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.categories[?(@.caseId == '" + c + "')].category", hasItem("HEALTH")))
			.andExpect(
					jsonPath("$.categories[?(@.caseId == '" + c + "')].dueOn", hasItem(closed.plusYears(1).toString())))
			.andExpect(jsonPath("$.cases[*].caseId", not(hasItem(c.toString()))));
		this.mvc.perform(get("/retention").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Gegevens die eerder worden gewist")))
			.andExpect(content().string(containsString("id=\"category-" + c + "-HEALTH\"")))
			.andExpect(content().string(containsString(reference)));
	}

	private UUID caseWithHealthInformation(String text, String justification) throws Exception {
		UUID c = cases().open("Gezondheid Persoon");
		api("ggz", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/contributions"), """
				{"text": "%s", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["ggz-midden"], "secrecyBreachConfirmed": true,
				 "conflictOfDuties": {"interest": "%s", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging"}}"""
			.formatted(text, justification)).andExpect(status().isCreated());
		return c;
	}

	private UUID healthContribution(UUID caseId) {
		return this.jdbc.queryForObject("select id from contribution where case_id = ? and category = 'HEALTH'",
				UUID.class, caseId);
	}

	private void closeOn(UUID caseId, LocalDate day) {
		this.jdbc.update("update case_file set status = 'CLOSED', closed_on = ?, close_reason = 'GOALS_ACHIEVED' "
				+ "where id = ?", day, caseId);
	}

	private int erasedItems(UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from content_erasure where case_id = ?", Integer.class,
				caseId);
	}

	private int readsOf(UUID itemId) {
		return this.jdbc.queryForObject("select count(*) from disclosure_event_item where item_id = ?", Integer.class,
				itemId);
	}

	private MockHttpSession session(String username, UUID caseId) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(
				as(username, session, post("/cases/" + caseId + "/purpose")).param("purpose", "CASE_CONSULTATION"));
		return session;
	}

	private MockHttpServletRequestBuilder as(String username, MockHttpSession session,
			MockHttpServletRequestBuilder request) {
		return request.session(session).with(csrf()).with(user(this.accounts.loadUserByUsername(username)));
	}

	private static Clock at(LocalDate day) {
		return Clock.fixed(day.atTime(3, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
	}

	private RetentionCases cases() {
		return new RetentionCases(this.mvc, this.jdbc);
	}

	private ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return cases().api(user, purpose, request, body);
	}

}
