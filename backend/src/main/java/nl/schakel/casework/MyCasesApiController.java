package nl.schakel.casework;

import nl.schakel.security.Access;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import nl.schakel.casefile.CaseStatus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own cases: the list a client starts from. */
@RestController
class MyCasesApiController {

	private final MyCases myCases;

	MyCasesApiController(MyCases myCases) {
		this.myCases = myCases;
	}

	@GetMapping("/api/v1/my/cases")
	@Operation(summary = "The caller's own cases",
			description = "The cases the caller takes part in today, newest first (at most 100): for a professional "
					+ "the cases their organisation, or they by name, is admitted to; for a coordinator the own safety "
					+ "house's cases. Each with id, reference, status and purposes: the purpose codes the caller's "
					+ "organisation (or the caller by name) is admitted for today, to send as X-Purpose when opening "
					+ "the case. Auditors and administrators take part in no case and get an empty list. Metadata of "
					+ "one's own admissions, not case content: no X-Purpose is needed and nothing is recorded as a "
					+ "disclosure.")
	MyCaseList cases(Access access) {
		return new MyCaseList(this.myCases.cases(access)
			.stream()
			.map((c) -> new MyCaseSummary(c.id(), c.reference(), c.status(), c.purposes()))
			.toList());
	}

	/**
	 * The caller's cases, wrapped in an object so fields can be added without breaking
	 * clients.
	 */
	record MyCaseList(List<MyCaseSummary> cases) {
	}

	/** One of the caller's cases: metadata only. */
	record MyCaseSummary(UUID id, String reference, CaseStatus status, List<String> purposes) {
	}

}
