package nl.schakel.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.schakel.casefile.CaseNotFound;
import nl.schakel.ids.CaseId;
import nl.schakel.participation.Admission;
import nl.schakel.participation.BreakGlassView;
import nl.schakel.participation.ParticipantView;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.security.Access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who takes part in a case, over REST: {@code /api/v1/cases/{id}/participants} (listed as
 * the dossier shows them, admitted and removed by the coordinator) and emergency access,
 * {@code /api/v1/cases/{id}/break-glass}.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseParticipantsApiController {

	private final CaseParticipants participants;

	private final CaseDossiers dossiers;

	CaseParticipantsApiController(CaseParticipants participants, CaseDossiers dossiers) {
		this.participants = participants;
		this.dossiers = dossiers;
	}

	@GetMapping("/{id}/participants")
	List<ParticipantView> participants(Access access, @PathVariable UUID id,
			@RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose) {
		if (this.dossiers.open(access, new CaseId(id)) instanceof CaseOpening.Visible visible) {
			return visible.dossier().participants();
		}
		throw new CaseNotFound();
	}

	@PostMapping("/{id}/participants")
	ResponseEntity<ParticipantView> admit(Access access, @PathVariable UUID id, @RequestBody AdmissionRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.participants.admit(access, new CaseId(id), new Admission(request.organisation(),
					request.professionals(), request.purposes(), request.validUntil())));
	}

	@DeleteMapping("/{id}/participants/{participantId}")
	ParticipantView remove(Access access, @PathVariable UUID id, @PathVariable UUID participantId) {
		return this.participants.remove(access, new CaseId(id), participantId);
	}

	@PostMapping("/{id}/break-glass")
	ResponseEntity<BreakGlassView> breakGlass(Access access, @PathVariable UUID id,
			@RequestBody BreakGlassRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.participants.openBreakGlass(access, new CaseId(id), request.reason()));
	}

	record AdmissionRequest(String organisation, List<String> professionals, List<String> purposes,
			LocalDate validUntil) {
	}

	record BreakGlassRequest(String reason) {
	}

}
