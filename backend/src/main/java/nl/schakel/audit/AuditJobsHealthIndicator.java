package nl.schakel.audit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code auditJobs} in the health endpoint (the bean name less its suffix): degraded
 * while sealing or the review scan is stalled, or the log holds an event outside its
 * monthly partitions. Degraded, not down: the application still serves and logs every
 * disclosure, but new reads are neither sealed nor reviewed until someone looks.
 */
@Component
class AuditJobsHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Sealing or the review scan makes no progress");

	private final AuditJobProgress progress;

	AuditJobsHealthIndicator(AuditJobProgress progress) {
		this.progress = progress;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		for (AuditJobProgress.State state : this.progress.check()) {
			if (state.stalled()) {
				health.status(DEGRADED);
			}
			health.withDetail(state.job().name(), state.stalled() ? "stalled since " + state.lastProgress() : "ok");
		}
		return health.build();
	}

}
