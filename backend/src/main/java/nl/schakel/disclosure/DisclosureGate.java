package nl.schakel.disclosure;

import nl.schakel.ids.CaseId;
import nl.schakel.security.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.consent.ConsentRegistry;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.policy.AccessRequest;
import nl.schakel.policy.AudienceRelation;
import nl.schakel.policy.Decision;
import nl.schakel.policy.EffectiveBasis;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyDecision;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one gate through which case content is read. For every item it works out the
 * reader's relation to it (participation, audience, effective legal basis), asks the
 * policy, writes a disclosure row for each item — granted or denied — in one batch in the
 * caller's transaction, and only then unseals what the policy permits. If the rows cannot
 * be written, the exception leaves the gate and nothing is shown: it fails closed.
 */
@Service
public class DisclosureGate {

	private final Policy policy;

	private final ParticipationRegistry participation;

	private final ConsentRegistry consents;

	private final OrganisationDirectory organisations;

	private final Disclosures log;

	private final FieldCipher cipher;

	private final Clock clock;

	private final BulkReadLimit bulkReads;

	private final ApplicationEventPublisher events;

	private final ErasedContents erasedContents;

	DisclosureGate(Policy policy, ParticipationRegistry participation, ConsentRegistry consents,
			OrganisationDirectory organisations, Disclosures log, FieldCipher cipher, Clock clock,
			BulkReadLimit bulkReads, ApplicationEventPublisher events, ErasedContents erasedContents) {
		this.erasedContents = erasedContents;
		this.bulkReads = bulkReads;
		this.events = events;
		this.policy = policy;
		this.participation = participation;
		this.consents = consents;
		this.organisations = organisations;
		this.log = log;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * Reads these items of one case for the access's actor under its purpose, through its
	 * channel. Every item gets a disclosure row, permitted or not; the row carries the
	 * access's request id.
	 */
	@Transactional
	public Reading read(Access access, CaseSubject subject, List<DisclosableItem> items) {
		Purpose purpose = new Purpose(Objects.requireNonNull(access.purpose(), "purpose"));
		Channel channel = access.channel();
		Actor actor = access.actor();
		refuseBulkReading(actor, subject);
		String requestId = access.requestId();
		String correlationId = access.correlationId();
		Optional<Organisation> organisation = this.organisations.byCode(actor.organisation());
		String domain = organisation.map((o) -> o.domain().name()).orElse(null);
		Participation participation = organisation.isPresent()
				? this.participation.participationOf(new CaseId(subject.caseId()), actor.organisation(),
						actor.username(), purpose.code(),
						!subject.closed() && this.policy.breakGlass().roles().stream().anyMatch(actor::has))
				: Participation.NOT_PARTICIPANT;
		ConsentRegistry.ConsentCoverage coverage = this.consents.coverage(consentIds(items));

		DisclosureEvent event = new DisclosureEvent(Instant.now(this.clock), actor.username(), actor.organisation(),
				subject.caseId(), subject.personId(), purpose.code(), this.policy.version().value(), channel, requestId,
				correlationId);
		List<Disclosure> rows = new ArrayList<>(items.size());
		List<PolicyDecision> decisions = new ArrayList<>(items.size());
		for (DisclosableItem item : items) {
			AudienceRelation audience = item.holder().equals(actor.organisation())
					? AudienceRelation.AUTHOR_ORGANISATION : item.audience().includes(actor.organisation(), domain)
							? AudienceRelation.IN_AUDIENCE : AudienceRelation.OUTSIDE_AUDIENCE;
			Route best = route(actor, purpose, subject, item, item.basis(), item.consentId(), audience, participation,
					domain, coverage);
			for (Grant grant : item.grants()) {
				if (grant.covers(actor.organisation(), actor.username(), purpose.code())) {
					Route granted = route(actor, purpose, subject, item, grant.basis(), grant.consentId(),
							(audience == AudienceRelation.AUTHOR_ORGANISATION) ? audience
									: AudienceRelation.IN_AUDIENCE,
							participation, domain, coverage);
					if (rank(granted.decided().decision().effect()) > rank(best.decided().decision().effect())) {
						best = granted;
					}
				}
			}
			Decided decided = best.decided();
			decisions.add(decided.decision());
			rows.add(new Disclosure(event, (decided.role() != null) ? decided.role().code() : null, item,
					best.basis().name(), decided.decision().ruleId(), decided.decision().effect(), best.consentId(),
					decided.decision().requiresReview() || participation == Participation.BREAK_GLASS));
		}
		// the log first, in one batch; only then any content
		this.log.record(event, rows);

		// content erased under its category's retention period is not opened: the item
		// is shown as erased, its read logged like any other
		java.util.Set<UUID> erasedIds = new java.util.HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			DisclosableItem item = items.get(i);
			if (rows.get(i).decision() == Decision.PERMIT && item.content() != null && item.content().erased()) {
				erasedIds.add(item.id());
			}
		}
		java.util.Map<UUID, ErasedContent> erased = this.erasedContents.of(erasedIds);
		List<Outcome> outcomes = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			DisclosableItem item = items.get(i);
			Disclosure row = rows.get(i);
			if (erasedIds.contains(item.id())) {
				outcomes.add(new Outcome(item, decisions.get(i), Optional.empty(),
						erased.getOrDefault(item.id(), new ErasedContent(null, null))));
				continue;
			}
			Optional<String> content = (row.decision() == Decision.PERMIT && item.content() != null)
					? Optional.of(item.content().unseal(row, this.cipher)) : Optional.empty();
			outcomes.add(new Outcome(item, decisions.get(i), content));
		}
		return new Reading(participation, List.copyOf(outcomes));
	}

	/**
	 * Refuses the read when this professional read more cases than the policy allows. The
	 * read's token is taken just before its transaction commits, on the read's own
	 * connection (a take in a transaction of its own needed a second pool connection per
	 * read and starved the pool at as many concurrent reads as it has connections), and
	 * the bucket's row is locked only for that moment: a refusal there rolls the read
	 * back — no disclosure row, no content. A professional this instance refused already
	 * is refused at once, before anything is decided or logged, from its memory of that
	 * refusal (no query); the first read over the limit on an instance does its work
	 * before the commit refuses it. A read that fails otherwise spends no token. The
	 * first refusal in an hour is announced for the security log and the review queue
	 * once the transaction has ended.
	 */
	private void refuseBulkReading(Actor actor, CaseSubject subject) {
		if (!this.bulkReads.limited()) {
			return;
		}
		String username = actor.username();
		Optional<java.time.Duration> empty = this.bulkReads.waitFor(username);
		if (empty.isPresent()) {
			announceAfterTransaction(actor, subject);
			throw new BulkReadLimitReached(empty.get());
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				Optional<java.time.Duration> wait = DisclosureGate.this.bulkReads.take(username);
				if (wait.isPresent()) {
					announceAfterTransaction(actor, subject);
					throw new BulkReadLimitReached(wait.get());
				}
			}
		});
	}

	private void announceAfterTransaction(Actor actor, CaseSubject subject) {
		BulkReadRefused refused = new BulkReadRefused(subject.caseId(), actor.username(), actor.organisation(),
				this.policy.bulkReads().caseReadsPerHour(), this.policy.bulkReads().burst(), Instant.now(this.clock));
		// after the read's transaction, which held the bucket's row lock
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (DisclosureGate.this.bulkReads.firstRefusalThisHour(actor.username())) {
					DisclosureGate.this.events.publishEvent(refused);
				}
			}
		});
	}

	private Route route(Actor actor, Purpose purpose, CaseSubject subject, DisclosableItem item, LegalBasis declared,
			UUID consentId, AudienceRelation audience, Participation participation, String domain,
			ConsentRegistry.ConsentCoverage coverage) {
		// a consent opens only its holder's items in its own case: never another
		// organisation's
		// items, never another case's
		boolean consentCovers = declared == LegalBasis.CONSENT && consentId != null && coverage.covers(consentId,
				subject.caseId(), item.holder(), actor.organisation(), domain, item.category().name(), purpose.code());
		EffectiveBasis basis = EffectiveBasis.of(declared, consentCovers);
		return new Route(basis, decide(actor, purpose, item, basis, audience, participation),
				consentCovers ? consentId : null);
	}

	private static List<UUID> consentIds(List<DisclosableItem> items) {
		List<UUID> ids = new ArrayList<>();
		for (DisclosableItem item : items) {
			if (item.consentId() != null) {
				ids.add(item.consentId());
			}
			for (Grant grant : item.grants()) {
				if (grant.consentId() != null) {
					ids.add(grant.consentId());
				}
			}
		}
		return ids;
	}

	/**
	 * The decision for the one role the actor acts under. An account with several roles
	 * that chose none is denied: the union of its roles is no role anyone was given.
	 */
	private Decided decide(Actor actor, Purpose purpose, DisclosableItem item, EffectiveBasis basis,
			AudienceRelation audience, Participation participation) {
		Optional<Role> role = actor.actingRole();
		if (role.isEmpty()) {
			// no role at all, or several and none chosen: deny, and say so in the log
			PolicyDecision none = new PolicyDecision(Decision.DENY, Policy.DEFAULT_DENY_RULE_ID, java.util.Set.of(),
					this.policy.version(), actor.roles().isEmpty() ? "You have no role in Schakel."
							: "You act under none of your roles: choose one.");
			return new Decided(null, none);
		}
		return new Decided(role.get(), this.policy
			.decide(new AccessRequest(role.get(), purpose, item.category(), basis, audience, participation)));
	}

	private static int rank(Decision effect) {
		return switch (effect) {
			case DENY -> 0;
			case EXISTENCE_ONLY -> 1;
			case PERMIT -> 2;
		};
	}

	private record Decided(Role role, PolicyDecision decision) {
	}

	private record Route(EffectiveBasis basis, Decided decided, UUID consentId) {
	}

}
