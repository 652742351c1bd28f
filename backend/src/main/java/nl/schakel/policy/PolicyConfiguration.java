package nl.schakel.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads {@code policies/} once at start-up. A policy that does not validate stops the
 * start with its file-and-line messages (see {@link PolicyFailureAnalyzer}).
 *
 * <p>
 * Where the files come from: {@code schakel.policies.location} when set (for example
 * {@code file:/etc/schakel/policies/}); else a {@code policies/} folder in the working
 * directory, so a privacy officer's edit in the source tree takes effect on restart; else
 * the copy packaged in the jar.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

	@Bean
	Policy policy(@Value("${schakel.policies.location:}") String location) {
		PolicyFiles files = files(location);
		Policy policy = new PolicyLoader(files).load();
		log.info("Access policy {} loaded from {} ({} rules)", policy.version().value(), files.describe(),
				policy.rules().size());
		for (PolicyRule rule : policy.unreachableRules()) {
			log.warn("Access policy rule '{}' (line {}) can never decide anything: rules above it match first",
					rule.id(), rule.line());
		}
		return policy;
	}

	static PolicyFiles files(String location) {
		return PolicyFiles.locate(location);
	}

}
