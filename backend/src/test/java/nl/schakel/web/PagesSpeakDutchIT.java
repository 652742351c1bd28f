package nl.schakel.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A Dutch professional reads words, not the codes of the database underneath: no page any
 * role opens shows a code such as {@code CASE_CONSULTATION} or {@code PUBLIC_TASK} as
 * text.
 */
@IntegrationTest
class PagesSpeakDutchIT {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	private UUID caseId;

	@BeforeEach
	void aCaseWithContributionsUnderSeveralBases() throws Exception {
		String url = this.mvc.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"person": {"name": "Wim Woorden", "dateOfBirth": "1980-08-08"}, "caseType": "CONFUSED_BEHAVIOUR"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.caseId = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		for (String organisation : List.of("ggz-midden", "politie-midden")) {
			this.mvc
				.perform(post(url + "/participants").with(httpBasic("coordinator", "demo"))
					.header("X-Purpose", "TRIAGE")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"organisation\": \"%s\", \"purposes\": [\"CASE_CONSULTATION\"]}"
						.formatted(organisation)))
				.andExpect(status().isCreated());
		}
		this.mvc
			.perform(post(url + "/contributions").with(httpBasic("ggz", "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"text": "Slaapt slecht", "category": "HEALTH", "legalBasis": "PUBLIC_TASK",
						 "audienceOrganisations": ["zvh-midden"]}"""))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post(url + "/contributions").with(httpBasic("politie", "demo"))
				.header("X-Purpose", "CASE_CONSULTATION")
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"text": "Melding overlast", "category": "CRIMINAL", "legalBasis": "STATUTORY", "statutoryReference": "Wpg art. 16",
								 "audienceOrganisations": ["zvh-midden", "ggz-midden"]}"""))
			.andExpect(status().isCreated());
	}

	@Test
	void noPageShowsACodeAsText() throws Exception {
		List<String> found = new ArrayList<>();
		String casePage = "/cases/" + this.caseId;
		for (String[] visit : new String[][] { { "coordinator", "/" }, { "coordinator", "/cases" },
				{ "coordinator", casePage }, { "ggz", "/" }, { "ggz", casePage }, { "ggz", "/requests" },
				{ "ggz", "/known-to" }, { "politie", casePage }, { "auditor", "/" }, { "auditor", "/audit" },
				{ "auditor", "/audit/reviews" }, { "beheer", "/" }, { "beheer", "/beheer" }, { "beheer", "/register" },
				{ "coordinator", "/meetings" }, { "ggz", "/notifications" }, { "ggz", casePage + "/assessment" },
				{ "coordinator", "/evaluation" }, { "coordinator", casePage + "/assessment" },
				{ "coordinator", "/follow-ups" }, { "ggz", "/interventions" }, { "ggz", "/interventions/mentoring" },
				{ "coordinator", "/interventions/mentoring" }, { "coordinator", "/retention" } }) {
			String html = page(visit[0], visit[1]);
			CODE.matcher(visibleText(html))
				.results()
				.forEach((m) -> found.add(visit[0] + " " + visit[1] + ": " + m.group()));
		}
		assertThat(found).isEmpty();
	}

	@Test
	void whyAnItemIsWithheldIsExplainedInTheReadersLanguageWithoutTheRuleId() throws Exception {
		String casePage = "/cases/" + this.caseId;

		String dutch = visibleText(page("politie", casePage));
		assertThat(dutch).contains("Waarom kan ik dit niet zien?")
			.contains("De inbrenger heeft dit niet gedeeld met uw organisatie of uw domein.")
			.doesNotContain("outside-audience-existence-only")
			.doesNotContain("did not share");

		String english = visibleText(page("politie", casePage + "?lang=en"));
		assertThat(english).contains("The contributor did not share this item with your organisation or domain.")
			.doesNotContain("outside-audience-existence-only");
	}

	private String page(String username, String path) throws Exception {
		MockHttpSession session = new MockHttpSession();
		RequestPostProcessor who = user(this.accounts.loadUserByUsername(username));
		if (path.startsWith("/cases/")) {
			String casePath = path.substring(0, "/cases/".length() + 36);
			this.mvc.perform(post(casePath + "/purpose").session(session)
				.with(csrf())
				.with(who)
				.param("purpose", username.equals("coordinator") ? "TRIAGE" : "CASE_CONSULTATION"));
		}
		return this.mvc.perform(get(path).session(session).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The text a person sees: markup, attributes, styles and scripts left out. */
	static String visibleText(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", " ")
			.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("(?s)<code>.*?</code>", " ")
			.replaceAll("(?s)<option[^>]*value=\"([^\"]*)\"", "<option")
			.replaceAll("(?s)<[^>]+>", " ")
			.replaceAll("\\s+", " ");
	}

}
