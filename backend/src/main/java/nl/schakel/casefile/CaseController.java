package nl.schakel.casefile;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's case pages: the list, the referral form and the case page. */
@Controller
@RequestMapping("/cases")
class CaseController {

	private final CaseFileService cases;

	CaseController(CaseFileService cases) {
		this.cases = cases;
	}

	@ModelAttribute("caseTypes")
	CaseType[] caseTypes() {
		return CaseType.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) Long before, Model model) {
		model.addAttribute("page", this.cases.page(before, 50));
		return "cases/list";
	}

	@GetMapping("/new")
	String referralForm(Model model) {
		model.addAttribute("referral", new RegisterCaseRequest());
		return "cases/new";
	}

	@PostMapping
	String register(@Valid @ModelAttribute("referral") RegisterCaseRequest referral, BindingResult errors,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return "cases/new";
		}
		CaseId id = this.cases.register(referral);
		redirect.addFlashAttribute("notice", "case.registered");
		return "redirect:/cases/" + id.value();
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("caseFile", this.cases.view(new CaseId(id)));
		return "cases/show";
	}

	@PostMapping("/{id}/status")
	String move(@PathVariable UUID id, @RequestParam CaseStatus status, RedirectAttributes redirect) {
		try {
			this.cases.move(new CaseId(id), status);
			redirect.addFlashAttribute("notice", "case.status.changed");
		}
		catch (StatusTransitionNotAllowed ex) {
			redirect.addFlashAttribute("problem", "case.status.notAllowed");
		}
		return "redirect:/cases/" + id;
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
