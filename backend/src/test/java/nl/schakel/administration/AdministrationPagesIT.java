package nl.schakel.administration;

import java.util.regex.Pattern;

import nl.schakel.policy.Policy;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator (beheer) has work of their own: the organisations, the accounts and
 * roles the identity provider reports, and the policy in force as a readable table — in
 * words, not codes — and no case data. Nobody else opens these pages.
 */
@IntegrationTest
class AdministrationPagesIT {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Policy policy;

	@Test
	void theAdministratorReadsOrganisationsAccountsAndThePolicyInForceInWords() throws Exception {
		String page = this.mvc.perform(get("/beheer").with(as("beheer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String visible = visibleText(page);
		assertThat(visible).contains("GGZ Midden")
			.contains("Daan Bakker")
			.contains("Zorgprofessional")
			.contains("Beleid in werking (versie " + this.policy.version().value() + ")")
			.contains("Casusoverleg")
			.contains("Niets tonen");
		assertThat(CODE.matcher(visible).results().map((m) -> m.group()).toList()).isEmpty();
	}

	@Test
	void theAdministratorsStartPageLeadsToTheirWorkNotToCases() throws Exception {
		this.mvc.perform(get("/").with(as("beheer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/beheer\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Mijn casussen"))));
	}

	@Test
	void noOtherRoleOpensTheAdministrationPages() throws Exception {
		for (String other : new String[] { "coordinator", "ggz", "auditor" }) {
			this.mvc.perform(get("/beheer").with(as(other))).andExpect(status().isForbidden());
		}
	}

	@Test
	void theFaviconNeedsNoSignIn() throws Exception {
		this.mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
		this.mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
	}

	private RequestPostProcessor as(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	/** The text a person sees: markup, attributes, styles and scripts left out. */
	static String visibleText(String html) {
		return html.replaceAll("(?s)<head>.*?</head>", " ")
			.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("(?s)<code>.*?</code>", " ")
			.replaceAll("(?s)<[^>]+>", " ")
			.replace("&#39;", "'")
			.replaceAll("\\s+", " ");
	}

}
