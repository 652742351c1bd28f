package nl.schakel.audit;

import java.util.List;
import java.util.UUID;

import nl.schakel.security.DemoAccounts;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The privacy officer decides on a review item from what it says: the case, the item, who
 * disclosed it (name and organisation), purpose, legal basis, rule, and that the five
 * questions of a breach of secrecy were answered — never the answers themselves.
 */
@IntegrationTest
class AReviewItemNamesWhatWasReadAndByWhomIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LogSealer sealer;

	@Autowired
	ReviewScanner scanner;

	@Autowired
	DemoAccounts accounts;

	@Test
	void aReviewedBreachOfSecrecyNamesCaseDiscloserBasisAndTheAnsweredQuestionsButNotTheAnswers() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Herhaal Persoon", null, "ggz-midden", "politie-midden");
		String justification = "Geheime afweging " + UUID.randomUUID();
		scenario.contribute(c, "ggz", """
				{"text": "Dreiging jegens naaste", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["politie-midden"], "secrecyBreachConfirmed": true,
				 "conflictOfDuties": {"interest": "%s", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging"}}"""
			.formatted(justification));
		scenario.read(c, "politie");
		this.sealer.sealSettled();
		this.scanner.scanSealed();

		List<UUID> items = this.jdbc.queryForList("""
				select distinct r.id from review_item r join disclosure d on d.id = any(r.disclosure_ids)
				where d.case_id = ? and r.actor = 'politie' and r.flag_rule = 'conflict-of-duties'""", UUID.class,
				c.id());
		assertThat(items).hasSize(1);

		String page = this.mvc
			.perform(get("/audit/reviews/" + items.get(0)).with(user(this.accounts.loadUserByUsername("auditor"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(c.reference())
			.contains("Daan Bakker (GGZ Midden) · ggz")
			.contains("Joost Visser · politie")
			.contains("Conflict van plichten")
			.contains("5 van de 5 vragen beantwoord")
			.contains("het belang (conflict van plichten)")
			.contains("1 keer")
			.doesNotContain(justification)
			.doesNotContain("Dreiging jegens naaste");
	}

}
