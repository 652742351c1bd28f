package nl.schakel.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The realm roles of Schakel. Their codes are the Keycloak realm role names and the names
 * used in {@code policies/}.
 */
public enum Role {

	COORDINATOR("coordinator"), CARE_PROFESSIONAL("care-professional"), JUSTICE_PROFESSIONAL("justice-professional"),
	MUNICIPAL_PROFESSIONAL("municipal-professional"), AUDITOR("auditor"), ADMINISTRATOR("administrator");

	private final String code;

	Role(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	/** The Spring Security authority, e.g. {@code ROLE_COORDINATOR}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public static Optional<Role> fromCode(String code) {
		return Arrays.stream(values()).filter((role) -> role.code.equals(code)).findFirst();
	}

}
