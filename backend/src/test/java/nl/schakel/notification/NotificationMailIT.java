package nl.schakel.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import nl.schakel.notification.CaseScenario.Case;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a mail server configured, a notification also goes out by e-mail to the
 * recipient's known address, after its transaction commits, with the same text as the
 * inbox and no content.
 */
@IntegrationTest
@TestPropertySource(
		properties = { "spring.mail.host=127.0.0.1", "schakel.notifications.mail.from=schakel@zvh-midden.example",
				"schakel.notifications.mail.organisations[politie-midden]=meldingen@politie-midden.example",
				"schakel.notifications.mail.users[ggz]=daan.bakker@ggz-midden.example",
				"schakel.notifications.mail.inbox-url=https://schakel.example/notifications" })
class NotificationMailIT {

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aNotificationIsMailedToTheKnownAddressWithTheInboxTextAndNoContent() throws Exception {
		CaseScenario s = new CaseScenario(this.mvc);
		Case c = s.newCase();
		s.admit(c, "ggz-midden");
		s.admit(c, "politie-midden");
		String item = s.contribute(c, "ggz", "Zorgmijding en dreigende uitspraken");
		s.request(c, "politie", item, "Voor de risicotaxatie");
		// the police: admitted, and a new contribution; the GGZ professional: a request
		// to answer. The GGZ
		// admission went to the whole organisation, which has no address here: no mail
		// for it
		assertThat(mail.waitForIncomingEmail(10_000, 3)).isTrue();
		List<MimeMessage> about = Arrays.stream(mail.getReceivedMessages())
			.filter((m) -> subject(m).contains(c.reference()))
			.toList();
		assertThat(about).extracting(NotificationMailIT::to)
			.containsExactlyInAnyOrder("daan.bakker@ggz-midden.example", "meldingen@politie-midden.example",
					"meldingen@politie-midden.example");
		assertThat(about).extracting(NotificationMailIT::subject)
			.containsExactlyInAnyOrder("Schakel: Er is nieuwe inbreng in casus " + c.reference() + ".",
					"Schakel: Uw organisatie is toegelaten tot casus " + c.reference() + ".",
					"Schakel: Er is u om verstrekking gevraagd in casus " + c.reference() + ".");
		for (MimeMessage message : about) {
			String body = GreenMailUtil.getBody(message);
			assertThat(body).contains("geen inhoud", "https://schakel.example/notifications")
				.doesNotContain("Zorgmijding", "dreigende", "risicotaxatie", "Melding Zonder Inhoud", "HEALTH");
			assertThat(message.getFrom()[0].toString()).isEqualTo("schakel@zvh-midden.example");
		}
	}

	@Test
	void aRecipientWithoutAKnownAddressGetsNoMailButStillTheNotification() throws Exception {
		CaseScenario s = new CaseScenario(this.mvc);
		Case c = s.newCase();
		s.admit(c, "verslavingszorg-midden");
		assertThat(s.kinds("verslavingszorg", c)).containsExactly("ADMITTED_TO_CASE");
		// mails go out in order after each commit: once the police's admission mail (an
		// address is
		// known) has arrived, one for the earlier admission would have arrived before it
		s.admit(c, "politie-midden");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> Arrays.stream(mail.getReceivedMessages()).anyMatch((m) -> subject(m).contains(c.reference())));
		assertThat(Arrays.stream(mail.getReceivedMessages()).filter((m) -> subject(m).contains(c.reference())))
			.extracting(NotificationMailIT::to)
			.containsExactly("meldingen@politie-midden.example");
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String to(MimeMessage message) {
		try {
			return message.getRecipients(Message.RecipientType.TO)[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
