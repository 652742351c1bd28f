package nl.schakel.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.security.Access;
import nl.schakel.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator's view of the retention job: {@code GET /api/v1/retention/upcoming}
 * lists the own house's cases due for erasure within
 * {@code schakel.retention.notice-days}, and the data categories whose content is erased
 * inside a kept case within that time; {@code POST
 * /api/v1/cases/{id}/retention-extension} ({@code {"until": "2028-01-01", "reason":
 * "..."}}) keeps a case longer for a pending legal procedure, recorded with its reason.
 */
@RestController
class RetentionApiController {

	private final RetentionSchedule schedule;

	private final RetentionProperties properties;

	private final Clock clock;

	RetentionApiController(RetentionSchedule schedule, RetentionProperties properties, Clock clock) {
		this.schedule = schedule;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/v1/retention/upcoming")
	Upcoming upcoming(Access access) {
		LocalDate today = LocalDate.now(this.clock);
		return new Upcoming(today, this.properties.noticeDays(),
				this.schedule.upcoming(access.actor(), today, this.properties.noticeDays()),
				this.schedule.upcomingCategories(access.actor(), today, this.properties.noticeDays()));
	}

	@PostMapping("/api/v1/cases/{id}/retention-extension")
	DueErasure extend(Access access, @PathVariable UUID id, @RequestBody Extension body) {
		return this.schedule.extend(access.actor(), new CaseId(id), body.until(), body.reason(),
				OffsetDateTime.now(this.clock));
	}

	@ExceptionHandler(CaseNotErasable.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ProblemDetail notFound() {
		return Problems.of(HttpStatus.NOT_FOUND, "case-not-found", "Case not found",
				"No such case in your safety house");
	}

	record Upcoming(LocalDate today, int noticeDays, List<DueErasure> cases, List<DueCategoryErasure> categories) {
	}

	record Extension(LocalDate until, String reason) {
	}

}
