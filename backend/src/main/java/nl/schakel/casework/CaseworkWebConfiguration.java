package nl.schakel.casework;

import nl.schakel.policy.PurposeBinding;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Binds a purpose to every API call on cases. */
@Configuration(proxyBeanMethods = false)
class CaseworkWebConfiguration implements WebMvcConfigurer {

	private final PurposeBinding purposeBinding;

	CaseworkWebConfiguration(PurposeBinding purposeBinding) {
		this.purposeBinding = purposeBinding;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.purposeBinding).addPathPatterns("/api/v1/cases", "/api/v1/cases/**", "/api/v1/persons/**",
				"/api/v1/requests", "/api/v1/requests/**");
	}

}
