package nl.schakel.casework;

import java.util.UUID;

import nl.schakel.support.CasePageVisits;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The contribution form under htmx: a save answers with the form's section alone —
 * emptied, with the notice and the entry as its author wrote it — and a mistake with 422,
 * the message at its field, a summary at the top and what was typed kept. The answer
 * reads no one's stored content, so the only rows it leaves are the contribution itself:
 * no disclosure. Without JavaScript the form posts and redirects as before.
 */
@IntegrationTest
class ContributionFormAnswersWithOnlyWhatWasWrittenIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	CasePageVisits visits;

	@BeforeEach
	void visitAsTheBrowserDoes() {
		this.visits = new CasePageVisits(this.mvc, this.accounts);
	}

	@Test
	void anHtmxContributionAnswersWithTheEmptiedFormAndTheEntryAsWrittenAndDisclosesNothing() throws Exception {
		UUID id = CasePageVisits
			.idOf(this.visits.caseWithGgzContributions("Inbreng Persoon", "Eerdere inbreng van een ander"));
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		long disclosed = disclosures(id);
		long contributed = contributions(id);
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/contributions"), "ggz")
				.session(session)
				.param("text", "Cliënt mist afspraken sinds de zomer")
				.param("category", "SOCIAL")
				.param("legalBasis", "PUBLIC_TASK")
				.param("audienceDomains", "MUNICIPAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"contribute-section\"")))
			.andExpect(content().string(containsString("De inbreng is opgeslagen.")))
			// the entry as its author wrote it, and a way to the timeline
			.andExpect(content().string(containsString("Cliënt mist afspraken sinds de zomer")))
			.andExpect(content().string(containsString("Gedeeld met:")))
			.andExpect(content().string(containsString("#timeline-title")))
			// the form is empty for the next one and says so to the browser
			.andExpect(content().string(containsString("data-reset=\"true\"")))
			.andExpect(content().string(not(containsString("sinds de zomer</textarea>"))))
			// the choices that hang on the consents stay as the page showed them
			.andExpect(content().string(containsString("id=\"consentId\"")))
			.andExpect(content().string(containsString("hx-preserve=\"true\"")))
			.andExpect(content().string(containsString("id=\"audience-preview\"")))
			.andExpect(content().string(not(containsString("Eerdere inbreng van een ander"))))
			.andExpect(content().string(not(containsString("id=\"timeline-title\""))))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(contributions(id)).isEqualTo(contributed + 1);
		assertThat(disclosures(id)).as("disclosure rows written by the answer").isEqualTo(disclosed);
	}

	@Test
	void aFailedHtmxContributionAnswers422WithTheMessageAtTheFieldAndKeepsWhatWasTyped() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Fout Persoon"));
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		long disclosed = disclosures(id);
		long contributed = contributions(id);
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/contributions"), "ggz")
				.session(session)
				.param("text", "Zorgen over de woonsituatie")
				.param("category", "SOCIAL"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"contribute-section\"")))
			.andExpect(content().string(containsString("class=\"problem error-summary\" role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#legalBasis\"")))
			.andExpect(content().string(containsString("id=\"legalBasis-error\"")))
			.andExpect(content().string(containsString("Kies een grondslag.")))
			.andExpect(content().string(containsString(">Zorgen over de woonsituatie</textarea>")))
			.andExpect(content().string(containsString("<option value=\"SOCIAL\" selected=\"selected\"")))
			.andExpect(content().string(not(containsString("De inbreng is opgeslagen."))))
			.andExpect(content().string(not(containsString("data-reset"))))
			.andExpect(content().string(not(containsString("<html"))));
		// a rule that spans fields, from the service: the statute is named at its field
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/contributions"), "ggz")
				.session(session)
				.param("text", "Op grond van de wet")
				.param("category", "SOCIAL")
				.param("legalBasis", "STATUTORY"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"statutoryReference-error\"")))
			.andExpect(content().string(containsString(">Op grond van de wet</textarea>")));
		assertThat(contributions(id)).isEqualTo(contributed);
		assertThat(disclosures(id)).as("disclosure rows written by the answers").isEqualTo(disclosed);
	}

	@Test
	void aFailedHtmxContributionWithCategoryAndBasisChosenAsksTheAudiencePreviewAgain() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Voorvertoning Persoon"));
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		this.mvc
			.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/contributions"), "ggz")
				.session(session)
				.param("text", " ")
				.param("category", "SOCIAL")
				.param("legalBasis", "PUBLIC_TASK"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("id=\"text-error\"")))
			.andExpect(content().string(containsString("hx-trigger=\"change from:closest form, load\"")));
	}

	@Test
	void someoneNotAdmittedToTheCaseFindsNoCaseAndWritesNothing() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Buiten Persoon"));
		MockHttpSession session = this.visits.chosen(id, "politie", "CASE_CONSULTATION");
		long contributed = contributions(id);
		for (String text : new String[] { "Ongevraagde inbreng", "" }) {
			this.mvc
				.perform(this.visits.htmx(post(CasePageVisits.page(id) + "/contributions"), "politie")
					.session(session)
					.param("text", text)
					.param("category", "SOCIAL")
					.param("legalBasis", "PUBLIC_TASK"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("contribute-section"))));
		}
		assertThat(contributions(id)).isEqualTo(contributed);
	}

	@Test
	void withoutJavaScriptTheContributionStillPostsAndRedirectsToTheCasePage() throws Exception {
		UUID id = CasePageVisits.idOf(this.visits.caseWithGgzContributions("Zonder Script Persoon"));
		MockHttpSession session = this.visits.chosen(id, "ggz", "CASE_CONSULTATION");
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/contributions").session(session)
				.with(csrf())
				.with(this.visits.signedIn("ggz"))
				.param("text", "Gewoon gepost")
				.param("category", "SOCIAL")
				.param("legalBasis", "PUBLIC_TASK"))
			.andExpect(redirectedUrl(CasePageVisits.page(id)))
			.andExpect(flash().attribute("notice", "contribution.added"));
		// a mistake: the whole page again, with the message at its field
		this.mvc
			.perform(post(CasePageVisits.page(id) + "/contributions").session(session)
				.with(csrf())
				.with(this.visits.signedIn("ggz"))
				.param("text", "Zonder grondslag")
				.param("category", "SOCIAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("id=\"legalBasis-error\"")))
			.andExpect(content().string(containsString(">Zonder grondslag</textarea>")));
	}

	private long disclosures(UUID id) {
		return this.jdbc.queryForObject("select count(*) from disclosure where case_id = ?", Long.class, id);
	}

	private long contributions(UUID id) {
		return this.jdbc.queryForObject("select count(*) from contribution where case_id = ?", Long.class, id);
	}

}
