package nl.schakel.notification;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where notification mails go when a mail server is configured
 * ({@code spring.mail.host}).
 *
 * @param from the sender address
 * @param users a professional's address by username, where the identity provider gives
 * none
 * @param organisations an organisation's shared address by code, for notifications to the
 * whole organisation (and to a professional of it whose own address is not known)
 * @param inboxUrl the address of the inbox to mention in the mail, e.g.
 * {@code https://schakel.example.nl/notifications}; left out when not set
 */
@ConfigurationProperties("schakel.notifications.mail")
public record NotificationMailProperties(String from, Map<String, String> users, Map<String, String> organisations,
		String inboxUrl) {

	public NotificationMailProperties {
		from = (from == null || from.isBlank()) ? "schakel@localhost" : from;
		users = (users == null) ? Map.of() : Map.copyOf(users);
		organisations = (organisations == null) ? Map.of() : Map.copyOf(organisations);
	}

	/** The address a notification to this recipient goes to, if one is known. */
	String addressOf(Recipient recipient) {
		String address = (recipient.username() != null) ? this.users.get(recipient.username()) : null;
		return (address != null) ? address : this.organisations.get(recipient.organisation());
	}

}
