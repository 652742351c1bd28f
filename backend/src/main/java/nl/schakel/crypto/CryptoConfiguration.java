package nl.schakel.crypto;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

// Only FieldCipher and BlindIndex are handed to the rest of the application; the key handles
// stay behind Keysets' package-private accessors.
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CryptoConfiguration {

	@Bean
	Keysets keysets(CryptoProperties properties) {
		return Keysets.from(properties);
	}

	@Bean
	CaseKeys caseKeys(ObjectProvider<JdbcTemplate> jdbc, Keysets keysets, ObjectProvider<Clock> clock) {
		return new CaseKeys(jdbc::getObject, keysets, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	FieldCipher fieldCipher(Keysets keysets, CaseKeys caseKeys) {
		return new FieldCipher(keysets, caseKeys);
	}

	@Bean
	BlindIndex blindIndex(Keysets keysets) {
		return new BlindIndex(keysets);
	}

}
