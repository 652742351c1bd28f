package nl.schakel.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessment method through the browser: two partners (care and municipality) assess
 * a case twice, each only in its own domains, the coordinator adds the integrated
 * judgement and chooses an intervention delivered by the municipality, the municipality
 * records a follow-up assessment and the outcome, and the evaluation page shows the
 * intervention's aggregate — suppressed, as it has fewer than ten cases.
 */
class PartnersAssessAndFollowUpAnInterventionE2E extends EndToEndTest {

	@Test
	void partnersAssessTwiceTheCoordinatorChoosesAnInterventionAndTheEvaluationShowsOnlySuppressedFigures() {
		String coordinator = accessToken("schakel-api-client", "coordinator");
		String caseUrl = post(coordinator, "TRIAGE", "/api/v1/cases", """
				{"person": {"name": "Ilias Interventie", "dateOfBirth": "2003-05-17"}, "caseType": "RADICALISATION"}""")
			.headers()
			.firstValue("Location")
			.orElseThrow();
		for (String organisation : new String[] { "ggz-midden", "gemeente-midden" }) {
			assertThat(post(coordinator, "TRIAGE", caseUrl + "/participants", """
					{"organisation": "%s", "purposes": ["TRIAGE", "CASE_CONSULTATION"]}""".formatted(organisation))
				.statusCode()).isEqualTo(201);
		}
		String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);

		try (Browser ggz = Browser.start(); Browser gemeente = Browser.start()) {
			openAssessment(ggz, caseId, "ggz");
			openAssessment(gemeente, caseId, "gemeente");
			assertThat(ggz.driver().findElements(By.cssSelector("input[name^='score.ideology-phase.']"))).isEmpty();
			for (String moment : new String[] { "INTAKE", "PLAN_REVIEW" }) {
				rate(ggz, caseId, moment, "psychopathology.substance-use", moment.equals("INTAKE") ? "3" : "2");
				rate(gemeente, caseId, moment, "psychological-needs.meaning", moment.equals("INTAKE") ? "2" : "1");
			}
			WebElement trend = ggz.find(By.id("trend-title")).findElement(By.xpath(".."));
			assertThat(trend.getText()).contains("Psychopathologie").contains("Psychologische behoeften");
			// the chart is drawn by js/charts.js from the page's data, under the CSP
			ggz.arriveAt("trend chart drawn",
					ExpectedConditions.attributeContains(By.id("trend-chart"), "class", "drawn"));

			try (Browser steering = Browser.start()) {
				openAssessment(steering, caseId, "coordinator");
				WebElement judge = steering.find(By.cssSelector("#judge form"));
				judge.findElement(By.id("judge-text"))
					.sendKeys("Zoeken naar zingeving valt samen met stoppen van de behandeling.");
				judge = submitAndArriveAtTheErrors(steering, judge, "judge-summary");
				// the message is next to the field, and what was typed is still there
				assertThat(steering.find(By.id("judge-why-error")).getText())
					.isEqualTo("Een zorgniveau vraagt een onderbouwing (hoogstens 4000 tekens).");
				assertThat(steering.find(By.id("judge-text")).getDomProperty("value"))
					.isEqualTo("Zoeken naar zingeving valt samen met stoppen van de behandeling.");
				judge.findElement(By.cssSelector("input[name=concernLevel][value=MODERATE]")).click();
				judge.findElement(By.id("judge-why")).sendKeys("Geen concrete dreiging, wel snelle verandering.");
				submitAndArriveWithNotice(steering, judge, "integrated judgement saved");

				WebElement choose = steering.find(By.cssSelector("#choose form"));
				new Select(choose.findElement(By.id("choose-intervention"))).selectByValue("mentoring");
				choose.findElement(By.cssSelector("input[name=addressedDomains][value=psychological-needs]")).click();
				CoordinatorRegistersACaseE2E.setValue(steering.driver(), choose.findElement(By.id("choose-start")),
						LocalDate.now().minusMonths(4).toString());
				choose.findElement(By.id("choose-weeks")).sendKeys("26");
				new Select(choose.findElement(By.id("part-org-0"))).selectByValue("gemeente-midden");
				choose.findElement(By.id("part-desc-0")).sendKeys("Mentor en dagbesteding");
				choose.findElement(By.id("person-name-0")).sendKeys("Buurtvader Hamid");
				choose.findElement(By.id("person-role-0")).sendKeys("sleutelfiguur");
				submitAndArriveWithNotice(steering, choose, "intervention chosen");

				// at follow-up: the delivering partner assesses again and records the
				// outcome
				rate(gemeente, caseId, "FOLLOW_UP", "psychological-needs.meaning", "0");
				WebElement outcome = gemeente.find(By.cssSelector("form[action$='/outcome']"));
				outcome.findElement(By.cssSelector("input[name=outcome][value=COMPLETED]")).click();
				CoordinatorRegistersACaseE2E.setValue(gemeente.driver(),
						outcome.findElement(By.cssSelector("input[name=endedOn]")), LocalDate.now().toString());
				submitAndArriveWithNotice(gemeente, outcome, "outcome recorded");
				assertThat(gemeente.find(By.id("interventions-title")).findElement(By.xpath("..")).getText())
					.contains("Mentortraject met sleutelfiguur")
					.contains("Voltooid");

				steering.open(app("/evaluation"));
				WebElement table = steering.arriveAt("evaluation page",
						ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.cases")));
				assertThat(steering.find(By.cssSelector("main")).getText())
					.contains("Kleine aantallen worden niet getoond.");
				WebElement row = table
					.findElement(By.xpath(".//tr[th[contains(., 'Mentortraject met sleutelfiguur')]]"));
				assertThat(row.getText()).contains("verborgen");
			}
		}
	}

	private void openAssessment(Browser browser, String caseId, String username) {
		browser.open(app("/cases/" + caseId));
		CoordinatorRegistersACaseE2E.logInAtKeycloak(browser, username);
		CoordinatorRegistersACaseE2E.openUnderPurpose(browser, "CASE_CONSULTATION", username);
		browser.arriveAt("case page for " + username,
				ExpectedConditions.presenceOfElementLocated(By.cssSelector(".purpose-banner")));
		browser.open(app("/cases/" + caseId + "/assessment"));
		browser.arriveAt("assessment page for " + username,
				ExpectedConditions.presenceOfElementLocated(By.id("trend-title")));
	}

	private void rate(Browser browser, String caseId, String moment, String item, String score) {
		browser.open(app("/cases/" + caseId + "/assessment"));
		WebElement form = browser.arriveAt("rating form at " + moment,
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assess form")));
		new Select(form.findElement(By.id("assess-moment"))).selectByValue(moment);
		form.findElement(By.cssSelector("input[name='score." + item + "'][value='" + score + "']")).click();
		form.findElement(By.id("justification-" + item.replace('.', '-'))).sendKeys("Toelichting " + moment);
		submitAndArriveWithNotice(browser, form, "assessment saved at " + moment);
	}

	/**
	 * Submits the form and waits for the page it leads to: the page before may show a
	 * notice of its own, which would otherwise be found and go stale while the browser
	 * navigates.
	 */
	private static void submitAndArriveWithNotice(Browser browser, WebElement form, String what) {
		WebElement before = browser.driver().findElement(By.tagName("html"));
		form.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).withMessage(() -> "leaving the page for " + what)
			.until(ExpectedConditions.stalenessOf(before));
		WebElement notice = browser.arriveAt(what,
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice[role=status]")));
		assertThat(browser.driver().findElements(By.cssSelector("p.problem"))).as(what).isEmpty();
		assertThat(notice.getText()).isNotBlank();
	}

	/**
	 * Submits a form that is to fail and waits for the page to come back with the error
	 * summary at the top of that form, focused, so a reader far down the page lands on
	 * it; answers the form on the new page.
	 */
	private static WebElement submitAndArriveAtTheErrors(Browser browser, WebElement form, String summaryId) {
		String formId = form.getDomAttribute("id");
		WebElement before = browser.driver().findElement(By.tagName("html"));
		form.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
			.withMessage(() -> "leaving the page for the errors of " + formId)
			.until(ExpectedConditions.stalenessOf(before));
		WebElement summary = browser.arriveAt("errors of " + formId,
				ExpectedConditions.presenceOfElementLocated(By.id(summaryId)));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.withMessage(() -> "focus on the error summary " + summaryId)
			.until((driver) -> summaryId.equals(driver.switchTo().activeElement().getDomAttribute("id")));
		assertThat(summary.getText()).contains("Er is niets opgeslagen.");
		return browser.find(By.id(formId));
	}

	HttpResponse<String> post(String token, String purpose, String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : app(path)))
			.header("Authorization", "Bearer " + token)
			.header("X-Purpose", purpose)
			.header("X-Request-Id", "e2e-" + UUID.randomUUID())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

}
