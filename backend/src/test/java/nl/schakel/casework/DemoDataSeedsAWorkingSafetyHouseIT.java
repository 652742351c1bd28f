package nl.schakel.casework;

import java.util.List;
import java.util.Map;

import nl.schakel.support.PostgresTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The local default's demo data: into an empty database (one of its own, the shared test
 * database is never empty) it seeds a case at every step of the process through the
 * ordinary use cases, so every partner account starts with work; a second start seeds
 * nothing.
 */
@SpringBootTest(properties = "schakel.demo-data.enabled=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = DemoDataSeedsAWorkingSafetyHouseIT.EmptyDatabase.class)
class DemoDataSeedsAWorkingSafetyHouseIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoCases demoCases;

	@Test
	void theEmptyDatabaseGetsACaseAtEveryStepOfTheProcess() {
		Map<String, Long> byStatus = new java.util.HashMap<>();
		this.jdbc.query("select status, count(*) from case_file group by status", (row) -> {
			byStatus.put(row.getString(1), row.getLong(2));
		});
		assertThat(byStatus).containsEntry("TRIAGE", 1L)
			.containsEntry("IN_CONSULTATION", 1L)
			.containsEntry("PLAN", 1L)
			.containsEntry("MONITORING", 1L)
			.containsEntry("CLOSED", 1L);
		assertThat(byStatus.get("REFERRED")).as("a fresh referral in each safety house").isEqualTo(2L);
		assertThat(this.jdbc.queryForList("select distinct legal_basis from contribution", String.class))
			.containsExactlyInAnyOrder("CONSENT", "STATUTORY", "CONFLICT_OF_DUTIES", "PUBLIC_TASK");
		assertThat(this.jdbc.queryForObject("select count(*) from consent", Long.class)).isEqualTo(1L);
		assertThat(this.jdbc.queryForList("select state from disclosure_request", String.class))
			.containsExactlyInAnyOrder("OPEN", "REFUSED");
	}

	@Test
	void everyPersonIsFictionalWithABsnFromTheRangeKeptForTests() {
		assertThat(this.jdbc.queryForObject("select count(*) from person", Long.class)).isEqualTo(7L);
		// the BSN is sealed; its blind index is all the database knows, so look each one
		// up
		for (String bsn : List.of("999990007", "999990019", "999990020", "999990032", "999990044", "999990056",
				"999990068")) {
			assertThat(nl.schakel.person.Bsn.parse(bsn)).as(bsn + " passes the eleven-test").isPresent();
		}
	}

	@Test
	void everyPartnerAccountStartsWithACaseOfItsOwn() throws Exception {
		for (String account : List.of("ggz", "verslavingszorg", "politie", "om", "reclassering", "gemeente",
				"coordinator", "coordinator-zuid")) {
			String mine = this.mvc.perform(get("/api/v1/my/cases").with(httpBasic(account, "demo")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(mine).as(account).contains("\"reference\"");
		}
	}

	@Test
	void theSeedIsWrittenLikeAnyOtherWriteByTheAccountThatTookEachStep() {
		assertThat(this.jdbc.queryForList("select distinct actor from revision where actor is not null", String.class))
			.contains("coordinator", "ggz", "politie");
		assertThat(this.jdbc.queryForObject("select count(*) from revision where purpose is null", Long.class))
			.isZero();
	}

	@Test
	void aSecondStartSeedsNothing() {
		long cases = this.jdbc.queryForObject("select count(*) from case_file", Long.class);
		assertThat(this.demoCases.seed()).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(cases);
	}

	/** A database of its own: the seed runs only into an empty one. */
	static class EmptyDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("schakel-demo-data-postgres",
						PostgresTestSupport.propertiesOfOwnDatabase("schakel_demo_data")));
		}

	}

}
