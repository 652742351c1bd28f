package nl.schakel.crypto;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
	FieldCipher fieldCipher(Keysets keysets) {
		return new FieldCipher(keysets);
	}

	@Bean
	BlindIndex blindIndex(Keysets keysets) {
		return new BlindIndex(keysets);
	}

}
