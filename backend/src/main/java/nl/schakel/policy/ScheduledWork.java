package nl.schakel.policy;

import nl.schakel.web.RequestContext;

import org.springframework.stereotype.Component;

/**
 * Work that no request starts — a scheduled job — runs under its own request id, the purpose
 * it serves and the policy in force, so what it writes is recorded as carefully as what a
 * person does.
 */
@Component
public class ScheduledWork {

	private final Policy policy;

	ScheduledWork(Policy policy) {
		this.policy = policy;
	}

	public void run(String purpose, Runnable work) {
		RequestContext.runDetached(purpose, () -> {
			RequestContext.current().ifPresent((context) -> context.policyVersion(this.policy.version().value()));
			work.run();
		});
	}

}
