package nl.schakel.casework;

import nl.schakel.security.Access;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;
import nl.schakel.ids.CaseId;
import nl.schakel.organisation.Organisation;
import nl.schakel.policy.Purpose;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The case summary in the UI: a printable page and the same as PDF, under the purpose the
 * case was opened with. Without a chosen purpose the case page asks for one first.
 */
@Controller
@RequestMapping("/cases/{id}")
class CaseSummaryController {

	private final CaseSummaries summaries;

	private final CaseSummaryPdf pdf;

	private final CasePurposes purposes;

	private final CaseIntake intake;

	CaseSummaryController(CaseSummaries summaries, CaseSummaryPdf pdf, CasePurposes purposes, CaseIntake intake) {
		this.summaries = summaries;
		this.pdf = pdf;
		this.purposes = purposes;
		this.intake = intake;
	}

	@GetMapping("/summary")
	String page(Access access, @PathVariable UUID id, HttpSession session, Model model) {
		Optional<Purpose> purpose = this.purposes.of(session, id);
		if (purpose.isEmpty()) {
			return "redirect:/cases/" + id;
		}
		PrintedCase summary = this.summaries.print(access, new CaseId(id)).orElseThrow(() -> new CaseNotVisible(id));
		model.addAttribute("summary", summary);
		model.addAttribute("organisationNames", organisationNames());
		model.addAttribute("pdf", false);
		return CaseSummaryPdf.TEMPLATE;
	}

	@GetMapping("/summary.pdf")
	ResponseEntity<?> pdf(Access access, @PathVariable UUID id, HttpSession session) {
		Optional<Purpose> purpose = this.purposes.of(session, id);
		if (purpose.isEmpty()) {
			return ResponseEntity.status(302).header("Location", "/cases/" + id).build();
		}
		PrintedCase summary = this.summaries.print(access, new CaseId(id)).orElseThrow(() -> new CaseNotVisible(id));
		return CaseSummaryResponses.pdf(summary,
				this.pdf.render(summary, organisationNames(), LocaleContextHolder.getLocale()));
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(CaseNotVisible.class)
	String notVisible(CaseNotVisible ex, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(404);
		return "error/404";
	}

	private Map<String, String> organisationNames() {
		return this.intake.organisations().stream().collect(Collectors.toMap(Organisation::code, Organisation::name));
	}

}
