package nl.schakel.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.disclosure.CaseSubject;
import nl.schakel.security.Channel;
import nl.schakel.disclosure.DisclosureGate;
import nl.schakel.disclosure.Reading;
import nl.schakel.organisation.Domain;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipantView;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.plan.ActionSummary;
import nl.schakel.plan.PlanOfAction;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case meetings of a safety house. Its coordinator schedules a meeting with an agenda of
 * the house's cases, records attendance of the invited organisations (those admitted to a
 * case on the agenda) and writes minutes per case; minutes are sealed and read through
 * the gate, by the case's participants only. An invited partner sees the meeting with the
 * cases it is admitted to; anyone else finds no meeting.
 */
@Service
public class MeetingService {

	/** The longest minutes text (as for a contribution). */
	static final int MAX_TEXT = 20000;

	private final Meetings meetings;

	private final Attendances attendances;

	private final MinutesRecords minutes;

	private final CaseFileService cases;

	private final ParticipationRegistry participation;

	private final OrganisationDirectory organisations;

	private final PlanOfAction plan;

	private final DisclosureGate gate;

	private final FieldCipher cipher;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	MeetingService(Meetings meetings, Attendances attendances, MinutesRecords minutes, CaseFileService cases,
			ParticipationRegistry participation, OrganisationDirectory organisations, PlanOfAction plan,
			DisclosureGate gate, FieldCipher cipher, ApplicationEventPublisher events, MessageSource messages,
			Clock clock) {
		this.messages = messages;
		this.meetings = meetings;
		this.attendances = attendances;
		this.minutes = minutes;
		this.cases = cases;
		this.participation = participation;
		this.organisations = organisations;
		this.plan = plan;
		this.gate = gate;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Schedules a meeting with an agenda of the coordinator's own safety house's open
	 * cases.
	 */
	@Transactional
	public UUID schedule(Access access, NewMeeting request) {
		Actor actor = requireCoordinator(access);
		List<UUID> caseIds = checked(request, actor);
		Meeting meeting = new Meeting(actor.organisation(), request.startsAt().toInstant(),
				blankToNull(request.place()), blankToNull(request.videoLink()), blankToNull(request.chair()), caseIds,
				actor.username(), Instant.now(this.clock));
		this.meetings.save(meeting);
		this.events.publishEvent(new MeetingScheduled(meeting.id(), meeting.caseIds(), false));
		return meeting.id();
	}

	/**
	 * Changes a meeting: its time, place, chair or agenda, as a whole (what is left out
	 * is cleared). Only the coordinator of its safety house; minutes already written
	 * stay.
	 */
	@Transactional
	public void change(Access access, UUID meetingId, NewMeeting request) {
		Actor actor = access.actor();
		Meeting meeting = this.meetings.findById(meetingId)
			.filter((m) -> chairs(m, actor))
			.orElseThrow(MeetingNotFound::new);
		List<UUID> caseIds = checked(request, actor);
		meeting.change(request.startsAt().toInstant(), blankToNull(request.place()), blankToNull(request.videoLink()),
				blankToNull(request.chair()), caseIds);
		this.meetings.save(meeting);
		this.events.publishEvent(new MeetingScheduled(meeting.id(), meeting.caseIds(), true));
	}

	private List<UUID> checked(NewMeeting request, Actor actor) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.startsAt() == null) {
			problems.add(new FieldProblem("startsAt", "Give the date and time, e.g. 2026-12-10T10:00:00+01:00"));
		}
		else if (request.startsAt().getYear() < 1800 || request.startsAt().getYear() > 9999) {
			// Java reads times a billion years away; PostgreSQL cannot hold them
			problems.add(new FieldProblem("startsAt", "A date and time between 1800 and 9999"));
		}
		checkLength(problems, "place", request.place(), 200);
		checkLength(problems, "videoLink", request.videoLink(), 500);
		checkLength(problems, "chair", request.chair(), 200);
		if (blankToNull(request.videoLink()) != null && !request.videoLink().strip().startsWith("https://")) {
			problems.add(new FieldProblem("videoLink", "A video link starts with https://"));
		}
		Set<UUID> caseIds = new LinkedHashSet<>();
		if (request.caseIds() == null || request.caseIds().isEmpty()) {
			problems.add(new FieldProblem("caseIds", "Put at least one case on the agenda"));
		}
		else {
			for (UUID caseId : request.caseIds()) {
				// another house's case is as good as missing: the same message for both
				Optional<CaseFacts> facts = (caseId != null) ? this.cases.facts(new CaseId(caseId)) : Optional.empty();
				if (facts.isEmpty() || !ownHouse(facts.get(), actor)) {
					problems.add(new FieldProblem("caseIds", "Unknown case: " + caseId));
				}
				else if (!facts.get().open()) {
					problems.add(new FieldProblem("caseIds", "Case " + facts.get().reference() + " is closed"));
				}
				else {
					caseIds.add(caseId);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return List.copyOf(caseIds);
	}

	/** The meetings of the coordinator's own safety house, the latest first. */
	@Transactional(readOnly = true)
	public List<MeetingView> ofMySafetyHouse(Access access) {
		Actor actor = requireCoordinator(access);
		return this.meetings.findTop50BySafetyHouseOrderByStartsAtDesc(actor.organisation())
			.stream()
			.map((m) -> new MeetingView(m.id(), m.safetyHouse(), m.startsAt(), m.place(), m.videoLink(), m.chair(),
					m.scheduledBy(), m.caseIds(), Map.of(), List.of()))
			.toList();
	}

	/**
	 * The meeting with its agenda as the reader may see it. Under a purpose, each case's
	 * minutes are read through the gate (and recorded); without one, the agenda is
	 * metadata only.
	 */
	@Transactional
	public MeetingView view(Access access, UUID meetingId) {
		Actor actor = access.actor();
		Meeting meeting = this.meetings.findById(meetingId).orElseThrow(MeetingNotFound::new);
		boolean chairs = chairs(meeting, actor);
		Map<UUID, CaseFacts> facts = this.cases.facts(meeting.caseIds())
			.stream()
			.collect(Collectors.toMap((f) -> f.id().value(), Function.identity()));
		List<UUID> shown = meeting.caseIds()
			.stream()
			.filter(facts::containsKey)
			.filter((id) -> chairs || (worksOnCases(actor)
					&& !this.participation.admittedPurposes(new CaseId(id), actor.organisation(), actor.username())
						.isEmpty()))
			.toList();
		if (!chairs && shown.isEmpty()) {
			throw new MeetingNotFound();
		}
		Map<String, Boolean> attendance = new LinkedHashMap<>();
		this.attendances.findByMeetingId(meeting.id()).forEach((a) -> attendance.put(a.organisation(), a.present()));
		Map<UUID, List<ActionSummary>> actions = this.plan.summaries(shown)
			.stream()
			.collect(Collectors.groupingBy(ActionSummary::caseId));
		List<MeetingView.AgendaItem> agenda = new ArrayList<>();
		for (UUID caseId : shown) {
			CaseFacts c = facts.get(caseId);
			List<String> invited = invited(caseId);
			Map<String, Boolean> present = new LinkedHashMap<>();
			invited.forEach((o) -> present.put(o, attendance.get(o)));
			List<ActionSummary> pending = actions.getOrDefault(caseId, List.of())
				.stream()
				.filter((a) -> a.status().pending())
				.toList();
			List<MinutesView> read = (access.purpose() != null) ? readMinutes(access, c).orElse(List.of()) : null;
			agenda.add(new MeetingView.AgendaItem(caseId, c.reference(), c.status().name(), invited, present, pending,
					pending.stream().filter(ActionSummary::overdue).toList(), read));
		}
		return new MeetingView(meeting.id(), meeting.safetyHouse(), meeting.startsAt(), meeting.place(),
				meeting.videoLink(), meeting.chair(), meeting.scheduledBy(), shown, chairs ? attendance : Map.of(),
				agenda);
	}

	/** Records whether an invited organisation attended; recording again changes it. */
	@Transactional
	public Map<String, Boolean> recordAttendance(Access access, UUID meetingId, String organisation, Boolean present) {
		Actor actor = access.actor();
		Meeting meeting = this.meetings.findById(meetingId)
			.filter((m) -> chairs(m, actor))
			.orElseThrow(MeetingNotFound::new);
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> invited = new LinkedHashSet<>();
		meeting.caseIds().forEach((caseId) -> invited.addAll(invited(caseId)));
		invited.add(meeting.safetyHouse());
		if (organisation == null || organisation.isBlank()) {
			problems.add(new FieldProblem("organisation", "Name the organisation"));
		}
		else if (!invited.contains(organisation.strip())) {
			problems.add(new FieldProblem("organisation",
					"Not invited to this meeting (not admitted to a case on its agenda): " + organisation.strip()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String code = organisation.strip();
		Attendance attendance = this.attendances.findByMeetingIdAndOrganisation(meeting.id(), code)
			.orElseGet(() -> new Attendance(meeting.id(), code));
		attendance.record((present == null) || present, actor.username(), Instant.now(this.clock));
		this.attendances.save(attendance);
		Map<String, Boolean> all = new LinkedHashMap<>();
		this.attendances.findByMeetingId(meeting.id()).forEach((a) -> all.put(a.organisation(), a.present()));
		all.put(code, attendance.present());
		return all;
	}

	/**
	 * Writes the minutes of a case on the meeting's agenda, sealed. Only the coordinator
	 * of the meeting's safety house; a case not on the agenda is refused, a closed case
	 * takes none.
	 */
	@Transactional
	public MinutesView writeMinutes(Access access, UUID meetingId, CaseId caseId, NewMinutes request) {
		Actor actor = access.actor();
		Meeting meeting = this.meetings.findById(meetingId)
			.filter((m) -> chairs(m, actor))
			.orElseThrow(MeetingNotFound::new);
		if (!meeting.hasOnAgenda(caseId.value())) {
			throw new CaseNotOnAgenda();
		}
		CaseFacts facts = this.cases.facts(caseId).orElseThrow(CaseNotFound::new);
		if (!facts.open()) {
			throw new CaseClosed(facts.status(), facts.triageOutcome());
		}
		List<FieldProblem> problems = new ArrayList<>();
		String text = blankToNull(request.text());
		if (text == null) {
			problems.add(problem("text", "minutes.text.required"));
		}
		else if (text.length() > MAX_TEXT) {
			problems.add(problem("text", "minutes.text.size"));
		}
		if (request.category() == null) {
			problems.add(problem("category", "minutes.category.required"));
		}
		LegalBasis basis = (request.legalBasis() != null) ? request.legalBasis() : LegalBasis.PUBLIC_TASK;
		String statute = blankToNull(request.statutoryReference());
		if (basis != LegalBasis.PUBLIC_TASK && basis != LegalBasis.STATUTORY) {
			// consent and a conflict of duties are the holder's own judgement, made in
			// its contribution
			problems.add(new FieldProblem("legalBasis", "Minutes are kept on PUBLIC_TASK or STATUTORY"));
		}
		if (basis == LegalBasis.STATUTORY && statute == null) {
			problems.add(new FieldProblem("statutoryReference", "Name the statute"));
		}
		else if (statute != null && statute.length() > 200) {
			problems.add(new FieldProblem("statutoryReference", "At most 200 characters"));
		}
		List<String> audienceOrganisations = new ArrayList<>();
		for (String code : nonNull(request.audienceOrganisations())) {
			if (code == null || code.isBlank()) {
				continue;
			}
			if (this.organisations.byCode(code.strip()).isEmpty()) {
				problems.add(new FieldProblem("audienceOrganisations", "Unknown organisation: " + code.strip()));
			}
			else {
				audienceOrganisations.add(code.strip());
			}
		}
		List<String> audienceDomains = new ArrayList<>();
		for (String domain : nonNull(request.audienceDomains())) {
			if (domain == null || domain.isBlank()) {
				continue;
			}
			try {
				audienceDomains.add(Domain.valueOf(domain.strip()).name());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("audienceDomains", "Unknown domain: " + domain.strip()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		boolean everyParticipant = audienceOrganisations.isEmpty() && audienceDomains.isEmpty();
		if (!everyParticipant && !audienceOrganisations.contains(actor.organisation())) {
			audienceOrganisations.add(actor.organisation());
		}
		Minutes written = new Minutes(meeting.id(), caseId.value(), actor.username(), actor.organisation(),
				request.category(), basis, (basis == LegalBasis.STATUTORY) ? statute : null, everyParticipant,
				audienceOrganisations, audienceDomains, Instant.now(this.clock));
		written.seal(this.cipher.seal(text, written.contentBinding()));
		this.minutes.save(written);
		return new MinutesView(written.id(), meeting.id(), caseId.value(), written.authorOrganisation(),
				written.category(), written.createdAt(), null, null, null);
	}

	/**
	 * A case's minutes, of every meeting, as the reader may see them: one read through
	 * the gate. Empty for a reader who takes no part in the case for the purpose, after
	 * the denials are recorded.
	 */
	@Transactional
	public Optional<List<MinutesView>> minutesOf(Access access, CaseId id) {
		CaseFacts facts = this.cases.facts(id).orElse(null);
		// auditors and administrators work for the safety house but read no case's
		// minutes
		return (facts != null && worksOnCases(access.actor())) ? readMinutes(access, facts) : Optional.empty();
	}

	private Optional<List<MinutesView>> readMinutes(Access access, CaseFacts facts) {
		List<Minutes> all = this.minutes.findByCaseIdOrderByCreatedAtAsc(facts.id().value());
		Reading reading = this.gate.read(access, new CaseSubject(facts.id().value(), facts.personId(), !facts.open()),
				all.stream().map(Minutes::toItem).toList());
		if (reading.participation() == Participation.NOT_PARTICIPANT) {
			return Optional.empty();
		}
		return Optional.of(reading.visible().stream().map((o) -> {
			Minutes m = all.stream().filter((x) -> x.id().equals(o.item().id())).findFirst().orElseThrow();
			return new MinutesView(m.id(), m.meetingId(), m.caseId(), m.authorOrganisation(), m.category(),
					m.createdAt(), o.decision().effect(), o.decision().ruleId(), o.content().orElse(null),
					o.contentErased());
		}).toList());
	}

	/** The organisations admitted to the case today: invited when it is on an agenda. */
	private List<String> invited(UUID caseId) {
		return this.plan.admittedOrganisations(new CaseId(caseId));
	}

	private Actor requireCoordinator(Access access) {
		Actor actor = access.actor();
		if (!actor.has(Role.COORDINATOR)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only a coordinator schedules meetings");
		}
		return actor;
	}

	private static boolean chairs(Meeting meeting, Actor actor) {
		return actor.has(Role.COORDINATOR) && meeting.safetyHouse().equals(actor.organisation());
	}

	private boolean ownHouse(CaseFacts facts, Actor actor) {
		return this.organisations.byId(facts.organisationId())
			.map(Organisation::code)
			.filter(actor.organisation()::equals)
			.isPresent();
	}

	private static boolean worksOnCases(Actor actor) {
		return actor.has(Role.COORDINATOR) || actor.has(Role.CARE_PROFESSIONAL) || actor.has(Role.JUSTICE_PROFESSIONAL)
				|| actor.has(Role.MUNICIPAL_PROFESSIONAL);
	}

	private static void checkLength(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			problems.add(new FieldProblem(field, "At most " + max + " characters"));
		}
	}

	/** What is wrong with a field of the minutes form, in the reader's language. */
	private FieldProblem problem(String field, String code) {
		return new FieldProblem(field, this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static <T> List<T> nonNull(List<T> values) {
		return (values == null) ? List.of() : values;
	}

}
