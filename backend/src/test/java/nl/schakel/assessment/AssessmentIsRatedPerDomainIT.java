package nl.schakel.assessment;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each partner rates the domains its kind of organisation rates; the coordinator adds the
 * integrated judgement; ratings are sealed and read through the gate, so a police reader
 * sees GGZ's health ratings only with consent, and otherwise only that GGZ rated the
 * domain.
 */
@IntegrationTest
class AssessmentIsRatedPerDomainIT {

	static final String SECRET_JUSTIFICATION = "Psychose in 2024, behandeling gestaakt";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theInstrumentInForceListsItsDomainsWithCategoryRatersAndAnchoredScales() throws Exception {
		as("politie", null, get("/api/v1/assessment-instrument"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(containsString("2026.1+")))
			.andExpect(jsonPath("$.domains[?(@.code == 'psychopathology')].category").value(hasItem("HEALTH")))
			.andExpect(jsonPath("$.domains[?(@.code == 'psychopathology')].ratedBy[0]").value(hasItem("CARE")))
			.andExpect(jsonPath("$.domains[0].items[0].scale.anchors[0].label.nl").value("Geen aanwijzing"))
			.andExpect(jsonPath("$.domains[?(@.code == 'ideology-phase')].items[1].scale.anchors[3].label.en")
				.value(hasItem("Action readiness")))
			.andExpect(jsonPath("$.minors.legalBases[0].code").value("JEUGDWET_7_4_0"));
	}

	@Test
	void aPartnerRatesOnlyTheDomainsItsKindOfOrganisationRates() throws Exception {
		String url = caseWithPartners();
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), ggzRating(null)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.items[0].domain").value("psychopathology"));
		long before = ratings(url);
		as("politie", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"moment": "INTAKE", "ratings": [
				  {"domain": "online", "item": "platforms", "score": 2, "justification": "Telegram-kanalen"},
				  {"domain": "psychopathology", "item": "substance-use", "score": 3}]}""")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/not-yours-to-record"))
			.andExpect(jsonPath("$.errors[0].field").value("ratings[1].domain"));
		assertThat(ratings(url)).as("nothing half-written").isEqualTo(before);
		as("politie", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"moment": "INTAKE", "ratings": [{"domain": "online", "item": "platforms", "score": 2}]}""")
			.andExpect(status().isCreated());
	}

	@Test
	void onlyTheSteeringCoordinatorJudgesAndAConcernLevelNeedsAJustification() throws Exception {
		String url = caseWithPartners();
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"integratedJudgement": "Samenhang", "concernLevel": "HIGH", "concernJustification": "Zorg"}""")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.errors[0].field").value("integratedJudgement"));
		as("coordinator", "CASE_CONSULTATION", post(url + "/assessments"),
				"""
						{"integratedJudgement": "Hoge behoefte aan betekenis samen met recente vernedering", "concernLevel": "HIGH"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("concernJustification"));
		as("coordinator", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"integratedJudgement": "Samenhang", "concernLevel": "EXTREME", "concernJustification": "Zorg"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("concernLevel"));
		assertThat(ratings(url)).isZero();
		as("coordinator", "CASE_CONSULTATION", post(url + "/assessments"),
				"""
						{"integratedJudgement": "Samenhang", "concernLevel": "HIGH", "concernJustification": "Dreiging online"}""")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.items[0].domain").value("integrated-judgement"));
	}

	@Test
	void badInputIsRefusedNamingTheField() throws Exception {
		String url = caseWithPartners();
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"ratings": [{"domain": "psychopathology", "item": "substance-use", "score": 7}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ratings[0].score"));
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"ratings": [{"domain": "psychopathology", "item": "horoscope", "score": 1}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ratings[0].item"));
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"moment": "SOMETIME", "ratings": [{"domain": "psychopathology", "item": "treatment", "score": 1}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("moment"));
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ratings"));
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"),
				"""
						{"legalBasis": "STATUTORY", "ratings": [{"domain": "psychopathology", "item": "treatment", "score": 1}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("statutoryReference"));
		as("ggz", null, post(url + "/assessments"), """
				{"ratings": [{"domain": "psychopathology", "item": "treatment", "score": 1}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("X-Purpose"));
		assertThat(ratings(url)).isZero();
	}

	@Test
	void aPoliceReaderSeesThatGgzRatedHealthButNotTheRatingsWithoutConsent() throws Exception {
		String url = caseWithPartners();
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), ggzRating(null)).andExpect(status().isCreated());
		as("politie", "CASE_CONSULTATION", get(url + "/assessments"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[0].domain").value("psychopathology"))
			.andExpect(jsonPath("$.entries[0].withheld").value(true))
			.andExpect(jsonPath("$.entries[0].ratedBy").value("ggz-midden"))
			.andExpect(jsonPath("$.entries[0].withheldText").value("GGZ Midden heeft dit domein beoordeeld"))
			.andExpect(jsonPath("$.entries[0].ratings").doesNotExist())
			.andExpect(content().string(not(containsString(SECRET_JUSTIFICATION))));
		as("verslavingszorg", "CASE_CONSULTATION", get(url + "/assessments"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[0].withheld").value(false))
			.andExpect(jsonPath("$.entries[0].ratings[0].justification").value(SECRET_JUSTIFICATION));
		assertThat(this.jdbc.queryForList("select decision from disclosure where case_id = ? and actor = 'politie'"
				+ " and item_kind = 'ASSESSMENT'", String.class, caseId(url)))
			.as("the police reader's read is logged")
			.containsExactly("EXISTENCE_ONLY");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from assessment_rating where case_id = ?"
						+ " and position(convert_to('Psychose', 'UTF8') in content_ciphertext) > 0",
				Long.class, caseId(url)))
			.as("ratings are stored sealed")
			.isZero();
	}

	@Test
	void aPoliceReaderSeesGgzRatingsTheClientConsentedToShareWithThePolice() throws Exception {
		String url = caseWithPartners();
		String consent = JsonPath.read(as("ggz", "CASE_CONSULTATION", post(url + "/consents"), """
				{"organisations": ["politie-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
				 "validFrom": "2020-01-01", "evidence": "formulier", "evidenceKind": "SIGNED_FORM",
				 "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), ggzRating(consent)).andExpect(status().isCreated());
		as("politie", "CASE_CONSULTATION", get(url + "/assessments"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[0].withheld").value(false))
			.andExpect(jsonPath("$.entries[0].ratings[0].score").value(3));
	}

	@Test
	void theTrendShowsPerDomainOnlyWhatTheReaderMaySee() throws Exception {
		String url = caseWithPartners();
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), ggzRating(null)).andExpect(status().isCreated());
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"),
				"""
						{"moment": "PLAN_REVIEW", "ratings": [{"domain": "psychopathology", "item": "substance-use", "score": 1},
						  {"domain": "psychopathology", "item": "treatment", "score": 0}]}""")
			.andExpect(status().isCreated());
		as("gemeente", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"moment": "INTAKE", "ratings": [{"domain": "social-context", "item": "family", "score": 2},
				  {"domain": "social-context", "item": "peers", "score": 3}]}""").andExpect(status().isCreated());
		as("ggz", "CASE_CONSULTATION", get(url + "/assessments/trend"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.domains[0].domain").value("psychopathology"))
			.andExpect(jsonPath("$.domains[0].points.length()").value(2))
			.andExpect(jsonPath("$.domains[0].points[0].mean").value(3.0))
			.andExpect(jsonPath("$.domains[0].points[1].mean").value(0.5))
			.andExpect(jsonPath("$.domains[1].domain").value("social-context"))
			.andExpect(jsonPath("$.domains[1].points[0].mean").value(2.5));
		as("politie", "CASE_CONSULTATION", get(url + "/assessments/trend"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.domains[0].domain").value("psychopathology"))
			.andExpect(jsonPath("$.domains[0].points.length()").value(0))
			.andExpect(jsonPath("$.domains[0].withheld.length()").value(2))
			.andExpect(jsonPath("$.domains[0].withheld[0].ratedBy").value("ggz-midden"))
			.andExpect(jsonPath("$.domains[1].points[0].mean").value(2.5));
	}

	@Test
	void someoneNotTakingPartGetsNothingAndAClosedCaseTakesNoAssessment() throws Exception {
		String url = caseWithPartners();
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), ggzRating(null)).andExpect(status().isCreated());
		as("om", "CASE_CONSULTATION", get(url + "/assessments"), null).andExpect(status().isNotFound());
		as("om", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"ratings": [{"domain": "online", "item": "platforms", "score": 2}]}""")
			.andExpect(status().isNotFound());
		as("coordinator", "TRIAGE", post(url + "/status"), "{\"status\": \"TRIAGE\"}").andExpect(status().isOk());
		as("coordinator", "TRIAGE", post(url + "/triage"), "{\"outcome\": \"ACCEPTED\"}").andExpect(status().isOk());
		as("coordinator", "CASE_CONSULTATION", post(url + "/status"),
				"{\"status\": \"CLOSED\", \"reason\": \"GOALS_ACHIEVED\", \"text\": \"klaar\"}")
			.andExpect(status().isOk());
		as("ggz", "CASE_CONSULTATION", post(url + "/assessments"), ggzRating(null)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-closed"))
			.andExpect(jsonPath("$.status").value("CLOSED"));
		as("om", "CASE_CONSULTATION", post(url + "/assessments"), ggzRating(null)).andExpect(status().isNotFound());
	}

	@Test
	void aPromptForDiscussionAppearsWhenNeedTriggerAndOnlineNetworkMeet() throws Exception {
		String url = caseWithPartners();
		as("gemeente", "CASE_CONSULTATION", post(url + "/assessments"), """
				{"ratings": [{"domain": "psychological-needs", "item": "significance", "score": 3},
				  {"domain": "trigger-factors", "item": "humiliation", "score": 2},
				  {"domain": "social-context", "item": "online-networks", "score": 2}]}""")
			.andExpect(status().isCreated());
		as("gemeente", "CASE_CONSULTATION", get(url + "/assessments"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.prompts[0].code").value("need-trigger-online"))
			.andExpect(jsonPath("$.prompts[0].kind").value("prompt-for-discussion"));
	}

	@Test
	void theOpenApiDocumentListsTheAssessmentPaths() throws Exception {
		String doc = as("coordinator", null, get("/v3/api-docs"), null).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String path : List.of("/api/v1/assessment-instrument", "/api/v1/cases/{id}/assessments",
				"/api/v1/cases/{id}/assessments/trend", "/api/v1/interventions", "/api/v1/cases/{id}/interventions",
				"/api/v1/cases/{id}/interventions/{interventionId}/outcome", "/api/v1/follow-ups",
				"/api/v1/evaluation/interventions")) {
			assertThat(doc).contains("\"" + path + "\"");
		}
	}

	static String ggzRating(String consent) {
		return """
				{"moment": "INTAKE", "legalBasis": "%s", "consentId": %s, "ratings": [
				  {"domain": "psychopathology", "item": "substance-use", "score": 3, "justification": "%s"},
				  {"domain": "psychopathology", "item": "treatment", "score": 3}]}""".formatted(
				(consent != null) ? "CONSENT" : "PUBLIC_TASK", (consent != null) ? "\"" + consent + "\"" : "null",
				SECRET_JUSTIFICATION);
	}

	String caseWithPartners() throws Exception {
		String url = register(this.mvc);
		for (String organisation : List.of("ggz-midden", "verslavingszorg-midden", "politie-midden",
				"gemeente-midden")) {
			admit(this.mvc, url, organisation);
		}
		return url;
	}

	static String register(MockMvc mvc) throws Exception {
		return mvc.perform(DemoApi.as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Beoordeeld Persoon", "dateOfBirth": "2004-02-03"}, "caseType": "RADICALISATION",
				 "referral": {"referringOrganisation": "politie-midden", "referringProfessional": "wijkagent",
				              "reason": "Zorgen", "goal": "Beeld", "personInformed": true}}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	static void admit(MockMvc mvc, String url, String organisation) throws Exception {
		mvc.perform(DemoApi.as("coordinator", "TRIAGE", post(url + "/participants"), """
				{"organisation": "%s", "purposes": ["TRIAGE", "CASE_CONSULTATION"]}""".formatted(organisation)))
			.andExpect(status().isCreated());
	}

	private long ratings(String url) {
		return this.jdbc.queryForObject("select count(*) from assessment_rating where case_id = ?", Long.class,
				caseId(url));
	}

	static java.util.UUID caseId(String url) {
		return java.util.UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
	}

	private ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		if (purpose == null) {
			request.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic(user, "demo"));
			if (body != null) {
				request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body);
			}
			return this.mvc.perform(request);
		}
		return this.mvc.perform(DemoApi.as(user, purpose, request, body));
	}

}
