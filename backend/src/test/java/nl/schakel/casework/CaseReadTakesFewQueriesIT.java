package nl.schakel.casework;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.ids.CaseId;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.Channel;
import nl.schakel.security.Role;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Opening a case costs a handful of statements, however many contributions, participants
 * and consents it has: the dossier is assembled from a few queries, the gate decides and
 * writes its log in two statements. Counted at the JDBC driver, on this thread only (the
 * scheduled jobs and other tests use the same pool), so every statement counts —
 * Hibernate's, the log's and any plain SQL alike.
 */
@IntegrationTest
@Import(CaseReadTakesFewQueriesIT.CountingStatements.class)
class CaseReadTakesFewQueriesIT {

	/**
	 * What a gated read may cost, however many contributions and consents the case has:
	 * the case with its referral and person; the page of contributions with their grants;
	 * the reader's participation; the bulk-read bucket (one upsert); the read's event and
	 * its items (one statement each); the case key's row (an erased key stays shut on
	 * every instance, so a cached key is checked once per transaction); the consents
	 * shown and their event and items; Envers' revision and its ids. The entities took 18
	 * for this case (and two more per consent).
	 */
	static final int MOST_STATEMENTS_PER_READ = 12;

	/**
	 * Of those, the ones that read the dossier: the head, the page, the participants (the
	 * gate's, which the dossier reuses) and the consents.
	 */
	static final int MOST_DOSSIER_QUERIES = 4;

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseDossiers dossiers;

	@Test
	void aParticipantOpensACaseWithManyContributionsInAFewStatements() throws Exception {
		CaseId id = caseWith(8);
		Access ggz = Access.of(new Actor("ggz", "GGZ", "ggz-midden", Set.of(Role.CARE_PROFESSIONAL)),
				"CASE_CONSULTATION", Channel.API, UUID.randomUUID().toString());

		Counted first = count(() -> this.dossiers.open(ggz, id));
		Counted again = count(() -> this.dossiers.open(ggz, id));

		assertThat(first.opening()).isInstanceOf(CaseOpening.Visible.class);
		CaseDossier dossier = ((CaseOpening.Visible) first.opening()).dossier();
		assertThat(dossier.timeline()).hasSize(8).allSatisfy((entry) -> assertThat(entry.content()).isNotNull());
		assertThat(dossier.consents()).hasSize(2);
		assertThat(again.statements()).as("statements of a read, listed: %s", again.sql())
			.isLessThanOrEqualTo(MOST_STATEMENTS_PER_READ);
		assertThat(again.sql().stream().filter(CaseReadTakesFewQueriesIT::readsTheDossier))
			.as("queries that read the dossier")
			.hasSizeLessThanOrEqualTo(MOST_DOSSIER_QUERIES);
	}

	@Test
	void aReaderWhoMayNotKnowOfTheCaseCostsNoMoreThanAReaderWhoMay() throws Exception {
		CaseId id = caseWith(3);
		Access stranger = Access.of(
				new Actor("stranger", "Niemand", "politie-midden", Set.of(Role.JUSTICE_PROFESSIONAL)),
				"CASE_CONSULTATION", Channel.API, UUID.randomUUID().toString());

		Counted read = count(() -> this.dossiers.open(stranger, id));

		assertThat(read.opening()).isInstanceOf(CaseOpening.NotVisible.class);
		assertThat(read.statements()).as("statements of a refused read: %s", read.sql())
			.isLessThanOrEqualTo(MOST_STATEMENTS_PER_READ);
	}

	private static boolean readsTheDossier(String sql) {
		String statement = sql.strip().toLowerCase(java.util.Locale.ROOT);
		return (statement.startsWith("select") || statement.startsWith("with"))
				&& !statement.contains("rate_limit_bucket") && !statement.contains("snapshot_version")
				&& !statement.contains("case_key");
	}

	private CaseId caseWith(int contributions) throws Exception {
		String url = as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Tel Verhoeven", "dateOfBirth": "1984-04-04"}, "caseType": "OTHER"}""")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		as("coordinator", "TRIAGE", post(url + "/participants"), """
				{"organisation": "ggz-midden", "purposes": ["CASE_CONSULTATION"]}""").andExpect(status().isCreated());
		as("coordinator", "TRIAGE", post(url + "/participants"), """
				{"organisation": "gemeente-midden", "purposes": ["CASE_CONSULTATION"]}""")
			.andExpect(status().isCreated());
		List<String> consents = new ArrayList<>();
		for (String organisation : List.of("gemeente-midden", "politie-midden")) {
			consents.add(JsonPath.read(as("ggz", "CASE_CONSULTATION", post(url + "/consents"),
					"""
							{"organisations": ["%s"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
							 "validFrom": "2020-01-01", "evidence": "formulier", "evidenceKind": "SIGNED_FORM",
							 "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}"""
						.formatted(organisation))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id"));
		}
		for (int i = 1; i <= contributions; i++) {
			as("ggz", "CASE_CONSULTATION", post(url + "/contributions"), """
					{"text": "Gesprek %d", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK",
					 "audienceOrganisations": ["ggz-midden"]}""".formatted(i)).andExpect(status().isCreated());
		}
		return new CaseId(UUID.fromString(url.substring(url.lastIndexOf('/') + 1)));
	}

	private ResultActions as(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		request.with(httpBasic(user, "demo")).header("X-Purpose", purpose);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request);
	}

	private static Counted count(java.util.function.Supplier<CaseOpening> read) {
		CountingStatements.SEEN.set(new ArrayList<>());
		try {
			CaseOpening opening = read.get();
			List<String> sql = CountingStatements.SEEN.get();
			return new Counted(opening, sql.size(), sql);
		}
		finally {
			CountingStatements.SEEN.remove();
		}
	}

	private record Counted(CaseOpening opening, int statements, List<String> sql) {
	}

	/**
	 * Wraps the application's pool so that every statement executed on a thread that
	 * asked to be counted is listed (a batch counts once: it is one round trip).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingStatements {

		static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && "dataSource".equals(name)) {
						return new DelegatingDataSource(dataSource) {
							@Override
							public Connection getConnection() throws SQLException {
								return counting(super.getConnection());
							}

							@Override
							public Connection getConnection(String username, String password) throws SQLException {
								return counting(super.getConnection(username, password));
							}
						};
					}
					return bean;
				}
			};
		}

		static Connection counting(Connection connection) {
			return proxy(Connection.class, connection, (target, method, args) -> {
				Object result = method.invoke(target, args);
				if (result instanceof CallableStatement statement) {
					return proxy(CallableStatement.class, statement, executions(statement, (String) args[0]));
				}
				if (result instanceof PreparedStatement statement) {
					return proxy(PreparedStatement.class, statement, executions(statement, (String) args[0]));
				}
				if (result instanceof Statement statement) {
					return proxy(Statement.class, statement, executions(statement, null));
				}
				return result;
			});
		}

		private static Handler executions(Statement statement, String prepared) {
			return (target, method, args) -> {
				if (method.getName().startsWith("execute") && SEEN.get() != null) {
					SEEN.get()
						.add((prepared != null) ? prepared
								: (args != null && args.length > 0) ? String.valueOf(args[0]) : method.getName());
				}
				return method.invoke(target, args);
			};
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, T target, Handler handler) {
			InvocationHandler invocation = (proxy, method, args) -> {
				if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
					return method.invoke(target, args);
				}
				try {
					return handler.handle(target, method, args);
				}
				catch (InvocationTargetException ex) {
					throw ex.getCause();
				}
			};
			return (T) Proxy.newProxyInstance(CaseReadTakesFewQueriesIT.class.getClassLoader(), new Class<?>[] { type },
					invocation);
		}

		private interface Handler {

			Object handle(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;

		}

	}

}
