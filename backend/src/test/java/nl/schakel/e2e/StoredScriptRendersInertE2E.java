package nl.schakel.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import nl.schakel.audit.AuditJobsNow;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Stored (and reflected) script in every free-text field renders inert in a real browser
 * (the CSP and escaping must hold where a browser really runs script). Each field gets
 * its own payload — a script element, an image with {@code onerror}, an attribute
 * break-out in both quote styles into an {@code <svg onload>}, a {@code javascript:} link
 * — each of which would set {@code window.__xss} to the field's name. Then every page
 * that renders the fields is opened in headless Chromium as the people who may see them,
 * and on each page: no alert is open, {@code window.__xss} is undefined, the DOM holds no
 * element the payloads would create (inline script, {@code onerror}/{@code onload}, svg,
 * {@code javascript:} link, {@code img src=x}) — which would show an escaping failure
 * even where the Content-Security-Policy stops the script — and each payload that is on
 * the page is there as its exact text. At the end every field that the UI shows must have
 * been seen rendered somewhere, so a template change that stops showing one cannot hollow
 * the check out.
 */
class StoredScriptRendersInertE2E extends EndToEndTest {

	/** Fields that are stored and shown in some page (the page list below says where). */
	static final List<String> SHOWN = List.of("name", "referrer", "reason", "goal", "uninformed", "triage", "pro",
			"text-a", "text-b", "text-c", "text-d", "request-c", "request-d", "refusal", "comment", "obtained-by");

	/**
	 * Stored, but no page shows them (the address and consent evidence are not on any
	 * page, a grant's conflict-of-duties answers only in the database, a contribution's
	 * statute only in its history, which now names changed free text in words and never
	 * shows it); stored anyway, so that a page that starts showing them is checked too
	 * and this list is corrected.
	 */
	static final List<String> NOT_SHOWN = List.of("address", "evidence", "statute", "cod-1", "cod-2", "cod-3", "cod-4",
			"cod-5");

	/** Reflected into a form field's value after a search or a refused form. */
	static final List<String> REFLECTED = List.of("q-person", "q-case", "q-actor", "q-org", "q-known", "q-sa-name");

	static final String PROBE = """
			const live = Array.from(document.querySelectorAll(
			    'script:not([src]), [onerror], [onload], [onfocus], svg, img[src="x"], a[href^="javascript:" i]'))
			  .map((e) => e.outerHTML.slice(0, 160));
			return {xss: (typeof window.__xss === 'undefined') ? null : String(window.__xss), live: live,
			        text: document.body.textContent, title: document.title};""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	/** Which fields each page showed, for the report and the final check. */
	private final Map<String, Set<String>> seen = new LinkedHashMap<>();

	static String payload(String field) {
		return field.equals("pro") ? compactPayload(field) : fullPayload(field);
	}

	static String fullPayload(String field) {
		return "<script>__xss='" + field + "'</script><img src=x onerror=__xss='" + field + "'>\"><svg onload=__xss='"
				+ field + "'>'><a href=\"javascript:__xss='" + field + "'\">" + field + "</a>";
	}

	/**
	 * The same attacks without spaces, for a username: {@code /} separates attributes
	 * too.
	 */
	static String compactPayload(String field) {
		return "<script>__xss='" + field + "'</script><img/src=x/onerror=__xss='" + field + "'>\"><svg/onload=__xss='"
				+ field + "'>'>" + field;
	}

	@Test
	void scriptInEveryTextFieldIsShownAsTextAndNeverRuns() {
		// stored through the API as each field's author
		String coordinator = accessToken("schakel-api-client", "coordinator");
		Map<String, Object> referral = new LinkedHashMap<>();
		referral.put("referringOrganisation", "politie-midden");
		referral.put("referringProfessional", payload("referrer"));
		referral.put("reason", payload("reason"));
		referral.put("goal", payload("goal"));
		referral.put("personInformed", false);
		referral.put("notInformedReason", payload("uninformed"));
		HttpResponse<String> registered = post(coordinator, "TRIAGE", "/api/v1/cases",
				Map.of("person",
						Map.of("name", payload("name"), "dateOfBirth", "1979-03-21", "address", payload("address")),
						"caseType", "CONFUSED_BEHAVIOUR", "referral", referral),
				201);
		String caseUrl = registered.headers().firstValue("Location").orElseThrow();
		String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
		String reference = json(registered.body()).get("reference").asString();
		post(coordinator, "TRIAGE", caseUrl + "/status", Map.of("status", "TRIAGE"), 200);
		post(coordinator, "TRIAGE", caseUrl + "/triage", Map.of("outcome", "ACCEPTED", "reason", payload("triage")),
				200);
		for (String organisation : List.of("ggz-midden", "politie-midden")) {
			post(coordinator, "TRIAGE", caseUrl + "/participants",
					Map.of("organisation", organisation, "purposes", List.of("CASE_CONSULTATION")), 201);
		}
		// a professional is named by username (no spaces, at most 100 characters): the
		// full
		// payload is refused, a compact one is stored
		post(coordinator, "TRIAGE", caseUrl + "/participants", Map.of("organisation", "gemeente-midden",
				"professionals", List.of(fullPayload("pro")), "purposes", List.of("CASE_CONSULTATION")), 400);
		post(coordinator, "TRIAGE", caseUrl + "/participants", Map.of("organisation", "gemeente-midden",
				"professionals", List.of(payload("pro")), "purposes", List.of("CASE_CONSULTATION")), 201);

		String ggz = accessToken("schakel-api-client", "ggz");
		post(ggz, "CASE_CONSULTATION", caseUrl + "/consents",
				Map.of("organisations", List.of("politie-midden"), "categories", List.of("SOCIAL"), "purposes",
						List.of("CASE_CONSULTATION"), "validFrom", "2020-01-01", "evidence", payload("evidence"),
						"evidenceKind", "VERBAL", "evidenceObtainedOn", "2020-01-01", "evidenceObtainedBy",
						payload("obtained-by")),
				201);
		String a = contribute(ggz, caseUrl, Map.of("text", payload("text-a"), "category", "SOCIAL", "legalBasis",
				"PUBLIC_TASK", "audienceDomains", List.of("JUSTICE")));
		String b = contribute(ggz, caseUrl, Map.of("text", payload("text-b"), "category", "SOCIAL", "legalBasis",
				"STATUTORY", "statutoryReference", payload("statute"), "audienceDomains", List.of("JUSTICE")));
		String c = contribute(ggz, caseUrl, Map.of("text", payload("text-c"), "category", "HEALTH", "legalBasis",
				"PUBLIC_TASK", "audienceDomains", List.of("JUSTICE")));
		String d = contribute(ggz, caseUrl, Map.of("text", payload("text-d"), "category", "HEALTH", "legalBasis",
				"PUBLIC_TASK", "audienceDomains", List.of("JUSTICE")));

		// the police see C and D as existence only, ask for both; GGZ refuses one and
		// grants the other
		String politie = accessToken("schakel-api-client", "politie");
		String requestC = json(post(politie, "CASE_CONSULTATION", caseUrl + "/contributions/" + c + "/requests",
				Map.of("reason", payload("request-c")), 201)
			.body()).get("id").asString();
		String requestD = json(post(politie, "CASE_CONSULTATION", caseUrl + "/contributions/" + d + "/requests",
				Map.of("reason", payload("request-d")), 201)
			.body()).get("id").asString();
		post(ggz, "CASE_CONSULTATION", "/api/v1/requests/" + requestC + "/refusal",
				Map.of("reason", payload("refusal")), 200);
		post(ggz, "CASE_CONSULTATION", "/api/v1/requests/" + requestD + "/grant",
				Map.of("basis", "CONFLICT_OF_DUTIES", "conflictOfDuties",
						Map.of("interest", payload("cod-1"), "whyNoConsent", payload("cod-2"), "noOtherWay",
								payload("cod-3"), "seriousHarm", payload("cod-4"), "strictlyNeeded", payload("cod-5")),
						"secrecyBreachConfirmed", true),
				200);

		// rendered: each reader opens the pages that show these fields
		try (Browser browser = Browser.start()) {
			openCase(browser, caseId, "coordinator");
			check(browser, "case page, coordinator");
			browser.open(app("/cases"));
			browser.arriveAt("case list", ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
			check(browser, "case list, coordinator");
		}
		try (Browser browser = Browser.start()) {
			openCase(browser, caseId, "ggz");
			check(browser, "case page, GGZ");
			browser.open(app("/requests"));
			browser.arriveAt("request inbox, GGZ", ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
			check(browser, "request inbox, GGZ");
			// reflected: the known-to form shows the name searched for again
			browser.open(app("/known-to"));
			browser.arriveAt("known-to form", ExpectedConditions.presenceOfElementLocated(By.id("known-name")));
			typeAndSubmit(browser, "known-name", payload("q-known"));
			browser.arriveAt("known-to answer", ExpectedConditions.presenceOfElementLocated(By.id("known-name")));
			checkReflected(browser, "known-to answer", Map.of("known-name", "q-known"));
		}
		try (Browser browser = Browser.start()) {
			openCase(browser, caseId, "politie");
			check(browser, "case page, police");
			browser.open(app("/requests"));
			browser.arriveAt("request inbox, police",
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
			check(browser, "request inbox, police");
		}

		// the police's read of D under conflict of duties is flagged; the auditor reviews
		// it
		AuditJobsNow.sealAndScan(this.context);
		UUID reviewItem = this.jdbc.queryForObject("""
				select r.id from review_item r where r.state = 'OPEN' and exists (
				  select 1 from disclosure d where d.id = any(r.disclosure_ids) and d.case_id = ?::uuid)
				order by r.created_at desc limit 1""", UUID.class, caseId);
		try (Browser browser = Browser.start()) {
			browser.open(app("/audit/reviews/" + reviewItem));
			CoordinatorRegistersACaseE2E.logInAtKeycloak(browser, "auditor");
			browser.arriveAt("review item", ExpectedConditions.presenceOfElementLocated(By.id("comment")));
			check(browser, "review item, before the finding");
			browser.find(By.id("finding-IN_ORDER")).click();
			typeAndSubmit(browser, "comment", payload("comment"));
			browser.arriveAt("reviewed item", ExpectedConditions.invisibilityOfElementLocated(By.id("comment")));
			check(browser, "review item, reviewed");
			for (String[] page : new String[][] { { "/audit/reviews", "review queue" },
					{ "/audit/history/cases/" + caseId, "case history" },
					{ "/audit/history/contributions/" + a, "contribution history A" },
					{ "/audit/history/contributions/" + b, "contribution history B" },
					{ "/audit/history/contributions/" + d, "contribution history D" },
					{ "/audit?case=" + reference, "disclosure log of the case" } }) {
				browser.open(app(page[0]));
				browser.arriveAt(page[1], ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
				check(browser, page[1]);
			}
			// reflected: the search form shows what was searched for, including a refused
			// search
			browser.open(app("/audit?person=" + query("q-person") + "&case=" + query("q-case") + "&actor="
					+ query("q-actor") + "&organisation=" + query("q-org")));
			browser.arriveAt("disclosure log search with script",
					ExpectedConditions.presenceOfElementLocated(By.id("f-actor")));
			checkReflected(browser, "disclosure log search", Map.of("f-person", "q-person", "f-case", "q-case",
					"f-actor", "q-actor", "f-organisation", "q-org"));
			browser.open(app("/audit/subject-access"));
			browser.arriveAt("subject access form", ExpectedConditions.presenceOfElementLocated(By.id("sa-name")));
			typeAndSubmit(browser, "sa-name", payload("q-sa-name"));
			browser.arriveAt("subject access refused", ExpectedConditions.presenceOfElementLocated(By.id("sa-name")));
			checkReflected(browser, "subject access form", Map.of("sa-name", "q-sa-name"));
		}

		Map<String, Set<String>> pagesPerField = new TreeMap<>();
		this.seen.forEach((page, fields) -> fields
			.forEach((field) -> pagesPerField.computeIfAbsent(field, (f) -> new TreeSet<>()).add(page)));
		System.out.println("[e2e] fields rendered as text, per field:");
		pagesPerField.forEach((field, pages) -> System.out.printf("[e2e]   %-12s %s%n", field, pages));
		assertThat(pagesPerField.keySet()).as("every field the UI shows was seen rendered, as text")
			.containsAll(SHOWN)
			.containsAll(REFLECTED)
			.doesNotContainAnyElementsOf(NOT_SHOWN);
	}

	private void openCase(Browser browser, String caseId, String user) {
		browser.open(app("/cases/" + caseId));
		CoordinatorRegistersACaseE2E.logInAtKeycloak(browser, user);
		CoordinatorRegistersACaseE2E.openUnderPurpose(browser, "CASE_CONSULTATION", user);
		// the case page, at /cases/{id} or, when it opened at once, at the address login
		// returned to
		browser.arriveAt("case page, " + user,
				ExpectedConditions.presenceOfElementLocated(By.cssSelector(".purpose-banner")));
	}

	/**
	 * Nothing ran, nothing was parsed into markup, and every payload on the page is its
	 * exact text.
	 */
	@SuppressWarnings("unchecked")
	private Set<String> check(Browser browser, String page) {
		Map<String, Object> probe = probe(browser, page);
		String text = (String) probe.get("text");
		Set<String> shown = new TreeSet<>();
		for (String field : all()) {
			if (text.contains(payload(field)) || text.contains(asArrayElement(payload(field)))) {
				shown.add(field);
			}
			else if (text.contains("__xss='" + field + "'")) {
				fail("%s shows part of the %s payload, not all of it as text", page, field);
			}
		}
		this.seen.computeIfAbsent(page, (p) -> new TreeSet<>()).addAll(shown);
		System.out.printf("[e2e] %-45s inert; shows %s%n", page, shown);
		return shown;
	}

	/** The form fields hold the searched-for text as their value, and nothing ran. */
	private void checkReflected(Browser browser, String page, Map<String, String> fieldsById) {
		probe(browser, page);
		fieldsById.forEach((id, field) -> {
			assertThat(browser.find(By.id(id)).getDomProperty("value")).as("%s: value of #%s", page, id)
				.isEqualTo(payload(field));
			this.seen.computeIfAbsent(page, (p) -> new TreeSet<>()).add(field);
		});
		System.out.printf("[e2e] %-45s inert; reflects %s%n", page, new TreeSet<>(fieldsById.values()));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> probe(Browser browser, String page) {
		try {
			String alert = browser.driver().switchTo().alert().getText();
			fail("%s opened an alert: %s", page, alert);
		}
		catch (NoAlertPresentException expected) {
			// no alert: good
		}
		Map<String, Object> probe = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript(PROBE);
		assertThat(probe.get("xss")).as("%s: window.__xss set by a payload", page).isNull();
		assertThat((List<String>) probe.get("live")).as("%s: elements a payload would create", page).isEmpty();
		assertThat((String) probe.get("title")).as("%s: title", page).doesNotContain("__xss");
		return probe;
	}

	/**
	 * The auditor's change history shows an array column as PostgreSQL writes it
	 * ({@code ::text}): an element with special characters is quoted, its {@code "} and
	 * {@code \} escaped.
	 */
	private static String asArrayElement(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static List<String> all() {
		List<String> all = new ArrayList<>(SHOWN);
		all.addAll(NOT_SHOWN);
		all.addAll(REFLECTED);
		return all;
	}

	private static String query(String field) {
		return URLEncoder.encode(payload(field), StandardCharsets.UTF_8);
	}

	private String contribute(String token, String caseUrl, Map<String, Object> body) {
		return json(post(token, "CASE_CONSULTATION", caseUrl + "/contributions", body, 201).body()).get("id")
			.asString();
	}

	private HttpResponse<String> post(String token, String purpose, String path, Object body, int expected) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : app(path)))
					.header("Authorization", "Bearer " + token)
					.header("X-Purpose", purpose)
					.header("X-Request-Id", "e2e-xss-" + UUID.randomUUID())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
					.build());
		assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expected);
		return response;
	}

	/** Types the text into the field and submits the field's form. */
	private static void typeAndSubmit(Browser browser, String fieldId, String text) {
		browser.find(By.id(fieldId)).sendKeys(text);
		browser.find(By.id(fieldId))
			.findElement(By.xpath("ancestor::form"))
			.findElement(By.cssSelector("button[type=submit]"))
			.click();
	}

}
