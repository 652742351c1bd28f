package nl.schakel.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Debian Chromium driven by Debian's chromedriver (explicit paths, so Selenium
 * Manager never downloads a browser or driver), with a fresh profile each time. Every
 * page a story arrives at is checked with axe-core: serious or critical violations fail
 * the story.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

	private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

	private final Path profile;

	private final ChromeDriver driver;

	private final List<String> audited = new ArrayList<>();

	private Browser(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	static Browser start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("schakel-e2e-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1024", "--lang=nl-NL", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		long start = System.nanoTime();
		ChromeDriver driver = new ChromeDriver(service, options);
		System.out.printf("[e2e] Chromium %s started in %d ms%n", driver.getCapabilities().getBrowserVersion(),
				(System.nanoTime() - start) / 1_000_000);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		// every document reports what its Content-Security-Policy refused
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				java.util.Map.of("source",
						"window.__schakelCsp = []; document.addEventListener('securitypolicyviolation', function (e) {"
								+ " window.__schakelCsp.push(e.violatedDirective + ' ' + (e.blockedURI || '')); });"));
		return new Browser(profile, driver);
	}

	WebDriver driver() {
		return this.driver;
	}

	void open(String url) {
		this.driver.get(url);
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	WebElement find(By by) {
		return this.driver.findElement(by);
	}

	/**
	 * Waits (up to 30 s) until the page satisfies the condition, then audits it for
	 * accessibility.
	 */
	<T> T arriveAt(String page, Function<WebDriver, T> condition) {
		long start = System.nanoTime();
		T result = new WebDriverWait(this.driver, Duration.ofSeconds(30))
			.withMessage(() -> "waiting for " + page + "; at " + this.driver.getCurrentUrl() + " showing: "
					+ this.driver.getTitle())
			.until(condition);
		long arrived = System.nanoTime();
		audit(page);
		System.out.printf("[e2e] %-45s arrived in %5d ms, axe-core in %5d ms%n", page, (arrived - start) / 1_000_000,
				(System.nanoTime() - arrived) / 1_000_000);
		return result;
	}

	/** axe-core on the current page: no serious or critical violations. */
	void audit(String page) {
		Results results = new AxeBuilder().analyze(this.driver);
		assertThat(results.getErrorMessage()).as("axe-core run on " + page).isNull();
		List<Rule> blocking = results.getViolations()
			.stream()
			.filter((rule) -> BLOCKING_IMPACTS.contains(rule.getImpact()))
			.toList();
		assertThat(blocking)
			.as("serious or critical accessibility violations on %s (%s):%n%s", page, url(), describe(blocking))
			.isEmpty();
		this.audited.add(page + " (" + results.getPasses().size() + " rules passed, " + results.getViolations().size()
				+ " minor violations)");
	}

	/**
	 * What the Content-Security-Policy refused since the last call: each refused script,
	 * style or image is a page that does not work as written. Collected in the page by a
	 * listener that DevTools installs before any of the page's own code runs.
	 */
	@SuppressWarnings("unchecked")
	List<String> contentSecurityPolicyViolations() {
		Object seen = ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("var v = window.__schakelCsp || []; window.__schakelCsp = []; return v;");
		return (seen instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

	/** Saves what the window shows now as a PNG. */
	void screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, this.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<String> audited() {
		return List.copyOf(this.audited);
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map((rule) -> "  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(5).toList())
			.collect(Collectors.joining("\n"));
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ignored) {
				// a temporary profile left behind is harmless
			}
		}
	}

}
