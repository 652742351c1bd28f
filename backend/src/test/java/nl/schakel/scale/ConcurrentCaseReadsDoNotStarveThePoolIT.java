package nl.schakel.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import nl.schakel.support.PostgresInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case read counts against the bulk-read limit on its own connection: the token used to
 * be taken in a transaction of its own, a second pool connection per read, so as many
 * concurrent reads as the pool has connections each held one and waited for another until
 * the pool's timeout (503). Twice the pool's size in concurrent reads through a real
 * server must all be answered, none with 503. Several-instances settings (shared limits,
 * buckets in PostgreSQL), with a pool of four.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "several-instances" })
@ContextConfiguration(initializers = PostgresInitializer.class)
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=" + SeveralInstancesTestPool.SIZE)
class ConcurrentCaseReadsDoNotStarveThePoolIT {

	@LocalServerPort
	int port;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void twiceThePoolSizeInConcurrentCaseReadsAreAllAnsweredNoneWaitsOutThePool() throws Exception {
		assertThat(((HikariDataSource) this.dataSource).getMaximumPoolSize()).isEqualTo(SeveralInstancesTestPool.SIZE);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		HttpResponse<String> created = client.send(request("/api/v1/cases").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"person\": {\"name\": \"Druk Gelezen\", \"dateOfBirth\": "
					+ "\"1979-05-05\"}, \"caseType\": \"CONFUSED_BEHAVIOUR\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		String caseUrl = created.headers().firstValue("Location").orElseThrow();
		String path = URI.create(caseUrl).getPath();

		int readers = 2 * SeveralInstancesTestPool.SIZE;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		try {
			List<Future<HttpResponse<String>>> reads = new ArrayList<>();
			for (int i = 0; i < readers; i++) {
				reads.add(pool.submit(() -> {
					start.await();
					return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
				}));
			}
			start.countDown();
			for (Future<HttpResponse<String>> read : reads) {
				HttpResponse<String> response = read.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(response.body()).contains("Druk Gelezen");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8)))
			.header("X-Purpose", "TRIAGE");
	}

}
