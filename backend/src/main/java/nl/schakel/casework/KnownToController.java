package nl.schakel.casework;

import nl.schakel.security.Access;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.schakel.security.Channel;
import nl.schakel.person.Bsn;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeDefinition;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Is this person known to the safety house?" — the known-to check in the UI. */
@Controller
@RequestMapping("/known-to")
class KnownToController {

	private final CaseIntake intake;

	private final Policy policy;

	KnownToController(CaseIntake intake, Policy policy) {
		this.intake = intake;
		this.policy = policy;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("purposes", knownToPurposes());
		return "known-to";
	}

	@PostMapping
	String search(Access access, @RequestParam(required = false) String bsn,
			@RequestParam(required = false) String name, @RequestParam(required = false) LocalDate dateOfBirth,
			@RequestParam(required = false) String purpose, Model model) {
		model.addAttribute("purposes", knownToPurposes());
		model.addAttribute("name", name);
		model.addAttribute("dateOfBirth", dateOfBirth);
		model.addAttribute("chosenPurpose", purpose);
		Optional<Purpose> named = Optional.ofNullable(purpose).flatMap(this.policy::purpose);
		Optional<Purpose> chosen = named.filter(this.policy::allowsKnownTo);
		boolean byBsn = bsn != null && !bsn.isBlank();
		Optional<Bsn> parsed = byBsn ? Bsn.parse(bsn) : Optional.empty();
		if (chosen.isEmpty()) {
			model.addAttribute("purposeError", named.isPresent() ? "knownTo.purpose.notAllowed" : "purpose.required");
		}
		if (byBsn && parsed.isEmpty()) {
			model.addAttribute("bsnError", "person.bsn.invalid");
		}
		if (!byBsn && (name == null || name.isBlank() || dateOfBirth == null)) {
			model.addAttribute("queryError", "knownTo.query.required");
		}
		if (model.containsAttribute("purposeError") || model.containsAttribute("bsnError")
				|| model.containsAttribute("queryError")) {
			return "known-to";
		}
		model.addAttribute("result", this.intake.knownTo(access.forPurpose(chosen.get().code()),
				new PersonQuery(parsed, name, dateOfBirth)));
		// say exactly what was asked: the safety houses working in this Schakel, no
		// others
		model.addAttribute("checkedHouses",
				String.join(", ",
						this.intake.organisations()
							.stream()
							.filter((o) -> o.domain() == nl.schakel.organisation.Domain.SAFETY_HOUSE)
							.map(nl.schakel.organisation.Organisation::name)
							.sorted()
							.toList()));
		return "known-to";
	}

	/** Only the purposes the policy names for the check are offered. */
	private List<PurposeDefinition> knownToPurposes() {
		return this.policy.purposes().stream().filter((p) -> this.policy.allowsKnownTo(p.purpose())).toList();
	}

}
