package nl.schakel.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role logs in through Keycloak and reads its start page and the page its work
 * begins on, on a desktop (1280 px) and on a phone (375 px): words, not codes; nothing
 * scrolls sideways; the Content-Security-Policy refuses nothing; axe-core finds nothing
 * serious. With {@code -De2e.screenshots=
 *
<dir>
 * } each role's start page is kept as a picture (the ones in {@code docs/screenshots/},
 * shown in the README, come from here).
 */
class EveryRoleReadsItsStartPageInWordsE2E extends EndToEndTest {

	private static final String CODE = "\\b[A-Z]{2,}_[A-Z_]+\\b";

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "coordinator, /cases", "ggz, /requests", "politie, /notifications", "gemeente, /interventions",
			"auditor, /audit", "beheer, /beheer" })
	void theStartPageAndTheFirstPageOfTheWorkReadInWordsOnADesktopAndAPhone(String username, String workPage) {
		if (username.equals("ggz")) {
			// something to read in GGZ's inbox: a request whose reason is one long word
			askGgzForItsInformation("Zie-https://voorbeeld.example/een/heel/lang/pad/zonder/spaties/dat/niet/afbreekt");
		}
		try (Browser browser = Browser.start()) {
			browser.open(app("/"));
			CoordinatorRegistersACaseE2E.logInAtKeycloak(browser, username);
			for (String page : List.of("/", workPage)) {
				for (int width : new int[] { 1280, 375 }) {
					browser.driver().manage().window().setSize(new Dimension(width, width == 375 ? 812 : 1024));
					browser.open(app(page));
					browser.arriveAt(username + "'s " + page + " at " + width + " px",
							ExpectedConditions.presenceOfElementLocated(By.id("main")));
					assertThat(browser.find(By.id("main")).getText()).as("%s at %s", page, username)
						.isNotBlank()
						.doesNotContainPattern(CODE);
					assertThat(overflow(browser)).as("%s wider than %d px for %s", page, width, username)
						.isLessThanOrEqualTo(0L);
					assertThat(browser.contentSecurityPolicyViolations())
						.as("CSP refusals on %s for %s", page, username)
						.isEmpty();
					String directory = System.getProperty("e2e.screenshots");
					if (directory != null && page.equals("/")) {
						browser.screenshot(Path.of(directory, username + "-" + width + ".png"));
					}
				}
			}
		}
	}

	@Test
	void theConsoleCheckSeesWhatTheContentSecurityPolicyRefuses() {
		try (Browser browser = Browser.start()) {
			// a page of Schakel's own, under its policy (the login page is Keycloak's)
			browser.open(app("/"));
			CoordinatorRegistersACaseE2E.logInAtKeycloak(browser, "beheer");
			browser.arriveAt("beheer's start page", ExpectedConditions.presenceOfElementLocated(By.id("main")));
			assertThat(browser.contentSecurityPolicyViolations()).isEmpty();

			((JavascriptExecutor) browser.driver()).executeScript(
					"document.body.insertAdjacentHTML('beforeend', '<img alt=\"\" src=\"https://example.invalid/probe.png\">')");

			new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
				.until((driver) -> !browser.contentSecurityPolicyViolations().isEmpty());
		}
	}

	@Test
	void aProfessionalCannotRenameThemselvesInTheAccountConsole() {
		String token = accessToken("schakel-api-client", "gemeente");
		HttpResponse<String> before = account(token, null);
		assertThat(before.statusCode()).as("the account API answers the professional: %s", before.body())
			.isEqualTo(200);
		String firstName = json(before.body()).get("firstName").asString();

		HttpResponse<String> renamed = account(token, before.body().replace("\"" + firstName + "\"", "\"Carla\""));

		assertThat(renamed.statusCode()).as("renaming oneself: %s", renamed.body()).isNotEqualTo(204);
		assertThat(json(account(token, null).body()).get("firstName").asString()).isEqualTo(firstName);
	}

	private void askGgzForItsInformation(String reason) {
		String coordinator = accessToken("schakel-api-client", "coordinator");
		HttpResponse<String> created = api(coordinator, "TRIAGE", app("/api/v1/cases"),
				"{\"person\": {\"name\": \"Lange Reden\", \"dateOfBirth\": \"1979-09-09\"}, \"caseType\": \"OTHER\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		String caseUrl = location.startsWith("http") ? location : app(location);
		for (String organisation : List.of("ggz-midden", "politie-midden")) {
			assertThat(api(coordinator, "TRIAGE", caseUrl + "/participants",
					"{\"organisation\": \"" + organisation + "\", \"purposes\": [\"CASE_CONSULTATION\"]}")
				.statusCode()).isEqualTo(201);
		}
		HttpResponse<String> contribution = api(accessToken("schakel-api-client", "ggz"), "CASE_CONSULTATION",
				caseUrl + "/contributions",
				"{\"text\": \"Slaapt slecht\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\"}");
		assertThat(contribution.statusCode()).isEqualTo(201);
		String id = json(contribution.body()).get("id").asString();
		assertThat(api(accessToken("schakel-api-client", "politie"), "CASE_CONSULTATION",
				caseUrl + "/contributions/" + id + "/requests", "{\"reason\": \"" + reason + "\"}")
			.statusCode()).isEqualTo(201);
	}

	private static HttpResponse<String> api(String token, String purpose, String url, String body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("X-Purpose", purpose)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static HttpResponse<String> account(String token, String update) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(REALM_URL + "/account/"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		if (update != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(update));
		}
		return send(request.build());
	}

	private static long overflow(Browser browser) {
		return ((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
	}

}
