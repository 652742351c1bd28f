package nl.schakel.retention;

import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rectification (AVG art. 16): the coordinator records the person's request and decision;
 * a granted correction leaves the old value only in the change history, and the
 * organisations the log names as recipients of the case's data are notified (art. 19)
 * without the value itself.
 */
@IntegrationTest
class RectificationInformsTheRecipientsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCorrectedNameKeepsTheOldOneOnlyInHistoryAndTellsWhoReceivedTheCase() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String oldName = "Foutief Gespeld " + tag;
		UUID c = caseReadByGgz(oldName);
		UUID person = this.jdbc.queryForObject("select person_id from case_file where id = ?", UUID.class, c);

		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/rectification"),
				"{\"field\": \"name\", \"value\": \"Juist Gespeld " + tag
						+ "\", \"reason\": \"Verzoek art. 16 van betrokkene\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("GRANTED"))
			.andExpect(jsonPath("$.notified", hasItem("ggz-midden")))
			.andExpect(jsonPath("$.notified", not(hasItem("zvh-midden"))));

		assertThat(this.jdbc.queryForObject("select name from person where id = ?", String.class, person))
			.isEqualTo("Juist Gespeld " + tag);
		assertThat(
				this.jdbc.queryForList("select name from person_aud where id = ? order by rev", String.class, person))
			.containsSubsequence(oldName, "Juist Gespeld " + tag);
		assertThat(this.jdbc
			.queryForObject("select count(*) from notification where case_id = ? and kind = 'CASE_DATA_RECTIFIED' "
					+ "and recipient_organisation = 'ggz-midden'", Integer.class, c))
			.isEqualTo(1);
		api("ggz", null, get("/api/v1/my/notifications"), null).andExpect(status().isOk());
		assertThat(this.jdbc
			.queryForObject("select count(*) from erasure_request where case_id = ? and kind = 'RECTIFICATION' "
					+ "and decision = 'GRANTED' and decided_by = 'coordinator'", Integer.class, c))
			.isEqualTo(1);
	}

	@Test
	void aRectificationIsTheCoordinatorsAndNamesWhatIsMissing() throws Exception {
		UUID c = caseReadByGgz("Onveranderd " + UUID.randomUUID().toString().substring(0, 8));
		api("ggz", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/rectification"),
				"{\"field\": \"address\", \"value\": \"Elders 1\", \"reason\": \"verzoek\"}")
			.andExpect(status().isForbidden());
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/rectification"),
				"{\"field\": \"bsn\", \"value\": \"1\", \"reason\": \"verzoek\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("field"));
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/rectification"),
				"{\"field\": \"dateOfBirth\", \"value\": \"gisteren\", \"reason\": \"verzoek\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("value"));
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/rectification"),
				"{\"field\": \"address\", \"value\": \"Elders 1\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c + "/rectification"),
				"{\"field\": \"address\", \"reason\": \"Verzoek afgewezen: adres klopt\", \"decision\": \"REFUSED\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notified").isEmpty());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where case_id = ? and kind = 'CASE_DATA_RECTIFIED'", Integer.class,
				c))
			.isZero();
	}

	private UUID caseReadByGgz(String name) throws Exception {
		String url = api("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "%s", "dateOfBirth": "1970-01-01"}, "caseType": "OTHER"}""".formatted(name))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		api("coordinator", "TRIAGE", post(url + "/participants"),
				"{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}")
			.andExpect(status().isCreated());
		api("ggz", "CASE_CONSULTATION", get(url), null).andExpect(status().isOk());
		return id;
	}

	private ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		request.with(httpBasic(user, "demo"));
		if (purpose != null) {
			request.header("X-Purpose", purpose);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request);
	}

}
