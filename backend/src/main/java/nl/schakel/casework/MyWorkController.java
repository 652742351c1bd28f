package nl.schakel.casework;

import java.util.List;

import nl.schakel.audit.AuditWorkspace;
import nl.schakel.security.Actor;
import nl.schakel.security.Access;
import nl.schakel.security.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after login: the user's own work. A coordinator sees the safety house's
 * cases by status, a professional the cases they are admitted to with what is new and the
 * requests awaiting them, an auditor the review queue. Metadata only: no names, no
 * content.
 */
@Controller
class MyWorkController {

	/** The review queue is counted up to this many; more shows as "at least". */
	static final int REVIEW_COUNT_LIMIT = 1000;

	private final MyCases myCases;

	private final MyTasks myTasks;

	private final nl.schakel.casefile.CaseFileService cases;

	private final AuditWorkspace audit;

	MyWorkController(MyCases myCases, MyTasks myTasks, nl.schakel.casefile.CaseFileService cases,
			AuditWorkspace audit) {
		this.myCases = myCases;
		this.myTasks = myTasks;
		this.cases = cases;
		this.audit = audit;
	}

	@GetMapping("/")
	String home(Access access, Model model) {
		Actor actor = access.actor();
		if (actor.has(Role.AUDITOR)) {
			model.addAttribute("reviewCount", this.audit.openReviews(REVIEW_COUNT_LIMIT).size());
			model.addAttribute("reviewCountLimit", REVIEW_COUNT_LIMIT);
			model.addAttribute("lastVerification", this.audit.recentVerifications(1).stream().findFirst().orElse(null));
			return "home";
		}
		if (actor.has(Role.ADMINISTRATOR)) {
			// administrators see no case data: their work is organisations, accounts and
			// policy
			model.addAttribute("administrator", true);
			return "home";
		}
		if (actor.has(Role.COORDINATOR)) {
			model.addAttribute("statusCounts", this.cases.countByStatus(access));
		}
		List<MyCases.MyCase> mine = this.myCases.cases(access);
		model.addAttribute("myCases", actor.has(Role.COORDINATOR) ? mine.stream().limit(10).toList() : mine);
		model.addAttribute("openRequests", this.myTasks.openRequestsToMe(access));
		model.addAttribute("withdrawalNotices", this.myTasks.consentsWithdrawnForMyOrganisation(access));
		model.addAttribute("myActions", actor.has(Role.COORDINATOR) ? null : this.myTasks.myActions(access));
		model.addAttribute("overdueActions",
				actor.has(Role.COORDINATOR) ? this.myTasks.overdueInMyHouse(access) : null);
		return "home";
	}

}
