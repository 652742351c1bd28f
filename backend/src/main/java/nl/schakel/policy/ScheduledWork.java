package nl.schakel.policy;

import java.util.function.Consumer;

import nl.schakel.security.Access;
import nl.schakel.web.RequestContext;

import org.springframework.stereotype.Component;

/**
 * Work that no request starts — a scheduled job — runs under its own {@link Access}: its
 * own request id, the purpose it serves and the policy in force, no person, so what it
 * writes is recorded as carefully as what a person does.
 */
@Component
public class ScheduledWork {

	private final Policy policy;

	ScheduledWork(Policy policy) {
		this.policy = policy;
	}

	public void run(String purpose, Consumer<Access> work) {
		RequestContext.runAs(null, purpose, this.policy.version().value(), (access) -> {
			work.accept(access);
			return null;
		});
	}

}
