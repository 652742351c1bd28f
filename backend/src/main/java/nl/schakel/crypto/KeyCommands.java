package nl.schakel.crypto;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Key maintenance from the command line, run as the application with
 * {@code --schakel.command=...} and no web server:
 * <ul>
 * <li>{@code rotate-keys}: adds a new primary AEAD key to the keyset files (local
 * profile); new writes use it after the next start, old rows stay readable;</li>
 * <li>{@code reencrypt}: re-encrypts every value an older key still protects.</li>
 * </ul>
 * The process exits with 0 when done, 1 on failure.
 */
@Component
@ConditionalOnProperty("schakel.command")
class KeyCommands implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KeyCommands.class);

	private final CryptoProperties properties;

	private final FieldCipher cipher;

	private final JdbcTemplate jdbc;

	private final List<SealedColumn> columns;

	private final ConfigurableApplicationContext context;

	KeyCommands(CryptoProperties properties, FieldCipher cipher, JdbcTemplate jdbc, List<SealedColumn> columns,
			ConfigurableApplicationContext context) {
		this.properties = properties;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.columns = columns;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		String command = this.context.getEnvironment().getProperty("schakel.command", "");
		int status;
		switch (command) {
			case "rotate-keys" -> status = rotate();
			case "reencrypt" -> status = reencrypt();
			default -> {
				return;
			}
		}
		int exit = SpringApplication.exit(this.context, () -> status);
		System.exit(exit);
	}

	private int rotate() {
		if (this.properties.hasConfiguredKeysets()) {
			log.error("The keysets come from configuration: add a new primary key to the configured keyset "
					+ "and deploy it as a new ENC(...) secret, then run reencrypt");
			return 1;
		}
		int primary = Keysets.rotate(Path.of(this.properties.keysetDirectory()));
		log.info("New primary key {} in {}. Restart, then run --schakel.command=reencrypt", primary,
				this.properties.keysetDirectory());
		return 0;
	}

	private int reencrypt() {
		Reencryption job = new Reencryption(this.cipher, this.jdbc);
		int total = 0;
		for (SealedColumn column : this.columns) {
			total += job.reseal(column);
		}
		log.info("Re-encryption done: {} value(s) rewritten", total);
		return 0;
	}

}
