package nl.schakel.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why Schakel refuses a database that may forget acknowledged commits. */
class DatabaseNotDurableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseNotDurable> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseNotDurable cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set fsync = on and synchronous_commit = on (or local, remote_write, remote_apply) in postgresql.conf "
						+ "and restart PostgreSQL; only the test profile accepts a database that may lose commits.",
				cause);
	}

}
