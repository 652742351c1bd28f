package nl.schakel.casework;

import nl.schakel.security.Access;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.schakel.security.Channel;
import nl.schakel.person.Bsn;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The known-to check over REST. A POST, so the BSN never appears in a URL or an access
 * log.
 */
@RestController
@RequestMapping("/api/v1/persons")
class PersonApiController {

	private final CaseIntake intake;

	PersonApiController(CaseIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/known-to")
	KnownTo knownTo(Access access, @RequestAttribute(PurposeBinding.ATTRIBUTE) Purpose purpose,
			@RequestBody Query body) {
		return this.intake.knownTo(access, body.toQuery());
	}

	@ExceptionHandler(KnownToPurposeNotAllowed.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	ProblemDetail purposeNotAllowed() {
		return Problems.of(HttpStatus.FORBIDDEN, "known-to-purpose-not-allowed", "Purpose not allowed for known-to",
				"The known-to check answers only for the casework purposes the access policy names for it");
	}

	record Query(String bsn, String name, LocalDate dateOfBirth) {

		PersonQuery toQuery() {
			List<FieldProblem> problems = new ArrayList<>();
			boolean byBsn = this.bsn != null && !this.bsn.isBlank();
			Optional<Bsn> parsed = byBsn ? Bsn.parse(this.bsn) : Optional.empty();
			if (byBsn && parsed.isEmpty()) {
				problems.add(new FieldProblem("bsn", "Not a valid BSN (it fails the eleven-test)"));
			}
			if (!byBsn) {
				if (this.name == null || this.name.isBlank()) {
					problems.add(new FieldProblem("name", "Give a BSN, or a name and a date of birth"));
				}
				if (this.dateOfBirth == null) {
					problems.add(new FieldProblem("dateOfBirth", "Give a BSN, or a name and a date of birth"));
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			return new PersonQuery(parsed, this.name, this.dateOfBirth);
		}

		@Override
		public String toString() {
			return "Query[...]";
		}

	}

}
