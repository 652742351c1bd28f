package nl.schakel.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's working day through the browser: the coordinator schedules a case meeting
 * and gives GGZ an action; the GGZ professional logs in at Keycloak, finds the case and
 * the action on the start page without typing a URL, opens the case (one purpose fits, so
 * nothing is asked), and reports the action done. No page shows a code where a word
 * belongs.
 */
class PartnerFindsItsWorkOnTheStartPageE2E extends EndToEndTest {

	@Test
	void ggzFindsItsCaseAndActionOnTheStartPageAndCompletesTheAction() {
		String coordinator = accessToken("schakel-api-client", "coordinator");
		HttpResponse<String> created = post(coordinator, "TRIAGE", "/api/v1/cases", """
				{"person": {"name": "Rik Routine", "dateOfBirth": "1988-08-18"}, "caseType": "RADICALISATION"}""");
		assertThat(created.statusCode()).isEqualTo(201);
		String caseUrl = created.headers().firstValue("Location").orElseThrow();
		String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);
		String reference = json(created.body()).get("reference").asString();
		assertThat(post(coordinator, "TRIAGE", caseUrl + "/participants", """
				{"organisation": "ggz-midden", "purposes": ["PLAN_EXECUTION"]}""").statusCode()).isEqualTo(201);
		assertThat(post(coordinator, null, "/api/v1/meetings", """
				{"startsAt": "2026-12-10T10:00:00+01:00", "caseIds": ["%s"]}""".formatted(caseId)).statusCode())
			.isEqualTo(201);
		LocalDate due = LocalDate.now().plusDays(9);
		assertThat(post(coordinator, "CASE_CONSULTATION", caseUrl + "/actions", """
				{"description": "Intakegesprek plannen met de betrokkene", "organisation": "ggz-midden", "due": "%s"}"""
			.formatted(due)).statusCode()).isEqualTo(201);

		try (Browser browser = Browser.start()) {
			browser.open(app("/"));
			CoordinatorRegistersACaseE2E.logInAtKeycloak(browser, "ggz");
			WebElement actions = browser.arriveAt("GGZ's start page",
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.my-actions")));
			assertThat(actions.getText()).contains(reference, DateTimeFormatter.ofPattern("dd-MM-yyyy").format(due));
			String start = browser.find(By.id("main")).getText();
			assertThat(start).contains(reference).doesNotContainPattern("\\b[A-Z]+_[A-Z_]+\\b");

			browser.find(By.linkText(reference)).click();
			WebElement plan = browser.arriveAt("case page opened under the one admitted purpose",
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.plan")));
			assertThat(browser.find(By.cssSelector(".purpose-banner")).getText())
				.contains("Uitvoering plan van aanpak");
			assertThat(plan.getText()).contains("Intakegesprek plannen met de betrokkene", "Open");

			plan.findElement(By.cssSelector("details summary")).click();
			new Select(plan.findElement(By.cssSelector("select[name=status]"))).selectByValue("DONE");
			plan.findElement(By.cssSelector("textarea[name=note]")).sendKeys("Intake gehouden");
			plan.findElement(By.cssSelector("details form button[type=submit]")).click();
			// htmx answers with the action's row alone: wait for its notice, not for a
			// new page
			browser.arriveAt("the action's row after reporting on it", ExpectedConditions
				.textToBePresentInElementLocated(By.cssSelector("section.plan tr .notice"), "bijgewerkt"));
			assertThat(browser.find(By.cssSelector("section.plan")).getText()).contains("Gereed", "Intake gehouden");

			// on a phone: nothing scrolls sideways, on the case page or the start page
			browser.driver().manage().window().setSize(new Dimension(375, 812));
			browser.driver().navigate().refresh();
			browser.arriveAt("case page at 375 px",
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.plan")));
			assertThat(overflow(browser)).as("case page wider than a 375 px screen").isLessThanOrEqualTo(0L);
			browser.open(app("/"));
			browser.arriveAt("start page at 375 px",
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.my-actions")));
			assertThat(overflow(browser)).as("start page wider than a 375 px screen").isLessThanOrEqualTo(0L);
		}
	}

	private static long overflow(Browser browser) {
		return ((Number) ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
	}

	HttpResponse<String> post(String token, String purpose, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : app(path)))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (purpose != null) {
			request.header("X-Purpose", purpose);
		}
		return send(request.build());
	}

}
