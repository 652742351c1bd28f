package nl.schakel.notification;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Case work over the API as the demo accounts do it, for the notification tests. */
final class CaseScenario {

	private final MockMvc mvc;

	CaseScenario(MockMvc mvc) {
		this.mvc = mvc;
	}

	record Case(String id, String reference) {
	}

	Case newCase() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"person\": {\"name\": \"Melding Zonder Inhoud\", \"dateOfBirth\": \"1990-02-03\"},"
						+ " \"caseType\": \"CONFUSED_BEHAVIOUR\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new Case(JsonPath.read(body, "$.id"), JsonPath.read(body, "$.reference"));
	}

	void admit(Case c, String organisation, String... professionals) throws Exception {
		String named = (professionals.length == 0) ? ""
				: ", \"professionals\": [\"" + String.join("\", \"", professionals) + "\"]";
		int status = this.mvc
			.perform(post("/api/v1/cases/" + c.id() + "/participants").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisation\": \"" + organisation + "\", \"purposes\": [\"CASE_CONSULTATION\"]" + named
						+ "}"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(201);
	}

	String contribute(Case c, String user, String text) throws Exception {
		var response = this.mvc
			.perform(post("/api/v1/cases/" + c.id() + "/contributions").with(httpBasic(user, "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"" + text + "\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(201);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	/** Asks for a contribution; answers the request's JSON. */
	String request(Case c, String user, String contribution, String reason) throws Exception {
		var response = this.mvc
			.perform(post("/api/v1/cases/" + c.id() + "/contributions/" + contribution + "/requests")
				.with(httpBasic(user, "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"" + reason + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(201);
		return response.getContentAsString();
	}

	void refuse(String user, String requestId, String reason) throws Exception {
		int status = this.mvc
			.perform(post("/api/v1/requests/" + requestId + "/refusal").with(httpBasic(user, "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"" + reason + "\"}"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(200);
	}

	/**
	 * Takes the case through triage into consultation and closes it, as the coordinator.
	 */
	void close(Case c) throws Exception {
		for (String[] step : new String[][] { { "/status", "{\"status\": \"TRIAGE\"}" },
				{ "/triage", "{\"outcome\": \"ACCEPTED\"}" },
				{ "/status", "{\"status\": \"CLOSED\", \"reason\": \"GOALS_ACHIEVED\"}" } }) {
			int status = this.mvc
				.perform(post("/api/v1/cases/" + c.id() + step[0]).with(httpBasic("coordinator", "demo"))
					.header("X-Purpose", "TRIAGE")
					.contentType(MediaType.APPLICATION_JSON)
					.content(step[1]))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(step[0] + " " + step[1]).isEqualTo(200);
		}
	}

	String notifications(String user) throws Exception {
		var response = this.mvc.perform(get("/api/v1/my/notifications").with(httpBasic(user, "demo")))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	/** The kinds of the user's notifications about this case, newest first. */
	java.util.List<String> kinds(String user, Case c) throws Exception {
		return JsonPath.read(notifications(user), "$.notifications[?(@.caseId == '" + c.id() + "')].kind");
	}

}
