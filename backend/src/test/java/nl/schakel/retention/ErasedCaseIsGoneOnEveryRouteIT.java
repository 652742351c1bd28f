package nl.schakel.retention;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An erased case answers 410 on every route that carries its id — under {@code /cases},
 * under {@code /api/v1/cases}, and where the case id sits deeper in another feature's
 * path (meeting minutes and actions, the retention page's extension) — page or API, read
 * or write, and however the id is spelled (percent-encoded characters); a doubled slash
 * is refused, never answered with content.
 */
@IntegrationTest
class ErasedCaseIsGoneOnEveryRouteIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void everyApiRouteOfAnErasedCaseAnswersGone() throws Exception {
		UUID c = erasedCase();
		UUID other = UUID.randomUUID();
		List<MockHttpServletRequestBuilder> routes = List.of(get("/api/v1/cases/" + c),
				get("/api/v1/cases/" + c + "/participants"), get("/api/v1/cases/" + c + "/consents"),
				get("/api/v1/cases/" + c + "/actions"), get("/api/v1/cases/" + c + "/assessments"),
				get("/api/v1/cases/" + c + "/assessments/trend"), get("/api/v1/cases/" + c + "/interventions"),
				get("/api/v1/cases/" + c + "/minutes"), get("/api/v1/cases/" + c + "/summary.pdf"),
				post("/api/v1/cases/" + c + "/contributions").content("{}"),
				post("/api/v1/cases/" + c + "/assessments").content("{}"),
				post("/api/v1/cases/" + c + "/rectification").content("{}"),
				post("/api/v1/cases/" + c + "/retention-extension").content("{}"),
				post("/api/v1/meetings/" + other + "/cases/" + c + "/minutes").content("{}"));
		for (MockHttpServletRequestBuilder route : routes) {
			MockHttpServletResponse response = this.mvc
				.perform(route.with(httpBasic("coordinator", "demo"))
					.header("X-Purpose", "CASE_CONSULTATION")
					.contentType(MediaType.APPLICATION_JSON))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(route.toString()).isEqualTo(410);
			assertThat(response.getContentAsString()).as(route.toString()).contains("case-erased");
		}
	}

	@Test
	void theCaseIdSpelledWithPercentEncodingOrADoubledSlashShowsNothing() throws Exception {
		UUID c = erasedCase();
		String id = c.toString();
		// the first letter of the id percent-encoded: the handler sees the same id
		int letter = 0;
		while (!Character.isLetter(id.charAt(letter))) {
			letter++;
		}
		String encoded = id.substring(0, letter) + "%" + Integer.toHexString(id.charAt(letter))
				+ id.substring(letter + 1);
		MockHttpServletResponse response = this.mvc
			.perform(get(URI.create("/api/v1/cases/" + encoded)).with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "CASE_CONSULTATION"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(410);

		MockHttpServletResponse doubled = this.mvc
			.perform(get(URI.create("/api/v1/cases//" + id + "/actions")).with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "CASE_CONSULTATION"))
			.andReturn()
			.getResponse();
		assertThat(doubled.getStatus()).isIn(400, 404, 410);
	}

	@Test
	void everyPageRouteOfAnErasedCaseAnswersGone() throws Exception {
		UUID c = erasedCase();
		UUID other = UUID.randomUUID();
		List<MockHttpServletRequestBuilder> routes = List.of(get("/cases/" + c), get("/cases/" + c + "/summary"),
				get("/cases/" + c + "/assessment"), post("/cases/" + c + "/actions").param("description", "x"),
				post("/cases/" + c + "/contributions").param("text", "x"),
				post("/cases/" + c + "/purpose").param("purpose", "CASE_CONSULTATION"),
				post("/meetings/" + other + "/cases/" + c + "/minutes").param("text", "x"),
				post("/meetings/" + other + "/cases/" + c + "/actions").param("description", "x"),
				post("/retention/" + c + "/extension").param("until", "2099-01-01").param("reason", "Strafzaak"));
		for (MockHttpServletRequestBuilder route : routes) {
			MockHttpServletResponse response = this.mvc
				.perform(route.with(user(this.accounts.loadUserByUsername("coordinator"))).with(csrf()))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(route.toString()).isEqualTo(410);
		}
	}

	private UUID erasedCase() throws Exception {
		String url = this.mvc.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"person": {"name": "Verdwenen Persoon %s", "dateOfBirth": "1960-06-06"}, "caseType": "OTHER"}"""
				.formatted(UUID.randomUUID().toString().substring(0, 8))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		this.mvc
			.perform(post("/api/v1/cases/" + id + "/erasure").with(httpBasic("coordinator", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"PERSON_REQUEST\", \"reason\": \"Verzoek art. 17\", \"decision\": \"GRANTED\"}"))
			.andExpect(status().isOk());
		return id;
	}

}
