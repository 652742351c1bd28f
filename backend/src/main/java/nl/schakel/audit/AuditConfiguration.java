package nl.schakel.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyFiles;
import nl.schakel.policy.PolicyRule;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.web.ChosenPurposes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The auditor workspace's wiring: the review flags (read and validated at start-up from
 * the same place as the access policy), purpose binding for the audit API, and the
 * schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration implements WebMvcConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

	private final PurposeBinding purposeBinding;

	AuditConfiguration(PurposeBinding purposeBinding) {
		this.purposeBinding = purposeBinding;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.purposeBinding).addPathPatterns("/api/v1/audit/**");
		// what an auditor changes from the workspace's pages (a finding) is recorded as
		// audit work
		registry.addInterceptor(ChosenPurposes.namedForEveryPage(AuditWorkspace.AUDIT)).addPathPatterns("/audit/**");
	}

	@Bean
	ReviewFlags reviewFlags(Policy policy, @Value("${schakel.policies.location:}") String location) {
		PolicyFiles files = files(location);
		Set<String> rules = new LinkedHashSet<>();
		policy.rules().stream().map(PolicyRule::id).forEach(rules::add);
		Optional<byte[]> bytes;
		try {
			bytes = files.read(ReviewFlagsLoader.FILE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + ReviewFlagsLoader.FILE + " in " + files.describe(), ex);
		}
		ReviewFlags flags = new ReviewFlagsLoader(rules).load(bytes, files.describe());
		log.info("Review flags {} loaded from {} ({} rules)", flags.version(), files.describe(), flags.flags().size());
		return flags;
	}

	/**
	 * The same places as the access policy: the configured location, ./policies, or the
	 * jar.
	 */
	static PolicyFiles files(String location) {
		return PolicyFiles.locate(location);
	}

}
