package nl.schakel.consent;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.DemoApi;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.LockWaits;
import nl.schakel.support.PostgresTestSupport;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A consent belongs to one case and to the organisation that recorded it. Replays the
 * attack: the police, admitted only to case B of a person, withdrew through case B the
 * consent GGZ had recorded on case A, and recorded a consent opening health information
 * to itself.
 */
@IntegrationTest
class ConsentBelongsToItsCaseIT {

	static final String EVIDENCE = """
			"evidence": "toestemmingsformulier 2026-101", "evidenceKind": "SIGNED_FORM",
			"evidenceObtainedOn": "2026-01-05", "evidenceObtainedBy": "M. Jansen, GGZ Midden\"""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	DataSource dataSource;

	String bsn;

	String caseA;

	String caseB;

	@BeforeEach
	void onePersonWithTwoCases() throws Exception {
		this.bsn = TestBsns.next();
		this.caseA = register();
		this.caseB = register();
		assertThat(personOf(this.caseA)).isEqualTo(personOf(this.caseB));
	}

	@Test
	void policeAdmittedOnlyToAnotherCaseOfThePersonCannotListOrWithdrawGgzsConsent() throws Exception {
		admit(this.caseA, "ggz-midden");
		admit(this.caseB, "politie-midden");
		String consent = ggzConsentOnCaseA();

		// listing: case B shows no consent of case A; case A is not the police's to see
		as("politie", get(this.caseB + "/consents"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", not(hasItem(consent))));
		as("politie", get(this.caseA + "/consents"), null).andExpect(status().isNotFound());
		// withdrawing through case B, or on case A directly: the same 404 as for no
		// consent at all
		as("politie", post(this.caseB + "/consents/" + consent + "/withdrawal"), "{}").andExpect(status().isNotFound());
		as("politie", post(this.caseA + "/consents/" + consent + "/withdrawal"), "{}").andExpect(status().isNotFound());

		assertThat(withdrawnOn(consent)).isNull();
		as("ggz", get(this.caseA + "/consents"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(consent))
			.andExpect(jsonPath("$[0].holder").value("ggz-midden"))
			.andExpect(jsonPath("$[0].inForce").value(true));
	}

	@Test
	void aParticipantOfTheSameCaseWhoDidNotRecordTheConsentMayNotWithdrawIt() throws Exception {
		admit(this.caseA, "ggz-midden");
		admit(this.caseA, "politie-midden");
		String consent = ggzConsentOnCaseA();

		as("politie", post(this.caseA + "/consents/" + consent + "/withdrawal"), "{}")
			.andExpect(status().isForbidden());
		assertThat(withdrawnOn(consent)).isNull();
	}

	@Test
	void policeCannotRecordAConsentOpeningHealthToItselfNorOnAnotherOrganisationsBehalf() throws Exception {
		admit(this.caseB, "politie-midden");
		long before = consentsOn(this.caseB);

		as("politie", post(this.caseB + "/consents"), """
				{"organisations": ["politie-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
				 "validFrom": "2026-01-01", %s}""".formatted(EVIDENCE)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("organisations")));
		as("politie", post(this.caseB + "/consents"), """
				{"organisations": ["om-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
				 "validFrom": "2026-01-01", "holder": "ggz-midden", %s}""".formatted(EVIDENCE))
			.andExpect(status().isForbidden());

		assertThat(consentsOn(this.caseB)).isEqualTo(before);
	}

	@Test
	void aConsentWithoutEvidenceIsRefusedNamingEachMissingField() throws Exception {
		admit(this.caseA, "ggz-midden");
		as("ggz", post(this.caseA + "/consents"), """
				{"organisations": ["politie-midden"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
				 "validFrom": "2026-01-01"}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("evidenceKind")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("evidence")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("evidenceObtainedOn")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("evidenceObtainedBy")));
		assertThat(consentsOn(this.caseA)).isZero();
	}

	@Test
	void aConsentOfGgzOnCaseAOpensOnlyGgzsItemsOfCaseAToTheNamedRecipient() throws Exception {
		for (String organisation : List.of("ggz-midden", "verslavingszorg-midden", "politie-midden")) {
			admit(this.caseA, organisation);
		}
		admit(this.caseB, "ggz-midden");
		admit(this.caseB, "politie-midden");
		String consent = ggzConsentOnCaseA();
		String ggzOnA = healthItem("ggz", this.caseA, consent, "GGZ A: crisiskaart aanwezig");

		// a consent can only be cited by its holder, in its case
		as("verslavingszorg", post(this.caseA + "/contributions"), healthBody("VZ A", consent))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("consentId")));
		as("ggz", post(this.caseB + "/contributions"), healthBody("GGZ B", consent)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("consentId")));

		// and the gate honours it only there, even for items that cite it (as old rows
		// may)
		String vzConsent = consentOn("verslavingszorg", this.caseA, "om-midden");
		String vzOnA = healthItem("verslavingszorg", this.caseA, vzConsent, "VZ A: in behandeling");
		String ggzConsentB = consentOn("ggz", this.caseB, "om-midden");
		String ggzOnB = healthItem("ggz", this.caseB, ggzConsentB, "GGZ B: opgenomen geweest");
		this.jdbc.update("update contribution set consent_id = ?::uuid where id in (?::uuid, ?::uuid)", consent, vzOnA,
				ggzOnB);

		as("politie", get(this.caseA), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[?(@.id == '" + ggzOnA + "')].content")
				.value(hasItem("GGZ A: crisiskaart aanwezig")))
			.andExpect(jsonPath("$.contributions[?(@.id == '" + vzOnA + "')].decision").value(not(hasItem("PERMIT"))));
		as("politie", get(this.caseB), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.contributions[?(@.id == '" + ggzOnB + "')].decision").value(not(hasItem("PERMIT"))));
		// and no PERMIT row for the other organisation's item that cited GGZ's consent
		assertThat(this.jdbc.queryForObject("""
				select count(*) from disclosure where item_id = ?::uuid and actor = 'politie' and decision = 'PERMIT'
				""", Long.class, vzOnA)).isZero();
	}

	@Test
	void theCoordinatorRecordsAWithdrawalThePersonMadeAtTheSafetyHouseWithAReasonAndGgzSeesTheNotice()
			throws Exception {
		admit(this.caseA, "ggz-midden");
		String consent = ggzConsentOnCaseA();

		as("coordinator", post(this.caseA + "/consents/" + consent + "/withdrawal"), "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
		assertThat(withdrawnOn(consent)).isNull();

		as("coordinator", post(this.caseA + "/consents/" + consent + "/withdrawal"), """
				{"reason": "Betrokkene trok de toestemming in tijdens het gesprek in het Zorg- en Veiligheidshuis"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.inForce").value(false));

		as("ggz", get(this.caseA + "/consents"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].withdrawal.onBehalfOfPerson").value(true))
			.andExpect(jsonPath("$[0].withdrawal.by").value("coordinator"))
			.andExpect(jsonPath("$[0].withdrawal.on").value(LocalDate.now().toString()))
			.andExpect(jsonPath("$[0].withdrawal.reason")
				.value("Betrokkene trok de toestemming in tijdens het gesprek in het Zorg- en Veiligheidshuis"));
		// and GGZ is told on its start page, with the case and the reason
		String reference = this.jdbc.queryForObject("select reference from case_file where id = ?", String.class,
				id(this.caseA));
		this.mvc.perform(get("/").with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Toestemming ingetrokken via de procesregisseur")))
			.andExpect(content().string(containsString(reference)))
			.andExpect(content().string(containsString(
					"Betrokkene trok de toestemming in tijdens het gesprek in het Zorg- en Veiligheidshuis")));
		// the police, to whom the consent opened GGZ's information, get no such notice
		this.mvc.perform(get("/").with(user(this.accounts.loadUserByUsername("politie"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Toestemming ingetrokken via de procesregisseur"))));
	}

	@Test
	void ggzsCasePageShowsTheCoordinatorsWithdrawalAndItsFormRecordsAConsentWithEvidence() throws Exception {
		admit(this.caseA, "ggz-midden");
		String consent = ggzConsentOnCaseA();
		as("coordinator", post(this.caseA + "/consents/" + consent + "/withdrawal"), """
				{"reason": "Ingetrokken aan de balie"}""").andExpect(status().isOk());

		String page = "/cases/" + id(this.caseA);
		MockHttpSession session = new MockHttpSession();
		var ggz = user(this.accounts.loadUserByUsername("ggz"));
		this.mvc.perform(
				post(page + "/purpose").session(session).with(csrf()).with(ggz).param("purpose", "CASE_CONSULTATION"));
		this.mvc.perform(get(page).session(session).with(ggz))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ingetrokken door de procesregisseur op")))
			.andExpect(content().string(containsString("Ingetrokken aan de balie")));

		this.mvc
			.perform(post(page + "/consents").session(session)
				.with(csrf())
				.with(ggz)
				.param("organisations", "politie-midden")
				.param("categories", "SOCIAL")
				.param("consentPurposes", "CASE_CONSULTATION")
				.param("validFrom", "2026-02-01")
				.param("evidence", "mondeling, gespreksverslag 14")
				.param("evidenceKind", "VERBAL")
				.param("evidenceObtainedOn", "2026-02-01")
				.param("evidenceObtainedBy", "M. Jansen"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject(
				"select evidence_kind from consent where case_id = ? and organisation = 'ggz-midden' and evidence_kind = 'VERBAL'",
				String.class, id(this.caseA)))
			.isEqualTo("VERBAL");
	}

	@Test
	void aWithdrawalBeforeTheConsentStartsOrInTheFutureIsRefusedNamingTheDate() throws Exception {
		admit(this.caseA, "ggz-midden");
		String consent = ggzConsentOnCaseA();

		for (String on : List.of("2025-12-31", LocalDate.now().plusDays(1).toString())) {
			as("ggz", post(this.caseA + "/consents/" + consent + "/withdrawal"), "{\"on\": \"" + on + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field", hasItem("on")));
		}
		assertThat(withdrawnOn(consent)).isNull();
		as("ggz", post(this.caseA + "/consents/" + consent + "/withdrawal"), "{\"on\": \"2026-01-01\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.withdrawal.onBehalfOfPerson").value(false));
	}

	@Test
	void seeingAConsentsScopeIsRecordedInTheDisclosureLog() throws Exception {
		admit(this.caseA, "ggz-midden");
		admit(this.caseA, "politie-midden");
		String consent = ggzConsentOnCaseA();

		as("politie", get(this.caseA + "/consents"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].scope.categories[0]").value("HEALTH"));
		assertThat(this.jdbc.queryForObject("""
				select count(*) from disclosure
				 where item_kind = 'CONSENT' and item_id = ?::uuid and actor = 'politie' and case_id = ?::uuid
				   and rule_id = 'consent-scope-to-participant'""", Long.class, consent, id(this.caseA))).isOne();
	}

	@Test
	void twoWithdrawalsAtOnceAnswerOneOkAndOneConflictNeverAServerError() throws Exception {
		admit(this.caseA, "ggz-midden");
		String consent = ggzConsentOnCaseA();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<MockHttpServletResponse>> withdrawals = new ArrayList<>();
		try (Connection holder = this.dataSource.getConnection()) {
			// hold the row, so both withdrawals read the same version and then meet at
			// their UPDATE
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder
				.prepareStatement("select id from consent where id = ?::uuid for update")) {
				lock.setString(1, consent);
				lock.executeQuery().close();
			}
			Callable<MockHttpServletResponse> withdrawal = () -> as("ggz",
					post(this.caseA + "/consents/" + consent + "/withdrawal"), "{}")
				.andReturn()
				.getResponse();
			withdrawals.add(pool.submit(withdrawal));
			withdrawals.add(pool.submit(withdrawal));
			LockWaits.awaitSessionsBlockedAt(this.jdbc, "update consent", 2);
			holder.commit();
		}
		List<Integer> statuses = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		for (Future<MockHttpServletResponse> future : withdrawals) {
			MockHttpServletResponse response = future.get(60, TimeUnit.SECONDS);
			statuses.add(response.getStatus());
			bodies.add(response.getContentAsString());
		}
		pool.shutdown();
		assertThat(statuses).as(bodies.toString()).containsExactlyInAnyOrder(200, 409);
		assertThat(bodies)
			.anySatisfy((body) -> assertThat(body).contains("https://schakel.nl/problems/concurrent-change")
				.doesNotContain("Exception"));
		assertThat(withdrawnOn(consent)).isNotNull();
	}

	@Test
	void theMigrationPlacesOldConsentsOnTheCaseTheirRequestNamedElseOnTheRecordersEarliestCase() throws Exception {
		admit(this.caseA, "ggz-midden");
		admit(this.caseB, "ggz-midden");
		// the log of a request that read case B
		// the server makes the request id the log keeps, and says it in X-Request-Id
		String requestId = this.mvc.perform(DemoApi.as("ggz", "CASE_CONSULTATION", get(this.caseB), null))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getHeader("X-Request-Id");
		UUID person = personOf(this.caseA);

		DataSource owner = PostgresTestSupport.dataSource(PostgresTestSupport.OWNER);
		try (Connection connection = owner.getConnection()) {
			connection.setAutoCommit(false);
			try {
				JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				db.execute("alter table consent drop constraint consent_on_a_case_of_its_holder");
				UUID throughRequest = oldConsent(db, person, "ggz", "ggz-midden", requestId);
				UUID earliest = oldConsent(db, person, "ggz", "ggz-midden", "no-such-request-" + UUID.randomUUID());
				UUID unknown = oldConsent(db, person, "nobody-" + UUID.randomUUID(), null, null);
				try (Statement statement = connection.createStatement()) {
					statement.execute(migration("db/migration/V52_1__consent_placed_on_a_case.sql"));
				}

				Map<String, Object> placed = db.queryForMap(
						"select case_id::text as case_id, organisation, placed_by from consent_migration where consent_id = ?",
						throughRequest);
				assertThat(placed).containsEntry("case_id", id(this.caseB).toString())
					.containsEntry("organisation", "ggz-midden")
					.containsEntry("placed_by", "REQUEST_LOG");
				assertThat(db.queryForObject("select case_id::text from consent where id = ?", String.class,
						throughRequest))
					.isEqualTo(id(this.caseB).toString());
				assertThat(db.queryForMap(
						"select case_id::text as case_id, placed_by from consent_migration where consent_id = ?",
						earliest))
					.containsEntry("case_id", id(this.caseA).toString())
					.containsEntry("placed_by", "RECORDERS_EARLIEST_CASE");
				assertThat(db.queryForMap(
						"select case_id, organisation, placed_by from consent_migration where consent_id = ?", unknown))
					.containsEntry("case_id", null)
					.containsEntry("placed_by", "NOT_PLACED");
			}
			finally {
				connection.rollback();
			}
		}
	}

	// -- the old shape of a consent: on the person, with its Envers insert revision

	private static UUID oldConsent(JdbcTemplate db, UUID person, String recordedBy, String organisation,
			String requestId) {
		UUID id = UUID.randomUUID();
		db.update("""
				insert into consent (id, person_id, organisations, domains, categories, purposes, valid_from, evidence,
				                     recorded_by, recorded_at)
				values (?, ?, '{politie-midden}', '{}', '{HEALTH}', '{CASE_CONSULTATION}', date '2026-01-01',
				        'formulier', ?, now())""", id, person, recordedBy);
		Long rev = db.queryForObject("""
				insert into revision (revision_time, actor, organisation, purpose, request_id)
				values (?, ?, ?, 'CASE_CONSULTATION', ?) returning id""", Long.class, System.currentTimeMillis(),
				recordedBy, organisation, requestId);
		db.update("insert into consent_aud (id, rev, revtype, person_id) values (?, ?, 0, ?)", id, rev, person);
		return id;
	}

	private static String migration(String resource) throws Exception {
		try (InputStream in = ConsentBelongsToItsCaseIT.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	// -- helpers

	private String register() throws Exception {
		return as("coordinator", post("/api/v1/cases"), """
				{"person": {"name": "Toestemming Persoon", "dateOfBirth": "1985-05-05", "bsn": "%s"},
				 "caseType": "CONFUSED_BEHAVIOUR"}""".formatted(this.bsn)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private void admit(String caseUrl, String organisation) throws Exception {
		as("coordinator", post(caseUrl + "/participants"), """
				{"organisation": "%s", "purposes": ["CASE_CONSULTATION"]}""".formatted(organisation))
			.andExpect(status().isCreated());
	}

	private String ggzConsentOnCaseA() throws Exception {
		return consentOn("ggz", this.caseA, "politie-midden");
	}

	private String consentOn(String user, String caseUrl, String recipient) throws Exception {
		return JsonPath.read(as(user, post(caseUrl + "/consents"), """
				{"organisations": ["%s"], "categories": ["HEALTH"], "purposes": ["CASE_CONSULTATION"],
				 "validFrom": "2026-01-01", %s}""".formatted(recipient, EVIDENCE)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private String healthItem(String user, String caseUrl, String consent, String text) throws Exception {
		return JsonPath
			.read(as(user, post(caseUrl + "/contributions"), healthBody(text, consent)).andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
	}

	private static String healthBody(String text, String consent) {
		return """
				{"text": "%s", "category": "HEALTH", "legalBasis": "CONSENT", "consentId": "%s",
				 "audienceOrganisations": ["politie-midden"]}""".formatted(text, consent);
	}

	private ResultActions as(String user, MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(DemoApi.as(user, "CASE_CONSULTATION", request, body));
	}

	private static UUID id(String caseUrl) {
		return UUID.fromString(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
	}

	private UUID personOf(String caseUrl) {
		return this.jdbc.queryForObject("select person_id from case_file where id = ?", UUID.class, id(caseUrl));
	}

	private LocalDate withdrawnOn(String consent) {
		return this.jdbc.queryForObject("select withdrawn_on from consent where id = ?::uuid", LocalDate.class,
				consent);
	}

	private long consentsOn(String caseUrl) {
		return this.jdbc.queryForObject("select count(*) from consent where case_id = ?", Long.class, id(caseUrl));
	}

}
