package nl.schakel.support;

import java.util.function.Supplier;

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

	public static void run(UserDetailsService accounts, String username, Runnable work) {
		run(accounts, username, () -> {
			work.run();
			return null;
		});
	}

}
