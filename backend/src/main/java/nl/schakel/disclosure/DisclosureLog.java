package nl.schakel.disclosure;

import nl.schakel.security.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records disclosures of log metadata — an auditor's search, a CSV export, a person
 * lookup, a change history, a subject-access report — in the same disclosure log as the
 * gate's reads. Nothing here reads or unseals content: these disclosures carry none. Each
 * record joins the caller's transaction, so what is shown and its record commit together.
 */
@Service
public class DisclosureLog {

	private final Disclosures log;

	private final Policy policy;

	private final Clock clock;

	DisclosureLog(Disclosures log, Policy policy, Clock clock) {
		this.log = log;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Records that the access's actor received metadata, under the access's request id.
	 * @param access who received it, in which request
	 * @param metadata what was disclosed, about whom, why and how
	 * @return the id of the disclosure row
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID recordMetadata(Access access, Metadata metadata) {
		Actor actor = access.actor();
		String requestId = access.requestId();
		String role = actor.has(Role.AUDITOR) ? Role.AUDITOR.code()
				: actor.roles().stream().map(Role::code).sorted().findFirst().orElse(null);
		DisclosureEvent event = new DisclosureEvent(Instant.now(this.clock), actor.username(), actor.organisation(),
				metadata.caseId(), metadata.personId(), metadata.purpose().code(), this.policy.version().value(),
				metadata.channel(), requestId, access.correlationId());
		Disclosure row = Disclosure.ofMetadata(event, role, metadata.kind(), metadata.itemId(), metadata.legalBasis(),
				metadata.ruleId());
		this.log.record(event, java.util.List.of(row));
		return row.id();
	}

	/**
	 * Records that the access's actor received several pieces of metadata at once — the
	 * consents shown with a case, say — as one event with an item for each, as the gate
	 * records a read. They share the case, person, purpose and channel of the first.
	 * @return the ids of the disclosure rows, in the order given
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public java.util.List<UUID> recordMetadata(Access access, java.util.List<Metadata> shown) {
		if (shown.isEmpty()) {
			return java.util.List.of();
		}
		Metadata first = shown.get(0);
		for (Metadata metadata : shown) {
			if (!Objects.equals(metadata.caseId(), first.caseId())
					|| !Objects.equals(metadata.personId(), first.personId())
					|| !metadata.purpose().equals(first.purpose()) || metadata.channel() != first.channel()) {
				throw new IllegalArgumentException("One event is about one case and person, for one purpose");
			}
		}
		Actor actor = access.actor();
		String role = actor.has(Role.AUDITOR) ? Role.AUDITOR.code()
				: actor.roles().stream().map(Role::code).sorted().findFirst().orElse(null);
		DisclosureEvent event = new DisclosureEvent(Instant.now(this.clock), actor.username(), actor.organisation(),
				first.caseId(), first.personId(), first.purpose().code(), this.policy.version().value(),
				first.channel(), access.requestId(), access.correlationId());
		java.util.List<Disclosure> rows = shown.stream()
			.map((metadata) -> Disclosure.ofMetadata(event, role, metadata.kind(), metadata.itemId(),
					metadata.legalBasis(), metadata.ruleId()))
			.toList();
		this.log.record(event, rows);
		return rows.stream().map(Disclosure::id).toList();
	}

	/**
	 * One disclosure of metadata.
	 *
	 * @param kind what was disclosed (an audit search, an export, a report, ...)
	 * @param caseId the case it concerns, if one
	 * @param personId the person it concerns, if one
	 * @param itemId the item it concerns (e.g. a contribution's history), if one
	 * @param purpose the purpose it was disclosed for (AUDIT, SUBJECT_ACCESS)
	 * @param legalBasis the legal basis, e.g. {@code STATUTORY} (GDPR art. 15, art. 39)
	 * @param ruleId what allowed it, e.g. {@code auditor-reads-metadata}
	 * @param channel UI, API or EXPORT
	 */
	public record Metadata(ItemKind kind, UUID caseId, UUID personId, UUID itemId, Purpose purpose, String legalBasis,
			String ruleId, Channel channel) {

		public Metadata {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(purpose, "purpose");
			Objects.requireNonNull(ruleId, "ruleId");
			Objects.requireNonNull(channel, "channel");
		}

	}

}
