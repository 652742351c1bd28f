package nl.schakel.meeting;

import nl.schakel.crypto.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the minutes' sealed column for key rotation. */
@Configuration(proxyBeanMethods = false)
class MeetingCrypto {

	@Bean
	SealedColumn sealedMinutesText() {
		return new SealedColumn(Minutes.TABLE, "id", Minutes.CONTENT_COLUMN);
	}

}
