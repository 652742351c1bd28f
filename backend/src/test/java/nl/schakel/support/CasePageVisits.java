package nl.schakel.support;

import java.util.UUID;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static nl.schakel.support.DemoApi.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A professional on the case pages, as the browser visits them: signed in as a demo
 * account, with a purpose chosen for the case in the session, posting a section's form
 * the way htmx does ({@code HX-Request}).
 */
public final class CasePageVisits {

	private final MockMvc mvc;

	private final UserDetailsService accounts;

	public CasePageVisits(MockMvc mvc, UserDetailsService accounts) {
		this.mvc = mvc;
		this.accounts = accounts;
	}

	public static String page(UUID id) {
		return "/cases/" + id;
	}

	public RequestPostProcessor signedIn(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	/** The request as htmx sends it from a page, for that account. */
	public MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String username) {
		return request.with(csrf()).with(signedIn(username)).header("HX-Request", "true");
	}

	/** A session in which the account has chosen this purpose for the case. */
	public MockHttpSession chosen(UUID id, String username, String purpose) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post(page(id) + "/purpose").session(session)
			.with(csrf())
			.with(signedIn(username))
			.param("purpose", purpose));
		return session;
	}

	/**
	 * A case registered by the coordinator (in triage), with GGZ admitted for case
	 * consultation and the contributions of GGZ given here.
	 * @return the case's location in the API
	 */
	public String caseWithGgzContributions(String personName, String... texts) throws Exception {
		String location = this.mvc
			.perform(as("coordinator", "TRIAGE", post("/api/v1/cases"),
					"{\"person\": {\"name\": \"" + personName + "\", \"dateOfBirth\": \"1984-04-04\", \"bsn\": \""
							+ TestBsns.next() + "\"}, \"caseType\": \"CONFUSED_BEHAVIOUR\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(as("coordinator", "TRIAGE", post(location + "/participants"),
					"{\"organisation\": \"ggz-midden\", \"purposes\": [\"CASE_CONSULTATION\"]}"))
			.andExpect(status().isCreated());
		for (String text : texts) {
			this.mvc
				.perform(as("ggz", "CASE_CONSULTATION", post(location + "/contributions"),
						"{\"text\": \"" + text + "\", \"category\": \"SOCIAL\", \"legalBasis\": \"PUBLIC_TASK\"}"))
				.andExpect(status().isCreated());
		}
		return location;
	}

	public static UUID idOf(String location) {
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

}
