package nl.schakel.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.Organisations;
import nl.schakel.person.Bsn;
import nl.schakel.person.NewPerson;
import nl.schakel.person.PersonId;
import nl.schakel.person.PersonRegistry;
import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;

import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers referrals as cases, lists them and moves them along their statuses. The
 * coordinator steers cases; the person's data and the case's contents are read through the
 * disclosure gate, never here.
 */
@Service
public class CaseFileService {

	static final int MAX_PAGE_SIZE = 100;

	private final CaseFiles caseFiles;

	private final PersonRegistry persons;

	private final Organisations organisations;

	private final Clock clock;

	CaseFileService(CaseFiles caseFiles, PersonRegistry persons, Organisations organisations, Clock clock) {
		this.caseFiles = caseFiles;
		this.persons = persons;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** Registers the person (or finds them by BSN) and opens a case for them in REFERRED. */
	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts register(RegisterCaseRequest request) {
		Actor coordinator = CurrentActor.require();
		Organisation safetyHouse = this.organisations.findByCode(coordinator.organisation())
			.orElseThrow(() -> new IllegalStateException("The coordinator's organisation is not registered"));
		RegisterCaseRequest.PersonDetails details = request.getPerson();
		Bsn bsn = (details.getBsn() == null || details.getBsn().isBlank()) ? null
				: Bsn.parse(details.getBsn()).orElseThrow(() -> new IllegalArgumentException("invalid BSN"));
		PersonId person = this.persons
			.register(new NewPerson(details.getName(), details.getDateOfBirth(), bsn, details.getAddress()));
		CaseFile caseFile = new CaseFile(this.caseFiles.nextReferenceNumber(), person.value(), request.getCaseType(),
				coordinator.username(), safetyHouse.id().value(), LocalDate.now(this.clock));
		return facts(this.caseFiles.save(caseFile));
	}

	/** Cases newest first, metadata only: no person data is read for a list. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public CasePage page(Long before, int size) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		List<CaseFile> found = this.caseFiles.findByReferenceNumberLessThanOrderByReferenceNumberDesc(
				(before != null) ? before : Long.MAX_VALUE, Limit.of(limit + 1));
		List<CaseFile> page = found.subList(0, Math.min(limit, found.size()));
		Long next = (found.size() > limit) ? page.get(page.size() - 1).referenceNumber() : null;
		return new CasePage(page.stream().map(CaseFileService::facts).toList(), next);
	}

	@Transactional
	@PreAuthorize("hasRole('COORDINATOR')")
	public CaseFacts move(CaseId id, CaseStatus target) {
		CaseFile caseFile = this.caseFiles.findById(id.value()).orElseThrow(CaseNotFound::new);
		caseFile.moveTo(target, LocalDate.now(this.clock));
		return facts(this.caseFiles.save(caseFile));
	}

	/**
	 * The facts of a case, for the features that decide what to disclose of it. Not content:
	 * who the person is stays behind the gate.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<CaseFacts> facts(CaseId id) {
		return this.caseFiles.findById(id.value()).map(CaseFileService::facts);
	}

	private static CaseFacts facts(CaseFile caseFile) {
		return new CaseFacts(caseFile.id(), caseFile.reference(), caseFile.personId(), caseFile.caseType(),
				caseFile.status(), List.copyOf(caseFile.status().next()), caseFile.coordinatorUsername(),
				caseFile.organisationId(), caseFile.openedOn(), caseFile.closedOn());
	}

}
