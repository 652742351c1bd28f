package nl.schakel.casework;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.ReferralDetails;
import nl.schakel.consent.ConsentView;
import nl.schakel.contribution.ContributionService;
import nl.schakel.database.ReadOnlyLoads;
import nl.schakel.disclosure.Audience;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.DisclosureGate;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.disclosure.Outcome;
import nl.schakel.disclosure.Reading;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.BreakGlassView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.person.PersonSummary;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Access;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dossier read: a case opened under the access's purpose, through the
 * {@link DisclosureGate} — one read for the header and one page of contributions, only
 * those disclosed. A reader who may not know of the case gets
 * {@link CaseOpening.NotVisible}, after the denial is recorded, which is why this returns
 * instead of throwing inside the transaction.
 */
@Service
public class CaseDossiers {

	private final DossierHeads heads;

	private final ParticipationRegistry participation;

	private final CaseConsents consents;

	private final ContributionService contributions;

	private final OrganisationDirectory organisations;

	private final DisclosureGate gate;

	private final Policy policy;

	private final Clock clock;

	private final ReadOnlyLoads readOnlyLoads;

	CaseDossiers(DossierHeads heads, ParticipationRegistry participation, CaseConsents consents,
			ContributionService contributions, OrganisationDirectory organisations, DisclosureGate gate, Policy policy,
			Clock clock, ReadOnlyLoads readOnlyLoads) {
		this.heads = heads;
		this.participation = participation;
		this.consents = consents;
		this.contributions = contributions;
		this.organisations = organisations;
		this.gate = gate;
		this.policy = policy;
		this.clock = clock;
		this.readOnlyLoads = readOnlyLoads;
	}

	/** Opens the case under a purpose with the newest page of its timeline. */
	@Transactional
	public CaseOpening open(Access access, CaseId id) {
		return open(access, id, TimelinePage.first());
	}

	/**
	 * Opens the case under a purpose: one read through the gate for the header and one
	 * page of contributions (only those are disclosed).
	 */
	@Transactional
	public CaseOpening open(Access access, CaseId id, TimelinePage page) {
		Purpose purpose = Purpose.of(access);
		// a read changes nothing it loads: spare the flush its dirty check (the log rows
		// are new)
		this.readOnlyLoads.fromHereOn();
		// the case, its referral and its person in one statement; content stays sealed
		DossierHeads.DossierHead head = this.heads.head(id).orElse(null);
		if (head == null) {
			return new CaseOpening.NotVisible();
		}
		CaseFacts facts = head.facts();
		Organisation caseOrganisation = this.organisations.byId(facts.organisationId())
			.orElseThrow(() -> new IllegalStateException("A case's organisation is missing"));
		CaseSubject subject = new CaseSubject(facts.id().value(), facts.personId(), !facts.open());
		CaseFileService.SealedReferral referral = head.referral();
		List<DisclosableItem> items = new ArrayList<>();
		items.add(new DisclosableItem(ItemKind.CASE, facts.id().value(), DataCategory.IDENTITY, LegalBasis.PUBLIC_TASK,
				null, caseOrganisation.code(), Audience.everyParticipant(),
				facts.openedOn().atStartOfDay(this.clock.getZone()).toInstant(),
				(referral != null) ? referral.details() : null));
		// one more than the page, to know whether older entries exist; only the page is
		// read
		List<DisclosableItem> contributions = this.contributions.items(facts.id(), page.olderThanCreatedAt(),
				page.olderThanId(), page.size() + 1);
		boolean older = contributions.size() > page.size();
		items.addAll(older ? contributions.subList(0, page.size()) : contributions);
		Reading reading = this.gate.read(access, subject, items);
		Outcome header = reading.of(facts.id().value()).orElseThrow();
		if (!header.permitted()) {
			return new CaseOpening.NotVisible();
		}
		PersonSummary person = head.person();
		Map<String, String> names = this.organisations.all()
			.stream()
			.collect(Collectors.toMap(Organisation::code, Organisation::name));
		List<TimelineEntry> timeline = reading.visible()
			.stream()
			.filter((o) -> o.item().kind() == ItemKind.CONTRIBUTION)
			.map((o) -> new TimelineEntry(o.item().id(), o.item().holder(),
					names.getOrDefault(o.item().holder(), o.item().holder()), o.item().category(), o.item().createdAt(),
					o.decision().effect(), o.content().orElse(null), o.decision().ruleId(),
					o.decision().ruleDescription(), o.decision().requiresReview(), o.erased()))
			.sorted(java.util.Comparator.comparing(TimelineEntry::createdAt).thenComparing(TimelineEntry::id))
			.toList();
		String olderTimeline = older ? TimelinePage.cursor(contributions.get(page.size() - 1)) : null;
		PurposeDefinition purposeDefinition = this.policy.purposes()
			.stream()
			.filter((p) -> p.purpose().equals(purpose))
			.findFirst()
			.orElseThrow();
		// a consent's scope is for the participants of its case, and showing it is logged
		List<ConsentView> consentViews = (reading.participation() == Participation.PARTICIPANT)
				? this.consents.shownIn(access, facts) : List.of();
		BreakGlassView breakGlass = (reading.participation() == Participation.BREAK_GLASS)
				? this.participation.activeBreakGlass(facts.id(), access.actor().username()).orElse(null) : null;
		return new CaseOpening.Visible(
				new CaseDossier(facts, person, purposeDefinition, (referral != null) ? referral.facts() : null,
						header.content().map(ReferralDetails::fromJson).orElse(null),
						this.participation.participants(facts.id()), consentViews, timeline,
						Caseworkers.steer(access, facts, caseOrganisation), breakGlass, olderTimeline));
	}

}
