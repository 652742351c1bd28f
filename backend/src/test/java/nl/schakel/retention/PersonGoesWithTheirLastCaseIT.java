package nl.schakel.retention;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import nl.schakel.ids.CaseId;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two erasures of a person's last two cases at the same moment leave no identity behind:
 * each erasure counts the person's other living cases only while it holds the person's
 * row, so the second counts after the first has committed and blanks the person. The test
 * holds the person's row while both erasures run up to it, then lets go; it waits on what
 * PostgreSQL says, never sleeps.
 */
@IntegrationTest
class PersonGoesWithTheirLastCaseIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseErasure erasure;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void erasingBothCasesOfAPersonAtOnceBlanksThePerson() throws Exception {
		String name = "Twee Casussen " + UUID.randomUUID().toString().substring(0, 8);
		String person = "{\"name\": \"%s\", \"dateOfBirth\": \"1981-01-01\", \"bsn\": \"%s\"}".formatted(name,
				TestBsns.next());
		UUID first = register(person);
		UUID second = register(person);
		UUID personId = this.jdbc.queryForObject("select person_id from case_file where id = ?", UUID.class, first);
		assertThat(this.jdbc.queryForObject("select person_id from case_file where id = ?", UUID.class, second))
			.isEqualTo(personId);

		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				this.jdbc.queryForList("select id from person where id = ? for share", personId);
				held.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
		assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<DestructionProof> one = CompletableFuture.supplyAsync(
				() -> this.erasure.erase(new CaseId(first), ErasureKind.PERSON_REQUEST, null, null, "coordinator"));
		CompletableFuture<DestructionProof> two = CompletableFuture.supplyAsync(
				() -> this.erasure.erase(new CaseId(second), ErasureKind.PERSON_REQUEST, null, null, "coordinator"));
		// both erasures have destroyed their case's key and wait at the person (or, on a
		// count that does not wait, have already finished)
		Awaitility.await("both erasures at the person")
			.atMost(Duration.ofSeconds(60))
			.until(() -> (one.isDone() && two.isDone()) || this.jdbc.queryForObject("""
					select count(*) from pg_stat_activity
					 where wait_event_type = 'Lock' and query ilike 'select id from person%for update'""",
					Long.class) >= 2);
		release.countDown();
		holder.get(60, TimeUnit.SECONDS);
		one.get(60, TimeUnit.SECONDS);
		two.get(60, TimeUnit.SECONDS);

		assertThat(this.jdbc.queryForObject("select name from person where id = ?", String.class, personId))
			.isEqualTo(CaseErasure.ERASED_TEXT);
		assertThat(this.jdbc.queryForObject("select count(*) from person_aud where id = ? and name = ?", Integer.class,
				personId, name))
			.isZero();
	}

	private UUID register(String person) throws Exception {
		String url = this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"person\": " + person + ", \"caseType\": \"OTHER\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
	}

}
