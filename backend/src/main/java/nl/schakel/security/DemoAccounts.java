package nl.schakel.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo accounts of the local default: one or more per role, each in a demo organisation.
 * Never present under the prod profile ({@link ProductionGuard} refuses to start), nor
 * under the keycloak profile, where Keycloak is the only way in (the demo organisations
 * may stay).
 */
@Component
@ConditionalOnBooleanProperty("schakel.demo.enabled")
@Profile("!keycloak")
public class DemoAccounts implements UserDetailsService, AccountDirectory {

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** The password of every demo account; they exist only on a developer's machine. */
	public static final String PASSWORD = "demo";

	static final List<Actor> ACCOUNTS = List.of(
			new Actor("coordinator", "Sanne de Vries", "zvh-midden", Set.of(Role.COORDINATOR)),
			new Actor("coordinator-zuid", "Ruben Kok", "zvh-zuid", Set.of(Role.COORDINATOR)),
			new Actor("ggz", "Daan Bakker", "ggz-midden", Set.of(Role.CARE_PROFESSIONAL)),
			new Actor("verslavingszorg", "Fatima El Amrani", "verslavingszorg-midden", Set.of(Role.CARE_PROFESSIONAL)),
			new Actor("politie", "Joost Visser", "politie-midden", Set.of(Role.JUSTICE_PROFESSIONAL)),
			new Actor("om", "Ingrid Smit", "om-midden", Set.of(Role.JUSTICE_PROFESSIONAL)),
			new Actor("reclassering", "Mehmet Yilmaz", "reclassering-midden", Set.of(Role.JUSTICE_PROFESSIONAL)),
			new Actor("gemeente", "Lotte Jansen", "gemeente-midden", Set.of(Role.MUNICIPAL_PROFESSIONAL)),
			new Actor("auditor", "Pieter Mulder", "zvh-midden", Set.of(Role.AUDITOR)),
			new Actor("beheer", "Anouk de Boer", "zvh-midden", Set.of(Role.ADMINISTRATOR)));

	private final String encodedPassword;

	DemoAccounts(PasswordEncoder passwordEncoder) {
		this.encodedPassword = passwordEncoder.encode(PASSWORD);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return ACCOUNTS.stream()
			.filter((actor) -> actor.username().equals(username))
			.findFirst()
			.map((actor) -> new DemoUser(actor, this.encodedPassword))
			.orElseThrow(() -> new UsernameNotFoundException("No demo account"));
	}

	@Override
	public List<Actor> accounts() {
		return ACCOUNTS;
	}

	@Override
	public java.util.Optional<java.net.URI> console() {
		return java.util.Optional.empty();
	}

	@EventListener(ApplicationReadyEvent.class)
	void printHowToLogIn() {
		StringBuilder text = new StringBuilder("\n\n  Schakel demo accounts (password for all: '" + PASSWORD + "'):\n");
		for (Actor actor : ACCOUNTS) {
			text.append(String.format("    %-16s %-24s %s%n", actor.username(), actor.roles().iterator().next().code(),
					actor.organisation()));
		}
		log.info("{}", text);
	}

	public record DemoUser(Actor actor, String password) implements UserDetails, ActorPrincipal {

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.actor.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
		}

		@Override
		public String getPassword() {
			return this.password;
		}

		@Override
		public String getUsername() {
			return this.actor.username();
		}

	}

}
