package nl.schakel.casefile;

import nl.schakel.crypto.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the referral's sealed column for key rotation. */
@Configuration(proxyBeanMethods = false)
class ReferralCrypto {

	@Bean
	SealedColumn sealedReferralDetails() {
		return new SealedColumn(Referral.TABLE, "case_id", Referral.DETAILS_COLUMN);
	}

}
