package nl.schakel.register;

import java.io.IOException;
import java.io.UncheckedIOException;

import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyFiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the register files where the access policy is read from, and fails start-up on
 * any problem.
 */
@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {

	@Bean
	Register register(Policy policy, @Value("${schakel.policies.location:}") String location) {
		PolicyFiles files = PolicyFiles.locate(location);
		try {
			RegisterFiles reader = new RegisterFiles();
			RegisterFiles.Retention retention = reader.retention(files.read(RegisterFiles.RETENTION), files.describe());
			RegisterFiles.Register register = reader.register(files.read(RegisterFiles.REGISTER), files.describe());
			return new Register(policy, register, retention);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
