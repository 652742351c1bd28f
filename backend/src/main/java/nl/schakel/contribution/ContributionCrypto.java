package nl.schakel.contribution;

import nl.schakel.crypto.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the contribution's sealed column for key rotation. */
@Configuration(proxyBeanMethods = false)
class ContributionCrypto {

	@Bean
	SealedColumn sealedContributionText() {
		return new SealedColumn(Contribution.TABLE, "id", Contribution.CONTENT_COLUMN);
	}

}
