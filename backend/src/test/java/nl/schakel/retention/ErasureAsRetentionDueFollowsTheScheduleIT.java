package nl.schakel.retention;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/cases/{id}/erasure} with kind {@code RETENTION_DUE} erases only
 * what the retention schedule says is due — a closed case whose period and every recorded
 * extension ran out — and otherwise answers 409 {@code case-not-due} with the due day,
 * erasing and recording nothing. The person's request while an extension (a pending legal
 * procedure) runs is refused with 409 naming the hold, unless the decision says it
 * weighed that hold ({@code holdWeighed}); the weighing is recorded.
 */
@IntegrationTest
class ErasureAsRetentionDueFollowsTheScheduleIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RetentionSchedule schedule;

	@Test
	void anOpenCaseIsNotErasedAsRetentionDue() throws Exception {
		UUID c = cases().open("Schema Persoon");
		eraseAsRetentionDue(c).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-not-due"))
			.andExpect(jsonPath("$.detail", containsString("not closed")));
		assertThat(erased(c)).isFalse();
		api("coordinator", "CASE_CONSULTATION", get("/api/v1/cases/" + c), null).andExpect(status().isOk());
	}

	@Test
	void aCaseClosedTodayIsNotDueAndTheAnswerNamesItsDueDay() throws Exception {
		UUID c = cases().open("Schema Persoon");
		close(c, LocalDate.now(ZoneOffset.UTC));
		String dueOn = this.schedule.dueOf(c).orElseThrow().dueOn().toString();
		eraseAsRetentionDue(c).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-not-due"))
			.andExpect(jsonPath("$.dueOn").value(dueOn));
		assertThat(erased(c)).isFalse();
		assertThat(
				this.jdbc.queryForObject("select count(*) from destruction_proof where case_id = ?", Integer.class, c))
			.isZero();
	}

	@Test
	void aCaseUnderARunningExtensionIsNotErasedAsRetentionDue() throws Exception {
		UUID c = cases().open("Schema Persoon");
		close(c, LocalDate.of(1990, 1, 2));
		extend(c, "2099-01-01");
		eraseAsRetentionDue(c).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-not-due"))
			.andExpect(jsonPath("$.dueOn").value("2099-01-01"));
		assertThat(erased(c)).isFalse();
	}

	@Test
	void aClosedCaseWhoseRetentionRanOutIsErasedNamingItsRule() throws Exception {
		UUID c = cases().open("Schema Persoon");
		close(c, LocalDate.of(1990, 1, 2));
		eraseAsRetentionDue(c).andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("RETENTION_DUE"))
			.andExpect(jsonPath("$.ruleId").value("closed-after-plan"));
		assertThat(erased(c)).isTrue();
	}

	@Test
	void thePersonsRequestWhileAHoldRunsIsRefusedNamingTheHoldUnlessTheDecisionWeighedIt() throws Exception {
		UUID c = cases().open("Schema Persoon");
		extend(c, "2099-01-01");
		api("coordinator", null, post("/api/v1/cases/" + c + "/erasure"),
				"{\"kind\": \"PERSON_REQUEST\", \"reason\": \"Verzoek art. 17\", \"decision\": \"GRANTED\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-under-retention-hold"))
			.andExpect(jsonPath("$.heldUntil").value("2099-01-01"))
			.andExpect(jsonPath("$.holdReason").value("Lopende strafzaak"));
		assertThat(erased(c)).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from erasure_request where case_id = ?", Integer.class, c))
			.isZero();

		// refusing the request needs no weighing: it keeps the case anyway
		api("coordinator", null, post("/api/v1/cases/" + c + "/erasure"),
				"{\"kind\": \"PERSON_REQUEST\", \"reason\": \"Verzoek art. 17\", \"decision\": \"REFUSED\"}")
			.andExpect(status().isOk());

		api("coordinator", null, post("/api/v1/cases/" + c + "/erasure"), """
				{"kind": "PERSON_REQUEST", "reason": "Verzoek art. 17; procedure geschikt zonder deze gegevens",
				 "decision": "GRANTED", "holdWeighed": true}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.what", containsString("weighed against the person's request")));
		assertThat(erased(c)).isTrue();
		assertThat(this.jdbc.queryForObject(
				"select hold_weighed_until from erasure_request where case_id = ? and decision = 'GRANTED'",
				LocalDate.class, c))
			.isEqualTo(LocalDate.of(2099, 1, 1));
	}

	private ResultActions eraseAsRetentionDue(UUID c) throws Exception {
		return api("coordinator", null, post("/api/v1/cases/" + c + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\", \"reason\": \"Bewaartermijn verstreken\"}");
	}

	private void extend(UUID c, String until) throws Exception {
		api("coordinator", null, post("/api/v1/cases/" + c + "/retention-extension"),
				"{\"until\": \"" + until + "\", \"reason\": \"Lopende strafzaak\"}")
			.andExpect(status().isOk());
	}

	private boolean erased(UUID caseId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from case_key where case_id = ? and destroyed_at is not null)", Boolean.class,
				caseId));
	}

	// closing through the status machine takes today's date; the schedule counts from the
	// closure day
	private void close(UUID c, LocalDate on) {
		this.jdbc.update("update case_file set status = 'CLOSED', closed_on = ?, close_reason = 'GOALS_ACHIEVED' "
				+ "where id = ?", on, c);
	}

	private RetentionCases cases() {
		return new RetentionCases(this.mvc, this.jdbc);
	}

	private ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return cases().api(user, purpose, request, body);
	}

}
