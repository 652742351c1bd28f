package nl.schakel.casework;

import java.util.ArrayList;
import java.util.List;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.casefile.RegisterCaseRequest;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.disclosure.DisclosureLog;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.ids.CaseId;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.Admission;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.ids.PersonId;
import nl.schakel.person.PersonRegistry;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.Channel;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a case and asking about a person: a referral registered as a case that the
 * coordinator's safety house steers, and the known-to check that answers with a contact,
 * never with content. The triage decision itself is a status rule
 * ({@link CaseLifecycle}).
 */
@Service
public class CaseIntake {

	private final CaseFileService cases;

	private final PersonRegistry persons;

	private final ParticipationRegistry participation;

	private final OrganisationDirectory organisations;

	private final DisclosureLog log;

	private final Policy policy;

	CaseIntake(CaseFileService cases, PersonRegistry persons, ParticipationRegistry participation,
			OrganisationDirectory organisations, DisclosureLog log, Policy policy) {
		this.cases = cases;
		this.persons = persons;
		this.participation = participation;
		this.organisations = organisations;
		this.log = log;
		this.policy = policy;
	}

	/**
	 * Registers a referral as a case and admits the coordinator's own safety house to it
	 * for every purpose the policy knows, so the coordinator can steer it.
	 */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts registerReferral(Access access, RegisterCaseRequest request) {
		Actor coordinator = access.actor();
		CaseFacts facts = this.cases.register(access, request);
		List<String> purposes = this.policy.purposes().stream().map((p) -> p.purpose().code()).toList();
		this.participation.admit(facts.id(), new Admission(coordinator.organisation(), List.of(), purposes, null),
				coordinator.username());
		return facts;
	}

	/**
	 * The known-to check: is this person known to the safety house? Answers with the
	 * coordinator's contact for an open case, never with case content. The search itself
	 * and every "known" answer are recorded.
	 */
	@Transactional
	public KnownTo knownTo(Access access, PersonQuery query) {
		Caseworkers.require(access);
		Purpose purpose = Purpose.of(access);
		Channel channel = access.channel();
		if (!this.policy.allowsKnownTo(purpose)) {
			throw new KnownToPurposeNotAllowed();
		}
		List<PersonId> found = query.bsn().isPresent() ? this.persons.findByBsn(query.bsn().get()).stream().toList()
				: this.persons.findByNameAndDateOfBirth(query.name(), query.dateOfBirth());
		List<KnownTo.Contact> contacts = new ArrayList<>();
		CaseSubject searched = null;
		for (PersonId person : found) {
			for (CaseFacts facts : this.cases.openCasesOf(person)) {
				searched = new CaseSubject(facts.id().value(), person.value());
				this.log.recordMetadata(access,
						new DisclosureLog.Metadata(ItemKind.KNOWN_TO, facts.id().value(), person.value(),
								facts.id().value(), purpose, LegalBasis.PUBLIC_TASK.name(), KnownTo.RULE, channel));
				Organisation safetyHouse = this.organisations.byId(facts.organisationId()).orElseThrow();
				contacts.add(new KnownTo.Contact(safetyHouse.name(), facts.coordinator()));
			}
		}
		this.log.recordMetadata(access,
				new DisclosureLog.Metadata(ItemKind.PERSON_SEARCH, (searched != null) ? searched.caseId() : null,
						(searched != null) ? searched.personId() : null, null, purpose, LegalBasis.PUBLIC_TASK.name(),
						KnownTo.SEARCH_RULE, channel));
		return new KnownTo(!contacts.isEmpty(), contacts.stream().distinct().toList());
	}

	/** The organisations a contribution can be shared with, for forms. */
	@Transactional(readOnly = true)
	public List<Organisation> organisations() {
		return this.organisations.all();
	}

}
