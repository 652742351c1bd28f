package nl.schakel.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Makes the embedded server demand a scram password from every connection, local socket
 * and loopback alike, the superuser included.
 */
final class PasswordAuthentication {

	static final String HBA = """
			# Written by Schakel at every start: every connection proves its password (scram).
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			local   all       all                 scram-sha-256
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	private PasswordAuthentication() {
	}

	static void require(DataSource superuser, Path dataDirectory, String superuserPassword) {
		try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("alter role " + EmbeddedCredentials.SUPERUSER + " with password '"
					+ superuserPassword.replace("'", "''") + "'");
			Path hba = dataDirectory.resolve("pg_hba.conf");
			if (!Files.exists(hba) || !Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
				Files.writeString(hba, HBA, StandardCharsets.UTF_8);
				statement.execute("select pg_reload_conf()");
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException(
					"Could not make the embedded PostgreSQL demand passwords: " + ex.getMessage(), ex);
		}
	}

}
