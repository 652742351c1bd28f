package nl.schakel.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy core through the browser: a police officer, logged in at Keycloak, opens a
 * case for a purpose and sees what care shared with justice, sees that care holds health
 * information (who, which category, when) but not what it says, and the log records both.
 */
class ProfessionalSeesWhatThePolicyAllowsE2E extends EndToEndTest {

	static final String HEALTH = "Diagnose schizofrenie, medicatie sinds maart gestaakt";

	static final String SOCIAL = "Woont sinds kort alleen, schulden bij de woningcorporatie";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPoliceOfficerSeesThatCareHoldsHealthInformationButNotWhatItSays() {
		String coordinator = accessToken("schakel-api-client", "coordinator");
		String caseUrl = post(coordinator, "TRIAGE", "/api/v1/cases", """
				{"person": {"name": "Bas Beleid", "dateOfBirth": "1975-11-02"}, "caseType": "CONFUSED_BEHAVIOUR"}""")
			.headers()
			.firstValue("Location")
			.orElseThrow();
		for (String organisation : new String[] { "ggz-midden", "politie-midden" }) {
			assertThat(post(coordinator, "TRIAGE", caseUrl + "/participants", """
					{"organisation": "%s", "purposes": ["CASE_CONSULTATION"]}""".formatted(organisation)).statusCode())
				.isEqualTo(201);
		}
		String ggz = accessToken("schakel-api-client", "ggz");
		String healthItem = json(post(ggz, "CASE_CONSULTATION", caseUrl + "/contributions", """
				{"text": "%s", "category": "HEALTH", "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}"""
			.formatted(HEALTH)).body()).get("id").asString();
		post(ggz, "CASE_CONSULTATION", caseUrl + "/contributions", """
				{"text": "%s", "category": "SOCIAL", "legalBasis": "PUBLIC_TASK", "audienceDomains": ["JUSTICE"]}"""
			.formatted(SOCIAL));
		String caseId = caseUrl.substring(caseUrl.lastIndexOf('/') + 1);

		try (Browser browser = Browser.start()) {
			browser.open(app("/cases/" + caseId));
			CoordinatorRegistersACaseE2E.logInAtKeycloak(browser, "politie");
			CoordinatorRegistersACaseE2E.openUnderPurpose(browser, "CASE_CONSULTATION", "politie");
			WebElement timeline = browser.arriveAt("case page for the police",
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.timeline")));

			assertThat(browser.find(By.cssSelector(".purpose-banner")).getText()).contains("Casusoverleg");
			assertThat(timeline.getText()).contains(SOCIAL)
				.contains("GGZ Midden heeft informatie in de categorie Gezondheid")
				.doesNotContain("schizofrenie");
			assertThat(browser.driver().getPageSource()).doesNotContain("schizofrenie");

			WebElement why = timeline.findElement(By.cssSelector(".existence-only details summary"));
			why.click();
			// the rule in words for the reader; its id only in an attribute, for whoever
			// traces it
			WebElement explained = timeline.findElement(By.cssSelector(".existence-only details.why"));
			assertThat(explained.getText()).contains("Gezondheidsinformatie is buiten de zorg alleen te zien")
				.doesNotContain("health-otherwise-existence-only");
			assertThat(explained.getAttribute("data-rule")).isEqualTo("health-otherwise-existence-only");
		}

		assertThat(this.jdbc.queryForObject("""
				select decision from disclosure where item_id = ?::uuid and actor = 'politie' and channel = 'UI'
				order by occurred_at desc limit 1""", String.class, healthItem)).isEqualTo("EXISTENCE_ONLY");
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
