package nl.schakel.audit;

import java.util.regex.Pattern;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The change history of a case reads as sentences — who (name and organisation) did what,
 * under which purpose, when — in Dutch first and English second, not as a dump of column
 * names and codes; and content stays out of it.
 */
@IntegrationTest
class ChangeHistoryReadsAsSentencesIT {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	private String caseUrl;

	@BeforeEach
	void aCaseThatWasTriagedWithAPartnerAndInformation() throws Exception {
		this.caseUrl = this.mvc.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"person": {"name": "Hanna Historie", "dateOfBirth": "1979-03-03"}, "caseType": "CONFUSED_BEHAVIOUR"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(post(this.caseUrl + "/status").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"status\": \"TRIAGE\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post(this.caseUrl + "/participants").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"))
			.andExpect(status().isCreated());
		this.mvc.perform(post(this.caseUrl + "/contributions").with(httpBasic("ggz", "demo"))
			.header("X-Purpose", "CASE_CONSULTATION")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"text\": \"Geheime slaapklachten\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void theHistorySaysInDutchWhoDidWhatUnderWhichPurposeAndWhen() throws Exception {
		String page = history("");

		assertThat(page).contains("Sanne de Vries (Zorg- en Veiligheidshuis Midden) registreerde casus")
			.contains("zette de status van Aangemeld op Triage — doel: Triage, ")
			.contains("Sanne de Vries (Zorg- en Veiligheidshuis Midden) liet GGZ Midden toe voor Casusoverleg")
			.contains("Daan Bakker (GGZ Midden) voegde inbreng toe (Gezondheid, grondslag Publieke taak)")
			.doesNotContain("Geheime slaapklachten")
			.doesNotContain("case_type", "organisation_code", "legal_basis");
		assertThat(CODE.matcher(visibleText(page)).results().map((m) -> m.group()).toList()).isEmpty();
	}

	@Test
	void theHistoryReadsInEnglishForAnEnglishReader() throws Exception {
		String page = history("?lang=en");

		assertThat(page).contains("Sanne de Vries (Zorg- en Veiligheidshuis Midden) registered case")
			.contains("moved the status from Referred to Triage")
			.contains("admitted GGZ Midden for")
			.contains("Daan Bakker (GGZ Midden) added information (Health, legal basis Public task)");
	}

	private String history(String query) throws Exception {
		String id = this.caseUrl.substring(this.caseUrl.lastIndexOf('/') + 1);
		return this.mvc
			.perform(get("/audit/history/cases/" + id + query).with(user(this.accounts.loadUserByUsername("auditor"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String visibleText(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("(?s)<[^>]+>", " ");
	}

}
