package nl.schakel.meeting;

import nl.schakel.security.Access;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.schakel.casefile.CaseClosed;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseNotFound;
import nl.schakel.security.Channel;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.LegalBasis;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case meetings over REST: {@code /api/v1/meetings}, and a case's minutes under
 * {@code /api/v1/cases/{id}/minutes}. Minutes are read through the gate under the purpose
 * named in {@code X-Purpose}; a meeting read without one shows its agenda's metadata
 * only.
 */
@RestController
class MeetingApiController {

	private final MeetingService meetings;

	private final PurposeBinding purposes;

	MeetingApiController(MeetingService meetings, PurposeBinding purposes) {
		this.meetings = meetings;
		this.purposes = purposes;
	}

	/** Schedules a meeting (a coordinator, with cases of their own safety house). */
	@PostMapping("/api/v1/meetings")
	ResponseEntity<MeetingView> schedule(Access access, @RequestBody MeetingRequest body) {
		UUID id = this.meetings.schedule(access,
				new NewMeeting(body.startsAt(), body.place(), body.videoLink(), body.chair(), body.caseIds()));
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id))
			.body(this.meetings.view(access.forPurpose(null), id));
	}

	/**
	 * Changes a meeting as a whole (time, place, video link, chair, agenda); the invited
	 * organisations are told through {@link MeetingScheduled} with {@code changed} true.
	 */
	@PutMapping("/api/v1/meetings/{id}")
	MeetingView change(Access access, @PathVariable UUID id, @RequestBody MeetingRequest body) {
		this.meetings.change(access, id,
				new NewMeeting(body.startsAt(), body.place(), body.videoLink(), body.chair(), body.caseIds()));
		return this.meetings.view(access.forPurpose(null), id);
	}

	/** The meetings of the coordinator's safety house, the latest first. */
	@GetMapping("/api/v1/meetings")
	MeetingList list(Access access) {
		return new MeetingList(this.meetings.ofMySafetyHouse(access));
	}

	/**
	 * The meeting with its agenda: per case the invited organisations, attendance, open
	 * and overdue actions; with {@code X-Purpose}, also the minutes the reader may see
	 * (recorded as disclosures).
	 */
	@GetMapping("/api/v1/meetings/{id}")
	MeetingView show(Access access, @PathVariable UUID id,
			@RequestHeader(name = PurposeBinding.HEADER, required = false) String purpose) {
		Purpose bound = (purpose != null) ? this.purposes.resolve(purpose) : null;
		return this.meetings.view(access.forPurpose((bound != null) ? bound.code() : null), id);
	}

	/** Records attendance: {@code {"organisation": "ggz-midden", "present": true}}. */
	@PostMapping("/api/v1/meetings/{id}/attendance")
	AttendanceList attendance(Access access, @PathVariable UUID id, @RequestBody AttendanceRequest body) {
		return new AttendanceList(this.meetings.recordAttendance(access, id, body.organisation(), body.present()));
	}

	/**
	 * Writes minutes for a case on the agenda: sealed, with category, legal basis and
	 * audience.
	 */
	@PostMapping("/api/v1/meetings/{id}/cases/{caseId}/minutes")
	ResponseEntity<MinutesView> minutes(Access access, @PathVariable UUID id, @PathVariable UUID caseId,
			@RequestBody MinutesRequest body) {
		List<String> organisations = new java.util.ArrayList<>(nonNull(body.audienceOrganisations()));
		List<String> domains = new java.util.ArrayList<>(nonNull(body.audienceDomains()));
		audience(body.audience(), organisations, domains);
		MinutesView written = this.meetings.writeMinutes(access, id, new CaseId(caseId), new NewMinutes(body.text(),
				body.category(), body.legalBasis(), body.statutoryReference(), organisations, domains));
		return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/minutes/" + written.id())).body(written);
	}

	/**
	 * A case's minutes of every meeting, as the reader may see them under the purpose.
	 */
	@GetMapping("/api/v1/cases/{id}/minutes")
	MinutesList caseMinutes(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		return new MinutesList(this.meetings.minutesOf(access, new CaseId(id)).orElseThrow(CaseNotFound::new));
	}

	/**
	 * The audience as a list of organisation codes and domains
	 * ({@code ["politie-midden", "CARE"]}) or as {@code {"organisations": [...],
	 * "domains": [...]}}.
	 */
	private static void audience(Object audience, List<String> organisations, List<String> domains) {
		if (audience instanceof List<?> codes) {
			for (Object code : codes) {
				String text = String.valueOf(code).strip();
				if (java.util.Arrays.stream(nl.schakel.organisation.Domain.values())
					.anyMatch((d) -> d.name().equals(text))) {
					domains.add(text);
				}
				else {
					organisations.add(text);
				}
			}
		}
		else if (audience instanceof Map<?, ?> parts) {
			if (parts.get("organisations") instanceof List<?> codes) {
				codes.forEach((code) -> organisations.add(String.valueOf(code)));
			}
			if (parts.get("domains") instanceof List<?> codes) {
				codes.forEach((code) -> domains.add(String.valueOf(code)));
			}
		}
		else if (audience instanceof String code && !code.isBlank()) {
			audience(List.of(code), organisations, domains);
		}
	}

	private static List<String> nonNull(List<String> values) {
		return (values == null) ? List.of() : values;
	}

	@ExceptionHandler(MeetingNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail meetingNotFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "meeting-not-found", "Meeting not found",
				"No such meeting, or not one you are invited to");
	}

	@ExceptionHandler(CaseNotOnAgenda.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notOnAgenda() {
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-on-agenda", "Case not on the agenda",
				"Minutes are written for a case on this meeting's agenda");
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail caseNotFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
				"No such case, or you do not take part in it for this purpose");
	}

	@ExceptionHandler(CaseClosed.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail closed(CaseClosed ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "case-closed", "Case closed",
				"The case is " + ex.status() + ": it takes no minutes until the coordinator reopens it");
		problem.setProperty("status", ex.status().name());
		return problem;
	}

	record MeetingRequest(OffsetDateTime startsAt, String place, String videoLink, String chair, List<UUID> caseIds) {
	}

	record AttendanceRequest(String organisation, Boolean present) {
	}

	record MinutesRequest(String text, DataCategory category, LegalBasis legalBasis, String statutoryReference,
			Object audience, List<String> audienceOrganisations, List<String> audienceDomains) {

		@Override
		public String toString() {
			return "MinutesRequest[category=" + this.category + "]";
		}

	}

	record MeetingList(List<MeetingView> items) {
	}

	record AttendanceList(Map<String, Boolean> attendance) {
	}

	record MinutesList(List<MinutesView> items) {
	}

}
