package nl.schakel.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.stream.Stream;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One account that reads case after case is stopped at the access policy's bulk-reads:
 * the read beyond it is refused with 429 and Retry-After, shows nothing and logs no
 * disclosure, and the refusal is a security event and a "bulk access" item in the review
 * queue. Runs on the shipped policy with only the bulk-reads values lowered (its own
 * application context).
 */
@IntegrationTest
class BulkReadingIsLimitedIT {

	static final int BURST = 3;

	@DynamicPropertySource
	static void lowBulkReadLimit(DynamicPropertyRegistry registry) {
		registry.add("schakel.policies.location", () -> "file:" + policiesWithLowLimit());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void readsBeyondTheBurstAreRefusedWithRetryAfterASecurityEventAndABulkAccessReviewItem() throws Exception {
		AuditScenario scenario = new AuditScenario(this.mvc, this.jdbc);
		AuditScenario.Case c = scenario.newCase("Veel Gelezen", null, "verslavingszorg-midden");
		Instant start = this.jdbc.queryForObject("select now()", Timestamp.class).toInstant();
		for (int i = 0; i < BURST; i++) {
			scenario.as("verslavingszorg", "CASE_CONSULTATION", get(c.url()), null).andExpect(status().isOk());
		}
		long disclosures = disclosuresOf(c);

		MvcResult refused = scenario.as("verslavingszorg", "CASE_CONSULTATION", get(c.url()), null)
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("bulk-read-limit-reached")))
			.andReturn();
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isPositive();
		assertThat(refused.getResponse().getContentAsString()).doesNotContain("Veel Gelezen");
		scenario.as("verslavingszorg", "CASE_CONSULTATION", get(c.url()), null).andExpect(status().isTooManyRequests());

		assertThat(disclosuresOf(c)).as("a refused read discloses nothing").isEqualTo(disclosures);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from security_event
				where kind = 'BULK_READ_REFUSED' and subject = 'verslavingszorg' and occurred_at >= ?""", Long.class,
				Timestamp.from(start)))
			.as("one security event, not one per refused read")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from review_item
				where flag_rule = 'bulk-access' and actor = 'verslavingszorg' and created_at >= ?""", Long.class,
				Timestamp.from(start)))
			.as("one bulk access review item")
			.isEqualTo(1);

		// another professional reads on
		scenario.as("coordinator", "TRIAGE", get(c.url()), null).andExpect(status().isOk());
	}

	private long disclosuresOf(AuditScenario.Case c) {
		return this.jdbc.queryForObject(
				"select count(*) from disclosure where case_id = ? and actor = 'verslavingszorg'", Long.class, c.id());
	}

	/**
	 * The shipped policies, with bulk-reads lowered to a burst of three and one read an
	 * hour.
	 */
	static Path policiesWithLowLimit() {
		try {
			Path shipped = ReviewFlagsStartupTest.shipped();
			Path copy = Files.createTempDirectory("bulk-read-policies");
			try (Stream<Path> files = Files.list(shipped)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					String text = Files.readString(file);
					if (file.getFileName().toString().equals("access-policy.yaml")) {
						text = text.replaceFirst("case-reads-per-hour: \\d+", "case-reads-per-hour: 1")
							.replaceFirst("burst: \\d+", "burst: " + BURST);
					}
					Files.writeString(copy.resolve(file.getFileName()), text);
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
