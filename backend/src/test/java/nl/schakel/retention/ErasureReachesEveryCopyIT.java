package nl.schakel.retention;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.audit.SealTheLog;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.crypto.Keysets;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Erasing a case reaches every copy: after {@code POST /api/v1/cases/{id}/erasure} no
 * table — live, Envers history, the log — holds the case's text or the person's identity
 * in plaintext, no ciphertext of the case is left that a key could open, the disclosure
 * log still verifies, the proof of destruction is listed for auditors, and the case
 * answers 410 Gone.
 */
@IntegrationTest
class ErasureReachesEveryCopyIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Keysets keysets;

	@Test
	void caseContentIsSealedUnderItsOwnKeyNotTheMasterKey() throws Exception {
		Scenario c = newCase();
		byte[] sealed = this.jdbc.queryForObject("select content_ciphertext from contribution where case_id = ?",
				byte[].class, c.id);
		assertThat(new FieldCipher(this.keysets).isSealedWithMasterKeyset(sealed)).isFalse();
		byte[] referral = this.jdbc.queryForObject("select details_ciphertext from referral where case_id = ?",
				byte[].class, c.id);
		assertThat(new FieldCipher(this.keysets).isSealedWithMasterKeyset(referral)).isFalse();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from case_key where case_id = ? and wrapped_keyset is not null", Integer.class, c.id))
			.isEqualTo(1);
		// the history copy is the same ciphertext, under the same case key
		assertThat(this.jdbc.queryForList("select content_ciphertext from contribution_aud where case_id = ?",
				byte[].class, c.id))
			.isNotEmpty()
			.allSatisfy((aud) -> assertThat(aud).isEqualTo(sealed));
	}

	@Test
	void afterErasureNoTableHoldsTheCaseOrThePersonAndTheLogStillVerifies() throws Exception {
		Scenario c = newCase();
		api("ggz", "CASE_CONSULTATION", get("/api/v1/cases/" + c.id), null).andExpect(status().isOk());
		closedLongAgo(c);

		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\", \"reason\": \"Bewaartermijn verstreken\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseReference").value(c.reference))
			.andExpect(jsonPath("$.kind").value("RETENTION_DUE"))
			.andExpect(jsonPath("$.requestedBy").value("coordinator"))
			.andExpect(jsonPath("$.what", containsString("case data key destroyed")));

		// every table, every row, as text: no marker survives anywhere (live, *_aud, log,
		// notifications)
		List<String> tables = this.jdbc.queryForList("select table_name from information_schema.tables "
				+ "where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'",
				String.class);
		for (String table : tables) {
			for (String marker : c.markers()) {
				assertThat(this.jdbc.queryForObject("select count(*) from \"" + table + "\" t where t::text like ?",
						Integer.class, "%" + marker + "%"))
					.as(table + " holds " + marker)
					.isZero();
			}
		}
		// no ciphertext of the case left to open, and the key that opened it is gone
		List<Map<String, Object>> byteColumns = this.jdbc.queryForList("select c.table_name, c.column_name "
				+ "from information_schema.columns c where c.table_schema = current_schema() and c.data_type = 'bytea' "
				+ "and exists (select 1 from information_schema.columns k where k.table_schema = c.table_schema "
				+ "and k.table_name = c.table_name and k.column_name = 'case_id')");
		assertThat(byteColumns).isNotEmpty();
		for (Map<String, Object> column : byteColumns) {
			String sql = "select count(*) from \"%s\" where case_id = ? and length(\"%s\") > 0"
				.formatted(column.get("table_name"), column.get("column_name"));
			assertThat(this.jdbc.queryForObject(sql, Integer.class, c.id)).as(sql).isZero();
		}
		assertThat(this.jdbc.queryForObject(
				"select wrapped_keyset is null and destroyed_at is not null from case_key " + "where case_id = ?",
				Boolean.class, c.id))
			.isTrue();
		assertThat(
				this.jdbc.queryForObject("select count(*) from person_aud where id = ? and bsn_ciphertext is not null",
						Integer.class, c.personId))
			.isZero();
		// the log keeps its metadata: the read is still there, under the case and person
		// ids
		assertThat(this.jdbc.queryForObject("select count(*) from disclosure_event where case_id = ? and person_id = ?",
				Integer.class, c.id, c.personId))
			.isPositive();

		SealTheLog.now(this.context);
		api("auditor", "AUDIT", post("/api/v1/audit/verification"), "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));

		String today = LocalDate.now(ZoneOffset.UTC).toString();
		api("auditor", "AUDIT",
				get("/api/v1/audit/destructions?from=" + today + "&to=" + today + "&kind=RETENTION_DUE"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].caseReference", hasItem(c.reference)));
		api("auditor", "AUDIT", get("/api/v1/audit/destructions?to=1970-01-01"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void erasureDisclosesNothingSoItNeedsNoPurposeButANamedOneMustExist() throws Exception {
		Scenario unnamed = newCase();
		closedLongAgo(unnamed);
		api("coordinator", null, post("/api/v1/cases/" + unnamed.id + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\", \"reason\": \"Bewaartermijn verstreken\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseReference").value(unnamed.reference));

		Scenario misnamed = newCase();
		closedLongAgo(misnamed);
		api("coordinator", "NO_SUCH_PURPOSE", post("/api/v1/cases/" + misnamed.id + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\", \"reason\": \"Bewaartermijn verstreken\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("X-Purpose")));
		assertThat(this.jdbc.queryForObject("select count(*) from destruction_proof where case_id = ?", Integer.class,
				misnamed.id))
			.isZero();
	}

	@Test
	void anErasedCaseAnswersGoneNeverContent() throws Exception {
		Scenario c = newCase();
		erase(c).andExpect(status().isOk());

		api("coordinator", "CASE_CONSULTATION", get("/api/v1/cases/" + c.id), null).andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-erased"));
		api("ggz", "CASE_CONSULTATION", get("/api/v1/cases/" + c.id + "/actions"), null).andExpect(status().isGone());
		erase(c).andExpect(status().isGone());
		// the case list still names the reference, never the person
		String list = api("coordinator", "CASE_CONSULTATION", get("/api/v1/cases?size=200"), null)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain(c.name);
	}

	@Test
	void onlyTheCoordinatorOfTheCasesOwnHouseErases() throws Exception {
		Scenario c = newCase();
		api("ggz", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\", \"reason\": \"weg\"}")
			.andExpect(status().isForbidden());
		api("coordinator-zuid", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\", \"reason\": \"weg\"}")
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/case-not-found"));
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + UUID.randomUUID() + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\", \"reason\": \"weg\"}")
			.andExpect(status().isNotFound());
		api("auditor", "AUDIT", get("/api/v1/audit/destructions"), null).andExpect(status().isOk());
		api("coordinator", "AUDIT", get("/api/v1/audit/destructions"), null).andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select destroyed_at is null from case_key where case_id = ?",
				Boolean.class, c.id))
			.isTrue();
	}

	@Test
	void anErasureWithoutKindReasonOrDecisionIsRefusedNamingTheField() throws Exception {
		Scenario c = newCase();
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"), "{\"reason\": \"weg\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"),
				"{\"kind\": \"PERSON_REQUEST\", \"reason\": \"verzoek art. 17\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decision"));
		api("coordinator", "CASE_CONSULTATION", get("/api/v1/cases/" + c.id), null).andExpect(status().isOk());
	}

	@Test
	void aRefusedRequestOfThePersonIsRecordedAndErasesNothing() throws Exception {
		Scenario c = newCase();
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"),
				"{\"kind\": \"PERSON_REQUEST\", \"reason\": \"Verzoek art. 17; lopende procedure\", \"decision\": \"REFUSED\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decision").value("REFUSED"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from erasure_request where case_id = ? and decision = 'REFUSED'", Integer.class, c.id))
			.isEqualTo(1);
		api("coordinator", "CASE_CONSULTATION", get("/api/v1/cases/" + c.id), null).andExpect(status().isOk());

		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"),
				"{\"kind\": \"PERSON_REQUEST\", \"reason\": \"Verzoek art. 17 toegewezen\", \"decision\": \"GRANTED\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("PERSON_REQUEST"));
		api("coordinator", "CASE_CONSULTATION", get("/api/v1/cases/" + c.id), null).andExpect(status().isGone());
	}

	@Test
	void theSubjectAccessReportSaysWhichCaseWasErasedAndWhenWhileThePersonHasAnother() throws Exception {
		String bsn = TestBsns.next();
		String name = "Tweemaal Aangemeld " + UUID.randomUUID().toString().substring(0, 8);
		String person = "{\"name\": \"%s\", \"dateOfBirth\": \"1988-08-08\", \"bsn\": \"%s\"}".formatted(name, bsn);
		UUID first = register(person);
		UUID second = register(person);
		api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + first + "/erasure"),
				"{\"kind\": \"PERSON_REQUEST\", \"reason\": \"Verzoek art. 17\", \"decision\": \"GRANTED\"}")
			.andExpect(status().isOk());

		String report = api("auditor", "SUBJECT_ACCESS", post("/api/v1/audit/subject-access"),
				"{\"bsn\": \"" + bsn + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.person.name").value(name))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Object> erasedFirst = com.jayway.jsonpath.JsonPath.read(report,
				"$.cases[?(@.id == '" + first + "')].erasedAt");
		List<Object> erasedSecond = com.jayway.jsonpath.JsonPath.read(report,
				"$.cases[?(@.id == '" + second + "')].erasedAt");
		assertThat(erasedFirst).hasSize(1).doesNotContainNull();
		assertThat(erasedSecond).hasSize(1).containsOnlyNulls();
	}

	private UUID register(String person) throws Exception {
		String url = api("coordinator", "TRIAGE", post("/api/v1/cases"),
				"{\"person\": " + person + ", \"caseType\": \"OTHER\"}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
	}

	private ResultActions erase(Scenario c) throws Exception {
		closedLongAgo(c);
		return api("coordinator", "CASE_CONSULTATION", post("/api/v1/cases/" + c.id + "/erasure"),
				"{\"kind\": \"RETENTION_DUE\", \"reason\": \"Bewaartermijn verstreken\"}");
	}

	// Only a closed case whose retention ran out is erased as retention due; closing
	// through the status machine takes today's date, so the closure is set back here.
	private void closedLongAgo(Scenario c) {
		this.jdbc.update("update case_file set status = 'CLOSED', closed_on = date '1990-01-02', "
				+ "close_reason = 'GOALS_ACHIEVED' where id = ? and status <> 'CLOSED'", c.id);
	}

	private Scenario newCase() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String name = "Wisbare Persoon " + tag;
		String bsn = TestBsns.next();
		String address = "Geheimstraat " + tag;
		String referral = "Aanmeldreden " + tag;
		String text = "Inbreng die weg moet " + tag;
		String justification = "Afweging die weg moet " + tag;
		String url = api("coordinator", "TRIAGE", post("/api/v1/cases"),
				"""
						{"person": {"name": "%s", "dateOfBirth": "1977-07-07", "bsn": "%s", "address": "%s"},
						 "caseType": "CONFUSED_BEHAVIOUR",
						 "referral": {"referringOrganisation": "ggz-midden", "referringProfessional": "Dr. Aanmelder",
						              "reason": "%s", "goal": "Doel %s", "personInformed": true}}""".formatted(name,
						bsn, address, referral, tag))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		api("coordinator", "TRIAGE", post(url + "/participants"),
				"{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}")
			.andExpect(status().isCreated());
		api("ggz", "CASE_CONSULTATION", post(url + "/contributions"), """
				{"text": "%s", "category": "HEALTH", "legalBasis": "CONFLICT_OF_DUTIES",
				 "audienceOrganisations": ["ggz-midden"], "secrecyBreachConfirmed": true,
				 "conflictOfDuties": {"interest": "%s", "whyNoConsent": "weigert", "noOtherWay": "geen",
				                      "seriousHarm": "geweld", "strictlyNeeded": "alleen de dreiging"}}"""
			.formatted(text, justification)).andExpect(status().isCreated());
		String reference = this.jdbc.queryForObject("select reference from case_file where id = ?", String.class, id);
		UUID personId = this.jdbc.queryForObject("select person_id from case_file where id = ?", UUID.class, id);
		return new Scenario(id, reference, personId, name, List.of(name, bsn, address, referral, text, justification));
	}

	private ResultActions api(String user, String purpose, MockHttpServletRequestBuilder request, String body)
			throws Exception {
		request.with(httpBasic(user, "demo"));
		if (purpose != null) {
			request.header("X-Purpose", purpose);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request);
	}

	record Scenario(UUID id, String reference, UUID personId, String name, List<String> markers) {
	}

}
