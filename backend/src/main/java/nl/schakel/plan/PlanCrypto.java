package nl.schakel.plan;

import nl.schakel.crypto.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the plan's sealed columns for key rotation. */
@Configuration(proxyBeanMethods = false)
class PlanCrypto {

	@Bean
	SealedColumn sealedActionDescription() {
		return new SealedColumn(CaseAction.TABLE, "id", CaseAction.CONTENT_COLUMN);
	}

	@Bean
	SealedColumn sealedActionNote() {
		return new SealedColumn(ActionNote.TABLE, "id", ActionNote.CONTENT_COLUMN);
	}

}
