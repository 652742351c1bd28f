package nl.schakel.e2e;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI through Keycloak: log in on Keycloak's own login page, work, log out everywhere.
 */
class CoordinatorRegistersACaseE2E extends EndToEndTest {

	static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCoordinatorLogsInAtKeycloakRegistersACaseAndLogsOut() {
		try (Browser browser = Browser.start()) {
			browser.open(app("/cases/new"));
			logInAtKeycloak(browser, "coordinator");

			// back at the page first asked for
			browser.arriveAt("new referral form",
					ExpectedConditions.and(ExpectedConditions.urlContains(app("/cases/new")),
							ExpectedConditions.presenceOfElementLocated(By.id("person-name"))));
			assertThat(browser.find(By.cssSelector(".account .who")).getText()).isEqualTo("Carla Coordinator");

			browser.find(By.id("person-name")).sendKeys("Eva End-to-End");
			setValue(browser.driver(), browser.find(By.id("person-dateOfBirth")), "1988-07-14");
			browser.find(By.id("person-bsn")).sendKeys(TestBsns.next());
			new Select(browser.find(By.id("caseType"))).selectByValue("CONFUSED_BEHAVIOUR");
			fillReferralIfAsked(browser);
			browser.find(By.cssSelector("form.form button[type=submit]")).click();

			browser.arriveAt("page after registering a case", ExpectedConditions.urlMatches(app("/cases/") + UUID));
			if (!browser.driver().findElements(By.name("purpose")).isEmpty()) {
				// purpose binding: opening a case asks why, and every disclosure is
				// logged with that purpose
				choosePurpose(browser, "TRIAGE");
				browser.arriveAt("registered case", ExpectedConditions.urlMatches(app("/cases/") + UUID + "$"));
			}
			assertThat(browser.url()).matches(app("/cases/") + UUID);
			Matcher reference = Pattern.compile("ZVH-\\d{4}-\\d{6}")
				.matcher(browser.find(By.cssSelector("main h1")).getText());
			assertThat(reference.find()).as("the case page shows the case's reference").isTrue();
			String caseId = browser.url().substring(browser.url().lastIndexOf('/') + 1);
			// the case belongs to the Keycloak user, in the organisation from the token's
			// claim
			assertThat(this.jdbc.queryForObject(
					"select c.coordinator_username || '@' || o.code from case_file c "
							+ "join organisation o on o.id = c.organisation_id where c.id = ?::uuid",
					String.class, caseId))
				.isEqualTo("coordinator@zvh-midden");

			browser.open(app("/cases"));
			WebElement list = browser.arriveAt("case list",
					ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
			assertThat(list.getText()).contains(reference.group());

			browser.find(By.cssSelector("form[action$='/logout'] button[type=submit]")).click();
			// RP-initiated logout ends the Keycloak session too: back at the app, the
			// user is
			// sent to Keycloak's login form again instead of being let straight back in
			browser.arriveAt("Keycloak login page after logout",
					ExpectedConditions.presenceOfElementLocated(By.id("username")));
			assertThat(browser.url()).startsWith(REALM_URL + "/protocol/openid-connect/auth");

			browser.open(app("/cases"));
			browser.arriveAt("Keycloak login page for a logged-out user",
					ExpectedConditions.presenceOfElementLocated(By.id("username")));
			assertThat(browser.url()).startsWith(KEYCLOAK_URL);
		}
	}

	@Test
	void aUserWithoutAnOrganisationIsRefusedAfterKeycloakAndTheRefusalIsRecorded() {
		long before = refusedLogins("no-org");
		try (Browser browser = Browser.start()) {
			browser.open(app("/"));
			logInAtKeycloak(browser, "no-org");

			browser.arriveAt("refused login page", ExpectedConditions.urlContains(app("/login/oauth2/code/keycloak")));
			assertThat(browser.find(By.cssSelector("main h1")).isDisplayed()).isTrue();
			assertThat(browser.find(By.cssSelector(".account")).getText()).doesNotContain("Nora");
		}
		assertThat(refusedLogins("no-org")).isEqualTo(before + 1);
	}

	/**
	 * Keycloak's real login form: arrives there (checking PKCE on the way), fills it in,
	 * submits.
	 */
	static void logInAtKeycloak(Browser browser, String username) {
		browser.arriveAt("Keycloak login page", ExpectedConditions.presenceOfElementLocated(By.id("username")));
		assertThat(browser.url()).startsWith(REALM_URL + "/protocol/openid-connect/auth")
			.contains("client_id=schakel-web")
			.contains("code_challenge_method=S256")
			.contains("code_challenge=");
		browser.find(By.id("username")).sendKeys(username);
		browser.find(By.id("password")).sendKeys(PASSWORD);
		browser.find(By.id("kc-login")).click();
	}

	/**
	 * The referral part of the form (who refers, why, the goal), where the form has one.
	 */
	static void fillReferralIfAsked(Browser browser) {
		List<WebElement> organisation = browser.driver().findElements(By.id("referral-referringOrganisation"));
		if (organisation.isEmpty()) {
			return;
		}
		Select referrer = new Select(organisation.get(0));
		referrer.getOptions()
			.stream()
			.filter((option) -> "politie-midden".equals(option.getAttribute("value")))
			.findFirst()
			.ifPresentOrElse((option) -> referrer.selectByValue("politie-midden"), () -> referrer.selectByIndex(1));
		browser.find(By.id("referral-referringProfessional")).sendKeys("Wijkagent E2E");
		browser.find(By.id("referral-reason")).sendKeys("Verward gedrag in de wijk, meerdere meldingen.");
		browser.find(By.id("referral-goal")).sendKeys("Zorg en veiligheid afstemmen.");
		browser.find(By.id("referral-informed-yes")).click();
	}

	/**
	 * Opens the case under the named purpose: a reader admitted for that one purpose only
	 * lands on the case at once; one admitted for several is asked, and picks it.
	 */
	static void openUnderPurpose(Browser browser, String purpose, String who) {
		By choice = By.cssSelector("input[type=radio][name=purpose]");
		browser.arriveAt("purpose page or case page, " + who,
				ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(choice),
						ExpectedConditions.presenceOfElementLocated(By.cssSelector(".purpose-banner"))));
		if (!browser.driver().findElements(choice).isEmpty()) {
			choosePurpose(browser, purpose);
		}
	}

	/**
	 * Picks the named purpose on the purpose page (or the first one offered) and opens
	 * the case.
	 */
	static void choosePurpose(Browser browser, String purpose) {
		List<WebElement> named = browser.driver().findElements(By.id("purpose-" + purpose));
		WebElement choice = named.isEmpty() ? browser.find(By.name("purpose")) : named.get(0);
		choice.click();
		choice.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
	}

	long refusedLogins(String subject) {
		return this.jdbc.queryForObject(
				"select count(*) from security_event where kind = 'LOGIN_REFUSED' and subject = ?", Long.class,
				subject);
	}

	static void setValue(WebDriver driver, WebElement input, String value) {
		// a date input's typed format depends on the browser's locale; its value does not
		((JavascriptExecutor) driver).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, value);
	}

}
