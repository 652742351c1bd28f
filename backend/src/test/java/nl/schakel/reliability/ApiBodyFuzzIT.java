package nl.schakel.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Property: for any JSON body — random values, or a valid body with fields dropped,
 * retyped, overlong, nested or unknown — registering a case, adding a contribution and
 * the known-to check answer 2xx or a 4xx problem detail, never 5xx and never an unhandled
 * exception. jqwik cannot drive a Spring test context (its engine bypasses the Spring
 * extension), so this property runs as plain JUnit with a fixed seed:
 * {@code -Dreliability.api.tries} per endpoint (default 2,000; the nightly figure is
 * 10,000) and {@code -Dreliability.api.seed}.
 */
@IntegrationTest
class ApiBodyFuzzIT {

	static final int TRIES = Integer.getInteger("reliability.api.tries", 2_000);

	static final long SEED = Long.getLong("reliability.api.seed", 20261128L);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	/** Signed in once per account: HTTP Basic would hash the password on every call. */
	final Map<String, UserDetails> signedIn = new java.util.HashMap<>();

	@Test
	void noRequestBodyMakesTheApiFail() throws Exception {
		Random random = new Random(SEED);
		String caseId = JsonPath.read(send("coordinator", "TRIAGE", "/api/v1/cases", """
				{"person": {"name": "Fuzz Persoon", "dateOfBirth": "1990-05-05"}, "caseType": "OTHER"}""")
			.getContentAsString(), "$.id");
		Map<String, Endpoint> endpoints = new LinkedHashMap<>();
		endpoints.put("register case", new Endpoint("coordinator", "TRIAGE", "/api/v1/cases",
				Map.of("person", Map.of("name", "Fuzz Persoon", "dateOfBirth", "1990-05-05", "bsn", "111222333"),
						"caseType", "RADICALISATION", "referral",
						Map.of("referringOrganisation", "politie-midden", "referringProfessional", "agent", "reason",
								"zorg", "goal", "beeld", "invitedPartners", List.of("ggz-midden"), "personInformed",
								false, "notInformedReason", "risico"))));
		endpoints.put("contribution",
				new Endpoint("coordinator", "CASE_CONSULTATION", "/api/v1/cases/" + caseId + "/contributions",
						Map.of("text", "inbreng", "category", "HEALTH", "legalBasis", "CONFLICT_OF_DUTIES",
								"statutoryReference", "art. 1", "audienceOrganisations", List.of("ggz-midden"),
								"audienceDomains", List.of("CARE"), "secrecyBreachConfirmed", true, "conflictOfDuties",
								Map.of("interest", "a", "whyNoConsent", "b", "noOtherWay", "c", "seriousHarm", "d",
										"strictlyNeeded", "e"))));
		endpoints.put("known-to", new Endpoint("gemeente", "TRIAGE", "/api/v1/persons/known-to",
				// not the fuzzed registrations' person: a search that finds hundreds of
				// cases writes
				// hundreds of disclosure rows, which measures the log, not the input
				// handling
				Map.of("bsn", nl.schakel.support.TestBsns.next(), "name", "Niet Gezocht", "dateOfBirth",
						"1971-07-07")));
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, Endpoint> entry : endpoints.entrySet()) {
			Endpoint endpoint = entry.getValue();
			Map<Integer, Integer> statuses = new java.util.TreeMap<>();
			long started = System.nanoTime();
			for (int i = 0; i < TRIES; i++) {
				String body = (random.nextInt(4) == 0) ? Json.write(Json.randomValue(random, 0))
						: Json.write(Json.mutate(random, endpoint.valid, 0));
				MockHttpServletResponse response;
				try {
					response = send(endpoint.user, endpoint.purpose, endpoint.path, body);
				}
				catch (Exception ex) {
					failures.add(entry.getKey() + ": unhandled " + ex + " for " + cut(body));
					continue;
				}
				int status = response.getStatus();
				statuses.merge(status, 1, Integer::sum);
				if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
					failures.add(entry.getKey() + " -> " + status + " for " + cut(body) + ": "
							+ cut(response.getContentAsString()));
				}
				else if (status >= 400
						&& !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
					failures.add(entry.getKey() + " -> " + status + " not a problem detail for " + cut(body));
				}
			}
			System.out.printf("API body property, %s: %d tries (seed %d) in %d ms, statuses %s%n", entry.getKey(),
					TRIES, SEED, (System.nanoTime() - started) / 1_000_000, statuses);
		}
		assertThat(failures).as("bodies that made the API fail").isEmpty();
	}

	record Endpoint(String user, String purpose, String path, Map<String, Object> valid) {
	}

	private MockHttpServletResponse send(String user, String purpose, String path, String body) throws Exception {
		return this.mvc
			.perform(post(path).with(user(this.signedIn.computeIfAbsent(user, this.accounts::loadUserByUsername)))
				.header("X-Purpose", purpose)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
	}

	private static String cut(String text) {
		return (text.length() > 400) ? text.substring(0, 400) + "…" : text;
	}

	/** Just enough JSON to generate and mutate bodies without a library in the way. */
	static final class Json {

		static final List<String> STRINGS = List.of("", " ", "null", "HEALTH", "CONSENT", "TRIAGE", "ggz-midden",
				"1990-02-31", "9999-12-31", "-0001-01-01", "2026-11-28T10:00:00Z", "111222333", "123456789",
				"00000000-0000-0000-0000-000000000000", "<script>alert(1)</script>", "' or 1=1 --", "\u0000",
				"\ud83d\ude00", "\\", "\"", "%s%n", "${jndi:ldap://x}", "NaN", "1e309");

		static Object randomValue(Random random, int depth) {
			int kind = random.nextInt((depth > 4) ? 6 : 8);
			return switch (kind) {
				case 0 -> null;
				case 1 -> random.nextBoolean();
				case 2 -> (random.nextBoolean() ? random.nextLong() : random.nextInt(100) - 50);
				case 3 -> (random.nextBoolean() ? random.nextDouble() * 1e12 : new java.math.BigDecimal("1e400"));
				case 4 -> STRINGS.get(random.nextInt(STRINGS.size()));
				case 5 -> randomString(random);
				case 6 -> {
					List<Object> list = new ArrayList<>();
					for (int i = random.nextInt(4); i > 0; i--) {
						list.add(randomValue(random, depth + 1));
					}
					yield list;
				}
				default -> {
					Map<String, Object> map = new LinkedHashMap<>();
					for (int i = random.nextInt(4); i > 0; i--) {
						map.put(random.nextBoolean() ? randomString(random)
								: STRINGS.get(random.nextInt(STRINGS.size())), randomValue(random, depth + 1));
					}
					yield map;
				}
			};
		}

		@SuppressWarnings("unchecked")
		static Object mutate(Random random, Object valid, int depth) {
			if (valid instanceof Map<?, ?> map) {
				Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
				List<String> keys = new ArrayList<>(copy.keySet());
				for (String key : keys) {
					int roll = random.nextInt(10);
					if (roll == 0) {
						copy.remove(key);
					}
					else if (roll == 1) {
						copy.put(key, randomValue(random, depth + 1));
					}
					else if (roll == 2) {
						copy.put(key, mutate(random, copy.get(key), depth + 1));
					}
					else if (roll == 3 && copy.get(key) instanceof String) {
						copy.put(key, "x".repeat(random.nextInt(30_000)));
					}
				}
				if (random.nextInt(8) == 0) {
					copy.put(randomString(random), randomValue(random, depth + 1));
				}
				return copy;
			}
			if (valid instanceof List<?> list) {
				List<Object> copy = new ArrayList<>(list);
				if (random.nextBoolean()) {
					copy.add(randomValue(random, depth + 1));
				}
				return copy;
			}
			return random.nextBoolean() ? randomValue(random, depth + 1) : valid;
		}

		static String randomString(Random random) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(12); i > 0; i--) {
				text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD7FF)));
			}
			return text.toString();
		}

		static String write(Object value) {
			StringBuilder out = new StringBuilder();
			write(value, out);
			return out.toString();
		}

		private static void write(Object value, StringBuilder out) {
			if (value == null) {
				out.append("null");
			}
			else if (value instanceof String text) {
				out.append('"');
				for (char c : text.toCharArray()) {
					if (c == '"' || c == '\\') {
						out.append('\\').append(c);
					}
					else if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
				out.append('"');
			}
			else if (value instanceof Map<?, ?> map) {
				out.append('{');
				boolean first = true;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					if (!first) {
						out.append(',');
					}
					first = false;
					write(String.valueOf(entry.getKey()), out);
					out.append(':');
					write(entry.getValue(), out);
				}
				out.append('}');
			}
			else if (value instanceof List<?> list) {
				out.append('[');
				for (int i = 0; i < list.size(); i++) {
					if (i > 0) {
						out.append(',');
					}
					write(list.get(i), out);
				}
				out.append(']');
			}
			else if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
				out.append("0");
			}
			else {
				out.append(value);
			}
		}

	}

}
