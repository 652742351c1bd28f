package nl.schakel.database;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DurabilityGuardTest {

	@Test
	void aDatabaseWithFsyncOffIsRefused() {
		assertThat(DurabilityGuard.refusal("off", "on"))
			.hasValueSatisfying(reason -> assertThat(reason).contains("fsync=off"));
	}

	@Test
	void aDatabaseWithSynchronousCommitOffIsRefused() {
		assertThat(DurabilityGuard.refusal("on", "off"))
			.hasValueSatisfying(reason -> assertThat(reason).contains("synchronous_commit=off"));
	}

	@Test
	void aDurableDatabaseIsAccepted() {
		assertThat(DurabilityGuard.refusal("on", "on")).isEmpty();
		// local still waits for the local WAL flush: durable on this server
		assertThat(DurabilityGuard.refusal("on", "local")).isEmpty();
		assertThat(DurabilityGuard.refusal("on", "remote_apply")).isEmpty();
	}

	@Test
	void onlyTheTestProfileMayRunOnAForgetfulDatabase() {
		assertThat(DurabilityGuard.exempt(profiles("test"))).isTrue();
		assertThat(DurabilityGuard.exempt(profiles("test", "keycloak"))).isTrue();
		assertThat(DurabilityGuard.exempt(profiles("prod", "keycloak"))).isFalse();
		assertThat(DurabilityGuard.exempt(profiles("prod", "test"))).isFalse();
		// the local default is durable itself, and is checked like any other profile
		assertThat(DurabilityGuard.exempt(profiles("local"))).isFalse();
		assertThat(DurabilityGuard.exempt(profiles("staging"))).isFalse();
		MockEnvironment noProfile = new MockEnvironment();
		noProfile.setDefaultProfiles("local");
		assertThat(DurabilityGuard.exempt(noProfile)).isFalse();
	}

	private static MockEnvironment profiles(String... profiles) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profiles);
		return environment;
	}

}
