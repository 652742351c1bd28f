package nl.schakel.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How sealing and verification read the log in seal order: a block's rows by {@code seq}
 * from the view {@code disclosure}, each item joined to its event. Left to itself the
 * planner joins a block's 10,000 items to their events by hashing the whole event table,
 * since it cannot know that a block's items point at a few hundred adjacent events: each
 * block then reads every event, and sealing or verifying the log grows with blocks times
 * events. Through the event's primary key (memoised per event) a block costs the same
 * whatever the log's size. The setting is local to the reading transaction.
 */
final class SealOrder {

	private SealOrder() {
	}

	static void joinItemsToEventsByKey(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local enable_hashjoin = off");
			statement.execute("set local enable_mergejoin = off");
		}
	}

}
