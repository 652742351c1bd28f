package nl.schakel.notification;

import java.util.Objects;

/**
 * Who a notification is for: every professional of an organisation ({@code username}
 * null), or one professional of it.
 *
 * @param organisation the organisation's code
 * @param username one professional's username, or {@code null} for the whole organisation
 */
public record Recipient(String organisation, String username) {

	public Recipient {
		Objects.requireNonNull(organisation, "organisation");
	}

	public static Recipient organisation(String organisation) {
		return new Recipient(organisation, null);
	}

	public static Recipient professional(String organisation, String username) {
		return new Recipient(organisation, Objects.requireNonNull(username, "username"));
	}

}
