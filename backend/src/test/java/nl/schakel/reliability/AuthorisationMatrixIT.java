package nl.schakel.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The authorisation matrix over HTTP: every API endpoint the running application maps
 * (read from {@link RequestMappingHandlerMapping}, so a new endpoint fails this test
 * until it has an expectation) × every demo account (every role, own and other
 * organisation) × every purpose × a case the reader's organisation is admitted to and one
 * it is not. No combination answers 5xx; content appears only where the gate recorded a
 * PERMIT for that reader and item in that very request; reads by readers not admitted
 * answer 404 and leave a DENY row; writes by the wrong role or a non-participant answer
 * 403 or 404 and change nothing. IDOR attempts — ids of another case, its contributions,
 * participants, consents and other people's requests — fail the same way. Which decision
 * the policy gives per data category and basis is {@code PolicyMatrixIT}'s subject; this
 * test holds the HTTP layer to the gate.
 */
@IntegrationTest
class AuthorisationMatrixIT {

	static final Map<String, String> ORGANISATIONS = orgs();

	/**
	 * The coordinator of a second safety house, to whom every case of Midden is as good
	 * as missing.
	 */
	static final String OTHER_SAFETY_HOUSE = "coordinator-zuid";

	static final List<String> PURPOSES = List.of("TRIAGE", "CASE_CONSULTATION", "PLAN_EXECUTION", "MONITORING", "AUDIT",
			"SUBJECT_ACCESS");

	/** What each API endpoint is; an endpoint missing here fails the test. */
	enum Kind {

		/** GET of case content through the gate. */
		CASE_READ,
		/** coordinator only: registering, moving, triaging, admitting, removing. */
		COORDINATOR_WRITE,
		/** a participant's write on a case: contribution, consent, disclosure request. */
		PARTICIPANT_WRITE,
		/**
		 * a case's metadata for its participants only (its consents): logged, 404 for
		 * anyone else.
		 */
		PARTICIPANT_METADATA,
		/** the coordinator's metadata list. */
		CASE_LIST,
		/** the known-to check. */
		PERSON_SEARCH,
		/** the reader's own inbox. */
		OWN_REQUESTS,
		/**
		 * the reader's own cases: metadata of the cases they are admitted to, no purpose
		 * needed.
		 */
		OWN_CASES,
		/**
		 * the reader's own notifications: no purpose needed; one not the reader's is 404.
		 */
		OWN_NOTIFICATIONS,
		/** granting or refusing a request: the owner of the contribution only. */
		REQUEST_DECISION,
		/** emergency access. */
		BREAK_GLASS,
		/** the auditor's API (its own tests cover the auditor's side). */
		AUDITOR_ONLY,
		/**
		 * a case meeting: the coordinator of its safety house (MeetingIT); an invited
		 * partner reads it, anyone else is refused; no purpose needed.
		 */
		MEETING,
		/**
		 * changing a meeting: the coordinator of its safety house only (MeetingIT); no
		 * purpose needed.
		 */
		MEETING_CHANGE,
		/**
		 * the register of processing: the administrator and the privacy officer only; no
		 * case data.
		 */
		REGISTER,
		/**
		 * reference data in force (the assessment instrument, the intervention
		 * catalogue): any signed-in user.
		 */
		REFERENCE,
		/**
		 * the coordinator's follow-up overview of the own house's cases, and evaluation
		 * aggregates: coordinators only.
		 */
		COORDINATOR_ONLY,
		/**
		 * a what-if on a case's metadata ("Wat ziet wie?"): a caseworker admitted to the
		 * case for any purpose; 404 for other staff, refused for auditors and
		 * administrators; no purpose needed, nothing logged.
		 */
		WHAT_IF,
		/**
		 * keeping the intervention catalogue: the administrator only (every other role
		 * 403, nothing written); no purpose needed. The administrator's own edits:
		 * BeheerKeepsTheInterventionCatalogueIT.
		 */
		CATALOGUE_EDIT

	}

	static final Map<String, Kind> API = new LinkedHashMap<>();

	static {
		API.put("POST /api/v1/cases", Kind.COORDINATOR_WRITE);
		API.put("GET /api/v1/cases", Kind.CASE_LIST);
		API.put("GET /api/v1/cases/{id}", Kind.CASE_READ);
		API.put("GET /api/v1/cases/{id}/participants", Kind.CASE_READ);
		API.put("GET /api/v1/cases/{id}/summary.pdf", Kind.CASE_READ);
		API.put("POST /api/v1/cases/{id}/status", Kind.COORDINATOR_WRITE);
		API.put("POST /api/v1/cases/{id}/triage", Kind.COORDINATOR_WRITE);
		API.put("POST /api/v1/cases/{id}/reopening", Kind.COORDINATOR_WRITE);
		API.put("POST /api/v1/cases/{id}/participants", Kind.COORDINATOR_WRITE);
		API.put("DELETE /api/v1/cases/{id}/participants/{participantId}", Kind.COORDINATOR_WRITE);
		API.put("POST /api/v1/cases/{id}/break-glass", Kind.BREAK_GLASS);
		API.put("POST /api/v1/cases/{id}/contributions", Kind.PARTICIPANT_WRITE);
		API.put("GET /api/v1/cases/{id}/consents", Kind.PARTICIPANT_METADATA);
		API.put("GET /api/v1/cases/{id}/audience-preview", Kind.WHAT_IF);
		API.put("POST /api/v1/cases/{id}/consents", Kind.PARTICIPANT_WRITE);
		API.put("POST /api/v1/cases/{id}/consents/{consentId}/withdrawal", Kind.PARTICIPANT_WRITE);
		API.put("POST /api/v1/cases/{id}/contributions/{contributionId}/requests", Kind.PARTICIPANT_WRITE);
		API.put("POST /api/v1/persons/known-to", Kind.PERSON_SEARCH);
		API.put("GET /api/v1/requests", Kind.OWN_REQUESTS);
		API.put("GET /api/v1/my/cases", Kind.OWN_CASES);
		API.put("GET /api/v1/my/notifications", Kind.OWN_NOTIFICATIONS);
		API.put("POST /api/v1/my/notifications/{id}/read", Kind.OWN_NOTIFICATIONS);
		API.put("POST /api/v1/my/notifications/read-all", Kind.OWN_NOTIFICATIONS);
		API.put("POST /api/v1/requests/{id}/grant", Kind.REQUEST_DECISION);
		API.put("POST /api/v1/requests/{id}/refusal", Kind.REQUEST_DECISION);
		API.put("GET /api/v1/cases/{id}/actions", Kind.PARTICIPANT_METADATA);
		API.put("POST /api/v1/cases/{id}/actions", Kind.COORDINATOR_WRITE);
		API.put("POST /api/v1/cases/{id}/actions/{actionId}/status", Kind.PARTICIPANT_WRITE);
		API.put("GET /api/v1/cases/{id}/minutes", Kind.PARTICIPANT_METADATA);
		API.put("GET /api/v1/register", Kind.REGISTER);
		API.put("POST /api/v1/meetings", Kind.MEETING);
		API.put("GET /api/v1/meetings", Kind.MEETING);
		API.put("GET /api/v1/meetings/{id}", Kind.MEETING);
		API.put("PUT /api/v1/meetings/{id}", Kind.MEETING_CHANGE);
		API.put("POST /api/v1/meetings/{id}/attendance", Kind.MEETING);
		API.put("POST /api/v1/meetings/{id}/cases/{caseId}/minutes", Kind.MEETING);
		API.put("GET /api/v1/assessment-instrument", Kind.REFERENCE);
		API.put("GET /api/v1/interventions", Kind.REFERENCE);
		API.put("POST /api/v1/interventions", Kind.CATALOGUE_EDIT);
		API.put("PUT /api/v1/interventions/{code}", Kind.CATALOGUE_EDIT);
		API.put("POST /api/v1/interventions/{code}/retirement", Kind.CATALOGUE_EDIT);
		API.put("GET /api/v1/cases/{id}/assessments", Kind.CASE_READ);
		API.put("GET /api/v1/cases/{id}/assessments/trend", Kind.CASE_READ);
		API.put("POST /api/v1/cases/{id}/assessments", Kind.PARTICIPANT_WRITE);
		API.put("GET /api/v1/cases/{id}/interventions", Kind.CASE_READ);
		API.put("POST /api/v1/cases/{id}/interventions", Kind.PARTICIPANT_WRITE);
		API.put("POST /api/v1/cases/{id}/interventions/{interventionId}/outcome", Kind.PARTICIPANT_WRITE);
		API.put("POST /api/v1/cases/{id}/interventions/{interventionId}/barriers", Kind.PARTICIPANT_WRITE);
		API.put("GET /api/v1/follow-ups", Kind.COORDINATOR_ONLY);
		API.put("GET /api/v1/evaluation/interventions", Kind.COORDINATOR_ONLY);
		API.put("GET /api/v1/evaluation/interventions.csv", Kind.COORDINATOR_ONLY);
		API.put("POST /api/v1/cases/{id}/erasure", Kind.COORDINATOR_WRITE);
		API.put("POST /api/v1/cases/{id}/retention-extension", Kind.COORDINATOR_WRITE);
		API.put("GET /api/v1/retention/upcoming", Kind.COORDINATOR_ONLY);
		API.put("POST /api/v1/cases/{id}/rectification", Kind.COORDINATOR_WRITE);
	}

	/**
	 * Browser pages and forms: WebSecurityIT checks login, CSRF and headers for all of
	 * them.
	 */
	static final Set<String> UI_PREFIXES = Set.of("/", "/login", "/role", "/cases", "/known-to", "/requests", "/audit",
			"/notifications", "/error", "/v3/api-docs", "/swagger-ui", "/meetings", "/beheer", "/register",
			"/evaluation", "/interventions", "/follow-ups", "/retention");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	/**
	 * Signed in as the account without HTTP Basic's deliberately slow password hash per
	 * call.
	 */
	final Map<String, UserDetails> signedIn = new java.util.HashMap<>();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	String secretA;

	String secretB;

	String nameA;

	String reasonA;

	/** A meeting of Midden with case A on its agenda. */
	String meetingA;

	@Test
	void everyEndpointEveryRoleEveryPurposeOwnAndOtherCase() throws Exception {
		long started = System.nanoTime();
		// -- the endpoints, from the running application
		Map<String, Kind> endpoints = new TreeMap<>();
		Set<String> unknown = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String key = method + " " + pattern;
					if (pattern.startsWith("/api/v1/audit")) {
						endpoints.put(key, Kind.AUDITOR_ONLY);
					}
					else if (pattern.startsWith("/api/")) {
						if (API.containsKey(key)) {
							endpoints.put(key, API.get(key));
						}
						else {
							unknown.add(key);
						}
					}
					else if (UI_PREFIXES.stream()
						.noneMatch((prefix) -> pattern.equals(prefix)
								|| pattern.startsWith(prefix.equals("/") ? "/\u0000" : prefix + "/")
								|| pattern.startsWith(prefix + "."))) {
						unknown.add(key);
					}
				}
			}
		}
		assertThat(unknown).as("endpoints without an expectation in AuthorisationMatrixIT").isEmpty();
		assertThat(endpoints.keySet()).containsAll(API.keySet());

		// -- one fixture: case A (ggz and politie admitted for consultation), case B
		// (verslavingszorg admitted)
		Fixture a = caseWith("ggz-midden", "ggz", "A");
		Fixture b = caseWith("verslavingszorg-midden", "verslavingszorg", "B");
		this.secretA = a.secret;
		this.secretB = b.secret;
		this.nameA = a.name;
		this.reasonA = a.reason;
		admit(a.id, "politie-midden");
		String requestA = id(call("politie", "CASE_CONSULTATION", HttpMethod.POST,
				"/api/v1/cases/" + a.id + "/contributions/" + a.contribution + "/requests",
				"{\"reason\": \"Nodig voor de risico-inschatting\"}"), 201);
		String bsnA = a.bsn;
		this.meetingA = id(call("coordinator", "CASE_CONSULTATION", HttpMethod.POST, "/api/v1/meetings",
				"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + a.id + "\"]}"), 201);

		List<String> failures = new ArrayList<>();
		Map<String, Map<Integer, Integer>> tally = new TreeMap<>();
		int calls = 0;
		for (Map.Entry<String, Kind> endpoint : endpoints.entrySet()) {
			String[] parts = endpoint.getKey().split(" ", 2);
			HttpMethod method = HttpMethod.valueOf(parts[0]);
			for (String user : ORGANISATIONS.keySet()) {
				for (String purpose : PURPOSES) {
					for (Fixture target : List.of(a, b)) {
						if (!parts[1].contains("{id}") && target == b && !parts[1].startsWith("/api/v1/requests/")) {
							continue;
						}
						Probe probe = probe(endpoint.getValue(), parts[1], user, purpose, target, a, b, requestA, bsnA);
						if (probe == null) {
							continue;
						}
						long permitsBefore = permits(user);
						long deniesBefore = (endpoint.getValue() == Kind.CASE_READ) ? denies(user, target.id) : 0;
						long rowsBefore = probe.refusedWrite ? caseRows() : 0;
						MockHttpServletResponse response = call(user, purpose, method, probe.path, probe.body);
						calls++;
						int status = response.getStatus();
						tally.computeIfAbsent(endpoint.getKey() + " " + user, (k) -> new TreeMap<>())
							.merge(status, 1, Integer::sum);
						String body = response.getContentAsString();
						String where = endpoint.getKey() + " as " + user + " for " + purpose + " on case "
								+ target.label + " -> " + status;
						if (status >= 500) {
							failures.add(where + " (server error) " + body);
						}
						for (Fixture item : List.of(a, b)) {
							if (body.contains(item.secret) && permits(user) == permitsBefore) {
								failures.add(where + ": content of case " + item.label + " without a PERMIT row");
							}
						}
						// (a refusal names its own path, id included, as the instance:
						// ids count in the list only)
						if (endpoint.getValue() == Kind.OWN_CASES && status == 200) {
							// one's own cases: exactly those the reader's organisation is
							// admitted to
							for (Fixture item : List.of(a, b)) {
								boolean listed = body.contains(item.id);
								// a coordinator lists the own safety house's cases,
								// Midden's both
								boolean expected = user.equals("coordinator")
										|| (!isAuditorOrAdministrator(user) && !user.equals(OTHER_SAFETY_HOUSE)
												&& admittedForAny(item.id, ORGANISATIONS.get(user)));
								if (listed != expected) {
									failures.add(where + ": case " + item.label + (listed ? " listed" : " not listed"));
								}
							}
						}
						if (user.equals(OTHER_SAFETY_HOUSE) && ((endpoint.getValue() == Kind.CASE_LIST
								&& (body.contains(a.id) || body.contains(b.id))) || body.contains(a.name)
								|| body.contains(a.reason) || body.contains(a.secret) || body.contains(b.secret))) {
							failures.add(where + ": another safety house learnt of a case of Midden");
						}
						if (isAuditorOrAdministrator(user) && (body.contains(a.secret) || body.contains(a.name)
								|| body.contains(a.reason) || body.contains(b.secret))) {
							failures.add(where + ": " + user + " saw case content");
						}
						String expected = probe.expect.check(status);
						if (expected != null) {
							failures.add(where + ", expected " + expected + " "
									+ body.substring(0, Math.min(160, body.length())));
						}
						if ((probe.deniedRead || (endpoint.getValue() == Kind.CASE_READ && status == 404
								&& !isAuditorOrAdministrator(user))) && denies(user, target.id) == deniesBefore) {
							failures.add(where + ": a refused read left no DENY row");
						}
						if (probe.refusedWrite && status >= 400 && caseRows() != rowsBefore) {
							failures.add(where + ": a refused write changed data");
						}
					}
				}
			}
		}
		// every case endpoint refuses a missing purpose with 400
		for (String key : API.keySet()) {
			if (API.get(key) == Kind.OWN_CASES || API.get(key) == Kind.OWN_NOTIFICATIONS || API.get(key) == Kind.MEETING
					|| API.get(key) == Kind.MEETING_CHANGE || API.get(key) == Kind.REGISTER
					|| API.get(key) == Kind.REFERENCE || API.get(key) == Kind.COORDINATOR_ONLY
					|| API.get(key) == Kind.WHAT_IF || API.get(key) == Kind.CATALOGUE_EDIT) {
				continue; // one's own admissions, notifications and meetings, reference
							// data, aggregates: no purpose
			}
			if (key.endsWith("/erasure") || key.endsWith("/rectification") || key.endsWith("/retention-extension")) {
				continue; // the coordinator's acts on the case file disclose nothing: a
							// purpose
							// is optional (ErasureReachesEveryCopyIT checks a named one)
			}
			String[] parts = key.split(" ", 2);
			String path = parts[1].replace("{id}", a.id)
				.replace("{participantId}", UUID.randomUUID().toString())
				.replace("{consentId}", UUID.randomUUID().toString())
				.replace("{contributionId}", a.contribution)
				.replace("{actionId}", UUID.randomUUID().toString())
				.replace("{interventionId}", UUID.randomUUID().toString());
			if (path.startsWith("/api/v1/requests/")) {
				path = "/api/v1/requests/" + requestA + path.substring(path.lastIndexOf('/'));
			}
			var builder = request(HttpMethod.valueOf(parts[0]), path).with(httpBasic("ggz", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}");
			int status = this.mvc.perform(builder).andReturn().getResponse().getStatus();
			calls++;
			if (status != 400) {
				failures.add(key + " without X-Purpose -> " + status + ", expected 400");
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("Authorisation matrix: %d endpoints, %d calls in %d ms%n", endpoints.size(), calls, millis);
		tally.forEach((k, v) -> System.out.println("  " + k + " " + v));
		if (!failures.isEmpty()) {
			fail(failures.size() + " violations:\n"
					+ String.join("\n", failures.subList(0, Math.min(200, failures.size()))));
		}
	}

	@Test
	void idorAttemptsFailAndReadsAreRecorded() throws Exception {
		Fixture a = caseWith("ggz-midden", "ggz", "A");
		Fixture b = caseWith("verslavingszorg-midden", "verslavingszorg", "B");
		String consentB = id(call("verslavingszorg", "CASE_CONSULTATION", HttpMethod.POST,
				"/api/v1/cases/" + b.id + "/consents",
				"""
						{"organisations": ["ggz-midden"], "categories": ["SOCIAL"], "purposes": ["CASE_CONSULTATION"],
						 "validFrom": "2020-01-01", "evidence": "formulier", "evidenceKind": "SIGNED_FORM", "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}"""),
				201);
		String requestB = id(call("coordinator", "CASE_CONSULTATION", HttpMethod.POST,
				"/api/v1/cases/" + b.id + "/contributions/" + b.contribution + "/requests",
				"{\"reason\": \"Nodig voor het overleg\"}"), 201);
		String participantB = this.jdbc.queryForObject(
				"select id::text from participation where case_id = ?::uuid and organisation_code = 'verslavingszorg-midden'",
				String.class, b.id);
		List<String> failures = new ArrayList<>();
		// reads of another case: 404 and a DENY row
		for (String path : List.of("/api/v1/cases/" + b.id, "/api/v1/cases/" + b.id + "/participants")) {
			long before = denies("ggz", b.id);
			int status = call("ggz", "CASE_CONSULTATION", HttpMethod.GET, path, null).getStatus();
			if (status != 404 || denies("ggz", b.id) == before) {
				failures
					.add("GET " + path + " by ggz -> " + status + ", denial rows " + (denies("ggz", b.id) - before));
			}
		}
		long rows = caseRows();
		// another case's contribution, consent and participant through one's own case
		expectRefused(failures, "ggz", HttpMethod.POST,
				"/api/v1/cases/" + a.id + "/contributions/" + b.contribution + "/requests",
				"{\"reason\": \"IDOR poging\"}");
		expectRefused(failures, "ggz", HttpMethod.POST,
				"/api/v1/cases/" + b.id + "/contributions/" + b.contribution + "/requests",
				"{\"reason\": \"IDOR poging\"}");
		expectRefused(failures, "ggz", HttpMethod.POST,
				"/api/v1/cases/" + a.id + "/consents/" + consentB + "/withdrawal", "{}");
		expectRefused(failures, "coordinator", HttpMethod.DELETE,
				"/api/v1/cases/" + a.id + "/participants/" + participantB, null);
		// someone else's request, by a participant of the same case and by the requester
		// itself
		for (String user : List.of("ggz", "coordinator", "politie", "om", "auditor", "beheer")) {
			expectRefused(failures, user, HttpMethod.POST, "/api/v1/requests/" + requestB + "/grant",
					"{\"basis\": \"PUBLIC_TASK\"}");
			expectRefused(failures, user, HttpMethod.POST, "/api/v1/requests/" + requestB + "/refusal",
					"{\"reason\": \"nee\"}");
		}
		// random ids answer like real ones
		expectRefused(failures, "ggz", HttpMethod.GET, "/api/v1/cases/" + UUID.randomUUID(), null);
		expectRefused(failures, "ggz", HttpMethod.POST, "/api/v1/requests/" + UUID.randomUUID() + "/grant",
				"{\"basis\": \"PUBLIC_TASK\"}");
		if (caseRows() != rows) {
			failures.add("refused IDOR attempts changed data");
		}
		// the person behind case B: a BSN search tells a non-participant only "known",
		// never the case
		String known = call("gemeente", "TRIAGE", HttpMethod.POST, "/api/v1/persons/known-to",
				"{\"bsn\": \"" + b.bsn + "\"}")
			.getContentAsString();
		if (known.contains(b.secret) || known.contains(b.name) || known.contains(b.id) || known.contains(b.reason)) {
			failures.add("known-to leaked case B: " + known);
		}
		assertThat(failures).isEmpty();
	}

	private void expectRefused(List<String> failures, String user, HttpMethod method, String path, String body)
			throws Exception {
		MockHttpServletResponse response = call(user, "CASE_CONSULTATION", method, path, body);
		if (response.getStatus() != 403 && response.getStatus() != 404) {
			failures.add(method + " " + path + " by " + user + " -> " + response.getStatus() + " "
					+ response.getContentAsString());
		}
	}

	/** What one combination must answer. */
	interface Expect {

		/**
		 * @return null when fine, else what was expected
		 */
		String check(int status);

		static Expect exactly(int expected) {
			return (status) -> (status == expected) ? null : String.valueOf(expected);
		}

		static Expect refused() {
			return (status) -> (status == 403 || status == 404) ? null : "403 or 404";
		}

	}

	record Probe(String path, String body, Expect expect, boolean deniedRead, boolean refusedWrite) {
	}

	private Probe probe(Kind kind, String pattern, String user, String purpose, Fixture target, Fixture a, Fixture b,
			String requestA, String bsnA) {
		String organisation = ORGANISATIONS.get(user);
		boolean staff = !isAuditorOrAdministrator(user);
		boolean admitted = admitted(target.id, organisation, purpose);
		String path = pattern.replace("{id}", target.id)
			.replace("{participantId}", target.participant)
			.replace("{consentId}", UUID.randomUUID().toString())
			.replace("{contributionId}", target.contribution)
			.replace("{actionId}", UUID.randomUUID().toString())
			.replace("{interventionId}", UUID.randomUUID().toString());
		boolean coordinator = user.equals("coordinator");
		boolean otherSafetyHouse = user.equals(OTHER_SAFETY_HOUSE);
		switch (kind) {
			case CASE_READ -> {
				if (staff && admitted) {
					// admitted: the case is shown, unless the policy refuses this role
					// the purpose
					// (the coordinator's organisation is admitted for every purpose,
					// AUDIT included)
					return new Probe(path, null,
							(status) -> (status == 200 || (status == 404 && !purpose.equals("CASE_CONSULTATION")))
									? null : "200 (or 404 outside consultation)",
							false, false);
				}
				if (staff) {
					return new Probe(path, null, Expect.exactly(404), true, false);
				}
				// auditors and administrators: refused, whatever their organisation's
				// admission
				return new Probe(path, null, Expect.refused(), false, false);
			}
			case CASE_LIST -> {
				return new Probe(path, null, (coordinator || otherSafetyHouse) ? Expect.exactly(200) : Expect.refused(),
						false, false);
			}
			case COORDINATOR_WRITE -> {
				if (coordinator) {
					return null; // the coordinator's own writes: CaseworkStoriesIT and
									// CaseApiIT
				}
				if (otherSafetyHouse) {
					// registering makes a case of Zuid's own; on Midden's case: as if it
					// were missing
					return pattern.equals("/api/v1/cases") ? null
							: new Probe(path, coordinatorBody(pattern), Expect.exactly(404), false, true);
				}
				return new Probe(path, coordinatorBody(pattern), Expect.refused(), false, true);
			}
			case BREAK_GLASS -> {
				if (coordinator) {
					return null; // the coordinator's emergency access: CaseworkStoriesIT
				}
				if (otherSafetyHouse) {
					return new Probe(path, "{\"reason\": \"Acute dreiging gemeld door de wijkagent\"}",
							Expect.exactly(404), false, true);
				}
				return new Probe(path, "{\"reason\": \"Acute dreiging gemeld door de wijkagent\"}", Expect.refused(),
						false, true);
			}
			case PARTICIPANT_WRITE -> {
				if (staff && admitted) {
					return null; // allowed writes: CaseworkStoriesIT, PrivacyStoriesIT
				}
				return new Probe(path, participantBody(pattern), Expect.refused(), false, true);
			}
			case PARTICIPANT_METADATA -> {
				if (staff && admitted) {
					return new Probe(path, null, Expect.exactly(200), false, false);
				}
				return new Probe(path, null, staff ? Expect.exactly(404) : Expect.refused(), false, false);
			}
			case WHAT_IF -> {
				String query = path + "?category=SOCIAL&legalBasis=PUBLIC_TASK";
				if (staff && admittedForAny(target.id, organisation)) {
					return new Probe(query, null, Expect.exactly(200), false, false);
				}
				return new Probe(query, null, staff ? Expect.exactly(404) : Expect.refused(), false, false);
			}
			case PERSON_SEARCH -> {
				if (target != a) {
					return null;
				}
				String body = "{\"bsn\": \"" + bsnA + "\"}";
				// the purpose must be one the policy allows for a search; every refusal
				// is 4xx
				return new Probe(path, body,
						staff ? (status) -> (status == 200 || status == 400 || status == 403) ? null : "200, 400 or 403"
								: Expect.exactly(403),
						false, false);
			}
			case OWN_REQUESTS -> {
				// one's own inbox; auditors and administrators have none (an empty one,
				// at most)
				return new Probe(path, null,
						(status) -> (status == 200 || status == 400 || status == 403) ? null : "200, 400 or 403", false,
						false);
			}
			case OWN_CASES -> {
				if (target != a) {
					return null;
				}
				// any role, with or without a purpose: auditors and administrators get an
				// empty list
				return new Probe(path, null, Expect.exactly(200), false, false);
			}
			case OWN_NOTIFICATIONS -> {
				if (target != a) {
					return null;
				}
				// any role, with or without a purpose; the id here is a case's, never a
				// notification of anyone
				return new Probe(path, null, Expect.exactly(pattern.contains("{id}") ? 404 : 200), false, false);
			}
			case REQUEST_DECISION -> {
				if (target != a) {
					return null;
				}
				String decisionPath = pattern.replace("{id}", requestA);
				if (user.equals("ggz")) {
					return null; // the owner's decision: CaseworkStoriesIT
				}
				String body = pattern.endsWith("/grant") ? "{\"basis\": \"PUBLIC_TASK\"}" : "{\"reason\": \"nee\"}";
				return new Probe(decisionPath, body, Expect.refused(), false, true);
			}
			case REGISTER -> {
				if (target != a) {
					return null;
				}
				return new Probe(path, null, isAuditorOrAdministrator(user) ? Expect.exactly(200) : Expect.exactly(403),
						false, false);
			}
			case AUDITOR_ONLY -> {
				if (target != a || user.equals("auditor")
						|| !(purpose.equals("AUDIT") || purpose.equals("CASE_CONSULTATION"))) {
					// the auditor's own use: nl.schakel.audit tests; two purposes suffice
					// to show the
					// purpose check and the role check refusing
					return null;
				}
				String auditPath = pattern.replaceAll("\\{[^}]+}", a.id);
				// refused by the purpose check (400), the body's validation (400) or the
				// role check (403)
				return new Probe(auditPath, "{}", (status) -> (status == 400 || status == 403) ? null : "400 or 403",
						false, true);
			}
			case MEETING -> {
				if (target != a || coordinator) {
					return null; // the coordinator's own meetings: MeetingIT
				}
				String meetingPath = pattern.replace("{id}", this.meetingA).replace("{caseId}", a.id);
				if (pattern.equals("/api/v1/meetings")) {
					// a coordinator of another house lists its own (none of Midden's);
					// others are refused
					return otherSafetyHouse
							? new Probe(meetingPath,
									"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + a.id + "\"]}",
									(status) -> (status == 200 || status == 400) ? null
											: "200 (list) or 400 (Midden's case)",
									false, true)
							: new Probe(meetingPath,
									"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + a.id + "\"]}",
									Expect.refused(), false, true);
				}
				if (pattern.equals("/api/v1/meetings/{id}")) {
					// an invited partner (admitted to case A) reads the meeting; anyone
					// else finds none
					return new Probe(meetingPath, null,
							(staff && !otherSafetyHouse && admittedForAny(a.id, organisation)) ? Expect.exactly(200)
									: Expect.refused(),
							false, false);
				}
				String body = pattern.endsWith("/attendance") ? "{\"organisation\": \"ggz-midden\", \"present\": true}"
						: "{\"text\": \"niet toegestaan\", \"category\": \"GENERAL\"}";
				return new Probe(meetingPath, body, Expect.refused(), false, true);
			}
			case MEETING_CHANGE -> {
				if (target != a || coordinator) {
					return null;
				}
				return new Probe(pattern.replace("{id}", this.meetingA),
						"{\"startsAt\": \"2026-12-11T10:00:00+01:00\", \"caseIds\": [\"" + a.id + "\"]}",
						Expect.refused(), false, true);
			}
			case REFERENCE -> {
				return (target != a) ? null : new Probe(path, null, Expect.exactly(200), false, false);
			}
			case COORDINATOR_ONLY -> {
				if (target != a) {
					return null;
				}
				return new Probe(path, null,
						(coordinator || otherSafetyHouse) ? Expect.exactly(200) : Expect.exactly(403), false, false);
			}
			case CATALOGUE_EDIT -> {
				// one purpose suffices: the catalogue is no case data and asks for none
				if (target != a || !purpose.equals("CASE_CONSULTATION")) {
					return null;
				}
				String catalogue = path.replace("{code}", "mentoring");
				if (user.equals("beheer")) {
					// the administrator's edits themselves:
					// BeheerKeepsTheInterventionCatalogueIT
					// (retiring a shipped intervention here would change what other tests
					// choose)
					return catalogue.endsWith("/retirement") ? null
							: new Probe(catalogue, "{}", Expect.exactly(400), false, false);
				}
				// a whole, valid intervention: refused for the role, not for the body
				return new Probe(catalogue,
						"{\"code\": \"matrix-probe\", \"name\": {\"nl\": \"Proef\", \"en\": \"Probe\"}, "
								+ "\"providerType\": {\"nl\": \"Proef\", \"en\": \"Probe\"}, \"deliveredBy\": \"CARE\", "
								+ "\"workingElements\": [\"COGNITIVE\"]}",
						Expect.exactly(403), false, true);
			}
			default -> throw new IllegalStateException(kind.name());
		}
	}

	private static String coordinatorBody(String pattern) {
		if (pattern.endsWith("/status")) {
			return "{\"status\": \"CLOSED\"}";
		}
		if (pattern.endsWith("/triage")) {
			return "{\"outcome\": \"ACCEPTED\"}";
		}
		if (pattern.endsWith("/actions")) {
			return "{\"description\": \"niet toegestaan\", \"organisation\": \"ggz-midden\", \"due\": \"2026-12-17\"}";
		}
		if (pattern.endsWith("/reopening")) {
			return "{\"reason\": \"Nieuwe signalen\"}";
		}
		if (pattern.endsWith("/erasure")) {
			return "{\"kind\": \"RETENTION_DUE\", \"reason\": \"niet toegestaan\"}";
		}
		if (pattern.endsWith("/rectification")) {
			return "{\"field\": \"address\", \"value\": \"Nergensstraat 1\", \"reason\": \"niet toegestaan\"}";
		}
		if (pattern.endsWith("/retention-extension")) {
			return "{\"until\": \"2099-01-01\", \"reason\": \"niet toegestaan\"}";
		}
		if (pattern.endsWith("/participants")) {
			return "{\"organisation\": \"om-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}";
		}
		if (pattern.equals("/api/v1/cases")) {
			return """
					{"person": {"name": "Niet Geregistreerd", "dateOfBirth": "1980-01-01"}, "caseType": "OTHER"}""";
		}
		return null;
	}

	private static String participantBody(String pattern) {
		if (pattern.endsWith("/contributions")) {
			return """
					{"text": "niet toegestaan", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""";
		}
		if (pattern.endsWith("/consents")) {
			return """
					{"organisations": ["om-midden"], "categories": ["SOCIAL"], "purposes": ["CASE_CONSULTATION"],
					 "validFrom": "2020-01-01", "evidence": "formulier", "evidenceKind": "SIGNED_FORM", "evidenceObtainedOn": "2020-01-01", "evidenceObtainedBy": "J. de Vries"}""";
		}
		if (pattern.endsWith("/requests")) {
			return "{\"reason\": \"Ik wil dit zien\"}";
		}
		return "{}";
	}

	record Fixture(String label, String id, String contribution, String participant, String secret, String name,
			String reason, String bsn) {
	}

	private Fixture caseWith(String organisation, String author, String label) throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String bsn = TestBsns.next();
		String name = "Matrix Persoon " + marker;
		String reason = "Zorgen matrix " + marker;
		String id = id(call("coordinator", "TRIAGE", HttpMethod.POST, "/api/v1/cases", """
				{"person": {"name": "%s", "dateOfBirth": "1990-05-05", "bsn": "%s"}, "caseType": "RADICALISATION",
				 "referral": {"referringOrganisation": "politie-midden", "referringProfessional": "wijkagent",
				              "reason": "%s", "goal": "Beeld", "personInformed": true}}""".formatted(name, bsn,
				reason)), 201);
		call("coordinator", "TRIAGE", HttpMethod.POST, "/api/v1/cases/" + id + "/status", "{\"status\": \"TRIAGE\"}");
		call("coordinator", "TRIAGE", HttpMethod.POST, "/api/v1/cases/" + id + "/triage",
				"{\"outcome\": \"ACCEPTED\"}");
		admit(id, organisation);
		String secret = "MATRIX-SECRET-" + label + "-" + marker;
		String contribution = id(
				call(author, "CASE_CONSULTATION", HttpMethod.POST, "/api/v1/cases/" + id + "/contributions", """
						{"text": "%s", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK"}""".formatted(secret)), 201);
		String participant = this.jdbc.queryForObject(
				"select id::text from participation where case_id = ?::uuid and organisation_code = ?", String.class,
				UUID.fromString(id), organisation);
		return new Fixture(label, id, contribution, participant, secret, name, reason, bsn);
	}

	private void admit(String caseId, String organisation) throws Exception {
		int status = call("coordinator", "TRIAGE", HttpMethod.POST, "/api/v1/cases/" + caseId + "/participants",
				"{\"organisation\": \"%s\", \"purposes\": [\"CASE_CONSULTATION\"]}".formatted(organisation))
			.getStatus();
		assertThat(status).isEqualTo(201);
	}

	private boolean admitted(String caseId, String organisation, String purpose) {
		return this.jdbc.queryForObject("""
				select count(*) from participation where case_id = ?::uuid and organisation_code = ?
				and removed_at is null and ? = any(purposes)""", Long.class, caseId, organisation, purpose) > 0;
	}

	private boolean admittedForAny(String caseId, String organisation) {
		return this.jdbc.queryForObject("""
				select count(*) from participation where case_id = ?::uuid and organisation_code = ?
				and removed_at is null and cardinality(professionals) = 0""", Long.class, caseId, organisation) > 0;
	}

	private long permits(String user) {
		return this.jdbc.queryForObject("select count(*) from disclosure where actor = ? and decision = 'PERMIT'",
				Long.class, user);
	}

	private long denies(String user, String caseId) {
		return this.jdbc.queryForObject(
				"select count(*) from disclosure where actor = ? and case_id = ?::uuid and decision = 'DENY'",
				Long.class, user, caseId);
	}

	/** Rows a refused write could have added. */
	private long caseRows() {
		return this.jdbc.queryForObject(
				"""
						select (select count(*) from case_file) + (select count(*) from contribution)
						     + (select count(*) from participation where removed_at is null) + (select count(*) from consent)
						     + (select count(*) from disclosure_request where state = 'OPEN') + (select count(*) from break_glass)""",
				Long.class);
	}

	private static boolean isAuditorOrAdministrator(String user) {
		return user.equals("auditor") || user.equals("beheer");
	}

	private MockHttpServletResponse call(String user, String purpose, HttpMethod method, String path, String body)
			throws Exception {
		MockHttpServletRequestBuilder builder = request(method, path)
			.with(user(this.signedIn.computeIfAbsent(user, this.accounts::loadUserByUsername)))
			.header("X-Purpose", purpose);
		if (body != null) {
			builder.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(builder).andReturn().getResponse();
	}

	private static String id(MockHttpServletResponse response, int expected) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
		return JsonPath.read(response.getContentAsString(), "$.id");
	}

	private static Map<String, String> orgs() {
		Map<String, String> organisations = new LinkedHashMap<>();
		organisations.put("coordinator", "zvh-midden");
		// the coordinator of another safety house: every case here is Midden's
		organisations.put("coordinator-zuid", "zvh-zuid");
		organisations.put("ggz", "ggz-midden");
		organisations.put("verslavingszorg", "verslavingszorg-midden");
		organisations.put("politie", "politie-midden");
		organisations.put("om", "om-midden");
		organisations.put("reclassering", "reclassering-midden");
		organisations.put("gemeente", "gemeente-midden");
		organisations.put("auditor", "zvh-midden");
		organisations.put("beheer", "zvh-midden");
		return organisations;
	}

}
