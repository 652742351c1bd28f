package nl.schakel.web;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST API documents itself at /v3/api-docs, generated from the controllers, for
 * signed-in clients.
 */
@IntegrationTest
class OpenApiIT {

	@Autowired
	MockMvc mvc;

	@Test
	void theOpenApiDocumentListsTheCaseworkEndpoints() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(httpBasic("coordinator", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/cases")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/cases/{id}/contributions")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/persons/known-to")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/requests/{id}/grant")))
			// an account with several roles names the one it acts in
			.andExpect(jsonPath("$.paths['/api/v1/cases'].post.parameters[?(@.name == 'X-Role')].required")
				.value(org.hamcrest.Matchers.contains(false)));
	}

	@Test
	void theOpenApiDocumentIsNotForStrangers() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/unauthenticated"));
	}

}
