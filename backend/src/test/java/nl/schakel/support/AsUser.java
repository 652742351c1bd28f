package nl.schakel.support;

import java.util.function.Function;
import java.util.function.Supplier;

import nl.schakel.security.Access;
import nl.schakel.security.Channel;
import nl.schakel.web.RequestContext;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs service-level test code as one of the demo accounts. */
public final class AsUser {

	private AsUser() {
	}

	public static <T> T run(UserDetailsService accounts, String username, Supplier<T> work) {
		UserDetails user = accounts.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	/**
	 * Runs service-level test code as one of the demo accounts with the {@link Access} a
	 * request of that account under this purpose, through this channel, would pass in.
	 */
	public static <T> T access(UserDetailsService accounts, String username, String purpose, Channel channel,
			Function<Access, T> work) {
		return RequestContext.runAsAccount(accounts.loadUserByUsername(username), purpose, null,
				(access) -> work.apply(access.via(channel)));
	}

	public static void run(UserDetailsService accounts, String username, Runnable work) {
		run(accounts, username, () -> {
			work.run();
			return null;
		});
	}

}
