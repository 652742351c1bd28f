package nl.schakel.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import nl.schakel.security.Role;

/**
 * Who may use emergency access (noodtoegang) and for how long one activation lasts.
 *
 * @param roles the roles that may break the glass; empty when the policy has no
 * {@code break-glass} section
 * @param duration how long one activation lasts; zero when nobody may break the glass
 * @param maxOpeningsPerDay how many times one professional may open emergency access in a
 * day; the next opening is refused and reviewed
 */
public record BreakGlass(Set<Role> roles, Duration duration, int maxOpeningsPerDay) {

	/** Openings per professional per day when the policy does not say. */
	public static final int DEFAULT_MAX_OPENINGS_PER_DAY = 3;

	/** No emergency access at all. */
	public static final BreakGlass NONE = new BreakGlass(Set.of(), Duration.ZERO, 0);

	public BreakGlass(Set<Role> roles, Duration duration) {
		this(roles, duration, DEFAULT_MAX_OPENINGS_PER_DAY);
	}

	public BreakGlass {
		// EnumSet keeps the declared order of Role for display and equality stays
		// set-based
		roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
		Objects.requireNonNull(duration, "duration");
	}

	/** Whether holders of {@code role} may activate emergency access. */
	public boolean allows(Role role) {
		return this.roles.contains(role);
	}

}
