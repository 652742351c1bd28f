package nl.schakel.casework;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.web.RequestContext;

import org.springframework.stereotype.Component;

/**
 * The purpose a user chose when opening a case in the UI, kept per case in the session, so
 * every page of that case works under it and shows it.
 */
@Component
public class CasePurposes {

	private static final String ATTRIBUTE = CasePurposes.class.getName();

	private final Policy policy;

	CasePurposes(Policy policy) {
		this.policy = policy;
	}

	/**
	 * The purpose chosen for this case in this session, if any; other features' case pages work
	 * under it. It is recorded in the request's context as well, so that a change made from a page
	 * of the case is recorded under the purpose the page works under.
	 */
	public Optional<Purpose> of(HttpSession session, UUID caseId) {
		Optional<Purpose> purpose = Optional.ofNullable(chosen(session).get(caseId)).flatMap(this.policy::purpose);
		purpose.ifPresent((p) -> RequestContext.current().ifPresent((context) -> context.purpose(p.code())));
		return purpose;
	}

	void choose(HttpSession session, UUID caseId, Purpose purpose) {
		Map<UUID, String> chosen = new HashMap<>(chosen(session));
		chosen.put(caseId, purpose.code());
		session.setAttribute(ATTRIBUTE, chosen);
	}

	void forget(HttpSession session, UUID caseId) {
		Map<UUID, String> chosen = new HashMap<>(chosen(session));
		chosen.remove(caseId);
		session.setAttribute(ATTRIBUTE, chosen);
	}

	@SuppressWarnings("unchecked")
	private static Map<UUID, String> chosen(HttpSession session) {
		Object value = session.getAttribute(ATTRIBUTE);
		return (value instanceof Map<?, ?> map) ? (Map<UUID, String>) map : Map.of();
	}

}
