package nl.schakel.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The policies the tests use: the shipped default from {@code policies/}, and small
 * in-memory policies whose line numbers the loader tests can name exactly.
 */
final class TestPolicies {

	static final String ROLES = """
			roles:
			  - { code: coordinator, domain: SAFETY_HOUSE, label: { nl: Procesregisseur, en: Coordinator } }
			  - { code: care-professional, domain: CARE, label: { nl: Zorgprofessional, en: Care professional } }
			  - { code: justice-professional, domain: JUSTICE, label: { nl: Justitie, en: Justice professional } }
			  - { code: municipal-professional, domain: MUNICIPAL, label: { nl: Gemeente, en: Municipal professional } }
			  - { code: auditor, label: { nl: Privacyfunctionaris, en: Privacy officer } }
			  - { code: administrator, label: { nl: Beheerder, en: Administrator } }
			""";

	static final String PURPOSES = """
			purposes:
			  - { code: TRIAGE, label: { nl: Triage, en: Triage }, description: Deciding on a referral. }
			  - { code: CASE_CONSULTATION, label: { nl: Casusoverleg, en: Case consultation }, description: The meeting. }
			""";

	static final String ACCESS_POLICY = """
			version: "test.1"
			rules:
			  - id: care-reads-health
			    description: Care professionals read health data.
			    roles: [care-professional]
			    categories: [HEALTH]
			    effect: permit
			""";

	private static Policy defaultPolicy;

	private TestPolicies() {
	}

	/**
	 * The shipped policy, found in {@code policies/} of this project or a parent folder.
	 */
	static synchronized Policy defaultPolicy() {
		if (defaultPolicy == null) {
			defaultPolicy = new PolicyLoader(PolicyFiles.directory(defaultPolicyDirectory())).load();
		}
		return defaultPolicy;
	}

	/**
	 * Walks up from the working directory, so the tests find the repository's
	 * {@code policies/} both from the backend module and from a standalone checkout.
	 */
	static Path defaultPolicyDirectory() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("policies");
			if (Files.isRegularFile(candidate.resolve(PolicyLoader.ACCESS_POLICY_FILE))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No policies/ folder above " + Path.of("").toAbsolutePath());
	}

	/** The small policy, with {@code access-policy.yaml} replaced. */
	static PolicyFiles withAccessPolicy(String accessPolicy) {
		return files(ROLES, PURPOSES, accessPolicy);
	}

	static PolicyFiles files(String roles, String purposes, String accessPolicy) {
		Map<String, byte[]> files = new HashMap<>();
		files.put(PolicyLoader.ROLES_FILE, roles.getBytes(StandardCharsets.UTF_8));
		files.put(PolicyLoader.PURPOSES_FILE, purposes.getBytes(StandardCharsets.UTF_8));
		files.put(PolicyLoader.ACCESS_POLICY_FILE, accessPolicy.getBytes(StandardCharsets.UTF_8));
		return PolicyFiles.of(files);
	}

}
