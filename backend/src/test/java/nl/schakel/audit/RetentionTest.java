package nl.schakel.audit;

import java.time.Period;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disclosure log is kept at least five years: a shorter retention stops the start.
 */
class RetentionTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void fiveYearsIsTheDefault() {
		this.context.run((started) -> assertThat(started.getBean(AuditProperties.class).retention())
			.isEqualTo(Period.ofYears(5)));
	}

	@Test
	void aLongerRetentionIsAccepted() {
		this.context.withPropertyValues("schakel.audit.retention=P7Y")
			.run((started) -> assertThat(started).hasNotFailed());
		this.context.withPropertyValues("schakel.audit.retention=P60M")
			.run((started) -> assertThat(started).hasNotFailed());
	}

	@Test
	void lessThanFiveYearsStopsTheStart() {
		this.context.withPropertyValues("schakel.audit.retention=P4Y11M").run((started) -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("at least P5Y")
				.hasMessageContaining("P4Y11M");
		});
		this.context.withPropertyValues("schakel.audit.retention=P1800D")
			.run((started) -> assertThat(started).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AuditProperties.class)
	static class Properties {

	}

}
