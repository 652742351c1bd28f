package nl.schakel.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.Organisations;
import nl.schakel.person.Bsn;
import nl.schakel.person.NewPerson;
import nl.schakel.person.PersonId;
import nl.schakel.person.PersonRegistry;
import nl.schakel.person.PersonSummary;
import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;

import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers referrals as cases, lists them and moves them along their statuses. The
 * coordinator steers cases; other roles reach case content through the disclosure gate.
 */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
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
	public CaseId register(RegisterCaseRequest request) {
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
		return this.caseFiles.save(caseFile).id();
	}

	@Transactional(readOnly = true)
	public CasePage page(Long before, int size) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		List<CaseFile> found = this.caseFiles.findByReferenceNumberLessThanOrderByReferenceNumberDesc(
				(before != null) ? before : Long.MAX_VALUE, Limit.of(limit + 1));
		List<CaseFile> page = found.subList(0, Math.min(limit, found.size()));
		Map<UUID, PersonSummary> people = this.persons
			.summaries(page.stream().map((c) -> new PersonId(c.personId())).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap((p) -> p.id().value(), Function.identity()));
		List<CaseView> views = page.stream().map((c) -> view(c, people.get(c.personId()))).toList();
		Long next = (found.size() > limit) ? page.get(page.size() - 1).referenceNumber() : null;
		return new CasePage(views, next);
	}

	@Transactional(readOnly = true)
	public CaseView view(CaseId id) {
		CaseFile caseFile = this.caseFiles.findById(id.value()).orElseThrow(CaseNotFound::new);
		PersonSummary person = this.persons.summary(new PersonId(caseFile.personId())).orElseThrow(CaseNotFound::new);
		return view(caseFile, person);
	}

	@Transactional
	public CaseView move(CaseId id, CaseStatus target) {
		CaseFile caseFile = this.caseFiles.findById(id.value()).orElseThrow(CaseNotFound::new);
		caseFile.moveTo(target, LocalDate.now(this.clock));
		return view(this.caseFiles.save(caseFile),
				this.persons.summary(new PersonId(caseFile.personId())).orElseThrow(CaseNotFound::new));
	}

	private static CaseView view(CaseFile caseFile, PersonSummary person) {
		return new CaseView(caseFile.id(), caseFile.reference(), person, caseFile.caseType(), caseFile.status(),
				List.copyOf(caseFile.status().next()), caseFile.coordinatorUsername(), caseFile.openedOn(),
				caseFile.closedOn());
	}


}
