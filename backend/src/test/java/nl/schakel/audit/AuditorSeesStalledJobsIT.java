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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The auditor's start page says when the review queue has stopped filling, or the log
 * holds an event outside its monthly partitions.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
class AuditorSeesStalledJobsIT {

	private static final String NL = "De controle op te beoordelen verstrekkingen komt niet meer verder";

	private static final String EN = "The review scan has made no progress";

	private static final String MONTHS_NL = "buiten de maanden die ervoor zijn aangemaakt";

	private static final String MONTHS_EN = "outside the months made for them";

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

	@Autowired
	PlatformTransactionManager transactions;

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

	@Test
	void anEventOutsideTheLogsMonthsShowsAtOnceOnTheAuditorsStartPageInTheHealthAndAsASecurityEvent() {
		assertThat(this.progress.check()).noneMatch(AuditJobProgress.State::stalled);
		// in a transaction rolled back at the end: the log is append-only, and an event
		// left in the default partition would degrade every later test's health
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			long securityEvents = securityEvents();
			this.jdbc
				.update("""
						insert into disclosure_event (id, occurred_at, actor, actor_organisation, policy_version, channel)
						values (gen_random_uuid(), timestamptz '2099-06-15 12:00+02', 'wijkteam', 'wijkteam-midden', 'test', 'API')""");
			assertThat(this.jdbc.queryForObject("select count(*) from disclosure_event_default", Long.class))
				.isEqualTo(1);

			assertThat(this.progress.check()).filteredOn(AuditJobProgress.State::stalled)
				.extracting(AuditJobProgress.State::job)
				.containsExactly(AuditJobProgress.Job.LOG_MONTHS);
			assertThat(this.health.health().getStatus()).isEqualTo(new Status("DEGRADED"));
			assertThat(securityEvents()).isEqualTo(securityEvents + 1);
			assertThat(startPage()).containsAnyOf(MONTHS_NL, MONTHS_EN);
			transaction.setRollbackOnly();
		});

		assertThat(this.progress.check()).noneMatch(AuditJobProgress.State::stalled);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
	}

	private long securityEvents() {
		return this.jdbc.queryForObject("select count(*) from security_event where kind = ?", Long.class,
				AuditJobProgress.SECURITY_EVENT_KIND);
	}

	private String startPage() {
		try {
			return this.mvc.perform(get("/audit").with(user(this.accounts.loadUserByUsername("auditor"))))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
