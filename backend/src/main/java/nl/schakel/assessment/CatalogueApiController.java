package nl.schakel.assessment;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import nl.schakel.security.Access;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;
import nl.schakel.web.Problems;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Beheer keeps the intervention catalogue over the API: add ({@code POST}), change
 * ({@code PUT}, the code stays) and retire ({@code POST …/{code}/retirement}: an
 * intervention is never deleted, so the API has no {@code DELETE}). Administrators only;
 * {@code GET /api/v1/interventions} reads the catalogue for everyone.
 */
@RestController
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CatalogueApiController {

	private final CatalogueEditing editing;

	private final MessageSource messages;

	CatalogueApiController(CatalogueEditing editing, MessageSource messages) {
		this.editing = editing;
		this.messages = messages;
	}

	/** An edit's answer: the intervention as it now is and the catalogue's version. */
	record Edited(String catalogueVersion, boolean changed, InterventionCatalogue.Intervention intervention) {

		static Edited of(CatalogueEditing.Edited edited) {
			return new Edited(edited.catalogueVersion(), edited.changed(), edited.intervention());
		}

	}

	@Operation(summary = "Add an intervention to the catalogue (administrator only)",
			description = "The body has the shape of an entry of GET /api/v1/interventions (code, name and "
					+ "providerType in nl and en, deliveredBy, workingElements, targetGroup with values of the "
					+ "instrument's age-group, phase and justice-status scales, conditions). It is offered for new "
					+ "cases at once; the catalogue's version moves on (base+edition) and the edit is recorded "
					+ "with who and when. 400 names each field in error; 409 intervention-code-taken when the code "
					+ "exists, retired or not; 403 for any role but ADMINISTRATOR.")
	@PostMapping("/api/v1/interventions")
	ResponseEntity<Edited> add(Access access, @RequestBody CatalogueEntry entry) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Edited.of(worded(() -> this.editing.add(access.actor(), entry))));
	}

	@Operation(summary = "Change an intervention of the catalogue (administrator only)",
			description = "The whole entry as for adding; the code stays (a different code in the body is a 400 on "
					+ "code). A body that changes nothing is no edit: changed false, version unchanged. 404 "
					+ "intervention-not-found for an unknown code.")
	@PutMapping("/api/v1/interventions/{code}")
	Edited change(Access access, @PathVariable String code, @RequestBody CatalogueEntry entry) {
		return Edited.of(worded(() -> this.editing.change(access.actor(), code, entry)));
	}

	@Operation(summary = "Retire an intervention (administrator only)",
			description = "An intervention is never deleted, so there is no DELETE: retired, it is no longer "
					+ "offered for a new case (choosing it is a 400 on intervention), while existing plans, the "
					+ "evaluation and its knowledge page keep its name; GET /api/v1/interventions lists it with "
					+ "retired true. Retiring a retired one changes nothing.")
	@PostMapping("/api/v1/interventions/{code}/retirement")
	Edited retire(Access access, @PathVariable String code) {
		return Edited.of(this.editing.retire(access.actor(), code));
	}

	/** The service names problems by message key; the API answers in words. */
	private CatalogueEditing.Edited worded(java.util.function.Supplier<CatalogueEditing.Edited> edit) {
		try {
			return edit.get();
		}
		catch (InvalidInput ex) {
			throw new InvalidInput(ex.problems()
				.stream()
				.map((p) -> new FieldProblem(p.field(),
						this.messages.getMessage(p.message(), null, p.message(), LocaleContextHolder.getLocale())))
				.toList());
		}
	}

	@ExceptionHandler(CatalogueEditing.CodeTaken.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ProblemDetail taken(CatalogueEditing.CodeTaken ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "intervention-code-taken", "Intervention code taken",
				ex.getMessage() + "; a code is never reused, not even a retired one's");
		problem.setProperty("errors", List.of(new FieldProblem("code", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(CatalogueEditing.NoSuchIntervention.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail missing(CatalogueEditing.NoSuchIntervention ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "intervention-not-found", "Intervention not found", ex.getMessage());
	}

}
