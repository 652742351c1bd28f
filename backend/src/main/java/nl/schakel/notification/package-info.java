/**
 * Notifications (meldingen): tells a professional or an organisation that something in a
 * case needs them — admitted, a request to answer or answered, a new contribution, a
 * deadline — in an in-app inbox and, where a mail server is configured, by e-mail; by the
 * case's reference and the kind of event only, never its content.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = { "casefile", "contribution", "database",
		"meeting", "organisation", "participation", "plan", "security", "web" })
package nl.schakel.notification;

import org.springframework.modulith.ApplicationModule;
