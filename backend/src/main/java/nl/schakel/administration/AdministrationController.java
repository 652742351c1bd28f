package nl.schakel.administration;

import java.util.Comparator;
import java.util.List;

import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.policy.Policy;
import nl.schakel.security.AccountDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The administrator's workplace: organisations, accounts and roles, and the policy in
 * force, each as a table a person reads without opening a YAML file. Changing accounts
 * and roles is the identity provider's job; this page links to its console.
 */
@Controller
@RequestMapping("/beheer")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdministrationController {

	private final OrganisationDirectory organisations;

	private final ObjectProvider<AccountDirectory> accounts;

	private final Policy policy;

	AdministrationController(OrganisationDirectory organisations, ObjectProvider<AccountDirectory> accounts,
			Policy policy) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.policy = policy;
	}

	@GetMapping
	String overview(Model model) {
		List<Organisation> all = this.organisations.all()
			.stream()
			.sorted(Comparator.comparing(Organisation::name))
			.toList();
		model.addAttribute("organisations", all);
		AccountDirectory directory = this.accounts.getIfAvailable();
		model.addAttribute("accounts", (directory != null) ? directory.accounts() : List.of());
		model.addAttribute("console", (directory != null) ? directory.console().orElse(null) : null);
		model.addAttribute("policyVersion", this.policy.version().value());
		model.addAttribute("purposes", this.policy.purposes());
		model.addAttribute("rules", this.policy.rules());
		return "beheer/overview";
	}

}
