package nl.schakel.reliability;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Guessing passwords and enumerating BSNs is slow: login attempts are limited per account
 * name and per client address, person searches per user, and the answer over the limit is
 * a 429 problem detail with {@code Retry-After}. Low limits here; the shared test
 * profile's are high so no other test trips them. (Its own application context: the
 * limits are start-up configuration.)
 */
@IntegrationTest
@TestPropertySource(properties = { "schakel.rate-limit.login-per-username.capacity=3",
		"schakel.rate-limit.login-per-username.period=PT10M", "schakel.rate-limit.login-per-client.capacity=5",
		"schakel.rate-limit.login-per-client.period=PT10M", "schakel.rate-limit.person-search.capacity=4",
		"schakel.rate-limit.person-search.period=PT10M" })
class RateLimitIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void passwordGuessingForOneAccountIsStoppedWhateverTheAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(login("om", "guess" + i, "10.0.0." + i).getStatus()).isEqualTo(302);
		}
		MockHttpServletResponse refused = login("OM ", "demo", "10.0.1.1");
		assertTooManyRequests(refused);
		// the right password does not get through either while the limit holds
		assertThat(login("om", "demo", "10.0.1.2").getStatus()).isEqualTo(429);
		// another account is not affected
		assertThat(login("reclassering", "demo", "10.0.1.3").getRedirectedUrl()).doesNotContain("error");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from security_event where kind = 'LOGIN_REFUSED' and reason = 'rate-limited' and subject = 'om'",
				Long.class))
			.isGreaterThanOrEqualTo(2L);
	}

	@Test
	void oneAddressTryingManyAccountsIsStopped() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(login("niemand" + i, "x", "192.0.2.7").getStatus()).isEqualTo(302);
		}
		assertTooManyRequests(login("gemeente", "demo", "192.0.2.7"));
		assertThat(login("gemeente", "demo", "192.0.2.8").getStatus()).isEqualTo(302);
	}

	@Test
	void enumeratingBsnsIsSlowAndEverySearchThatRanIsRecorded() throws Exception {
		long before = searches("verslavingszorg");
		for (int i = 0; i < 4; i++) {
			assertThat(search("verslavingszorg").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = search("verslavingszorg");
		assertTooManyRequests(refused);
		assertThat(searches("verslavingszorg") - before).as("disclosure rows of the searches that ran").isEqualTo(4);
		// the same budget applies in the browser
		int ui = this.mvc
			.perform(post("/known-to").with(user(this.accounts.loadUserByUsername("verslavingszorg")))
				.with(csrf())
				.param("bsn", TestBsns.next())
				.param("purpose", "TRIAGE"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(ui).isEqualTo(429);
		// per user: a colleague elsewhere may still search
		assertThat(search("reclassering").getStatus()).isEqualTo(200);
	}

	private long searches(String user) {
		return this.jdbc.queryForObject(
				"select count(*) from disclosure where actor = ? and rule_id in ('known-to-check', 'person-search')",
				Long.class, user);
	}

	private MockHttpServletResponse search(String user) throws Exception {
		return this.mvc
			.perform(post("/api/v1/persons/known-to").with(httpBasic(user, "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bsn\": \"" + TestBsns.next() + "\"}"))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletResponse login(String username, String password, String address) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).param("username", username).param("password", password)).andReturn().getResponse();
	}

	private static void assertTooManyRequests(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 600L);
		String body = response.getContentAsString();
		assertThat((String) JsonPath.read(body, "$.type")).isEqualTo("https://schakel.nl/problems/too-many-requests");
		assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(429);
	}

}
