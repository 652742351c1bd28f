package nl.schakel.scale;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.Cookie;
import nl.schakel.support.PostgresInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * With sessions in PostgreSQL (the several-instances profile), what a session keeps is
 * sealed in {@code spring_session_attributes}: a copy of the table shows neither the
 * signed-in professional's security context nor the notice carried to the next page (a
 * refused form's text is answered at once and never enters the session), and the session
 * still works. (That a second instance opens them is
 * {@code SessionsLiveInTheDatabaseIT}'s second-instance test, which runs with the same
 * sealing.) Same context as {@code DatabaseOutageWithSessionsInTheDatabaseIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({ "test", "several-instances" })
@ContextConfiguration(initializers = PostgresInitializer.class)
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=" + SeveralInstancesTestPool.SIZE)
class SessionAttributesAreSealedInTheDatabaseIT {

	private static final String TYPED = "Vertrouwelijk: zoon slaapt bij oom Qz7";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theTableHoldsNeitherTheSecurityContextNorARefusedFormsTextAndTheSessionStillWorks() throws Exception {
		Cookie session = this.mvc.perform(formLogin("/login").user("ggz").password("demo"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the session cookie of Spring Session").isNotNull();

		// what worked is missing: the form comes back at once (422) with the rest of the
		// input kept, so the refused text never enters the session
		MvcResult refused = this.mvc
			.perform(post("/interventions/mentoring/notes").cookie(session)
				.with(csrf())
				.param("whatWorked", "")
				.param("forWhom", TYPED))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString()).as("the refused input, kept in the answer")
			.contains(TYPED);
		// a note saved: its notice is carried to the next page in the session
		MvcResult saved = this.mvc
			.perform(post("/interventions/mentoring/notes").cookie(session)
				.with(csrf())
				.param("whatWorked", "Een vaste mentor op school"))
			.andReturn();
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);

		List<byte[]> attributes = attributes(session);
		assertThat(names(session)).contains("SPRING_SECURITY_CONTEXT").anyMatch((name) -> name.contains("FLASH_MAPS"));
		for (byte[] bytes : attributes) {
			String asText = new String(bytes, StandardCharsets.ISO_8859_1);
			assertThat(asText).doesNotContain("Qz7", "ggz", "nl.schakel", "java.");
			// not Java serialization's stream header: sealed, not serialized in the clear
			assertThat(bytes.length >= 2 && (bytes[0] & 0xff) == 0xac && (bytes[1] & 0xff) == 0xed).isFalse();
		}

		String page = this.mvc.perform(get("/interventions/mentoring").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).as("the notice, read back from the sealed flash attribute")
			.contains("Uw notitie staat bij de interventie.");
	}

	@Test
	void anAttributeAlteredInTheTableIsReadAsAbsentSoTheSessionIsSignedOut() throws Exception {
		Cookie session = this.mvc.perform(formLogin("/login").user("ggz").password("demo"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(this.mvc.perform(get("/interventions").cookie(session)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		this.jdbc.update(
				"""
						update spring_session_attributes set attribute_bytes = overlay(attribute_bytes placing '\\x00'::bytea from 20)
						where attribute_name = 'SPRING_SECURITY_CONTEXT' and session_primary_id =
						  (select primary_id from spring_session where session_id = ?)""",
				sessionId(session));
		MvcResult after = this.mvc.perform(get("/interventions").cookie(session)).andReturn();
		assertThat(after.getResponse().getStatus()).isEqualTo(302);
		assertThat(after.getResponse().getRedirectedUrl()).endsWith("/login");
	}

	private List<byte[]> attributes(Cookie session) {
		return this.jdbc.queryForList("""
				select a.attribute_bytes from spring_session_attributes a
				join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""", byte[].class,
				sessionId(session));
	}

	private List<String> names(Cookie session) {
		return this.jdbc.queryForList("""
				select a.attribute_name from spring_session_attributes a
				join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?""", String.class,
				sessionId(session));
	}

	private static String sessionId(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

}
