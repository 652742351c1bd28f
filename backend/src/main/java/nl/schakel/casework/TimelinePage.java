package nl.schakel.casework;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.web.InvalidInput;

/**
 * Which part of a case's timeline to read: the newest {@code size} contributions, or
 * those older than a cursor. Opening a case reads and discloses one page, never the whole
 * history.
 *
 * @param olderThanCreatedAt with {@code olderThanId}: the cursor ({@code createdAt~id} of
 * the oldest entry of the page before), or null for the newest page
 * @param olderThanId see {@code olderThanCreatedAt}
 * @param size the most contributions on the page
 */
public record TimelinePage(Instant olderThanCreatedAt, UUID olderThanId, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public static TimelinePage first() {
		return new TimelinePage(null, null, DEFAULT_SIZE);
	}

	/** From request parameters; a bad cursor or size is a 400 naming the parameter. */
	public static TimelinePage of(String before, Integer size) {
		int pageSize = (size == null) ? DEFAULT_SIZE : size;
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			throw InvalidInput.of("size", "must be between 1 and " + MAX_SIZE);
		}
		if (before == null || before.isBlank()) {
			return new TimelinePage(null, null, pageSize);
		}
		int split = before.indexOf('~');
		try {
			if (split < 0) {
				throw new IllegalArgumentException("no separator");
			}
			return new TimelinePage(Instant.parse(before.substring(0, split)),
					UUID.fromString(before.substring(split + 1)), pageSize);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw InvalidInput.of("before", "is not a timeline cursor");
		}
	}

	static String cursor(DisclosableItem oldest) {
		return oldest.createdAt() + "~" + oldest.id();
	}

}
