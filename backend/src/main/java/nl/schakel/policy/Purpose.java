package nl.schakel.policy;

import java.util.Objects;

import nl.schakel.security.Access;

/**
 * A purpose of processing (doel), such as {@code CASE_CONSULTATION}. Purposes are data in
 * {@code purposes.yaml}; obtain a valid one from {@link Policy#purpose(String)}.
 *
 * @param code the code as declared in {@code purposes.yaml}
 */
public record Purpose(String code) {

	public Purpose {
		Objects.requireNonNull(code, "code");
		if (code.isBlank()) {
			throw new IllegalArgumentException("A purpose code must not be blank");
		}
	}

	/** The purpose the access works under; fails closed when it names none. */
	public static Purpose of(Access access) {
		return new Purpose(Objects.requireNonNull(access.purpose(), "purpose"));
	}

	@Override
	public String toString() {
		return this.code;
	}

}
