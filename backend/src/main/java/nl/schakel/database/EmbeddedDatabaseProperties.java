package nl.schakel.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL of the local default.
 *
 * @param enabled start an embedded PostgreSQL instead of connecting to an external one
 * @param directory where its data lives, so that it survives a restart
 * @param port the port it listens on (loopback only); 0 picks a free one
 */
@ConfigurationProperties("schakel.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("data/postgres") String directory, @DefaultValue("0") int port) {
}
