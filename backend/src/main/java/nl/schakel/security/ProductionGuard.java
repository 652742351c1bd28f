package nl.schakel.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the prod profile with anything meant for a developer's machine: demo
 * accounts, the embedded database, or key files generated on disk; and without Keycloak,
 * since no one could log in. A bean factory post-processor, so it runs before any other
 * bean (a database pool, a demo account) is created.
 */
@Component
@Profile("prod")
class ProductionGuard implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (this.environment.getProperty("schakel.demo.enabled", Boolean.class, false)) {
			throw new IllegalStateException(
					"The prod profile refuses to start with demo accounts (schakel.demo.enabled=true)");
		}
		if (this.environment.getProperty("schakel.database.embedded.enabled", Boolean.class, false)) {
			throw new IllegalStateException(
					"The prod profile refuses to start with the embedded database (schakel.database.embedded.enabled=true)");
		}
		if (!this.environment.matchesProfiles("keycloak")) {
			throw new IllegalStateException(
					"The prod profile needs an identity provider: run it as prod,keycloak (without it nobody can log in)");
		}
		if (!this.environment.containsProperty("schakel.crypto.aead-keyset")
				|| !this.environment.containsProperty("schakel.crypto.blind-index-keyset")) {
			throw new IllegalStateException("The prod profile needs its field-encryption keysets as secrets "
					+ "(schakel.crypto.aead-keyset and schakel.crypto.blind-index-keyset, as ENC(...) values); "
					+ "it never generates cleartext key files");
		}
	}

}
