package nl.schakel.assessment;

import java.time.LocalDate;
import java.util.List;

import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue pages share knowledge between domains — practitioners' notes, and for
 * coordinators the suppressed evaluation summary — never a case; the follow-up overview
 * shows the coordinator what is overdue.
 */
@IntegrationTest
class InterventionPagesShareKnowledgeNotCasesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void theEvaluationPageBreaksDownPerWorkingElementWithChartsTablesAndACsvEachLoggedAsStatisticalUse()
			throws Exception {
		long before = statisticalUse();
		this.mvc.perform(get("/evaluation").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Per werkzaam element")))
			.andExpect(content().string(containsString("<th scope=\"row\">Sociaal en educatief</th>")))
			.andExpect(content().string(containsString("id=\"element-chart\"")))
			.andExpect(content().string(containsString("href=\"/evaluation.csv\"")))
			.andExpect(content().string(containsString("minder dan 10 casussen")));
		String csv = this.mvc
			.perform(get("/evaluation.csv").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(csv)
			.startsWith("breakdown;category;cases;completed;stopped_early;ongoing;mean_duration_days")
			.contains("working_element;SOCIAL_EDUCATIONAL;")
			.contains("intervention;mentoring;");
		org.assertj.core.api.Assertions.assertThat(statisticalUse()).isEqualTo(before + 2);
		this.mvc.perform(get("/evaluation.csv").with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isForbidden());
	}

	private long statisticalUse() {
		return this.jdbc.queryForObject("select count(*) from disclosure where rule_id = 'statistical-use'"
				+ " and item_kind = 'EVALUATION' and actor = 'coordinator'", Long.class);
	}

	@Test
	void aPractitionersNoteAppearsWithItsOrganisationsNameForEveryDomain() throws Exception {
		this.mvc
			.perform(post("/interventions/mentoring/notes").with(csrf())
				.with(user(this.accounts.loadUserByUsername("ggz")))
				.param("whatWorked", "Een mentor uit de eigen wijk die er ook na het traject bleef")
				.param("forWhom", "Jongvolwassenen met weinig vertrouwen in instanties")
				.param("circumstances", "Als de familie vanaf het begin betrokken was"))
			.andExpect(redirectedUrl("/interventions/mentoring"));
		this.mvc.perform(get("/interventions/mentoring").with(user(this.accounts.loadUserByUsername("politie"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Een mentor uit de eigen wijk")))
			.andExpect(content().string(containsString("GGZ Midden, ")))
			.andExpect(content().string(containsString("De evaluatiecijfers zijn voor procesregisseurs")));
	}

	@Test
	void aNoteWithoutWhatWorkedIsAnsweredAtTheFieldWithTheOtherTextKept() throws Exception {
		this.mvc
			.perform(post("/interventions/mentoring/notes").with(csrf())
				.with(user(this.accounts.loadUserByUsername("gemeente")))
				.param("whatWorked", " ")
				.param("forWhom", "Minderjarigen op school"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"note-whatWorked-error\"")))
			.andExpect(content().string(containsString("Beschrijf wat werkte")))
			.andExpect(content().string(containsString("Minderjarigen op school</textarea>")));
	}

	@Test
	void anAuditorReadsTheCatalogueButWritesNoNotes() throws Exception {
		this.mvc.perform(get("/interventions").with(user(this.accounts.loadUserByUsername("auditor"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/interventions/mentoring\"")));
		this.mvc
			.perform(post("/interventions/mentoring/notes").with(csrf())
				.with(user(this.accounts.loadUserByUsername("auditor")))
				.param("whatWorked", "iets"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCoordinatorSeesTheSuppressedSummaryAndTheOverdueFollowUpOfItsCase() throws Exception {
		String url = AssessmentIsRatedPerDomainIT.register(this.mvc);
		for (String organisation : List.of("ggz-midden", "gemeente-midden")) {
			AssessmentIsRatedPerDomainIT.admit(this.mvc, url, organisation);
		}
		this.mvc
			.perform(DemoApi.as("coordinator", "CASE_CONSULTATION", post(url + "/interventions"),
					InterventionsAreFollowedUpAndEvaluatedIT.mentoring(LocalDate.now().minusMonths(4))))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/interventions/mentoring").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(content().string(containsString("minder dan 10 casussen")))
			.andExpect(content().string(not(containsString("De evaluatiecijfers zijn voor procesregisseurs"))));
		String id = url.substring(url.lastIndexOf('/') + 1);
		this.mvc.perform(get("/follow-ups").with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/cases/" + id + "/assessment")))
			.andExpect(content().string(containsString("Achterstallig")))
			.andExpect(content().string(containsString("Gemeente Midden")));
		// a partner sees its own organisation's moments only, not the safety house's
		// overview; an auditor neither
		this.mvc.perform(get("/follow-ups").with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/cases/" + id + "/"))));
		this.mvc.perform(get("/follow-ups").with(user(this.accounts.loadUserByUsername("auditor"))))
			.andExpect(status().isForbidden());
	}

}
