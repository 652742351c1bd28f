package nl.schakel.professional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import nl.schakel.organisation.OrganisationNames;
import nl.schakel.security.AccountDirectory;
import nl.schakel.security.Actor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who a username is, for pages ({@code ${@professionals.name(username)}} in a template):
 * "Sanne de Vries (Zorg- en Veiligheidshuis Midden)" where the data holds
 * {@code coordinator}. The names come from the identity provider's claims, kept at each
 * login; the demo accounts name themselves; the username is shown only when neither knows
 * the person (an account that never logged in since names were kept).
 */
@Component("professionals")
public class ProfessionalDirectory {

	// A name changed in the identity provider shows up on other instances within this
	// time
	private static final Duration KEPT = Duration.ofMinutes(2);

	private final JdbcTemplate jdbc;

	private final OrganisationNames organisations;

	private final ObjectProvider<AccountDirectory> accounts;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ProfessionalDirectory(JdbcTemplate jdbc, OrganisationNames organisations, ObjectProvider<AccountDirectory> accounts,
			Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** Name and organisation, e.g. "Sanne de Vries (Zorg- en Veiligheidshuis Midden)". */
	public String name(String username) {
		return name(username, null);
	}

	/**
	 * Name and organisation; the organisation given here (the one recorded with the act)
	 * wins over the one the person works for today.
	 */
	public String name(String username, String organisation) {
		if (username == null || username.isBlank()) {
			return "";
		}
		Professional professional = find(username);
		String code = (organisation != null) ? organisation : professional.organisation();
		return (code == null) ? professional.name() : professional.name() + " (" + this.organisations.of(code) + ")";
	}

	/**
	 * Name and organisation followed by the login name, e.g. "Sanne de Vries (Zorg- en
	 * Veiligheidshuis Midden) · coordinator", for auditors: a name is what the identity
	 * provider's administrator entered, the login name is what the records hold, so an
	 * auditor sees both and two people with one name are told apart.
	 */
	public String accountable(String username, String organisation) {
		return withLogin(username, name(username, organisation));
	}

	/** The person's name followed by the login name, for auditors; see above. */
	public String accountable(String username) {
		return withLogin(username, personName(username));
	}

	private static String withLogin(String username, String shown) {
		return (username == null || username.isBlank() || shown.equals(username)) ? shown : shown + " · " + username;
	}

	/** The person's name only, the username when unknown. */
	public String personName(String username) {
		return (username == null) ? "" : find(username).name();
	}

	/** The names of these professionals, separated by commas. */
	public String personNames(java.util.Collection<String> usernames) {
		return (usernames == null) ? "" : String.join(", ", usernames.stream().map(this::personName).toList());
	}

	/**
	 * What is known of this username; its name is the username itself when nothing is.
	 */
	public Professional find(String username) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(username);
		if (cached != null && cached.until().isAfter(now)) {
			return cached.professional();
		}
		Professional found = this.jdbc
			.query("select username, display_name, given_name, family_name, email, organisation"
					+ " from professional where username = ?",
					(rs, i) -> new Professional(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6)),
					username)
			.stream()
			.findFirst()
			.or(() -> fromAccounts(username))
			.orElseGet(() -> Professional.unknown(username));
		this.cache.put(username, new Cached(found, now.plus(KEPT)));
		return found;
	}

	/**
	 * Keeps what the identity provider said about a professional at login. Writes only
	 * when something changed, so an API client authenticating on every call costs no
	 * write.
	 */
	void remember(Professional professional) {
		Cached cached = this.cache.get(professional.username());
		if (cached != null && cached.professional().equals(professional)) {
			return;
		}
		this.jdbc.update("""
				insert into professional (username, display_name, given_name, family_name, email, organisation, seen_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (username) do update set display_name = excluded.display_name,
				  given_name = excluded.given_name, family_name = excluded.family_name, email = excluded.email,
				  organisation = excluded.organisation, seen_at = excluded.seen_at""", professional.username(),
				professional.name(), professional.givenName(), professional.familyName(), professional.email(),
				professional.organisation(), java.sql.Timestamp.from(this.clock.instant()));
		this.cache.put(professional.username(), new Cached(professional, this.clock.instant().plus(KEPT)));
	}

	private Optional<Professional> fromAccounts(String username) {
		AccountDirectory directory = this.accounts.getIfAvailable();
		if (directory == null) {
			return Optional.empty();
		}
		return directory.accounts()
			.stream()
			.filter((actor) -> Objects.equals(actor.username(), username))
			.findFirst()
			.map(ProfessionalDirectory::of);
	}

	static Professional of(Actor actor) {
		return new Professional(actor.username(), actor.displayName(), null, null, null, actor.organisation());
	}

	private record Cached(Professional professional, Instant until) {
	}

}
