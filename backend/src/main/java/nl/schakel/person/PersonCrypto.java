package nl.schakel.person;

import nl.schakel.crypto.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the person's sealed column for key rotation. */
@Configuration(proxyBeanMethods = false)
class PersonCrypto {

	@Bean
	SealedColumn sealedBsn() {
		return new SealedColumn(Person.TABLE, "id", Person.BSN_COLUMN);
	}

}
