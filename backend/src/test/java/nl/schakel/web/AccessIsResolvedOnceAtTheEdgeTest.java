package nl.schakel.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.ActorPrincipal;
import nl.schakel.security.Channel;
import nl.schakel.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request's {@link Access} is resolved once, at the edge, from what the request itself
 * says: the signed-in actor, the purpose named for it, its channel and the server's
 * request id. What the domain is handed is what the change history records.
 */
class AccessIsResolvedOnceAtTheEdgeTest {

	private static final Actor GGZ = new Actor("ggz", "GGZ", "ggz-midden", Set.of(Role.CARE_PROFESSIONAL));

	private final AccessArgumentResolver resolver = new AccessArgumentResolver();

	@AfterEach
	void forget() {
		SecurityContextHolder.clearContext();
		RequestContext.restore(null);
	}

	@Test
	void anApiCallWorksUnderItsValidatedPurposeThroughTheApiUnderTheServersRequestId() {
		signIn(GGZ);
		RequestContext context = new RequestContext("server-made", "callers-own");
		context.purpose("CASE_CONSULTATION");
		RequestContext.bind(context);

		Access access = resolve(new MockHttpServletRequest("GET", "/api/v1/cases/" + UUID.randomUUID()));

		assertThat(access.actor()).isEqualTo(GGZ);
		assertThat(access.purpose()).isEqualTo("CASE_CONSULTATION");
		assertThat(access.channel()).isEqualTo(Channel.API);
		assertThat(access.requestId()).isEqualTo("server-made");
		assertThat(access.correlationId()).isEqualTo("callers-own");
	}

	@Test
	void aCasePageWorksUnderThePurposeChosenForThatCaseAndBindsItForTheChangeHistory() {
		signIn(GGZ);
		UUID caseId = UUID.randomUUID();
		MockHttpSession session = new MockHttpSession();
		ChosenPurposes.choose(session, caseId, "PLAN_EXECUTION");
		ChosenPurposes.choose(session, UUID.randomUUID(), "MONITORING");
		RequestContext context = new RequestContext("server-made", null);
		RequestContext.bind(context);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cases/" + caseId + "/contributions");
		request.setSession(session);
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", caseId.toString()));

		Access access = resolve(request);

		assertThat(access.purpose()).isEqualTo("PLAN_EXECUTION");
		assertThat(access.channel()).isEqualTo(Channel.UI);
		assertThat(context.access()).contains(access);
		assertThat(context.purpose()).contains("PLAN_EXECUTION");
		assertThat(RequestContext.whoActs()).contains(GGZ);
		// a second handler argument in the same request gets the same access, not a
		// second resolution
		assertThat(resolve(request)).isSameAs(access);
	}

	@Test
	void withoutASignedInActorTheAccessFailsClosedWhenAskedWhoActs() {
		RequestContext.bind(new RequestContext("server-made", null));

		Access access = resolve(new MockHttpServletRequest("GET", "/api/v1/cases"));

		assertThat(access.findActor()).isEmpty();
		assertThatThrownBy(access::actor).isInstanceOf(IllegalStateException.class);
	}

	private Access resolve(MockHttpServletRequest request) {
		return this.resolver.resolveArgument(null, null, new ServletWebRequest(request), null);
	}

	private static void signIn(Actor actor) {
		ActorPrincipal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, java.util.List.of()));
	}

}
