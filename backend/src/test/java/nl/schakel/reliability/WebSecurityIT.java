package nl.schakel.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.RequestDispatcher;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Browser-facing security: CSRF on every state-changing form (enumerated from the request
 * mappings), a strict Content-Security-Policy and the usual headers on every page, a new
 * session id at login and a 30-minute idle timeout, no internals in any error, and stored
 * XSS rendered inert.
 */
@IntegrationTest
class WebSecurityIT {

	static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(1)>";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	Environment environment;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyStateChangingFormRefusesAPostWithoutCsrfToken() throws Exception {
		Set<String> forms = new TreeSet<>(List.of("POST /login", "POST /logout"));
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (!pattern.startsWith("/api/") && method != RequestMethod.GET && method != RequestMethod.HEAD
							&& method != RequestMethod.OPTIONS) {
						forms.add(method + " " + pattern);
					}
				}
			}
		}
		assertThat(forms).as("the UI has forms").hasSizeGreaterThan(10);
		List<String> failures = new ArrayList<>();
		for (String form : forms) {
			String[] parts = form.split(" ", 2);
			String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
			for (String account : List.of("coordinator", "ggz", "auditor")) {
				MockHttpServletResponse response = this.mvc
					.perform(request(HttpMethod.valueOf(parts[0]), path)
						.with(user(this.accounts.loadUserByUsername(account)))
						.param("purpose", "CASE_CONSULTATION"))
					.andReturn()
					.getResponse();
				if (response.getStatus() != 403) {
					failures.add(form + " as " + account + " without CSRF token -> " + response.getStatus());
				}
			}
			// and anonymously (login itself must not be forgeable either)
			int anonymous = this.mvc
				.perform(request(HttpMethod.valueOf(parts[0]), path).param("username", "ggz").param("password", "demo"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (anonymous != 403) {
				failures.add(form + " anonymously without CSRF token -> " + anonymous);
			}
		}
		System.out.println("CSRF: " + forms.size() + " forms checked: " + forms);
		assertThat(failures).isEmpty();
	}

	@Test
	void everyPageCarriesAStrictContentSecurityPolicyAndTheUsualHeaders() throws Exception {
		List<String> failures = new ArrayList<>();
		List<MockHttpServletRequestBuilder> pages = new ArrayList<>(List.of(get("/login")));
		for (String page : List.of("/", "/role", "/cases", "/cases/new", "/known-to", "/requests", "/notifications",
				"/cases/" + UUID.randomUUID())) {
			pages.add(get(page).with(user(this.accounts.loadUserByUsername("coordinator"))));
		}
		pages.add(get("/audit").with(user(this.accounts.loadUserByUsername("auditor"))));
		for (MockHttpServletRequestBuilder page : pages) {
			MockHttpServletResponse response = this.mvc.perform(page).andReturn().getResponse();
			String csp = response.getHeader("Content-Security-Policy");
			String where = response.getStatus() + " " + response.getContentType();
			if (csp == null || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")
					|| !csp.contains("default-src 'self'") || !csp.contains("script-src 'self'")
					|| !csp.contains("frame-ancestors 'none'") || !csp.contains("object-src 'none'")
					|| !csp.contains("base-uri 'self'") || !csp.contains("form-action")) {
				failures.add(where + ": weak CSP " + csp);
			}
			expectHeader(failures, response, "X-Content-Type-Options", "nosniff");
			expectHeader(failures, response, "X-Frame-Options", "DENY");
			expectHeader(failures, response, "Referrer-Policy", "same-origin");
			if (response.getHeader("Cache-Control") == null
					|| !response.getHeader("Cache-Control").contains("no-store")) {
				failures.add(where + ": Cache-Control " + response.getHeader("Cache-Control"));
			}
			if (response.getHeader("Strict-Transport-Security") != null) {
				failures.add(where + ": HSTS over plain HTTP");
			}
		}
		// HSTS when the request came over TLS (behind the proxy:
		// server.forward-headers-strategy)
		String hsts = this.mvc.perform(get("/login").secure(true))
			.andReturn()
			.getResponse()
			.getHeader("Strict-Transport-Security");
		if (hsts == null || !hsts.contains("max-age=") || hsts.contains("max-age=0")) {
			failures.add("HSTS over TLS: " + hsts);
		}
		// the API too: no sniffing, no framing, no caching of case data
		MockHttpServletResponse api = this.mvc
			.perform(get("/api/v1/requests").with(httpBasic("ggz", "demo")).header("X-Purpose", "CASE_CONSULTATION"))
			.andReturn()
			.getResponse();
		expectHeader(failures, api, "X-Content-Type-Options", "nosniff");
		if (api.getHeader("Cache-Control") == null || !api.getHeader("Cache-Control").contains("no-store")) {
			failures.add("API Cache-Control " + api.getHeader("Cache-Control"));
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void loginChangesTheSessionIdAndSessionsExpireAfterThirtyIdleMinutes() throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc.perform(get("/login"))
			.andReturn()
			.getRequest()
			.getSession(true);
		String before = session.getId();
		session.setAttribute("planted", "by an attacker");
		MvcResult login = this.mvc
			.perform(post("/login").session(session).with(csrf()).param("username", "ggz").param("password", "demo"))
			.andReturn();
		assertThat(login.getResponse().getStatus()).isEqualTo(302);
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("error");
		assertThat(login.getRequest().getSession(false).getId()).as("session id after login").isNotEqualTo(before);
		// the configured idle timeout, which the servlet container applies to every
		// session
		assertThat(this.environment.getProperty("server.servlet.session.timeout", Duration.class))
			.isEqualTo(Duration.ofMinutes(30));
		assertThat(this.environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
		assertThat(this.environment.getProperty("server.servlet.session.cookie.same-site"))
			.isEqualToIgnoringCase("lax");
		// a wrong password keeps the user out and says nothing more
		MvcResult refused = this.mvc
			.perform(post("/login").with(csrf()).param("username", "ggz").param("password", "wrong"))
			.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).contains("error");
	}

	@Test
	void noErrorRevealsStackTracesSqlOrClassNames() throws Exception {
		String bigText = "x".repeat(3_000_000);
		List<MockHttpServletRequestBuilder> attempts = List.of(
				api(post("/api/v1/cases")).contentType(MediaType.APPLICATION_JSON).content("{not json"),
				api(post("/api/v1/cases")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"person\": 5, \"caseType\": [\"x\"]}"),
				api(post("/api/v1/cases")).contentType(MediaType.APPLICATION_JSON)
					.content(
							"{\"person\": {\"name\": \"A\", \"dateOfBirth\": \"31-02-1990\"}, \"caseType\": \"NOPE\"}"),
				api(post("/api/v1/cases")).contentType(MediaType.APPLICATION_JSON).content("[]"),
				api(post("/api/v1/cases")).contentType(MediaType.APPLICATION_JSON).content("null"),
				api(post("/api/v1/cases")).contentType(MediaType.APPLICATION_JSON).content(""),
				api(post("/api/v1/cases")).contentType(MediaType.TEXT_PLAIN).content("hallo"),
				api(post("/api/v1/cases")).contentType(MediaType.APPLICATION_XML).content("<case/>"),
				api(request(HttpMethod.PUT, "/api/v1/cases")).contentType(MediaType.APPLICATION_JSON).content("{}"),
				api(request(HttpMethod.PATCH, "/api/v1/cases/" + UUID.randomUUID())),
				api(get("/api/v1/cases/not-a-uuid")), api(get("/api/v1/cases/' or 1=1 --")),
				api(get("/api/v1/cases/" + UUID.randomUUID())),
				api(get("/api/v1/cases").param("size", "-1").param("before", "abc")),
				api(get("/api/v1/cases").param("size", "99999999999")),
				api(get("/api/v1/cases/" + UUID.randomUUID())).accept(MediaType.APPLICATION_XML),
				api(get("/api/v1/nothing-here")),
				api(post("/api/v1/cases/" + UUID.randomUUID() + "/contributions"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"text\": \"" + bigText + "\", \"category\": \"HEALTH\", \"legalBasis\": \"CONSENT\"}"),
				api(post("/api/v1/cases/" + UUID.randomUUID() + "/contributions"))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"text\": \"t\", \"category\": \"SECRET\", \"legalBasis\": 7, \"consentId\": \"x\"}"),
				api(post("/api/v1/persons/known-to")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"bsn\": {\"$gt\": \"\"}, \"dateOfBirth\": \"morgen\"}"),
				api(post("/api/v1/requests/" + UUID.randomUUID() + "/grant")).contentType(MediaType.APPLICATION_JSON)
					.content("{\"basis\": \"CONFLICT_OF_DUTIES\", \"conflictOfDuties\": \"\"}"),
				get("/api/v1/cases").with(httpBasic("ggz", "demo")),
				get("/api/v1/cases").header("X-Purpose", "TRIAGE").with(httpBasic("ggz", "wrong")),
				get("/api/v1/cases").header("X-Purpose", "EVERYTHING").with(httpBasic("ggz", "demo")),
				get("/cases/not-a-uuid").with(user(this.accounts.loadUserByUsername("coordinator"))),
				post("/cases/" + UUID.randomUUID() + "/status").with(csrf())
					.with(user(this.accounts.loadUserByUsername("coordinator")))
					.param("status", "NOPE"),
				post("/cases/" + UUID.randomUUID() + "/contributions").with(csrf())
					.with(user(this.accounts.loadUserByUsername("ggz")))
					.param("category", "HEALTH"),
				get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
					.requestAttr(RequestDispatcher.ERROR_EXCEPTION,
							new IllegalStateException("select bsn from person where id = 1"))
					.requestAttr(RequestDispatcher.ERROR_MESSAGE, "org.postgresql.util.PSQLException: boom")
					.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/cases/x"),
				get("/error").accept(MediaType.APPLICATION_JSON)
					.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
					.requestAttr(RequestDispatcher.ERROR_EXCEPTION,
							new IllegalStateException("select bsn from person where id = 1"))
					.requestAttr(RequestDispatcher.ERROR_MESSAGE, "org.postgresql.util.PSQLException: boom"));
		List<String> failures = new ArrayList<>();
		for (MockHttpServletRequestBuilder attempt : attempts) {
			MockHttpServletResponse response;
			try {
				response = this.mvc.perform(attempt).andReturn().getResponse();
			}
			catch (Exception ex) {
				// in a container this would become a 500 from /error; here it is a
				// missing handler
				failures.add("unhandled " + ex.getClass().getName() + " for " + describe(attempt));
				continue;
			}
			String body = response.getContentAsString();
			String where = describe(attempt) + " -> " + response.getStatus();
			if (response.getStatus() >= 500 && !describe(attempt).contains("/error")) {
				failures.add(where + " (server error)");
			}
			for (String leak : List.of("Exception", "exception", "at nl.", "at org.", "at java.", "nl.schakel.",
					"org.springframework", "org.hibernate", "java.lang", "jakarta.", "com.fasterxml", "tools.jackson",
					"PSQL", "SQLState", "select bsn", "Caused by", "trace")) {
				if (body.contains(leak)) {
					failures.add(where + ": contains '" + leak + "': " + cut(body));
				}
			}
			if (describe(attempt).contains("/api/") && response.getStatus() >= 400 && !body.isEmpty()
					&& !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
				failures.add(where + ": not a problem detail but " + response.getContentType() + " " + cut(body));
			}
			System.out.println("error probe: " + where + " " + cut(body));
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void storedScriptInNamesReasonsAndContributionsRendersInert() throws Exception {
		String register = this.mvc
			.perform(api(post("/api/v1/cases")).header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"person": {"name": "%1$s", "dateOfBirth": "1990-05-05"}, "caseType": "OTHER",
						 "referral": {"referringOrganisation": "politie-midden", "referringProfessional": "%1$s",
						              "reason": "%1$s", "goal": "%1$s", "personInformed": true}}""".formatted(XSS)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String caseId = JsonPath.read(register, "$.id");
		this.mvc.perform(api(post("/api/v1/cases/" + caseId + "/status")).header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\": \"TRIAGE\"}"));
		this.mvc.perform(api(post("/api/v1/cases/" + caseId + "/triage")).header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"outcome\": \"ACCEPTED\"}"));
		this.mvc.perform(api(post("/api/v1/cases/" + caseId + "/participants")).header("X-Purpose", "TRIAGE")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"));
		int contributed = this.mvc.perform(post("/api/v1/cases/" + caseId + "/contributions")
			.with(httpBasic("ggz", "demo"))
			.header("X-Purpose", "CASE_CONSULTATION")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"text\": \"%s\", \"category\": \"SOCIAL\", \"legalBasis\": \"PUBLIC_TASK\", \"audienceDomains\": [\"SAFETY_HOUSE\", \"CARE\"]}"
						.formatted(XSS.replace("\"", "\\\""))))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(contributed).isEqualTo(201);
		for (String reader : List.of("coordinator", "ggz")) {
			MockHttpSession session = new MockHttpSession();
			var actor = user(this.accounts.loadUserByUsername(reader));
			this.mvc.perform(post("/cases/" + caseId + "/purpose").session(session)
				.with(actor)
				.with(csrf())
				.param("purpose", "CASE_CONSULTATION"));
			String html = this.mvc.perform(get("/cases/" + caseId).session(session).with(actor))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(html).as("case page for " + reader)
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain("<script>alert(1)")
				.doesNotContain("<img src=x")
				.doesNotContainPattern("<[a-zA-Z][^>]*\\son[a-z]+\\s*=\\s*alert");
		}
	}

	private static MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("coordinator", "demo")).header("X-Purpose", "CASE_CONSULTATION");
	}

	private static String describe(MockHttpServletRequestBuilder attempt) {
		var request = attempt.buildRequest(new org.springframework.mock.web.MockServletContext());
		return request.getMethod() + " " + request.getRequestURI();
	}

	private static void expectHeader(List<String> failures, MockHttpServletResponse response, String name,
			String value) {
		if (!value.equalsIgnoreCase(response.getHeader(name))) {
			failures.add(response.getStatus() + " " + response.getContentType() + ": " + name + " = "
					+ response.getHeader(name));
		}
	}

	private static String cut(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

}
