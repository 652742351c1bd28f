package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.notification.NotificationKind;
import nl.schakel.notification.Notifications;
import nl.schakel.ids.PersonId;
import nl.schakel.person.PersonRegistry;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;
import nl.schakel.web.InvalidInput;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification on the person's request (AVG art. 16): the coordinator of the case's
 * house records the request and its decision; a granted correction changes the person's
 * details, the old value staying only in the change history auditors read, and every
 * organisation the disclosure log names as having been shown the person — in this case or
 * any other case of theirs, another house's too — is notified (art. 19) in the case it
 * received: that a correction was made, never what.
 */
@Service
public class Rectifications {

	static final List<String> FIELDS = List.of("name", "dateOfBirth", "address");

	private final CaseErasureRequests requests;

	private final PersonRegistry persons;

	private final Notifications notifications;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Rectifications(CaseErasureRequests requests, PersonRegistry persons, Notifications notifications, JdbcTemplate jdbc,
			Clock clock) {
		this.requests = requests;
		this.persons = persons;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return the organisations notified; empty for a refused request
	 */
	@Transactional
	public Rectification rectify(Actor coordinator, CaseId caseId, String field, String value, String reason,
			String decision) {
		if (!coordinator.has(Role.COORDINATOR)) {
			throw new AccessDeniedException("Only the coordinator of the case's safety house records a rectification");
		}
		if (field == null || !FIELDS.contains(field)) {
			throw InvalidInput.of("field", "Name the detail to correct: one of " + FIELDS);
		}
		if (reason == null || reason.isBlank()) {
			throw InvalidInput.of("reason", "Give the reason for the correction (the person's request)");
		}
		if (reason.length() > 2000) {
			throw InvalidInput.of("reason", "The reason is at most 2000 characters");
		}
		String granted = (decision == null || decision.isBlank()) ? "GRANTED"
				: decision.strip().toUpperCase(Locale.ROOT);
		if (!granted.equals("GRANTED") && !granted.equals("REFUSED")) {
			throw InvalidInput.of("decision", "The decision is GRANTED or REFUSED");
		}
		String name = null;
		LocalDate dateOfBirth = null;
		String address = null;
		if (granted.equals("GRANTED")) {
			if (value == null || value.isBlank()) {
				throw InvalidInput.of("value", "Give the corrected value");
			}
			switch (field) {
				case "name" -> {
					if (value.strip().length() > 200) {
						throw InvalidInput.of("value", "A name is at most 200 characters");
					}
					name = value.strip();
				}
				case "dateOfBirth" -> {
					try {
						dateOfBirth = LocalDate.parse(value.strip());
					}
					catch (DateTimeParseException ex) {
						throw InvalidInput.of("value", "A date of birth is written as yyyy-mm-dd");
					}
					if (dateOfBirth.isAfter(LocalDate.now(this.clock))) {
						throw InvalidInput.of("value", "A date of birth lies in the past");
					}
				}
				default -> {
					if (value.strip().length() > 300) {
						throw InvalidInput.of("value", "An address is at most 300 characters");
					}
					address = value.strip();
				}
			}
		}
		this.requests.requireOwnHouse(coordinator, caseId.value());
		this.jdbc.update(
				"insert into erasure_request (id, case_id, kind, reason, decision, decided_by, decided_at) "
						+ "values (?, ?, 'RECTIFICATION', ?, ?, ?, ?)",
				UUID.randomUUID(), caseId.value(), reason.strip(), granted, coordinator.username(),
				OffsetDateTime.now(this.clock));
		if (granted.equals("REFUSED")) {
			return new Rectification(caseId.value(), field, granted, List.of());
		}
		UUID personId = this.jdbc.queryForObject("select person_id from case_file where id = ?", UUID.class,
				caseId.value());
		this.persons.rectify(new PersonId(personId), name, dateOfBirth, address);
		// The person's details are one record, shown in every case of theirs, another
		// house's too: the recipients the log names are those shown anything of the
		// person in any case not erased. Each is told in the case it received, so a
		// recipient of another case learns that the details it was shown there were
		// corrected, and nothing of this case.
		Map<UUID, List<String>> recipientsByCase = new LinkedHashMap<>();
		this.jdbc.query("""
				select distinct d.case_id, d.actor_organisation from disclosure d
				 where d.person_id = ? and d.decision = 'PERMIT' and d.case_id is not null
				   and d.actor_organisation is not null and d.actor_organisation <> ?
				   and not exists (select 1 from case_key k where k.case_id = d.case_id and k.destroyed_at is not null)
				 order by d.case_id, d.actor_organisation""", (rs) -> {
			recipientsByCase.computeIfAbsent(rs.getObject(1, UUID.class), (id) -> new ArrayList<>())
				.add(rs.getString(2));
		}, personId, coordinator.organisation());
		recipientsByCase.forEach((received, organisations) -> this.notifications
			.notifyOrganisations(new CaseId(received), NotificationKind.CASE_DATA_RECTIFIED, organisations));
		List<String> recipients = recipientsByCase.values().stream().flatMap(List::stream).distinct().sorted().toList();
		return new Rectification(caseId.value(), field, granted, recipients);
	}

	/** What a rectification did: which detail, the decision, and who was told. */
	public record Rectification(UUID caseId, String field, String decision, List<String> notified) {
	}

}
