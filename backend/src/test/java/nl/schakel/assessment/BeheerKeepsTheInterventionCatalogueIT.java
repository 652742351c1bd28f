package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Beheer keeps the intervention catalogue in the application: an intervention added or
 * changed is offered at once, without a restart; a retired one is offered no more but
 * keeps its name where it was chosen, in the evaluation and on its knowledge page; every
 * edit moves the catalogue's version on and is told in the history with who, when and
 * what; only the administrator edits, and bad input writes nothing. Each test adds its
 * own interventions (codes made unique), so the shipped ones other tests choose stay as
 * they are.
 */
@IntegrationTest
class BeheerKeepsTheInterventionCatalogueIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void beheerAddsAndChangesAnInterventionAndACoordinatorThenChoosesItForACase() throws Exception {
		String code = code("sport");
		String before = version();
		api("beheer", post("/api/v1/interventions"), entry(code, "Sportmentoring", 12)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.intervention.code").value(code))
			.andExpect(jsonPath("$.intervention.retired").value(false))
			.andExpect(jsonPath("$.catalogueVersion").value(version()));
		assertThat(edition(version())).isEqualTo(edition(before) + 1);
		assertThat(version()).startsWith("2026.1+");

		api("beheer", put("/api/v1/interventions/" + code), entry(code, "Sportmentoring in de wijk", 16))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(true))
			.andExpect(jsonPath("$.intervention.name.nl").value("Sportmentoring in de wijk"));
		String afterChange = version();
		// the same again changes nothing: no new version
		api("beheer", put("/api/v1/interventions/" + code), entry(code, "Sportmentoring in de wijk", 16))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(false))
			.andExpect(jsonPath("$.catalogueVersion").value(afterChange));

		// every reader sees the catalogue as it now is, no restart needed
		this.mvc.perform(get("/api/v1/interventions").with(httpBasic("gemeente", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(afterChange))
			.andExpect(jsonPath("$.followUpMonths").value(org.hamcrest.Matchers.contains(3, 6, 12, 24)))
			.andExpect(jsonPath("$.interventions[?(@.code == '" + code + "')].name.nl")
				.value(hasItem("Sportmentoring in de wijk")))
			.andExpect(jsonPath("$.interventions[?(@.code == '" + code + "')].conditions.minimumDurationWeeks")
				.value(hasItem(16)))
			.andExpect(jsonPath("$.interventions[?(@.code == 'mentoring')].retired").value(hasItem(false)));

		String url = caseWithPartners();
		String chosen = created(api("coordinator", post(url + "/interventions"), choose(code)));
		assertThat(this.jdbc.queryForObject("select catalogue_version from case_intervention where id = ?::uuid",
				String.class, chosen))
			.isEqualTo(afterChange);
		String page = assessmentPage("coordinator", url);
		assertThat(page).contains("value=\"" + code + "\"").contains("Sportmentoring in de wijk");
	}

	@Test
	void beheerAddsAndChangesAnInterventionThroughThePages() throws Exception {
		String code = code("buurt");
		this.mvc.perform(get("/beheer/interventions/new").with(as("beheer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Interventie toevoegen")))
			.andExpect(content().string(containsString("Sociaal en educatief")));
		this.mvc
			.perform(form(post("/beheer/interventions"), code, "Buurtvaders", "8").param("workingElements", "SOCIETAL")
				.param("phases", "1")
				.param("trustBuilding", "true"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/beheer/interventions"));
		this.mvc.perform(get("/beheer/interventions").with(as("beheer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Buurtvaders")))
			.andExpect(content().string(containsString("/beheer/interventions/" + code + "/edit")));
		this.mvc.perform(get("/beheer/interventions/" + code + "/edit").with(as("beheer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Buurtvaders\"")));
		this.mvc
			.perform(form(post("/beheer/interventions/" + code), null, "Buurtvaders en -moeders", "10")
				.param("workingElements", "SOCIETAL")
				.param("phases", "1")
				.param("trustBuilding", "true"))
			.andExpect(status().isFound());
		assertThat(this.jdbc.queryForObject(
				"select name_nl || '/' || minimum_duration_weeks from catalogue_intervention where code = ?",
				String.class, code))
			.isEqualTo("Buurtvaders en -moeders/10");
		// the knowledge page reads the catalogue as it now is
		this.mvc.perform(get("/interventions").with(as("ggz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Buurtvaders en -moeders")));
	}

	@Test
	void aRetiredInterventionIsNotOfferedButExistingPlansAndTheEvaluationStillNameIt() throws Exception {
		String code = code("retired");
		api("beheer", post("/api/v1/interventions"), entry(code, "Oud programma", 4)).andExpect(status().isCreated());
		String url = caseWithPartners();
		String chosen = created(api("coordinator", post(url + "/interventions"), choose(code)));

		api("beheer", post("/api/v1/interventions/" + code + "/retirement"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.intervention.retired").value(true))
			.andExpect(jsonPath("$.changed").value(true));
		// retiring again changes nothing
		api("beheer", post("/api/v1/interventions/" + code + "/retirement"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.changed").value(false));

		// not offered for a new case
		api("coordinator", post(url + "/interventions"), choose(code)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("intervention"));
		String page = assessmentPage("coordinator", url);
		assertThat(page).doesNotContain("<option value=\"" + code + "\"");
		// never deleted: listed as retired, and the existing plan still names it
		this.mvc.perform(get("/api/v1/interventions").with(httpBasic("ggz", "demo")))
			.andExpect(jsonPath("$.interventions[?(@.code == '" + code + "')].retired").value(hasItem(true)));
		api("coordinator", get(url + "/interventions"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(chosen))
			.andExpect(jsonPath("$[0].intervention").value(code));
		assertThat(page).contains("Oud programma");
		// the evaluation still has its row, by name
		api("coordinator", get("/api/v1/evaluation/interventions"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.interventions[?(@.intervention == '" + code + "')].name.nl")
				.value(hasItem("Oud programma")));
		// and its knowledge page says it is retired
		this.mvc.perform(get("/interventions/" + code).with(as("ggz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Oud programma")))
			.andExpect(content().string(containsString("Ingetrokken")));
		assertThat(this.jdbc.queryForObject("select count(*) from catalogue_intervention where code = ?", Integer.class,
				code))
			.isOne();
	}

	@Test
	void aProfessionalACoordinatorAndAnAuditorCannotEditTheCatalogue() throws Exception {
		String code = code("refused");
		String before = version();
		for (String user : List.of("coordinator", "ggz", "politie", "auditor")) {
			api(user, post("/api/v1/interventions"), entry(code, "Niet toegestaan", 4))
				.andExpect(status().isForbidden());
			api(user, put("/api/v1/interventions/mentoring"), entry("mentoring", "Niet toegestaan", 4))
				.andExpect(status().isForbidden());
			api(user, post("/api/v1/interventions/mentoring/retirement"), null).andExpect(status().isForbidden());
			for (String path : List.of("/beheer/interventions", "/beheer/interventions/new",
					"/beheer/interventions/mentoring/edit")) {
				this.mvc.perform(get(path).with(as(user))).andExpect(status().isForbidden());
			}
			this.mvc.perform(form(post("/beheer/interventions"), code, "Niet toegestaan", "4").with(as(user)))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/beheer/interventions/mentoring/retirement").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThat(version()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from catalogue_intervention where code = ? or "
						+ "(code = 'mentoring' and (retired_at is not null or name_nl = 'Niet toegestaan'))",
				Integer.class, code))
			.isZero();
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
		String code = code("bad");
		String before = version();
		api("beheer", post("/api/v1/interventions"), """
				{"code": "%s", "name": {"en": "No Dutch name"}, "providerType": {"nl": "x", "en": "x"},
				 "deliveredBy": "CARE", "workingElements": ["COGNITIVE"]}""".formatted(code))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name.nl"));
		api("beheer", post("/api/v1/interventions"), entry("Geen Code!", "Naam", 4)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		api("beheer", post("/api/v1/interventions"), """
				{"code": "%s", "name": {"nl": "x", "en": "x"}, "providerType": {"nl": "x", "en": "x"},
				 "deliveredBy": "POLICE", "workingElements": ["COGNITIVE", "MAGIC"],
				 "targetGroup": {"phases": [1, 9]}, "conditions": {"minimumDurationWeeks": 9999}}""".formatted(code))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("deliveredBy",
					"workingElements[1]", "targetGroup.phases[1]", "conditions.minimumDurationWeeks")));
		api("beheer", post("/api/v1/interventions"), entry("mentoring", "Dubbel", 4)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value(containsString("intervention-code-taken")))
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		api("beheer", put("/api/v1/interventions/mentoring"), entry("another-code", "Mentortraject", 26))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		api("beheer", put("/api/v1/interventions/" + code), entry(code, "Bestaat niet", 4))
			.andExpect(status().isNotFound());
		// the form: the message at its field, Dutch first, and what was typed kept
		this.mvc.perform(form(post("/beheer/interventions"), code, "", "veel").param("workingElements", "COGNITIVE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"ie-name-nl-error\"")))
			.andExpect(content().string(containsString("Vul dit in, hoogstens 200 tekens.")))
			.andExpect(content().string(containsString("id=\"ie-weeks-error\"")))
			.andExpect(content().string(containsString("value=\"veel\"")));
		this.mvc
			.perform(form(post("/beheer/interventions"), "mentoring", "Dubbel", "4").param("workingElements",
					"COGNITIVE"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"ie-code-error\"")));
		this.mvc
			.perform(form(post("/beheer/interventions"), code, "", "4").param("workingElements", "COGNITIVE")
				.param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Fill this in, at most 200 characters.")));
		assertThat(version()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from catalogue_intervention where code = ?", Integer.class,
				code))
			.isZero();
		assertThat(this.jdbc.queryForObject("select name_nl from catalogue_intervention where code = 'mentoring'",
				String.class))
			.isEqualTo("Mentortraject met sleutelfiguur");
	}

	@Test
	void theHistoryNamesWhoChangedWhatAndWhen() throws Exception {
		String code = code("history");
		api("beheer", post("/api/v1/interventions"), entry(code, "Gesprekstafel", 6)).andExpect(status().isCreated());
		api("beheer", put("/api/v1/interventions/" + code), entry(code, "Gesprekstafel met ouders", 8))
			.andExpect(status().isOk());
		api("beheer", post("/api/v1/interventions/" + code + "/retirement"), null).andExpect(status().isOk());
		assertThat(this.jdbc.queryForList(
				"select change || ' ' || changed_by || ' ' || organisation || ' ' || catalogue_version "
						+ "from intervention_catalogue_change where intervention_code = ? order by edition",
				String.class, code))
			.hasSize(3)
			.allMatch((line) -> line.contains(" beheer zvh-midden 2026.1+"))
			.extracting((line) -> line.substring(0, line.indexOf(' ')))
			.containsExactly("ADDED", "CHANGED", "RETIRED");
		String history = this.mvc.perform(get("/beheer/interventions").with(as("beheer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history)
			.contains("Anouk de Boer (Zorg- en Veiligheidshuis Midden) voegde Gesprekstafel met ouders toe")
			.contains("Anouk de Boer (Zorg- en Veiligheidshuis Midden) wijzigde Gesprekstafel met ouders")
			.contains("Anouk de Boer (Zorg- en Veiligheidshuis Midden) trok Gesprekstafel met ouders in")
			.contains("Naam (Nederlands): was \u201EGesprekstafel\u201D, wordt \u201EGesprekstafel met ouders\u201D")
			.contains("Minimale duur (weken): was 6, wordt 8")
			.contains("Werkzame elementen: Psychosociaal, Maatschappelijk")
			.doesNotContain("SOCIETAL");
	}

	private static String code(String stem) {
		return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String entry(String code, String name, int weeks) {
		return """
				{"code": "%s", "name": {"nl": "%s", "en": "%s (en)"},
				 "providerType": {"nl": "Sportvereniging", "en": "Sports club"}, "deliveredBy": "MUNICIPAL",
				 "workingElements": ["SOCIETAL", "PSYCHOSOCIAL"],
				 "targetGroup": {"ageGroups": [0, 1], "phases": [1], "statuses": []},
				 "conditions": {"minimumDurationWeeks": %d, "traumaSensitive": false, "trustBuilding": true,
				                "familyOrCommunity": true}}""".formatted(code, name, name, weeks);
	}

	private static String choose(String code) {
		return """
				{"intervention": "%s", "startedOn": "%s", "expectedWeeks": 12,
				 "addressedDomains": ["social-context"],
				 "parts": [{"organisation": "gemeente-midden", "description": "Begeleiding"}]}""".formatted(code,
				LocalDate.now().minusWeeks(1));
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String code, String name,
			String weeks) {
		if (code != null) {
			request.param("code", code);
		}
		return request.with(as("beheer"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("nameNl", name)
			.param("nameEn", name + " (en)")
			.param("providerNl", "Buurtorganisatie")
			.param("providerEn", "Neighbourhood organisation")
			.param("deliveredBy", "MUNICIPAL")
			.param("minimumDurationWeeks", weeks);
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
		return user(this.accounts.loadUserByUsername(user));
	}

	private ResultActions api(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(DemoApi.as(user, "CASE_CONSULTATION", request, body));
	}

	private String version() throws Exception {
		return JsonPath.read(this.mvc.perform(get("/api/v1/interventions").with(httpBasic("ggz", "demo")))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.version");
	}

	private static int edition(String version) {
		return Integer.parseInt(version.substring(version.lastIndexOf('+') + 1));
	}

	private String caseWithPartners() throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of("ggz-midden", "gemeente-midden")) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		return url;
	}

	private static String created(ResultActions result) throws Exception {
		return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.id");
	}

	/**
	 * A case's assessment page, with the purpose chosen for the case first, as a person
	 * does.
	 */
	private String assessmentPage(String user, String url) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String casePath = "/cases/" + AssessmentIsRatedPerDomainIT.caseId(url);
		this.mvc.perform(post(casePath + "/purpose").session(session)
			.with(csrf())
			.with(as(user))
			.param("purpose", "CASE_CONSULTATION"));
		return this.mvc.perform(get(casePath + "/assessment").session(session).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
