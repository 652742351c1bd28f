package nl.schakel.organisation;

import java.util.List;

import nl.schakel.web.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo organisations of the local default: the safety house and its partners in
 * care, justice and the municipality, and a second safety house. Idempotent, so a restart
 * keeps what is there.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("schakel.demo.enabled")
class DemoOrganisations implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

	static final List<Organisation> DEMO = List.of(
			new Organisation("zvh-midden", "Zorg- en Veiligheidshuis Midden", Domain.SAFETY_HOUSE),
			new Organisation("ggz-midden", "GGZ Midden", Domain.CARE),
			new Organisation("verslavingszorg-midden", "Verslavingszorg Midden", Domain.CARE),
			new Organisation("politie-midden", "Politie eenheid Midden", Domain.JUSTICE),
			new Organisation("om-midden", "Openbaar Ministerie arrondissement Midden", Domain.JUSTICE),
			new Organisation("reclassering-midden", "Reclassering Midden", Domain.JUSTICE),
			new Organisation("gemeente-midden", "Gemeente Midden", Domain.MUNICIPAL),
			// a second safety house, so every test of "your own cases only" has another
			// house to try
			new Organisation("zvh-zuid", "Zorg- en Veiligheidshuis Zuid", Domain.SAFETY_HOUSE));

	private final Organisations organisations;

	private final TransactionTemplate transactions;

	DemoOrganisations(Organisations organisations, TransactionTemplate transactions) {
		this.organisations = organisations;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		RequestContext.runDetached(null, () -> this.transactions.executeWithoutResult((status) -> {
			int added = 0;
			for (Organisation demo : DEMO) {
				if (this.organisations.findByCode(demo.code()).isEmpty()) {
					this.organisations.save(new Organisation(demo.code(), demo.name(), demo.domain()));
					added++;
				}
			}
			if (added > 0) {
				log.info("Seeded {} demo organisations", added);
			}
		}));
	}

}
