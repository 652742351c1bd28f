package nl.schakel.security;

import nl.schakel.crypto.Keysets;
import nl.schakel.crypto.SessionAttributeCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Session attributes in PostgreSQL are sealed (several instances: Spring Session JDBC,
 * {@code docs/operations.md}). In the clear, {@code spring_session_attributes} held the
 * OAuth2 tokens of every signed-in professional and, in the flash attributes that carry a
 * refused form back to the page, case content as typed: readable by anyone with a copy of
 * the table or a backup. Each attribute is Java-serialized as before and then sealed with
 * the master keyset ({@link SessionAttributeCipher}). A value that does not open (written
 * in the clear before, or altered in the table) is read as absent: the professional signs
 * in again, and nothing from the table is deserialized unchecked. Only used where the
 * database sessions are on; one instance keeps sessions in memory.
 */
@Configuration(proxyBeanMethods = false)
class SealedSessionAttributes {

	private static final Logger log = LoggerFactory.getLogger(SealedSessionAttributes.class);

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sealSessionAttributes(Keysets keysets) {
		SessionAttributeCipher cipher = new SessionAttributeCipher(keysets);
		ClassLoader classLoader = SealedSessionAttributes.class.getClassLoader();
		SerializingConverter serialize = new SerializingConverter();
		DeserializingConverter deserialize = new DeserializingConverter(classLoader);
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, (value) -> cipher.seal(serialize.convert(value)));
		conversions.addConverter(byte[].class, Object.class,
				(sealed) -> cipher.open(sealed).map(deserialize::convert).orElseGet(() -> {
					log.warn("A session attribute in the database did not open with the keyset: read as absent");
					return null;
				}));
		return (repository) -> repository.setConversionService(conversions);
	}

}
