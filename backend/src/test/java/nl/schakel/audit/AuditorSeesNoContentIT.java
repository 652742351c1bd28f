package nl.schakel.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.schakel.security.DemoAccounts;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Auditors see metadata, never content: every page and every API answer of the auditor
 * workspace — search, CSV, reviews, change history, integrity, head, subject-access
 * report in HTML and JSON — is scanned for a known contribution text and a known BSN.
 */
@IntegrationTest
class AuditorSeesNoContentIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoAccounts accounts;

	@Autowired
	LogSealer sealer;

	@Autowired
	ReviewScanner scanner;

	@Test
	void noAuditorResponseContainsContributionTextOrBsn() throws Exception {
		String bsn = TestBsns.next();
		String text = "Geheime inbreng " + UUID.randomUUID();
		String justification = "Geheime afweging " + UUID.randomUUID();
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Inzage Persoon", bsn, "ggz-midden", "politie-midden");
		UUID contribution = scenario.contribute(c, "ggz", """
				{"text": "%s", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["politie-midden"], "secrecyBreachConfirmed": true,
				 "conflictOfDuties": {"interest": "%s", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging"}}"""
			.formatted(text, justification));
		scenario.read(c, "ggz");
		scenario.read(c, "politie");
		scenario.read(c, "gemeente");
		this.sealer.sealSettled();
		this.scanner.scanSealed();
		String review = this.jdbc.queryForObject(
				"select id::text from review_item where actor = 'politie' and ? = any(disclosure_ids) limit 1",
				String.class,
				this.jdbc.queryForObject(
						"select id from disclosure where case_id = ? and actor = 'politie' and flagged limit 1",
						UUID.class, c.id()));

		List<MockHttpServletResponse> responses = new ArrayList<>();
		// pages
		for (String page : List.of("/audit", "/audit?person=" + c.personId(), "/audit?case=" + c.reference(),
				"/audit?actor=politie", "/audit/export.csv?case=" + c.id(), "/audit/reviews",
				"/audit/reviews/" + review, "/audit/history/cases/" + c.id(),
				"/audit/history/contributions/" + contribution, "/audit/integrity", "/audit/head",
				"/audit/subject-access")) {
			responses.add(page(get(page)));
		}
		responses.add(page(post("/audit/person").param("bsn", bsn)));
		responses.add(page(post("/audit/person").param("bsn", TestBsns.next())));
		responses.add(page(post("/audit/integrity")));
		responses.add(page(post("/audit/reviews/" + review).param("finding", "IN_ORDER").param("comment", "gezien")));
		responses.add(page(post("/audit/subject-access").param("bsn", bsn)));
		responses.add(
				page(post("/audit/subject-access").param("name", "Inzage Persoon").param("dateOfBirth", "1984-04-04")));
		responses.add(page(post("/audit/subject-access.json").param("bsn", bsn)));
		responses.add(page(post("/audit/subject-access").param("bsn", "123")));
		// API
		for (String call : List.of("/api/v1/audit/disclosures?case=" + c.id(),
				"/api/v1/audit/disclosures.csv?person=" + c.personId(), "/api/v1/audit/reviews",
				"/api/v1/audit/reviews/" + review, "/api/v1/audit/reviews/" + review + "/history",
				"/api/v1/audit/history/cases/" + c.id(), "/api/v1/audit/history/contributions/" + contribution,
				"/api/v1/audit/head")) {
			responses.add(api(get(call), "AUDIT", null));
		}
		responses.add(api(post("/api/v1/audit/person-lookup"), "AUDIT", "{\"bsn\": \"" + bsn + "\"}"));
		responses.add(api(post("/api/v1/audit/verification"), "AUDIT", "{\"incremental\": true}"));
		responses.add(api(post("/api/v1/audit/subject-access"), "SUBJECT_ACCESS", "{\"bsn\": \"" + bsn + "\"}"));

		for (MockHttpServletResponse response : responses) {
			assertThat(response.getStatus()).as("status").isLessThan(500);
			String body = response.getContentAsString();
			assertThat(body).doesNotContain(text).doesNotContain(justification).doesNotContain(bsn);
			assertThat(response.getRedirectedUrl() == null ? "" : response.getRedirectedUrl()).doesNotContain(bsn);
		}
		// and the auditor did get answers: the history says in words that the content and
		// the
		// secrecy answers changed, without their values
		String history = responses.get(8).getContentAsString();
		assertThat(history).contains("de inhoud").contains("het belang (conflict van plichten)");
		String json = responses.get(responses.size() - 1).getContentAsString();
		assertThat(json).contains("Inzage Persoon").contains(c.reference()).contains("politie-midden");
	}

	private MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
		UserDetails auditor = this.accounts.loadUserByUsername("auditor");
		return this.mvc.perform(request.with(user(auditor)).with(csrf())).andReturn().getResponse();
	}

	private MockHttpServletResponse api(MockHttpServletRequestBuilder request, String purpose, String body)
			throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON);
		}
		return scenario.as("auditor", purpose, request, body).andReturn().getResponse();
	}

}
