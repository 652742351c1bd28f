package nl.schakel.audit;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The auditor's start page says when the review queue has stopped filling. */
@IntegrationTest
@Import(MutableClock.Configuration.class)
class AuditorSeesStalledJobsIT {

	private static final String NL = "De controle op te beoordelen verstrekkingen komt niet meer verder";

	private static final String EN = "The review scan has made no progress";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	LogSealer sealer;

	@Autowired
	ReviewScanner scanner;

	@Autowired
	AuditJobProgress progress;

	@Autowired
	AuditJobsHealthIndicator health;

	@Autowired
	ReviewScanProperties properties;

	@Autowired
	UserDetailsService accounts;

	@Test
	void aStalledReviewScanShowsOnTheAuditorsStartPageAndInTheHealth() throws Exception {
		this.sealer.sealSettled();
		this.scanner.scanSealed();
		this.progress.check();
		assertThat(startPage()).doesNotContain(NL).doesNotContain(EN);

		this.jdbc
			.update("""
					insert into disclosure (id, occurred_at, actor, actor_organisation, item_kind, rule_id, policy_version,
					                        decision, channel)
					values (gen_random_uuid(), now(), 'wijkteam', 'wijkteam-midden', 'CASE', 'stall-test', 'test', 'PERMIT', 'API')""");
		this.sealer.sealSettled();
		this.progress.check();
		this.clock.advance(this.properties.interval().multipliedBy(this.properties.stalledAfter()));

		assertThat(startPage()).containsAnyOf(NL, EN);
		assertThat(this.health.health().getStatus()).isEqualTo(new Status("DEGRADED"));

		this.scanner.scanSealed();
		assertThat(startPage()).doesNotContain(NL).doesNotContain(EN);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	private String startPage() throws Exception {
		return this.mvc.perform(get("/audit").with(user(this.accounts.loadUserByUsername("auditor"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
