package nl.schakel.reliability;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Guessing a password over the API's HTTP Basic is as slow as at the login form: refused
 * passwords are counted per account from one client and per client, and past the limit
 * the answer is a 429 problem with {@code Retry-After} and a security event. It
 * throttles, it does not lock: the account's owner elsewhere still gets in. (Its own
 * context: low limits.)
 */
@IntegrationTest
@TestPropertySource(properties = { "schakel.rate-limit.login-per-username.capacity=3",
		"schakel.rate-limit.login-per-username.period=PT10M", "schakel.rate-limit.login-per-client.capacity=5",
		"schakel.rate-limit.login-per-client.period=PT10M" })
class BasicAuthIsThrottledIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void thirtyWrongPasswordsInARowAreThrottledAndRecorded() throws Exception {
		int refused = 0;
		int throttled = 0;
		for (int i = 0; i < 30; i++) {
			MockHttpServletResponse response = call("coordinator", "guess" + i, "198.51.100.1");
			if (response.getStatus() == 401) {
				refused++;
			}
			else {
				assertTooManyRequests(response);
				throttled++;
			}
		}
		assertThat(refused).isEqualTo(3);
		assertThat(throttled).isEqualTo(27);
		// while throttled, the right password from that client gets the same answer: no
		// oracle
		assertThat(call("coordinator", "demo", "198.51.100.1").getStatus()).isEqualTo(429);
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from security_event
						where kind = 'LOGIN_REFUSED' and reason = 'rate-limited' and subject = 'coordinator' and path = '/api/v1/cases'""",
				Long.class))
			.isGreaterThanOrEqualTo(27L);
	}

	@Test
	void theOwnerElsewhereStillGetsInWhileOneClientHammersTheAccount() throws Exception {
		for (int i = 0; i < 10; i++) {
			call("om", "guess" + i, "198.51.100.2");
		}
		assertThat(call("om", "guess", "198.51.100.2").getStatus()).isEqualTo(429);
		assertThat(call("om", "demo", "203.0.113.2").getStatus()).as("authenticated").isNotIn(401, 429);
	}

	@Test
	void oneClientTryingManyAccountsIsThrottled() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(call("niemand" + i, "x", "198.51.100.3").getStatus()).isEqualTo(401);
		}
		assertTooManyRequests(call("gemeente", "demo", "198.51.100.3"));
		assertThat(call("gemeente", "demo", "198.51.100.4").getStatus()).as("authenticated").isNotIn(401, 429);
	}

	@Test
	void rightPasswordsAreNotCounted() throws Exception {
		for (int i = 0; i < 20; i++) {
			assertThat(call("reclassering", "demo", "198.51.100.5").getStatus()).as("authenticated").isNotIn(401, 429);
		}
	}

	private MockHttpServletResponse call(String username, String password, String address) throws Exception {
		return this.mvc.perform(get("/api/v1/cases").with(httpBasic(username, password)).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).header("X-Purpose", "CASE_CONSULTATION")).andReturn().getResponse();
	}

	private static void assertTooManyRequests(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 600L);
		assertThat((String) JsonPath.read(response.getContentAsString(), "$.type"))
			.isEqualTo("https://schakel.nl/problems/too-many-requests");
	}

}
