package nl.schakel.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionGuardTest {

	@Test
	void prodRefusesDemoAccounts() {
		assertThatThrownBy(() -> check(prod().withProperty("schakel.demo.enabled", "true")))
			.hasMessageContaining("demo accounts");
	}

	@Test
	void prodRefusesTheEmbeddedDatabase() {
		assertThatThrownBy(() -> check(prod().withProperty("schakel.database.embedded.enabled", "true")))
			.hasMessageContaining("embedded database");
	}

	@Test
	void prodRefusesToRunWithoutKeycloak() {
		MockEnvironment environment = prod();
		environment.setActiveProfiles("prod");
		assertThatThrownBy(() -> check(environment)).hasMessageContaining("prod,keycloak");
	}

	@Test
	void prodRefusesToGenerateKeyFilesOnDisk() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod", "keycloak");
		assertThatThrownBy(() -> check(environment)).hasMessageContaining("keysets");
	}

	@Test
	void aProperProductionConfigurationStarts() {
		assertThatCode(() -> check(prod())).doesNotThrowAnyException();
	}

	private static MockEnvironment prod() {
		MockEnvironment environment = new MockEnvironment().withProperty("schakel.crypto.aead-keyset", "{}")
			.withProperty("schakel.crypto.blind-index-keyset", "{}");
		environment.setActiveProfiles("prod", "keycloak");
		return environment;
	}

	private static void check(MockEnvironment environment) {
		ProductionGuard guard = new ProductionGuard();
		guard.setEnvironment(environment);
		guard.postProcessBeanFactory(null);
	}

}
