package nl.schakel.person;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A referral with a BSN that is registered under another name or date of birth must not
 * attach to that person silently: the new case's partners would see someone else's
 * details and history.
 */
@IntegrationTest
class IdentityIsNeverMergedSilentlyIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aKnownBsnUnderAnotherNameIsAConflictNamingTheBsnAndNothingIsWritten() throws Exception {
		String bsn = TestBsns.next();
		register("Kees Voorbeeld", "1990-04-01", bsn, null).andExpect(status().isCreated());
		long cases = cases();

		register("Piet Anders", "1990-04-01", bsn, null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/bsn-known-under-other-details"))
			.andExpect(jsonPath("$.field").value("bsn"))
			.andExpect(jsonPath("$.errors[0].field").value("bsn"))
			.andExpect(jsonPath("$.errors[1].field").value("person.bsn"))
			.andExpect(jsonPath("$.differences[0]").value("name"))
			.andExpect(jsonPath("$.differences.length()").value(1))
			.andExpect(content().string(not(containsString("Kees"))))
			.andExpect(content().string(not(containsString(bsn))));
		assertThat(cases()).isEqualTo(cases);
	}

	@Test
	void aKnownBsnUnderAnotherDateOfBirthSaysOnlyThatTheDateDiffers() throws Exception {
		String bsn = TestBsns.next();
		register("Kees Voorbeeld", "1990-04-01", bsn, null).andExpect(status().isCreated());

		register("Kees Voorbeeld", "1991-05-02", bsn, null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.differences[0]").value("dateOfBirth"))
			.andExpect(jsonPath("$.differences.length()").value(1))
			.andExpect(content().string(not(containsString("1990-04-01"))));
	}

	@Test
	void theSameNameWrittenDifferentlyAttachesWithoutAQuestion() throws Exception {
		String bsn = TestBsns.next();
		// a precomposed é, then e with a combining acute, other capitals and spaces
		register("Ren\u00e9 de Vries " + bsn, "1980-01-02", bsn, null).andExpect(status().isCreated());
		register("  rene\u0301   DE vries  " + bsn, "1980-01-02", bsn, null).andExpect(status().isCreated());

		assertThat(this.jdbc.queryForObject(
				"select count(*) from case_file where person_id in "
						+ "(select id from person where name = ? and date_of_birth = date '1980-01-02')",
				Long.class, "Ren\u00e9 de Vries " + bsn))
			.isEqualTo(2L);
	}

	@Test
	void theCoordinatorsConfirmationAttachesTheReferralAndIsRecorded() throws Exception {
		String bsn = TestBsns.next();
		register("Kees Voorbeeld", "1990-04-01", bsn, null).andExpect(status().isCreated());

		String location = register("K. Voorbeeld", "1990-04-01", bsn, true).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		String caseId = location.substring(location.lastIndexOf('/') + 1);

		assertThat(this.jdbc.queryForObject("select same_person_confirmed from referral where case_id = ?::uuid",
				Boolean.class, caseId))
			.isTrue();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from referral_aud where case_id = ?::uuid and same_person_confirmed", Long.class,
				caseId))
			.isEqualTo(1L);
		assertThat(
				this.jdbc
					.queryForObject(
							"select count(distinct person_id) from case_file where id = ?::uuid or person_id = "
									+ "(select person_id from case_file where id = ?::uuid)",
							Long.class, caseId, caseId))
			.isEqualTo(1L);
	}

	@Test
	@WithUserDetails("coordinator")
	void theFormAsksForTheConfirmationAtTheBsnField() throws Exception {
		String bsn = TestBsns.next();
		register("Kees Voorbeeld", "1990-04-01", bsn, null).andExpect(status().isCreated());

		this.mvc
			.perform(post("/cases").with(csrf())
				.param("person.name", "Piet Anders")
				.param("person.dateOfBirth", "1990-04-01")
				.param("person.bsn", bsn)
				.param("caseType", "CONFUSED_BEHAVIOUR")
				.params(referral()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("andere naam")))
			.andExpect(content().string(containsString("name=\"samePersonConfirmed\"")))
			.andExpect(content().string(not(containsString("Kees"))));

		this.mvc
			.perform(post("/cases").with(csrf())
				.param("person.name", "Piet Anders")
				.param("person.dateOfBirth", "1990-04-01")
				.param("person.bsn", bsn)
				.param("caseType", "CONFUSED_BEHAVIOUR")
				.param("samePersonConfirmed", "true")
				.params(referral()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/cases/*"));
	}

	@Test
	void namesWithDirectionOverridesOrControlCharactersAreRefusedNamingTheField() throws Exception {
		long cases = cases();
		register("Kees \u202Eseirav\u202C", "1990-04-01", TestBsns.next(), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("person.name"));
		register("Kees\\u0007Voorbeeld", "1990-04-01", TestBsns.next(), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("person.name"));
		register("Kees\\nVoorbeeld", "1990-04-01", TestBsns.next(), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("person.name"));
		assertThat(cases()).isEqualTo(cases);
	}

	@Test
	void freeTextReasonsWithDirectionOverridesAreRefusedNamingTheField() throws Exception {
		long cases = cases();
		this.mvc.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"person": {"name": "Kees Voorbeeld", "dateOfBirth": "1990-04-01"},
							 "caseType": "RADICALISATION",
							 "referral": {"referringOrganisation": "gemeente-midden", "referringProfessional": "A. Bos",
							   "reason": "Zorgen \u2066verborgen\u2069", "goal": "Zorg\\nen veiligheid", "personInformed": true}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("referral.reason"));
		assertThat(cases()).isEqualTo(cases);
	}

	private ResultActions register(String name, String dateOfBirth, String bsn, Boolean confirmed) throws Exception {
		String body = """
				{"person": {"name": "%s", "dateOfBirth": "%s", "bsn": "%s"}, "caseType": "RADICALISATION"%s}"""
			.formatted(name, dateOfBirth, bsn, (confirmed == null) ? "" : ", \"samePersonConfirmed\": " + confirmed);
		return this.mvc.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static org.springframework.util.MultiValueMap<String, String> referral() {
		org.springframework.util.LinkedMultiValueMap<String, String> referral = new org.springframework.util.LinkedMultiValueMap<>();
		referral.add("referral.referringOrganisation", "gemeente-midden");
		referral.add("referral.referringProfessional", "wijkcoach A. Bos");
		referral.add("referral.reason", "Zorgen over verward gedrag in de wijk");
		referral.add("referral.goal", "Passende zorg en veiligheid");
		referral.add("referral.personInformed", "true");
		return referral;
	}

	private long cases() {
		return this.jdbc.queryForObject("select count(*) from case_file", Long.class);
	}

}
