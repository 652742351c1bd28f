package nl.schakel.disclosure;

import java.util.UUID;

import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The privacy core told as stories, through the REST API against a real database. */
@IntegrationTest
class PrivacyStoriesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String caseUrl;

	UUID caseId;

	@BeforeEach
	void aCaseWithGgzAndPoliceAdmittedForCaseConsultation() throws Exception {
		this.caseUrl = as("coordinator", "TRIAGE", post("/api/v1/cases"),
				"""
						{"person": {"name": "Verhaal Persoon", "dateOfBirth": "1979-03-03"}, "caseType": "CONFUSED_BEHAVIOUR"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.caseId = UUID.fromString(this.caseUrl.substring(this.caseUrl.lastIndexOf('/') + 1));
		for (String organisation : new String[] { "ggz-midden", "politie-midden" }) {
			as("coordinator", "TRIAGE", post(this.caseUrl + "/participants"), """
					{"organisation": "%s", "purposes": ["CASE_CONSULTATION"]}""".formatted(organisation))
				.andExpect(status().isCreated());
		}
	}

	@Test
	void healthInformationIsHiddenFromPoliceWithoutConsentButItsExistenceIsShown() throws Exception {
		contribute("ggz", """
				{"text": "Diagnose: paranoide psychose, medicatie gestopt", "category": "HEALTH",
				 "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}""");

		as("politie", "CASE_CONSULTATION", get(this.caseUrl), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[0].decision").value("EXISTENCE_ONLY"))
			.andExpect(jsonPath("$.contributions[0].holder").value("ggz-midden"))
			.andExpect(jsonPath("$.contributions[0].category").value("HEALTH"))
			.andExpect(jsonPath("$.contributions[0].rule").value("health-otherwise-existence-only"))
			.andExpect(jsonPath("$.contributions[0].reason", containsString("consent")))
			.andExpect(jsonPath("$.contributions[0].content").doesNotExist())
			.andExpect(content().string(not(containsString("psychose"))));

		as("ggz", "CASE_CONSULTATION", get(this.caseUrl), null)
			.andExpect(jsonPath("$.contributions[0].decision").value("PERMIT"))
			.andExpect(jsonPath("$.contributions[0].content").value("Diagnose: paranoide psychose, medicatie gestopt"));
	}

	@Test
	void policeReadsHealthInformationWithConsentUntilTheConsentIsWithdrawn() throws Exception {
		String consent = as("ggz", "CASE_CONSULTATION", post(this.caseUrl + "/consents"),
				"""
						{"organisations": ["politie-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
						 "validFrom": "2026-01-01", "evidence": "getekend formulier 12", "evidenceKind": "SIGNED_FORM", "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		contribute("ggz", """
				{"text": "Behandeling loopt, crisiskaart aanwezig", "category": "HEALTH", "legalBasis": "CONSENT",
				 "consentId": "%s", "audienceOrganisations": ["politie-midden"]}""".formatted(consent));

		as("politie", "CASE_CONSULTATION", get(this.caseUrl), null)
			.andExpect(jsonPath("$.contributions[0].decision").value("PERMIT"))
			.andExpect(jsonPath("$.contributions[0].rule").value("health-with-consent"))
			.andExpect(jsonPath("$.contributions[0].content").value("Behandeling loopt, crisiskaart aanwezig"));

		as("ggz", "CASE_CONSULTATION", post(this.caseUrl + "/consents/" + consent + "/withdrawal"), "{}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inForce").value(false));

		as("politie", "CASE_CONSULTATION", get(this.caseUrl), null)
			.andExpect(jsonPath("$.contributions[0].decision").value("EXISTENCE_ONLY"))
			.andExpect(jsonPath("$.contributions[0].rule").value("no-valid-basis-existence-only"))
			.andExpect(content().string(not(containsString("crisiskaart"))));
	}

	@Test
	void nonParticipantLearnsNothingAndTheDenialIsRecorded() throws Exception {
		contribute("ggz", """
				{"text": "Gezinssituatie onder druk", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK",
				 "audienceDomains": ["JUSTICE", "MUNICIPAL"]}""");
		as("gemeente", "CASE_CONSULTATION", get(this.caseUrl), null).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-not-found"))
			.andExpect(content().string(not(containsString("Verhaal Persoon"))))
			.andExpect(content().string(not(containsString("Gezinssituatie"))));
		// a case id that does not exist gets exactly the same answer
		as("gemeente", "CASE_CONSULTATION", get("/api/v1/cases/" + UUID.randomUUID()), null)
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-not-found"));
		assertThat(this.jdbc.queryForList(
				"select distinct decision from disclosure where case_id = ? and actor = 'gemeente'", String.class,
				this.caseId))
			.containsExactly("DENY");
	}

	@Test
	void admittedForOnePurposeIsNotAdmittedForAnother() throws Exception {
		as("politie", "CASE_CONSULTATION", get(this.caseUrl), null).andExpect(status().isOk());
		as("politie", "MONITORING", get(this.caseUrl), null).andExpect(status().isNotFound());
	}

	@Test
	void removalTakesEffectAtOnce() throws Exception {
		as("politie", "CASE_CONSULTATION", get(this.caseUrl), null).andExpect(status().isOk());
		String participant = this.jdbc.queryForObject(
				"select id::text from participation where case_id = ? and organisation_code = 'politie-midden'",
				String.class, this.caseId);
		as("coordinator", "TRIAGE", delete(this.caseUrl + "/participants/" + participant), null)
			.andExpect(status().isOk());
		as("politie", "CASE_CONSULTATION", get(this.caseUrl), null).andExpect(status().isNotFound());
	}

	@Test
	void auditorNeverSeesContentAndAdministratorSeesNoCaseData() throws Exception {
		contribute("ggz", """
				{"text": "Risicotaxatie: hoog", "category": "RISK", "legalBasis": "PUBLIC_TASK",
				 "audienceDomains": ["SAFETY_HOUSE"]}""");
		as("auditor", "AUDIT", get(this.caseUrl), null).andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Risicotaxatie"))));
		as("auditor", "CASE_CONSULTATION", get(this.caseUrl), null).andExpect(status().isNotFound());
		as("beheer", "CASE_CONSULTATION", get(this.caseUrl), null).andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Verhaal Persoon"))));
	}

	@Test
	void conflictOfDutiesNeedsAllFiveAnswersAndEveryDisclosureOfItIsFlagged() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from contribution", Long.class);
		as("ggz", "CASE_CONSULTATION", post(this.caseUrl + "/contributions"), """
				{"text": "Dreigt naaste iets aan te doen", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["politie-midden"],
				 "conflictOfDuties": {"interest": "veiligheid", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "strictlyNeeded": "alleen de dreiging, voor de politie"}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("conflictOfDuties.seriousHarm"));
		assertThat(this.jdbc.queryForObject("select count(*) from contribution", Long.class)).isEqualTo(before);

		contribute("ggz", """
				{"text": "Dreigt naaste iets aan te doen", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["politie-midden"],
				 "conflictOfDuties": {"interest": "veiligheid", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging, voor de politie"},
				 "secrecyBreachConfirmed": true}""");
		as("politie", "CASE_CONSULTATION", get(this.caseUrl), null)
			.andExpect(jsonPath("$.contributions[0].decision").value("PERMIT"))
			.andExpect(jsonPath("$.contributions[0].rule").value("conflict-of-duties-disclosure-is-reviewed"));
		assertThat(this.jdbc.queryForObject(
				"select bool_and(flagged) from disclosure where case_id = ? and actor = 'politie' and item_kind = 'CONTRIBUTION'",
				Boolean.class, this.caseId))
			.isTrue();
	}

	@Test
	void eachLegalBasisDemandsWhatItNeeds() throws Exception {
		as("ggz", "CASE_CONSULTATION", post(this.caseUrl + "/contributions"), """
				{"text": "x", "category": "GENERAL", "legalBasis": "CONSENT"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("consentId"));
		as("ggz", "CASE_CONSULTATION", post(this.caseUrl + "/contributions"), """
				{"text": "x", "category": "GENERAL", "legalBasis": "STATUTORY"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("statutoryReference"));
		as("ggz", "CASE_CONSULTATION", post(this.caseUrl + "/contributions"), """
				{"text": "x", "category": "GOSSIP", "legalBasis": "PUBLIC_TASK"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"));
		as("ggz", "CASE_CONSULTATION", post(this.caseUrl + "/contributions"), """
				{"text": " ", "category": "GENERAL", "legalBasis": "PUBLIC_TASK"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
	}

	@Test
	void everyCallNamesItsPurpose() throws Exception {
		this.mvc.perform(get(this.caseUrl).with(httpBasic("ggz", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("X-Purpose"));
		this.mvc.perform(get(this.caseUrl).with(httpBasic("ggz", "demo")).header("X-Purpose", "CURIOSITY"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("X-Purpose"))
			.andExpect(jsonPath("$.errors[0].message", containsString("CASE_CONSULTATION")));
	}

	@Test
	void onlyParticipantsContribute() throws Exception {
		as("gemeente", "CASE_CONSULTATION", post(this.caseUrl + "/contributions"), """
				{"text": "x", "category": "GENERAL", "legalBasis": "PUBLIC_TASK"}""").andExpect(status().isNotFound());
	}

	private void contribute(String user, String body) throws Exception {
		as(user, "CASE_CONSULTATION", post(this.caseUrl + "/contributions"), body).andExpect(status().isCreated());
	}

	private ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return this.mvc.perform(DemoApi.as(user, purpose, request, body));
	}

}
