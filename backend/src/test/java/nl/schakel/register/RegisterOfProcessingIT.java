package nl.schakel.register;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyRule;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The register of processing is generated from the policy in force, so it cannot fall
 * behind: every purpose, data category and rule of the policy has its entry, with
 * recipients, legal bases and retention periods; the administrator and the privacy
 * officer read it, nobody else.
 */
@IntegrationTest
class RegisterOfProcessingIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Policy policy;

	@Autowired
	UserDetailsService accounts;

	@Test
	void everyPurposeCategoryAndRuleOfThePolicyHasARegisterEntry() throws Exception {
		String json = this.mvc.perform(get("/api/v1/register").with(httpBasic("auditor", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<String> purposes = JsonPath.read(json, "$.purposes[*].code");
		assertThat(purposes).containsExactlyInAnyOrderElementsOf(
				this.policy.purposes().stream().map((PurposeDefinition p) -> p.purpose().code()).toList());
		List<String> categories = JsonPath.read(json, "$.categories[*].code");
		assertThat(categories).containsExactlyInAnyOrderElementsOf(
				java.util.Arrays.stream(DataCategory.values()).map(Enum::name).toList());
		List<String> rules = JsonPath.read(json, "$.rules[*].id");
		assertThat(rules).containsExactlyElementsOf(this.policy.rules().stream().map(PolicyRule::id).toList());
		List<String> described = JsonPath.read(json, "$.categories[*].description");
		assertThat(described).allSatisfy((d) -> assertThat(d).isNotBlank());
		assertThat(JsonPath.<String>read(json, "$.policyVersion")).isEqualTo(this.policy.version().value());
	}

	@Test
	void recipientsAndBasesOfAPurposeComeFromTheRulesThatShowSomething() throws Exception {
		String json = this.mvc.perform(get("/api/v1/register").with(httpBasic("beheer", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<List<String>> consultation = JsonPath.read(json,
				"$.purposes[?(@.code == 'CASE_CONSULTATION')].recipientRoles");
		assertThat(consultation.get(0)).contains("care-professional", "justice-professional")
			.doesNotContain("auditor", "administrator");
		List<List<String>> audit = JsonPath.read(json, "$.purposes[?(@.code == 'AUDIT')].recipientRoles");
		assertThat(audit.get(0)).as("audit never shows content to anyone").isEmpty();
		List<List<String>> bases = JsonPath.read(json, "$.purposes[?(@.code == 'CASE_CONSULTATION')].legalBases");
		assertThat(bases.get(0)).contains("CONSENT").doesNotContain("NONE");
	}

	@Test
	void retentionPeriodsAndTheLogsOwnPeriodAreStatedWithTheirSource() throws Exception {
		this.mvc.perform(get("/api/v1/register").with(httpBasic("auditor", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"outcome\":\"declined-at-triage\"")))
			.andExpect(content().string(containsString("NEN 7513")));
	}

	@Test
	void theRegisterIsAPageAndADocumentForTheAdministratorAndThePrivacyOfficerOnly() throws Exception {
		this.mvc.perform(get("/register").with(user(this.accounts.loadUserByUsername("beheer"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Verwerkingsregister")))
			.andExpect(content().string(containsString("Gezondheid")));
		this.mvc.perform(get("/register").param("download", "").with(user(this.accounts.loadUserByUsername("auditor"))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
		for (String other : new String[] { "coordinator", "ggz", "politie" }) {
			this.mvc.perform(get("/api/v1/register").with(httpBasic(other, "demo"))).andExpect(status().isForbidden());
		}
	}

}
