package nl.schakel.casework;

import nl.schakel.policy.PurposeBinding;
import nl.schakel.web.ChosenPurposes;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds a purpose to every API call on cases and to every form on a case's pages; refuses
 * HEAD on case work (see {@link HeadDisclosesNothing}).
 */
@Configuration(proxyBeanMethods = false)
class CaseworkWebConfiguration implements WebMvcConfigurer {

	private final PurposeBinding purposeBinding;

	CaseworkWebConfiguration(PurposeBinding purposeBinding) {
		this.purposeBinding = purposeBinding;
	}

	/**
	 * The coordinator's acts on the case file that disclose nothing: a purpose is
	 * optional.
	 */
	static final String[] ACTS_ON_THE_CASE_FILE = { "/api/v1/cases/*/erasure", "/api/v1/cases/*/rectification",
			"/api/v1/cases/*/retention-extension" };

	/**
	 * What-ifs on a case's metadata that disclose nothing ("Wat ziet wie?"): a purpose is
	 * optional, admission to the case is not.
	 */
	static final String[] WHAT_IFS = { "/api/v1/cases/*/audience-preview" };

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// first, so a HEAD request never reaches purpose binding or the gate
		registry.addInterceptor(new HeadDisclosesNothing())
			.addPathPatterns("/cases", "/cases/**", "/api/v1/cases", "/api/v1/cases/**", "/api/v1/persons/**",
					"/api/v1/requests", "/api/v1/requests/**", "/requests", "/requests/**", "/known-to", "/known-to/**",
					"/api/v1/meetings", "/api/v1/meetings/**", "/meetings", "/meetings/**");
		registry.addInterceptor(this.purposeBinding)
			.addPathPatterns("/api/v1/cases", "/api/v1/cases/**", "/api/v1/persons/**", "/api/v1/requests",
					"/api/v1/requests/**")
			.excludePathPatterns(ACTS_ON_THE_CASE_FILE)
			.excludePathPatterns(WHAT_IFS);
		registry.addInterceptor(this.purposeBinding.whenNamed()).addPathPatterns(ACTS_ON_THE_CASE_FILE);
		registry.addInterceptor(this.purposeBinding.whenNamed()).addPathPatterns(WHAT_IFS);
		// a change made from a case's pages is recorded under the purpose those pages
		// work under
		registry.addInterceptor(ChosenPurposes.namedForTheCaseOfThePath()).addPathPatterns("/cases/*/**");
	}

}
