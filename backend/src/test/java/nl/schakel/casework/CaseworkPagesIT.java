package nl.schakel.casework;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The casework forms: messages at the field, nothing written on bad input. */
@IntegrationTest
class CaseworkPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	@Test
	@WithUserDetails("coordinator")
	void referralFormAsksWhoReferredAndWhyAndWritesNothingWhenIncomplete() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from case_file", Long.class);
		this.mvc.perform(get("/cases/new"))
			.andExpect(content().string(containsString("Reden van aanmelding")))
			.andExpect(content().string(containsString("Is de persoon geïnformeerd over de aanmelding?")));
		this.mvc
			.perform(post("/cases").with(csrf())
				.param("person.name", "Formulier Persoon")
				.param("person.dateOfBirth", "1980-01-01")
				.param("caseType", "OTHER")
				.param("referral.referringOrganisation", "politie-midden")
				.param("referral.referringProfessional", "agent")
				.param("referral.reason", "")
				.param("referral.goal", "beeld")
				.param("referral.personInformed", "false"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vul de reden van aanmelding in.")))
			.andExpect(content().string(containsString("Leg uit waarom de persoon niet is geïnformeerd.")));
		assertThat(this.jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(before);
	}

	@Test
	void careProfessionalMustConfirmBreakingSecrecyBeforeSharingHealthInformationOnConflictOfDuties() throws Exception {
		String caseUrl = caseWithGgz();
		String id = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/cases/" + id + "/purpose").session(session)
			.with(csrf())
			.with(user(this.accounts.loadUserByUsername("ggz")))
			.param("purpose", "CASE_CONSULTATION"));
		this.mvc.perform(get("/cases/" + id).session(session).with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(content().string(containsString("doorbreekt u uw beroepsgeheim")));
		long before = this.jdbc.queryForObject("select count(*) from contribution", Long.class);
		this.mvc
			.perform(post("/cases/" + id + "/contributions").session(session)
				.with(csrf())
				.with(user(this.accounts.loadUserByUsername("ggz")))
				.param("text", "Psychotisch, dreigt met geweld")
				.param("category", "HEALTH")
				.param("legalBasis", "CONFLICT_OF_DUTIES")
				.param("conflictOfDuties.interest", "veiligheid")
				.param("conflictOfDuties.whyNoConsent", "weigert")
				.param("conflictOfDuties.noOtherWay", "geen")
				.param("conflictOfDuties.seriousHarm", "geweld")
				.param("conflictOfDuties.strictlyNeeded", "dreiging, voor politie"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bevestig dat u bewust uw beroepsgeheim doorbreekt")));
		assertThat(this.jdbc.queryForObject("select count(*) from contribution", Long.class)).isEqualTo(before);
	}

	@Test
	void existenceOnlyItemsSayWhoHoldsWhatAndWhyItIsHidden() throws Exception {
		String caseUrl = caseWithGgz();
		String id = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
		this.mvc.perform(post(caseUrl + "/participants").with(httpBasic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisation\": \"politie-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"));
		this.mvc.perform(post(caseUrl + "/contributions").with(httpBasic("ggz", "demo"))
			.header("X-Purpose", "CASE_CONSULTATION")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Verborgen diagnose\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\","
					+ " \"audienceDomains\": [\"JUSTICE\"]}"));
		MockHttpSession session = new MockHttpSession();
		var politie = user(this.accounts.loadUserByUsername("politie"));
		this.mvc.perform(post("/cases/" + id + "/purpose").session(session)
			.with(csrf())
			.with(politie)
			.param("purpose", "CASE_CONSULTATION"));
		this.mvc.perform(get("/cases/" + id).session(session).with(politie))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("GGZ Midden heeft informatie in de categorie Gezondheid")))
			.andExpect(content().string(containsString("Waarom kan ik dit niet zien?")))
			.andExpect(content().string(containsString("Om verstrekking vragen")))
			.andExpect(content().string(not(containsString("Verborgen diagnose"))));
	}

	@Test
	@WithUserDetails("gemeente")
	void anUnknownPersonIsReportedAsNotFoundAtTheSafetyHousesAskedNotAsUnknownEverywhere() throws Exception {
		this.mvc
			.perform(post("/known-to").with(csrf())
				.param("name", "Niemand Nergens")
				.param("dateOfBirth", "1901-01-01")
				.param("purpose", "TRIAGE"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Geen casus gevonden bij de Zorg- en Veiligheidshuizen die in Schakel werken")))
			.andExpect(content().string(containsString("Zorg- en Veiligheidshuis Midden")))
			.andExpect(content().string(containsString("Andere Zorg- en Veiligheidshuizen zijn niet gevraagd")));
	}

	@Test
	@WithUserDetails("gemeente")
	void knownToPageRejectsAnInvalidBsnAtTheField() throws Exception {
		this.mvc.perform(post("/known-to").with(csrf()).param("bsn", "123456789").param("purpose", "TRIAGE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("elfproef")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
	}

	@Test
	@WithUserDetails("coordinator")
	void breakGlassIsOfferedOnlyWhereTheCaseIsNotVisible() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String id = java.util.UUID.randomUUID().toString();
		this.mvc.perform(post("/cases/" + id + "/purpose").session(session).with(csrf()).param("purpose", "TRIAGE"));
		this.mvc.perform(get("/cases/" + id).session(session))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Noodtoegang openen")));
	}

	private String caseWithGgz() throws Exception {
		String caseUrl = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"person\": {\"name\": \"Pagina Persoon\", \"dateOfBirth\": \"1985-01-01\"},"
						+ " \"caseType\": \"CONFUSED_BEHAVIOUR\"}"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc.perform(post(caseUrl + "/participants").with(httpBasic("coordinator", "demo"))
			.header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"));
		return caseUrl;
	}

}
