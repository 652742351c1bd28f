package nl.schakel.casefile;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CaseApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	static String valid(String bsn) {
		return """
				{"person": {"name": "Kees Voorbeeld", "dateOfBirth": "1990-04-01", "bsn": "%s"},
				 "caseType": "RADICALISATION"}""".formatted(bsn);
	}

	@Test
	void coordinatorRegistersACaseAndReadsItBack() throws Exception {
		MvcResult created = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content(valid(TestBsns.next())))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString("/api/v1/cases/")))
			.andExpect(jsonPath("$.reference", matchesPattern("ZVH-\\d{4}-\\d{6}")))
			.andExpect(jsonPath("$.status").value("REFERRED"))
			.andExpect(jsonPath("$.nextStatuses[0]").value("TRIAGE"))
			.andExpect(jsonPath("$.person").doesNotExist())
			.andReturn();
		String location = created.getResponse().getHeader("Location");

		this.mvc.perform(get(location).with(httpBasic("coordinator", "demo")).header("X-Purpose", "TRIAGE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseType").value("RADICALISATION"))
			.andExpect(jsonPath("$.coordinator").value("coordinator"))
			.andExpect(jsonPath("$.purpose").value("TRIAGE"))
			.andExpect(jsonPath("$.person.name").value("Kees Voorbeeld"))
			.andExpect(jsonPath("$.person.bsnRegistered").value(true));
		String id = location.substring(location.lastIndexOf('/') + 1);
		this.mvc.perform(get("/api/v1/cases").with(httpBasic("coordinator", "demo")).header("X-Purpose", "TRIAGE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem(id)));
	}

	@Test
	void responsesNeverContainTheBsn() throws Exception {
		String bsn = TestBsns.next();
		MvcResult created = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content(valid(bsn)))
			.andExpect(status().isCreated())
			.andReturn();
		String read = this.mvc
			.perform(get(created.getResponse().getHeader("Location")).with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(created.getResponse().getContentAsString()).doesNotContain(bsn);
		assertThat(read).contains("Kees Voorbeeld").doesNotContain(bsn);
	}

	@Test
	void missingNameIsRejectedNamingTheFieldAndNothingIsWritten() throws Exception {
		long before = rows();
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"person": {"dateOfBirth": "1990-04-01"}, "caseType": "OTHER"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/invalid-input"))
			.andExpect(jsonPath("$.errors[0].field").value("person.name"));
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void invalidBsnIsRejectedNamingTheField() throws Exception {
		long before = rows();
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content(valid("111222334")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("person.bsn"))
			.andExpect(jsonPath("$.detail", containsString("person.bsn")));
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void unknownCaseTypeIsRejectedNamingTheField() throws Exception {
		long before = rows();
		this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content(valid(TestBsns.next()).replace("RADICALISATION", "BURGLARY")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("caseType"));
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void transitionThatIsNotAllowedIsRejectedNamingTheStatusField() throws Exception {
		String location = register();
		this.mvc
			.perform(post(location + "/status").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"PLAN\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/status-transition-not-allowed"))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get(location).with(httpBasic("coordinator", "demo")).header("X-Purpose", "TRIAGE"))
			.andExpect(jsonPath("$.status").value("REFERRED"));

		this.mvc
			.perform(post(location + "/status").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"TRIAGE\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("TRIAGE"));
	}

	@Test
	void listIsPagedNewestFirstWithAKeysetCursor() throws Exception {
		register();
		register();
		register();
		MvcResult first = this.mvc
			.perform(get("/api/v1/cases?size=2").with(httpBasic("coordinator", "demo")).header("X-Purpose", "TRIAGE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andReturn();
		String body = first.getResponse().getContentAsString();
		long next = Long.parseLong(body.replaceAll(".*\"next\":(\\d+).*", "$1"));
		this.mvc
			.perform(get("/api/v1/cases?size=2&before=" + next).with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].reference").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers
				.in(com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(body, "$.items[*].reference")))));
	}

	@Test
	void careProfessionalCannotUseTheCoordinatorsCaseList() throws Exception {
		this.mvc.perform(get("/api/v1/cases").with(httpBasic("ggz", "demo")).header("X-Purpose", "TRIAGE"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/forbidden"));
	}

	@Test
	void anonymousCallerGetsProblem401() throws Exception {
		this.mvc.perform(get("/api/v1/cases"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/unauthenticated"));
	}

	@Test
	void unknownCaseIs404() throws Exception {
		this.mvc
			.perform(get("/api/v1/cases/" + java.util.UUID.randomUUID()).with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-not-found"));
	}

	private String register() throws Exception {
		return this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content(valid(TestBsns.next())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private long rows() {
		return this.jdbc.queryForObject("select (select count(*) from case_file) + (select count(*) from person)",
				Long.class);
	}

}
