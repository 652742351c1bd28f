package nl.schakel.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.participation.ParticipantView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes notifications and reads one's own. A notification names the case by its reference
 * and the kind of event, never content. Making one joins the caller's transaction, so a
 * write that rolls back leaves no notification (and sends no mail: that waits for the
 * commit).
 *
 * <p>
 * A feature that wants its events to notify someone listens for its own event here and
 * calls {@link #notifyOrganisations}, {@link #notifyParticipants} or {@link #notify}.
 */
@Service
public class Notifications {

	/** The most notifications one inbox shows, newest first. */
	static final int INBOX_SIZE = 100;

	private final NotificationStore store;

	private final NotificationReceipts receipts;

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notifications(NotificationStore store, NotificationReceipts receipts, CaseFileService cases,
			ParticipationRegistry participation, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.receipts = receipts;
		this.cases = cases;
		this.participation = participation;
		this.events = events;
		this.clock = clock;
	}

	/** Tells every professional of these organisations that this happened in the case. */
	@Transactional
	public void notifyOrganisations(CaseId caseId, NotificationKind kind, Collection<String> organisations) {
		notify(caseId, kind, organisations.stream().distinct().map(Recipient::organisation).toList(), null);
	}

	/**
	 * Tells the organisations admitted to the case today (for any purpose) that this
	 * happened, but for {@code exceptOrganisation} (whose own doing it was; may be null).
	 * An admission narrowed to named professionals tells those professionals only.
	 */
	@Transactional
	public void notifyParticipants(CaseId caseId, NotificationKind kind, String exceptOrganisation) {
		notify(caseId, kind, participantsToday(caseId.value(), exceptOrganisation), null);
	}

	/**
	 * Tells these recipients that this happened in the case; {@code subjectId} names what
	 * it is about (may be null).
	 */
	@Transactional
	public void notify(CaseId caseId, NotificationKind kind, Collection<Recipient> recipients, UUID subjectId) {
		if (recipients.isEmpty()) {
			return;
		}
		String reference = reference(caseId.value());
		Instant now = Instant.now(this.clock);
		for (Recipient recipient : new LinkedHashSet<>(recipients)) {
			save(new Notification(recipient, kind, caseId.value(), reference, subjectId, now));
		}
	}

	/**
	 * Makes this notification about {@code subjectId} unless the recipient already has
	 * one of this kind about it; answers whether it made one. A unique index holds the
	 * same when two instances remind at once.
	 */
	@Transactional
	public boolean notifyOnce(CaseId caseId, NotificationKind kind, UUID subjectId, Recipient recipient) {
		if (this.store.existsByKindAndSubjectIdAndRecipientOrganisationAndRecipientUsername(kind, subjectId,
				recipient.organisation(), recipient.username())) {
			return false;
		}
		save(new Notification(recipient, kind, caseId.value(), reference(caseId.value()), subjectId,
				Instant.now(this.clock)));
		return true;
	}

	/**
	 * The reader's newest notifications with how many are unread; empty for who takes
	 * part in no case.
	 */
	@Transactional(readOnly = true)
	public Inbox inbox(Actor reader) {
		if (!receivesNotifications(reader)) {
			return new Inbox(List.of(), 0);
		}
		List<Notification> found = this.store.forReader(reader.organisation(), reader.username(), Limit.of(INBOX_SIZE));
		Set<UUID> read = found.isEmpty() ? Set.of()
				: new HashSet<>(this.receipts.readBy(reader.username(), found.stream().map(Notification::id).toList()));
		List<NotificationView> views = found.stream().map((n) -> n.view(read.contains(n.id()))).toList();
		return new Inbox(views, unread(reader));
	}

	/** How many of the reader's notifications they have not read. */
	@Transactional(readOnly = true)
	public long unread(Actor reader) {
		return receivesNotifications(reader) ? this.store.unreadBy(reader.organisation(), reader.username()) : 0;
	}

	/**
	 * Marks one of the reader's notifications read; empty when it is not theirs (or not
	 * there).
	 */
	@Transactional
	public Optional<NotificationView> markRead(Actor reader, UUID id) {
		if (!receivesNotifications(reader)) {
			return Optional.empty();
		}
		Optional<Notification> notification = this.store.oneForReader(id, reader.organisation(), reader.username())
			.stream()
			.findFirst();
		notification.ifPresent((n) -> receipt(n.id(), reader.username()));
		return notification.map((n) -> n.view(true));
	}

	/** Marks every notification of the reader read; answers how many were unread. */
	@Transactional
	public int markAllRead(Actor reader) {
		if (!receivesNotifications(reader)) {
			return 0;
		}
		List<UUID> unread = this.store.unreadIds(reader.organisation(), reader.username());
		unread.forEach((id) -> receipt(id, reader.username()));
		return unread.size();
	}

	/**
	 * Notifications are about cases; auditors and administrators take part in none, so
	 * they get none, even for the safety house they belong to.
	 */
	static boolean receivesNotifications(Actor reader) {
		return reader.actingRole().filter((role) -> role != Role.AUDITOR && role != Role.ADMINISTRATOR).isPresent();
	}

	private void receipt(UUID notificationId, String username) {
		NotificationReceipt.Key key = new NotificationReceipt.Key(notificationId, username);
		if (!this.receipts.existsById(key)) {
			this.receipts.save(new NotificationReceipt(notificationId, username, Instant.now(this.clock)));
		}
	}

	private void save(Notification notification) {
		this.store.save(notification);
		this.events.publishEvent(new NotificationCreated(notification.id(), notification.kind(),
				notification.caseReference(), notification.recipient()));
	}

	private String reference(UUID caseId) {
		return this.cases.facts(new CaseId(caseId))
			.map(CaseFacts::reference)
			.orElseThrow(() -> new IllegalArgumentException("No case " + caseId + " to notify about"));
	}

	private List<Recipient> participantsToday(UUID caseId, String exceptOrganisation) {
		LocalDate today = LocalDate.now(this.clock);
		List<Recipient> recipients = new ArrayList<>();
		for (ParticipantView participant : this.participation.participants(new CaseId(caseId))) {
			boolean current = participant.active()
					&& (participant.validUntil() == null || !participant.validUntil().isBefore(today));
			if (!current || participant.organisation().equals(exceptOrganisation)) {
				continue;
			}
			recipients.addAll(recipientsOf(participant.organisation(), participant.professionals()));
		}
		return recipients;
	}

	/**
	 * An organisation's admission reaches its named professionals, or all of them when
	 * none is named.
	 */
	static List<Recipient> recipientsOf(String organisation, List<String> professionals) {
		if (professionals == null || professionals.isEmpty()) {
			return List.of(Recipient.organisation(organisation));
		}
		return professionals.stream().map((username) -> Recipient.professional(organisation, username)).toList();
	}

	/** A reader's notifications, newest first, and how many of all theirs are unread. */
	public record Inbox(List<NotificationView> notifications, long unread) {
	}

}
