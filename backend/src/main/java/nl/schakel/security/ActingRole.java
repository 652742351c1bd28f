package nl.schakel.security;

import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An account may hold several roles, but acts under one at a time: a coordinator who is
 * also the privacy officer reads a case as the coordinator or reviews the log as the
 * auditor, never as both at once. In the browser the role is chosen once per session on
 * {@value #CHOICE_PAGE}; on the API every call of such an account names it in the
 * {@value #HEADER} header. Until a role is chosen the account acts under none: every
 * decision is the most restrictive one.
 */
public final class ActingRole {

	/** The header an API call of an account with several roles names its role in. */
	public static final String HEADER = "X-Role";

	/** The page where a user with several roles chooses the one to act in. */
	public static final String CHOICE_PAGE = "/role";

	static final String SESSION_ATTRIBUTE = ActingRole.class.getName();

	private ActingRole() {
	}

	/** The roles of the logged-in account, whichever of them it acts under now. */
	public static Set<Role> ofAccount() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ActingAuthentication acting) {
			return acting.account().roles();
		}
		return CurrentActor.find().map(Actor::roles).orElse(Set.of());
	}

	/**
	 * Chooses the role to act in for the rest of this session; only one of the account's
	 * own.
	 */
	public static boolean choose(HttpSession session, String code) {
		Optional<Role> role = Role.fromCode(code).filter(ofAccount()::contains);
		role.ifPresent((chosen) -> session.setAttribute(SESSION_ATTRIBUTE, chosen.code()));
		return role.isPresent();
	}

	/** The role chosen in this session, if it is still one of the account's. */
	static Optional<Role> chosen(HttpSession session, Set<Role> account) {
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof String code)) {
			return Optional.empty();
		}
		return Role.fromCode(code).filter(account::contains);
	}

}
