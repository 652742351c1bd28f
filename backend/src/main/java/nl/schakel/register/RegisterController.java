package nl.schakel.register;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The register of processing for the administrator and the privacy officer: as a page, as
 * a document to download (the same page, self-contained) and as JSON. It holds no case
 * data.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'AUDITOR')")
class RegisterController {

	private final Register register;

	RegisterController(Register register) {
		this.register = register;
	}

	@GetMapping("/register")
	String page(@RequestParam(required = false) String download, Model model, HttpServletResponse response) {
		if (download != null) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verwerkingsregister-"
					+ this.register.document().policyVersion() + ".html\"");
		}
		model.addAttribute("register", this.register.document());
		return "register";
	}

	@GetMapping(path = "/api/v1/register", produces = "application/json")
	@ResponseBody
	RegisterOfProcessing api() {
		return this.register.document();
	}

}
