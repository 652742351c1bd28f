package nl.schakel.benchmark;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Benchmark-only: the demo accounts authenticate every API request with HTTP Basic
 * against a BCrypt hash (tens of milliseconds of CPU per request), which would swamp what
 * the benchmark is about. This post-processor wraps the application's
 * {@link PasswordEncoder} so each (password, hash) pair is checked with BCrypt once and
 * then remembered — standing in for the cheap per-request authentication of production (a
 * verified JWT). Never in production code; registered only by the benchmark programs.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final ConcurrentHashMap<String, Boolean> checked = new ConcurrentHashMap<>();

	private CachingPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return this.checked.computeIfAbsent(rawPassword + "\u0000" + encodedPassword,
				(key) -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return false;
	}

	static BeanPostProcessor postProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof PasswordEncoder encoder && !(bean instanceof CachingPasswordEncoder))
						? new CachingPasswordEncoder(encoder) : bean;
			}
		};
	}

}
