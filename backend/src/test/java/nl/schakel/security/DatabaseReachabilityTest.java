package nl.schakel.security;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Only a database that cannot be reached relaxes the shared limits to this instance's own
 * count; a pool that is merely busy under load does not (its timeout carries no failure
 * to connect).
 */
class DatabaseReachabilityTest {

	@Test
	void aPoolTimeoutWithoutAFailureToConnectIsABusyPoolAndRelaxesNothing() {
		CannotCreateTransactionException busy = new CannotCreateTransactionException("Could not open JPA EntityManager",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
		assertThat(DatabaseReachability.unreachable(busy)).isFalse();
		assertThatThrownBy(() -> DatabaseReachability.attempt(() -> {
			throw busy;
		}, () -> Duration.ZERO)).isSameAs(busy);
	}

	@Test
	void aPoolTimeoutCarryingItsLastFailureToConnectIsAnUnreachableDatabase() {
		SQLTransientConnectionException timeout = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out", "08001",
				new ConnectException("Connection refused"));
		assertThat(DatabaseReachability.unreachable(new CannotCreateTransactionException("no", timeout))).isTrue();
	}

}
