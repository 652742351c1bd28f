package nl.schakel.notification;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a mail server nothing is mailed, and the start-up says so in one line. */
@ExtendWith(OutputCaptureExtension.class)
class NotificationMailerTest {

	@Test
	void withoutAMailServerTheStartUpSaysOnceThatNoMailIsSent(CapturedOutput output) {
		NotificationMailer mailer = new NotificationMailer(
				new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class), new StaticMessageSource(),
				new NotificationMailProperties(null, null, null, null));
		mailer.announce();
		assertThat(output.getOut().lines().filter((line) -> line.contains("spring.mail.host is not configured")))
			.hasSize(1);
		// and a notification made without one sends nothing (and does not fail)
		mailer.send(new NotificationCreated(java.util.UUID.randomUUID(), NotificationKind.CONTRIBUTION_ADDED,
				"ZVH-2026-000001", Recipient.organisation("ggz-midden")));
	}

	@Test
	void aProfessionalsOwnAddressComesBeforeTheOrganisations() {
		NotificationMailProperties properties = new NotificationMailProperties("from@example",
				Map.of("ggz", "me@example"), Map.of("ggz-midden", "team@example"), null);
		assertThat(properties.addressOf(Recipient.professional("ggz-midden", "ggz"))).isEqualTo("me@example");
		assertThat(properties.addressOf(Recipient.professional("ggz-midden", "other"))).isEqualTo("team@example");
		assertThat(properties.addressOf(Recipient.organisation("ggz-midden"))).isEqualTo("team@example");
		assertThat(properties.addressOf(Recipient.organisation("politie-midden"))).isNull();
	}

}
