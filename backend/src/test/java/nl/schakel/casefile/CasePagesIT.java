package nl.schakel.casefile;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CasePagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void demoCoordinatorLogsInWithTheLoginForm() throws Exception {
		this.mvc.perform(formLogin("/login").user("coordinator").password("demo")).andExpect(authenticated());
		this.mvc.perform(formLogin("/login").user("coordinator").password("wrong")).andExpect(unauthenticated());
	}

	@Test
	void anonymousVisitorIsSentToTheLoginPage() throws Exception {
		this.mvc.perform(get("/cases")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	@WithUserDetails("coordinator")
	void coordinatorRegistersAReferralAndSeesTheCasePage() throws Exception {
		String bsn = TestBsns.next();
		String location = this.mvc
			.perform(post("/cases").with(csrf())
				.param("person.name", "Anna Pagina")
				.param("person.dateOfBirth", "1985-02-03")
				.param("person.bsn", bsn)
				.param("caseType", "CONFUSED_BEHAVIOUR")
				.params(referral()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/cases/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Met welk doel opent u deze casus?")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Anna Pagina"))));
		this.mvc.perform(post(location + "/purpose").session(session).with(csrf()).param("purpose", "TRIAGE"))
			.andExpect(redirectedUrl(location));
		this.mvc.perform(get(location).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Anna Pagina")))
			.andExpect(content().string(containsString("Doel van deze inzage")))
			.andExpect(content().string(containsString("Onbegrepen gedrag")))
			.andExpect(content().string(containsString("Start triage")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(bsn))));
		// the list shows no names: those are read only under a purpose
		this.mvc.perform(get("/cases"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Anna Pagina"))));
	}

	@Test
	@WithUserDetails("coordinator")
	void theReferralFormsErrorSummaryLinksToEachFieldInErrorAndKeepsWhatWasTyped() throws Exception {
		this.mvc
			.perform(post("/cases").with(csrf())
				.param("person.name", "")
				.param("person.dateOfBirth", "1985-02-03")
				.param("person.bsn", "111222334")
				.param("referral.referringProfessional", "Wijkagent Jansen")
				.param("caseType", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"problem error-summary\" role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#person-name\"")))
			.andExpect(content().string(containsString("href=\"#person-bsn\"")))
			.andExpect(content().string(containsString("href=\"#caseType\"")))
			.andExpect(content().string(containsString("id=\"person-name-error\"")))
			// the hint and the message are both read with the field
			.andExpect(content().string(containsString("aria-describedby=\"person-bsn-hint person-bsn-error\"")))
			.andExpect(content().string(containsString("value=\"Wijkagent Jansen\"")))
			.andExpect(content().string(containsString("value=\"1985-02-03\"")));
	}

	@Test
	@WithUserDetails("coordinator")
	void formWithBadInputShowsMessagesAtTheFieldsAndWritesNothing() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from case_file", Long.class);
		this.mvc
			.perform(post("/cases").with(csrf())
				.param("person.name", "")
				.param("person.dateOfBirth", "1985-02-03")
				.param("person.bsn", "111222334")
				.param("caseType", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vul de naam in.")))
			.andExpect(content().string(containsString("voldoet niet aan de elfproef")))
			.andExpect(content().string(containsString("Kies de soort casus.")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(this.jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(before);
	}

	@Test
	@WithUserDetails("coordinator")
	void formWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/cases").param("person.name", "X")
				.param("person.dateOfBirth", "1985-02-03")
				.param("caseType", "OTHER"))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("coordinator")
	void statusMovesOnlyAlongAllowedSteps() throws Exception {
		String location = this.mvc
			.perform(post("/cases").with(csrf())
				.param("person.name", "Bram Status")
				.param("person.dateOfBirth", "1970-12-31")
				.param("caseType", "OTHER")
				.params(referral()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(location + "/status").with(csrf()).param("status", "MONITORING"))
			.andExpect(redirectedUrl(location))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem", "case.status.notAllowed"));
		this.mvc.perform(post(location + "/status").with(csrf()).param("status", "TRIAGE"))
			.andExpect(redirectedUrl(location));
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post(location + "/purpose").session(session).with(csrf()).param("purpose", "TRIAGE"));
		this.mvc.perform(get(location).session(session)).andExpect(content().string(containsString("Triagebesluit")));
	}

	static org.springframework.util.MultiValueMap<String, String> referral() {
		org.springframework.util.LinkedMultiValueMap<String, String> referral = new org.springframework.util.LinkedMultiValueMap<>();
		referral.add("referral.referringOrganisation", "gemeente-midden");
		referral.add("referral.referringProfessional", "wijkcoach A. Bos");
		referral.add("referral.reason", "Zorgen over verward gedrag in de wijk");
		referral.add("referral.goal", "Passende zorg en veiligheid");
		referral.add("referral.personInformed", "true");
		return referral;
	}

	@Test
	@WithUserDetails("coordinator")
	void englishIsOneClickAway() throws Exception {
		this.mvc.perform(get("/cases/new").param("lang", "en"))
			.andExpect(content().string(containsString("New referral")))
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

	@Test
	@WithUserDetails("ggz")
	void careProfessionalCannotOpenTheCoordinatorsPages() throws Exception {
		this.mvc.perform(get("/cases")).andExpect(status().isForbidden());
	}

}
