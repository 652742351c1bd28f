package nl.schakel.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Creates the two login roles Schakel expects and a database owned by the owner role.
 * Migrations run as the owner; the application connects as the app role, which only holds
 * the privileges the migrations grant it (for example INSERT and SELECT, never UPDATE or
 * DELETE, on the disclosure log). Used by the embedded default and by the test support so
 * both exercise the same separation as production.
 */
public final class DatabaseRoles {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private DatabaseRoles() {
	}

	public record Credentials(String user, String password) {
	}

	public static void ensure(DataSource superuser, String database, Credentials owner, Credentials app) {
		requireIdentifier(database);
		requireIdentifier(owner.user());
		requireIdentifier(app.user());
		try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
			createOrUpdateRole(statement, owner);
			createOrUpdateRole(statement, app);
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
			boolean present = exists.next();
			exists.close();
			if (!present) {
				statement.execute("create database " + database + " owner " + owner.user());
			}
			statement.execute("grant connect on database " + database + " to " + app.user());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare database roles: " + ex.getMessage(), ex);
		}
	}

	private static void createOrUpdateRole(Statement statement, Credentials role) throws SQLException {
		var existing = statement.executeQuery("select 1 from pg_roles where rolname = '" + role.user() + "'");
		boolean present = existing.next();
		existing.close();
		String password = role.password().replace("'", "''");
		if (present) {
			statement.execute("alter role " + role.user() + " with login password '" + password + "'");
		}
		else {
			statement.execute("create role " + role.user() + " with login password '" + password + "'");
		}
	}

	private static void requireIdentifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
		}
	}

}
