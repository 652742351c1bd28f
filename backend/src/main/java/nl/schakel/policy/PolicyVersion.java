package nl.schakel.policy;

import java.util.Objects;

/**
 * The version of a loaded policy: the version its author declared plus a digest of the
 * files, so two deployments that differ in a single byte never log the same version.
 *
 * @param declared the {@code version} in {@code access-policy.yaml}, e.g. {@code 2026.1}
 * @param digest the first 12 hex digits of the SHA-256 over the policy files
 */
public record PolicyVersion(String declared, String digest) {

	public PolicyVersion {
		Objects.requireNonNull(declared, "declared");
		Objects.requireNonNull(digest, "digest");
	}

	/** The form that goes into the log, e.g. {@code 2026.1+3fa2c49be01d}. */
	public String value() {
		return this.declared + "+" + this.digest;
	}

	@Override
	public String toString() {
		return value();
	}

}
