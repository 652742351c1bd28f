package nl.schakel.casework;

import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Wat ziet wie?": a professional composing a contribution sees, per participating
 * organisation, whether it will see the item and why — from the policy and the consents,
 * disclosing nothing and logging nothing; and the forms offer only what the policy lets
 * the role contribute, the server refusing anything else at the field.
 */
@IntegrationTest
class WhoSeesWhatIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aCareWorkerPreviewingHealthInformationWithoutConsentSeesThatThePoliceWillNotSeeItAndWhy() throws Exception {
		String caseUrl = caseWith("ggz-midden", "politie-midden");
		preview("ggz", caseUrl, "category=HEALTH&legalBasis=PUBLIC_TASK&audienceDomains=JUSTICE")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.organisation == 'politie-midden')].sees").value(false))
			.andExpect(jsonPath("$[?(@.organisation == 'politie-midden')].knowsItExists").value(true))
			.andExpect(jsonPath("$[?(@.organisation == 'politie-midden')].organisationName")
				.value("Politie eenheid Midden"))
			.andExpect(jsonPath("$[?(@.organisation == 'politie-midden')].domain").value("JUSTICE"))
			.andExpect(jsonPath("$[?(@.organisation == 'politie-midden')].explanation")
				.value(hasItem(containsString("buiten de zorg alleen te zien met toestemming"))))
			// the author's own organisation always sees it
			.andExpect(jsonPath("$[?(@.organisation == 'ggz-midden')].sees").value(true));
	}

	@Test
	void withAConsentThatCoversThePoliceThePoliceWillSeeIt() throws Exception {
		String caseUrl = caseWith("ggz-midden", "politie-midden");
		String consent = JsonPath.read(api("ggz", "CASE_CONSULTATION", post(caseUrl + "/consents"), """
				{"organisations": ["politie-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
				 "validFrom": "2020-01-01", "evidence": "formulier 2026-90", "evidenceKind": "SIGNED_FORM",
				 "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		preview("ggz", caseUrl,
				"category=HEALTH&legalBasis=CONSENT&consentId=" + consent + "&audienceOrganisations=politie-midden")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.organisation == 'politie-midden')].sees").value(true))
			.andExpect(jsonPath("$[?(@.organisation == 'politie-midden')].explanation")
				.value(hasItem(containsString("toestemming gegeven"))));
	}

	@Test
	void thePreviewAgreesWithTheGateOnceTheItemIsWritten() throws Exception {
		String caseUrl = caseWith("ggz-midden", "politie-midden");
		preview("ggz", caseUrl, "category=HEALTH&legalBasis=PUBLIC_TASK&audienceDomains=JUSTICE")
			.andExpect(jsonPath("$[?(@.organisation == 'politie-midden')].knowsItExists").value(true));
		api("ggz", "CASE_CONSULTATION", post(caseUrl + "/contributions"), """
				{"text": "Slaapt slecht sinds de opname", "category": "HEALTH", "legalBasis": "PUBLIC_TASK",
				 "audienceDomains": ["JUSTICE"]}""").andExpect(status().isCreated());
		api("politie", "CASE_CONSULTATION", get(caseUrl), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[0].decision").value("EXISTENCE_ONLY"));
	}

	@Test
	void aNonParticipantGetsTheAnswerOfAMissingCaseAndARoleWithoutCaseworkIsRefused() throws Exception {
		String caseUrl = caseWith("ggz-midden");
		String query = "category=SOCIAL&legalBasis=PUBLIC_TASK";
		preview("verslavingszorg", caseUrl, query).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(containsString("case-not-found")));
		preview("coordinator-zuid", caseUrl, query).andExpect(status().isNotFound());
		preview("ggz", "/api/v1/cases/" + UUID.randomUUID(), query).andExpect(status().isNotFound());
		preview("auditor", caseUrl, query).andExpect(status().isForbidden());
		String pageUrl = caseUrl.replace("/api/v1", "") + "/audience-preview?" + query;
		this.mvc.perform(get(pageUrl).with(user(this.accounts.loadUserByUsername("verslavingszorg"))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("GGZ Midden"))));
	}

	@Test
	void thePreviewRecordsThatItShowedTheParticipantsAndDisclosesNoContent() throws Exception {
		String caseUrl = caseWith("ggz-midden", "politie-midden");
		api("ggz", "CASE_CONSULTATION", post(caseUrl + "/contributions"), """
				{"text": "Geheime inhoud 7731", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""")
			.andExpect(status().isCreated());
		UUID caseId = UUID.fromString(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
		long before = rows(caseId);
		preview("politie", caseUrl, "category=CRIMINAL&legalBasis=STATUTORY&audienceDomains=CARE")
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Geheime inhoud"))));
		var ggz = user(this.accounts.loadUserByUsername("ggz"));
		String pageUrl = "/cases/" + caseId + "/audience-preview";
		this.mvc
			.perform(get(pageUrl).with(ggz)
				.header("HX-Request", "true")
				.param("category", "HEALTH")
				.param("legalBasis", "PUBLIC_TASK")
				.param("audienceDomains", "JUSTICE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Politie eenheid Midden")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("Geheime inhoud"))));
		// without JavaScript the form posts here (its text too, which is ignored) and
		// gets
		// a whole page
		this.mvc
			.perform(post(pageUrl).with(ggz)
				.with(csrf())
				.param("text", "concept")
				.param("category", "HEALTH")
				.param("legalBasis", "PUBLIC_TASK"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("Politie eenheid Midden")))
			.andExpect(content().string(not(containsString("concept"))));
		// each answer names the case's participants: one record each, no item of content
		assertThat(rows(caseId)).isEqualTo(before + 3);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from disclosure where case_id = ? and rule_id = 'audience-preview' and item_kind = 'CASE'",
				Long.class, caseId))
			.isEqualTo(3);
	}

	@Test
	void theContributionFormOffersOnlyTheCategoriesAndBasesThePolicyAllowsTheRole() throws Exception {
		String caseUrl = caseWith("ggz-midden", "politie-midden");
		String page = caseUrl.replace("/api/v1", "");
		String care = this.mvc.perform(get(page).with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(care).contains("<option value=\"HEALTH\"")
			.doesNotContain("value=\"CRIMINAL\"")
			// no consent of its own in force yet: nothing to rest a consent basis on
			.doesNotContain("<option value=\"CONSENT\"")
			.contains("<option value=\"PUBLIC_TASK\"")
			.contains("id=\"audience-preview\"")
			.contains("aria-live=\"polite\"")
			.contains("hx-params=\"category,legalBasis,consentId,audienceOrganisations,audienceDomains\"");
		String police = this.mvc.perform(get(page).with(user(this.accounts.loadUserByUsername("politie"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(police).contains("<option value=\"CRIMINAL\"").contains("<option value=\"HEALTH\"");
	}

	@Test
	void thePurposeChoiceOffersOnlyPurposesUnderWhichTheRoleLearnsSomethingAndRefusesOthers() throws Exception {
		String anyCase = "/cases/" + UUID.randomUUID() + "?choose";
		String care = this.mvc.perform(get(anyCase).with(user(this.accounts.loadUserByUsername("ggz"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(care).contains("purpose-CASE_CONSULTATION")
			.doesNotContain("purpose-ACCOUNTABILITY")
			.doesNotContain("purpose-AUDIT")
			.doesNotContain("purpose-SUBJECT_ACCESS");
		String coordinator = this.mvc.perform(get(anyCase).with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(coordinator).contains("purpose-ACCOUNTABILITY").doesNotContain("purpose-AUDIT");

		String caseUrl = caseWith("ggz-midden");
		String page = caseUrl.replace("/api/v1", "");
		this.mvc
			.perform(post(page + "/purpose").with(user(this.accounts.loadUserByUsername("ggz")))
				.with(csrf())
				.param("purpose", "ACCOUNTABILITY"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("purpose-CASE_CONSULTATION")));
	}

	@Test
	void theContributionFormOffersOnlyCategoriesTheRoleMayHoldWhileThePreviewNamesABasisItCouldNotHaveReceivedItOn()
			throws Exception {
		String caseUrl = caseWith("ggz-midden", "gemeente-midden");
		String page = this.mvc
			.perform(get(caseUrl.replace("/api/v1", "")).with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String categories = page.substring(page.indexOf("<select id=\"category\""));
		categories = categories.substring(0, categories.indexOf("</select>"));
		// care brings in no police data
		assertThat(categories).contains("value=\"HEALTH\"").doesNotContain("value=\"CRIMINAL\"");
		// health information outside care only on consent or a conflict of duties: the
		// preview says so at the field
		preview("gemeente", caseUrl, "category=HEALTH&legalBasis=PUBLIC_TASK").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("legalBasis"));
	}

	@Test
	void theConsentFormNamesParticipatingPartnersAndPurposesAConsentCanOpen() throws Exception {
		String caseUrl = caseWith("ggz-midden", "politie-midden");
		String care = this.mvc
			.perform(get(caseUrl.replace("/api/v1", "")).with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(care).contains("id=\"consent-org-politie-midden\"")
			.doesNotContain("id=\"consent-org-gemeente-midden\"")
			.contains("id=\"consent-purpose-CASE_CONSULTATION\"")
			.doesNotContain("id=\"consent-purpose-AUDIT\"")
			.doesNotContain("id=\"consent-cat-CRIMINAL\"");
	}

	private long rows(UUID caseId) {
		return this.jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, caseId);
	}

	/** A case of Midden with these organisations admitted for case consultation. */
	private String caseWith(String... organisations) throws Exception {
		String caseUrl = api("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Wie Ziet", "dateOfBirth": "1991-03-03"}, "caseType": "CONFUSED_BEHAVIOUR"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		for (String organisation : organisations) {
			api("coordinator", "TRIAGE", post(caseUrl + "/participants"), """
					{"organisation": "%s", "purposes": ["CASE_CONSULTATION"]}""".formatted(organisation))
				.andExpect(status().isCreated());
		}
		return caseUrl;
	}

	/** The API's preview, without a purpose (it discloses nothing), in Dutch. */
	private ResultActions preview(String user, String caseUrl, String query) throws Exception {
		return this.mvc.perform(get(caseUrl + "/audience-preview?" + query).with(httpBasic(user, "demo"))
			.locale(Locale.forLanguageTag("nl"))
			.header("Accept-Language", "nl"));
	}

	private ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return this.mvc.perform(DemoApi.as(user, purpose, request, body));
	}

}
