package nl.schakel.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

	@Test
	void aPoolTimeoutOrALostConnectionAnywhereInTheChainMeansUnavailable() {
		assertThat(
				DatabaseUnavailable.isCauseOf(new CannotCreateTransactionException("no transaction",
						new JDBCConnectionException("Unable to acquire JDBC Connection",
								new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))))
			.isTrue();
		assertThat(DatabaseUnavailable.isCauseOf(new DataAccessResourceFailureException("I/O error"))).isTrue();
		assertThat(DatabaseUnavailable
			.isCauseOf(new IllegalStateException("wrapped", new SQLException("An I/O error occurred", "08006"))))
			.isTrue();
		assertThat(DatabaseUnavailable.isCauseOf(new SQLException("the database system is starting up", "57P03")))
			.isTrue();
		assertThat(DatabaseUnavailable.isCauseOf(new SQLException("terminating connection", "57P01"))).isTrue();
	}

	@Test
	void aRollbackOnAConnectionThePoolClosedMeansUnavailable() {
		// what Spring throws when the server went away mid-transaction (found by the
		// outage drill)
		assertThat(DatabaseUnavailable
			.isCauseOf(new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
					new SQLException("Connection is closed")))))
			.isTrue();
	}

	@Test
	void otherDatabaseErrorsAndBugsAreNot() {
		assertThat(DatabaseUnavailable.isCauseOf(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(new SQLException("canceling statement", "57014"))).isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(new IllegalStateException("Connection is closed?"))).isFalse();
		assertThat(DatabaseUnavailable.isCauseOf(new NullPointerException())).isFalse();
	}

}
