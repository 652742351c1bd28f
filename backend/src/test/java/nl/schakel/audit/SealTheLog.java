package nl.schakel.audit;

import org.springframework.context.ApplicationContext;

/**
 * For tests outside {@code audit}: seal what the log holds now, as the sealing job would.
 */
public final class SealTheLog {

	private SealTheLog() {
	}

	public static void now(ApplicationContext context) {
		context.getBean(LogSealer.class).sealSettled();
	}

}
