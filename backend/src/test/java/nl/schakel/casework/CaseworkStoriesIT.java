package nl.schakel.casework;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.MutableClock;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * The daily work of a safety house as user stories (referral, triage, consent,
 * break-glass, search by BSN), through the REST API.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
class CaseworkStoriesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void referralTriageConsentWithdrawalRequestAndConflictOfDutiesGrant() throws Exception {
		// a coordinator registers a referral and triages it into a case
		String caseUrl = register(null);
		as("coordinator", "TRIAGE", post(caseUrl + "/status"), "{\"status\": \"TRIAGE\"}").andExpect(status().isOk());
		as("coordinator", "TRIAGE", post(caseUrl + "/triage"), "{\"outcome\": \"ACCEPTED\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_CONSULTATION"))
			.andExpect(jsonPath("$.triageOutcome").value("ACCEPTED"));
		// ... and admits the GGZ provider and the police for case consultation
		for (String organisation : List.of("ggz-midden", "politie-midden")) {
			as("coordinator", "TRIAGE", post(caseUrl + "/participants"), """
					{"organisation": "%s", "purposes": ["CASE_CONSULTATION"]}""".formatted(organisation))
				.andExpect(status().isCreated());
		}
		// a GGZ professional adds health information with consent scoped to the police
		String consent = id(as("ggz", "CASE_CONSULTATION", post(caseUrl + "/consents"),
				"""
						{"organisations": ["politie-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
						 "validFrom": "2020-01-01", "evidence": "toestemmingsformulier 2026-044", "evidenceKind": "SIGNED_FORM", "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}""")
			.andExpect(status().isCreated()));
		String contribution = id(as("ggz", "CASE_CONSULTATION", post(caseUrl + "/contributions"), """
				{"text": "Opgenomen geweest in 2025; gebruikt antipsychotica", "category": "HEALTH",
				 "legalBasis": "CONSENT", "consentId": "%s", "audienceOrganisations": ["politie-midden"]}"""
			.formatted(consent)).andExpect(status().isCreated()));

		// a police officer reads it
		as("politie", "CASE_CONSULTATION", get(caseUrl), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[0].decision").value("PERMIT"))
			.andExpect(
					jsonPath("$.contributions[0].content").value("Opgenomen geweest in 2025; gebruikt antipsychotica"));

		// the consent is withdrawn: the officer now sees existence only
		as("ggz", "CASE_CONSULTATION", post(caseUrl + "/consents/" + consent + "/withdrawal"), "{}")
			.andExpect(status().isOk());
		as("politie", "CASE_CONSULTATION", get(caseUrl), null)
			.andExpect(jsonPath("$.contributions[0].decision").value("EXISTENCE_ONLY"))
			.andExpect(content().string(not(containsString("antipsychotica"))));

		// the officer files a disclosure request
		String request = id(
				as("politie", "CASE_CONSULTATION", post(caseUrl + "/contributions/" + contribution + "/requests"),
						"{\"reason\": \"Aanhouding gepland; risico voor collega's inschatten\"}")
					.andExpect(status().isCreated())
					.andExpect(jsonPath("$.state").value("OPEN")));
		as("ggz", "CASE_CONSULTATION", get("/api/v1/requests"), null)
			.andExpect(jsonPath("$.received[0].id").value(request))
			.andExpect(jsonPath("$.received[0].requester").value("politie"));

		// only the owner decides; an incomplete conflict-of-duties grant is refused and
		// writes nothing
		as("politie", "CASE_CONSULTATION", post("/api/v1/requests/" + request + "/grant"),
				"{\"basis\": \"PUBLIC_TASK\"}")
			.andExpect(status().isNotFound());
		as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + request + "/grant"), """
				{"basis": "CONFLICT_OF_DUTIES", "conflictOfDuties": {"interest": "veiligheid agenten"}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("conflictOfDuties.whyNoConsent"));

		// the GGZ professional grants it under conflict of duties
		as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + request + "/grant"), """
				{"basis": "CONFLICT_OF_DUTIES",
				 "conflictOfDuties": {"interest": "veiligheid van agenten bij aanhouding",
				   "whyNoConsent": "toestemming is ingetrokken", "noOtherWay": "aanhouding is morgen",
				   "seriousHarm": "geweld bij aanhouding", "strictlyNeeded": "alleen medicatie, voor deze agent"},
				 "secrecyBreachConfirmed": true}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("GRANTED"));
		as("ggz", "CASE_CONSULTATION", post("/api/v1/requests/" + request + "/refusal"), "{\"reason\": \"te laat\"}")
			.andExpect(status().isConflict());

		// the officer reads it, and that disclosure is flagged for review
		as("politie", "CASE_CONSULTATION", get(caseUrl), null)
			.andExpect(jsonPath("$.contributions[0].decision").value("PERMIT"))
			.andExpect(jsonPath("$.contributions[0].rule").value("conflict-of-duties-disclosure-is-reviewed"));
		List<Boolean> flags = this.jdbc.queryForList("""
				select flagged from disclosure where item_id = ?::uuid and actor = 'politie' and decision = 'PERMIT'
				order by seq""", Boolean.class, contribution);
		assertThat(flags).containsExactly(false, true);
		// request and grant are in the audit trail
		assertThat(this.jdbc.queryForList("select state from disclosure_request_aud where id = ?::uuid order by rev",
				String.class, request))
			.containsExactly("OPEN", "GRANTED");
	}

	@Test
	void breakTheGlassIsTimeBoxedAndEveryReadUnderItIsFlagged() throws Exception {
		String caseUrl = register(null);
		UUID caseId = UUID.fromString(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
		String safetyHouse = this.jdbc.queryForObject(
				"select id::text from participation where case_id = ? and organisation_code = 'zvh-midden'",
				String.class, caseId);
		// the steering house cannot be removed through the API any more (it would lock
		// its own
		// coordinator out); a case the coordinator cannot see is set up directly
		as("coordinator", "TRIAGE", delete(caseUrl + "/participants/" + safetyHouse), null)
			.andExpect(status().isConflict());
		this.jdbc.update("update participation set removed_at = now(), removed_by = 'test' where id = ?::uuid",
				safetyHouse);
		as("coordinator", "CASE_CONSULTATION", get(caseUrl), null).andExpect(status().isNotFound());

		as("politie", "CASE_CONSULTATION", post(caseUrl + "/break-glass"), "{\"reason\": \"Acute dreiging gemeld\"}")
			.andExpect(status().isForbidden());
		as("coordinator", "CASE_CONSULTATION", post(caseUrl + "/break-glass"), "{\"reason\": \"kort\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		as("coordinator", "CASE_CONSULTATION", post(caseUrl + "/break-glass"),
				"{\"reason\": \"Melding van acute dreiging tegen een hulpverlener\"}")
			.andExpect(status().isCreated());

		as("coordinator", "CASE_CONSULTATION", get(caseUrl), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.breakGlass.reason").value("Melding van acute dreiging tegen een hulpverlener"));
		as("coordinator", "MONITORING", get(caseUrl), null).andExpect(status().isOk());

		this.clock.advance(Duration.ofHours(4).plusMinutes(1));
		as("coordinator", "CASE_CONSULTATION", get(caseUrl), null).andExpect(status().isNotFound());

		List<Boolean> flags = this.jdbc.queryForList(
				"select flagged from disclosure where case_id = ? and actor = 'coordinator' and decision = 'PERMIT'",
				Boolean.class, caseId);
		assertThat(flags).hasSize(2).containsOnly(true);
		assertThat(
				this.jdbc.queryForObject("select count(*) from break_glass_aud where case_id = ?", Long.class, caseId))
			.isEqualTo(1L);
	}

	@Test
	void searchByBsnFromANonParticipantYieldsOnlyKnownToTheSafetyHouse() throws Exception {
		String bsn = TestBsns.next();
		register(bsn);
		String body = as("gemeente", "TRIAGE", post("/api/v1/persons/known-to"), "{\"bsn\": \"" + bsn + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.known").value(true))
			.andExpect(jsonPath("$.contacts[0].safetyHouse").value("Zorg- en Veiligheidshuis Midden"))
			.andExpect(jsonPath("$.contacts[0].coordinator").value("coordinator"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("Zoek Persoon")
			.doesNotContain("ZVH-")
			.doesNotContain(bsn)
			.doesNotContain("zorgen");
		assertThat(this.jdbc.queryForList(
				"select item_kind from disclosure where actor = 'gemeente' and rule_id in ('known-to-check', 'person-search') "
						+ "and person_id = (select id from person where bsn_index is not null and name = 'Zoek Persoon' "
						+ "order by id limit 1) order by item_kind",
				String.class))
			.contains("KNOWN_TO", "PERSON_SEARCH");

		as("gemeente", "TRIAGE", post("/api/v1/persons/known-to"), "{\"bsn\": \"" + TestBsns.next() + "\"}")
			.andExpect(jsonPath("$.known").value(false));
		as("gemeente", "TRIAGE", post("/api/v1/persons/known-to"), "{\"bsn\": \"123456789\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("bsn"));
		as("gemeente", "TRIAGE", post("/api/v1/persons/known-to"), "{\"name\": \"Zoek Persoon\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dateOfBirth"));
		as("auditor", "AUDIT", post("/api/v1/persons/known-to"), "{\"bsn\": \"" + bsn + "\"}")
			.andExpect(status().isForbidden());
	}

	@Test
	void referralDetailsAreValidatedAndReadOnlyThroughTheGate() throws Exception {
		as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "X", "dateOfBirth": "1990-01-01"}, "caseType": "OTHER",
				 "referral": {"referringOrganisation": "nergens", "referringProfessional": "Iemand",
				              "reason": "r", "goal": "g", "personInformed": false}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("referral.notInformedReason"));
		as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "X", "dateOfBirth": "1990-01-01"}, "caseType": "OTHER",
				 "referral": {"referringOrganisation": "nergens", "referringProfessional": "Iemand",
				              "reason": "r", "goal": "g", "personInformed": true}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("referral.referringOrganisation"));
		String caseUrl = register(null);
		as("coordinator", "TRIAGE", get(caseUrl), null)
			.andExpect(jsonPath("$.referral.reason").value("Zorgen over dreigende taal op sociale media"))
			.andExpect(jsonPath("$.referral.notInformedReason").value("Informeren vergroot het risico"));
		String dump = this.jdbc.queryForObject("select coalesce(string_agg(r::text, ' '), '') from referral r",
				String.class);
		assertThat(dump).doesNotContain("dreigende taal");
	}

	private String register(String bsn) throws Exception {
		String person = (bsn != null) ? """
				{"name": "Zoek Persoon", "dateOfBirth": "1990-05-05", "bsn": "%s"}""".formatted(bsn) : """
				{"name": "Zoek Persoon", "dateOfBirth": "1990-05-05"}""";
		return as("coordinator", "TRIAGE", post("/api/v1/cases"),
				"""
						{"person": %s, "caseType": "RADICALISATION",
						 "referral": {"referringOrganisation": "politie-midden", "referringProfessional": "wijkagent J. de Wit",
						              "reason": "Zorgen over dreigende taal op sociale media", "goal": "Gezamenlijk beeld en aanpak",
						              "invitedPartners": ["ggz-midden", "politie-midden"], "personInformed": false,
						              "notInformedReason": "Informeren vergroot het risico"}}"""
					.formatted(person))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private static String id(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		return this.mvc.perform(DemoApi.as(user, purpose, request, body));
	}

}
