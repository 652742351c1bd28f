package nl.schakel.audit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import nl.schakel.policy.Policy;
import nl.schakel.policy.ScheduledWork;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scheduled job writes is recorded like what a person writes: a review item raised
 * by the review scan is a revision with its own request id, the audit purpose and the
 * policy in force — not an anonymous change.
 */
@IntegrationTest
class ScheduledReviewScanRevisionIT {

	@Autowired
	net.javacrumbs.shedlock.core.LockingTaskExecutor locks;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LogSealer sealer;

	@Autowired
	ReviewScanner scanner;

	@Autowired
	LogMonths months;

	@Autowired
	ScheduledWork work;

	@Autowired
	AuditJobProgress progress;

	@Autowired
	ReviewScanProperties scan;

	@Autowired
	Policy policy;

	@Test
	void aReviewItemRaisedByTheScheduledScanIsARevisionUnderTheAuditPurposeAndThePolicyInForce() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Schema Persoon", null, "ggz-midden", "politie-midden");
		scenario.contribute(c, "ggz", """
				{"text": "Dreiging jegens buurman", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["politie-midden"], "secrecyBreachConfirmed": true,
				 "conflictOfDuties": {"interest": "veiligheid", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging"}}""");
		scenario.read(c, "politie");
		UUID flagged = this.jdbc.queryForObject(
				"select id from disclosure where case_id = ? and actor = 'politie' and flagged limit 1", UUID.class,
				c.id());
		AuditJobs jobs = new AuditJobs(this.sealer, this.months, this.scanner, this.work, this.progress, this.scan,
				Duration.ofMinutes(1), this.locks);

		jobs.seal();
		jobs.scan();

		Map<String, Object> revision = this.jdbc.queryForMap("""
				select r.actor, r.purpose, r.policy_version, r.request_id
				from review_item_aud a join revision r on r.id = a.rev join review_item i on i.id = a.id
				where ? = any(i.disclosure_ids) and i.kind = 'policy-flag' order by a.rev limit 1""", flagged);
		assertThat(revision).containsEntry("actor", "system")
			.containsEntry("purpose", AuditWorkspace.AUDIT)
			.containsEntry("policy_version", this.policy.version().value());
		assertThat(revision.get("request_id")).isNotNull();
	}

}
