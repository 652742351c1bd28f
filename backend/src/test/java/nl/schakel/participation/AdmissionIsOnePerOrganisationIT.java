package nl.schakel.participation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.LockWaits;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An organisation has one admission to a case: admitting it again changes that admission,
 * and removing it ends every access it had. Two removals at once are a conflict a client
 * can handle (409), never a server error; an unknown admission is 404.
 */
@IntegrationTest
class AdmissionIsOnePerOrganisationIT {

	private static final List<String> PURPOSES = List.of("TRIAGE", "CASE_CONSULTATION", "PLAN_EXECUTION", "MONITORING",
			"ACCOUNTABILITY");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void admittingAnAdmittedOrganisationAgainChangesItsOneAdmission() throws Exception {
		String url = caseInConsultation();
		String first = JsonPath.read(admit(url, """
				{"organisation": "ggz-midden", "purposes": ["CASE_CONSULTATION"]}""").andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String second = JsonPath.read(admit(url, """
				{"organisation": "ggz-midden", "purposes": ["PLAN_EXECUTION"], "professionals": ["ggz"],
				 "validUntil": "2999-12-31"}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.purposes[0]").value("PLAN_EXECUTION"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		assertThat(second).isEqualTo(first);
		assertThat(rows(url, "ggz-midden")).as("one row for the organisation").isEqualTo(1);
		// the change holds: consultation is no longer among its purposes
		as("ggz", "CASE_CONSULTATION", get(url), null).andExpect(status().isNotFound());
		as("ggz", "PLAN_EXECUTION", get(url), null).andExpect(status().isOk());
	}

	@Test
	void theSafetyHouseThatSteersTheCaseCannotBeRemovedFromIt() throws Exception {
		String url = caseInConsultation();
		String own = this.jdbc.queryForObject("""
				select id::text from participation where case_id = ?::uuid and organisation_code = 'zvh-midden'
				   and removed_at is null""", String.class, caseId(url));

		as("coordinator", "CASE_CONSULTATION", delete(url + "/participants/" + own), null)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("steering-house-stays")));
		assertThat(this.jdbc.queryForObject("select removed_at is null from participation where id = ?::uuid",
				Boolean.class, own))
			.as("still admitted")
			.isTrue();
		as("coordinator", "CASE_CONSULTATION", get(url), null).andExpect(status().isOk());
	}

	@Test
	void aRemovalEndsEveryAccessOfTheOrganisation() throws Exception {
		String url = caseInConsultation();
		admit(url, "{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}")
			.andExpect(status().isCreated());
		String participant = JsonPath.read(admit(url, """
				{"organisation": "ggz-midden", "purposes": ["CASE_CONSULTATION", "PLAN_EXECUTION", "MONITORING"]}""")
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String secret = "VERWIJDERD-" + UUID.randomUUID();
		as("ggz", "CASE_CONSULTATION", post(url + "/contributions"), """
				{"text": "%s", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""".formatted(secret))
			.andExpect(status().isCreated());
		as("ggz", "MONITORING", get(url), null).andExpect(status().isOk());

		as("coordinator", "CASE_CONSULTATION", delete(url + "/participants/" + participant), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.removedAt").exists());
		assertThat(this.jdbc.queryForObject("""
				select count(*) from participation where case_id = ?::uuid and organisation_code = 'ggz-midden'
				   and removed_at is null""", Long.class, caseId(url))).isZero();
		for (String purpose : PURPOSES) {
			as("ggz", purpose, get(url), null).andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString(secret))));
		}
		as("ggz", "CASE_CONSULTATION", post(url + "/contributions"), """
				{"text": "na verwijdering", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""")
			.andExpect(status().isNotFound());
		// a second removal of the same admission changes nothing and is no error
		as("coordinator", "CASE_CONSULTATION", delete(url + "/participants/" + participant), null)
			.andExpect(status().isOk());
	}

	@Test
	void twoRemovalsAtOnceAnswerOneOkAndOneConflictNeverAServerError() throws Exception {
		String url = caseInConsultation();
		String participant = JsonPath.read(admit(url, """
				{"organisation": "politie-midden", "purposes": ["CASE_CONSULTATION"]}""").andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<MockHttpServletResponse>> removals = new ArrayList<>();
		try (Connection holder = this.dataSource.getConnection()) {
			// hold the row, so both removals read the same version and then meet at their
			// UPDATE
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder
				.prepareStatement("select id from participation where id = ?::uuid for update")) {
				lock.setString(1, participant);
				lock.executeQuery().close();
			}
			Callable<MockHttpServletResponse> removal = () -> this.mvc
				.perform(DemoApi.as("coordinator", "CASE_CONSULTATION", delete(url + "/participants/" + participant),
						null))
				.andReturn()
				.getResponse();
			removals.add(pool.submit(removal));
			removals.add(pool.submit(removal));
			LockWaits.awaitSessionsBlockedAt(this.jdbc, "update participation", 2);
			holder.commit();
		}
		List<Integer> statuses = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		for (Future<MockHttpServletResponse> future : removals) {
			MockHttpServletResponse response = future.get(60, TimeUnit.SECONDS);
			statuses.add(response.getStatus());
			bodies.add(response.getContentAsString());
		}
		pool.shutdown();
		assertThat(statuses).as(bodies.toString()).containsExactlyInAnyOrder(200, 409);
		assertThat(bodies)
			.anySatisfy((body) -> assertThat(body).contains("https://schakel.nl/problems/concurrent-change")
				.doesNotContain("Exception")
				.doesNotContain("participation"));
		assertThat(this.jdbc.queryForObject("select removed_at is not null from participation where id = ?::uuid",
				Boolean.class, participant))
			.isTrue();
	}

	@Test
	void anUnknownAdmissionIsNotFound() throws Exception {
		String url = caseInConsultation();
		as("coordinator", "CASE_CONSULTATION", delete(url + "/participants/" + UUID.randomUUID()), null)
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-not-found"));
		// another case's admission, through this case, answers the same
		String other = caseInConsultation();
		String theirs = JsonPath.read(admit(other, """
				{"organisation": "ggz-midden", "purposes": ["CASE_CONSULTATION"]}""").andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		as("coordinator", "CASE_CONSULTATION", delete(url + "/participants/" + theirs), null)
			.andExpect(status().isNotFound());
	}

	private String caseInConsultation() throws Exception {
		String url = as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Een Persoon", "dateOfBirth": "1992-03-04"}, "caseType": "OTHER",
				 "referral": {"referringOrganisation": "politie-midden", "referringProfessional": "wijkagent",
				              "reason": "Zorgen", "goal": "Beeld", "personInformed": true}}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		as("coordinator", "TRIAGE", post(url + "/status"), "{\"status\": \"TRIAGE\"}").andExpect(status().isOk());
		as("coordinator", "TRIAGE", post(url + "/triage"), "{\"outcome\": \"ACCEPTED\"}").andExpect(status().isOk());
		return url;
	}

	private ResultActions admit(String url, String body) throws Exception {
		return as("coordinator", "CASE_CONSULTATION", post(url + "/participants"), body);
	}

	private long rows(String url, String organisation) {
		return this.jdbc.queryForObject(
				"select count(*) from participation where case_id = ?::uuid and organisation_code = ?", Long.class,
				caseId(url), organisation);
	}

	private static String caseId(String url) {
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return this.mvc.perform(DemoApi.as(user, purpose, request, body));
	}

}
