package nl.schakel.notification;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a notification by e-mail too, when a mail server is configured: the same Dutch
 * text as the inbox (the kind of event and the case's reference), never content. Only
 * after the notification's transaction committed; a mail that cannot be sent is logged
 * and the notification stays in the inbox.
 */
@Component
class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	private final ObjectProvider<JavaMailSender> sender;

	private final MessageSource messages;

	private final NotificationMailProperties properties;

	NotificationMailer(ObjectProvider<JavaMailSender> sender, MessageSource messages,
			NotificationMailProperties properties) {
		this.sender = sender;
		this.messages = messages;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (this.sender.getIfAvailable() == null) {
			log.info("Notification e-mail is off: spring.mail.host is not configured, so no mail is sent "
					+ "(notifications are in the in-app inbox only)");
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void send(NotificationCreated created) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return;
		}
		String address = this.properties.addressOf(created.recipient());
		if (address == null) {
			log.debug("No e-mail address known for {}; notification {} stays in the inbox", created.recipient(),
					created.id());
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(address);
		message.setSubject("Schakel: " + text(created));
		message.setText(body(created));
		try {
			mail.send(message);
		}
		catch (MailException ex) {
			log.warn("Notification {} could not be sent by e-mail ({}); it stays in the inbox", created.id(),
					ex.getClass().getSimpleName());
		}
	}

	private String text(NotificationCreated created) {
		return this.messages.getMessage("notification.kind." + created.kind().name(),
				new Object[] { created.caseReference() }, DUTCH);
	}

	private String body(NotificationCreated created) {
		StringBuilder body = new StringBuilder(text(created)).append("\n\n");
		body.append(this.messages.getMessage("notification.mail.noContent", null, DUTCH)).append('\n');
		if (this.properties.inboxUrl() != null && !this.properties.inboxUrl().isBlank()) {
			body.append('\n').append(this.properties.inboxUrl()).append('\n');
		}
		return body.toString();
	}

}
