package nl.schakel.participation;

import java.util.Set;
import java.util.UUID;

import nl.schakel.security.Actor;
import nl.schakel.security.ActorPrincipal;
import nl.schakel.security.Role;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Emergency access is meant for the rare acute case: a reason that says nothing, or
 * opening it again and again, must not pass as routine.
 */
@IntegrationTest
class BreakGlassIsBoundedIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	record Principal(Actor actor) implements ActorPrincipal {
	}

	@Test
	void aReasonPaddedWithSpacesOrInvisibleCharactersIsRefusedNamingTheReason() throws Exception {
		String caseUrl = registerCase();
		String coordinator = freshCoordinator();
		for (String reason : new String[] { "a b c d e f g h i j k l m n o p q r s", // 19
																						// visible
				"dringend\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b",
				"                              kort                    " }) {
			breakGlass(coordinator, caseUrl, reason).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		}
		assertThat(openings(coordinator)).isZero();
		breakGlass(coordinator, caseUrl, "Acute dreiging tegen een hulpverlener").andExpect(status().isCreated());
	}

	@Test
	void theOpeningAfterTheDaysLimitIsRefusedRecordedAsASecurityEventAndQueuedForReview() throws Exception {
		String caseUrl = registerCase();
		String coordinator = freshCoordinator();
		for (int i = 0; i < 3; i++) {
			breakGlass(coordinator, caseUrl, "Acute dreiging tegen een hulpverlener, melding " + i)
				.andExpect(status().isCreated());
		}

		breakGlass(coordinator, caseUrl, "Acute dreiging tegen een hulpverlener, melding 4")
			.andExpect(status().isTooManyRequests())
			// whole seconds until the first opening leaves the 24-hour window
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
			.andExpect(jsonPath("$.type").value("https://schakel.nl/problems/break-glass-limit-reached"));

		assertThat(openings(coordinator)).isEqualTo(3);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from security_event where kind = 'BREAK_GLASS_REFUSED' and subject = ?", Long.class,
				coordinator))
			.isEqualTo(1L);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from review_item where actor = ? and flag_rule = 'break-glass' and state = 'OPEN'",
				Long.class, coordinator))
			.isEqualTo(1L);
	}

	private ResultActions breakGlass(String coordinator, String caseUrl, String reason) throws Exception {
		Actor actor = new Actor(coordinator, "Noodregisseur", "zvh-midden", Set.of(Role.COORDINATOR));
		return this.mvc.perform(post(caseUrl + "/break-glass")
			.with(authentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null,
					Set.of(new SimpleGrantedAuthority(Role.COORDINATOR.authority())))))
			.header("X-Purpose", "CASE_CONSULTATION")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"" + reason + "\"}"));
	}

	private long openings(String coordinator) {
		return this.jdbc.queryForObject("select count(*) from break_glass where actor = ?", Long.class, coordinator);
	}

	private static String freshCoordinator() {
		// the limit counts per professional: one of their own per test, so no other test
		// shares it
		return "nood-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String registerCase() throws Exception {
		return this.mvc
			.perform(post("/api/v1/cases").with(httpBasic("coordinator", "demo"))
				.header("X-Purpose", "TRIAGE")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"person": {"name": "Noor Nood", "dateOfBirth": "1992-03-04"}, "caseType": "OTHER"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

}
