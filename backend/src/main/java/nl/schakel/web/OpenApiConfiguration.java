package nl.schakel.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /v3/api-docs} says beyond the controllers: the two
 * ways to authenticate (HTTP Basic with the embedded default's demo accounts, a Keycloak
 * bearer JWT under the {@code keycloak} profile) and the {@code X-Purpose} header that
 * every call on case data and on the auditor's API must name, and the {@code X-Role}
 * header with which an account holding several roles names the one it acts in. The
 * document itself is served to signed-in users only (the security chains say so).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PURPOSE_HEADER = "X-Purpose";

	static final String ROLE_HEADER = "X-Role";

	/** The paths whose calls must name a purpose (the purpose binding's paths). */
	private static final List<String> PURPOSE_BOUND = List.of("/api/v1/cases", "/api/v1/persons", "/api/v1/requests",
			"/api/v1/audit");

	@Bean
	OpenAPI schakelOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Schakel API")
				.version("v1")
				.description("Case consultation for a Zorg- en Veiligheidshuis. Every call on case data names its "
						+ "purpose in X-Purpose; errors are RFC 9457 problem details."))
			.components(new Components()
				.addSecuritySchemes("basicAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("HTTP Basic with an account of the embedded default (local profile)"))
				.addSecuritySchemes("bearerAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("A Keycloak access token for the Schakel API (keycloak profile)")))
			// either one: two requirements are alternatives
			.addSecurityItem(new SecurityRequirement().addList("basicAuth"))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

	@Bean
	OpenApiCustomizer purposeHeader() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
				if (path.getKey().startsWith("/api/")) {
					for (Operation operation : path.getValue().readOperations()) {
						operation.addParametersItem(roleParameter());
					}
				}
				if (PURPOSE_BOUND.stream()
					.anyMatch((prefix) -> path.getKey().equals(prefix) || path.getKey().startsWith(prefix + "/"))) {
					for (Operation operation : path.getValue().readOperations()) {
						boolean named = operation.getParameters() != null && operation.getParameters()
							.stream()
							.anyMatch((parameter) -> PURPOSE_HEADER.equalsIgnoreCase(parameter.getName()));
						if (!named) {
							operation.addParametersItem(purposeParameter().required(!actsOnTheCaseFile(path.getKey())));
						}
					}
				}
			}
		};
	}

	/**
	 * Erasure, rectification, a retention extension: they disclose nothing, a purpose is
	 * optional.
	 */
	private static boolean actsOnTheCaseFile(String path) {
		return path.endsWith("/erasure") || path.endsWith("/rectification") || path.endsWith("/retention-extension");
	}

	private static Parameter roleParameter() {
		return new HeaderParameter().name(ROLE_HEADER)
			.required(false)
			.description("The one role an account holding several roles acts in for this call (e.g. coordinator, "
					+ "auditor); required for such an account, where missing or not its own is a 400 problem naming "
					+ "X-Role. An account with one role acts in it and need not send it.")
			.schema(new StringSchema().example("coordinator"));
	}

	private static Parameter purposeParameter() {
		return new HeaderParameter().name(PURPOSE_HEADER)
			.required(true)
			.description("Why the data is accessed, one of the purposes in policies/purposes.yaml (e.g. TRIAGE, "
					+ "CASE_CONSULTATION, AUDIT); missing or unknown is a 400 problem naming X-Purpose")
			.schema(new StringSchema().example("CASE_CONSULTATION"));
	}

}
