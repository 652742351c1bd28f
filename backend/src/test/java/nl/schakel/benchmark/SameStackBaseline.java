package nl.schakel.benchmark;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.consent.ConsentRegistry;
import nl.schakel.contribution.ContributionService;
import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.disclosure.DisclosableItem;
import nl.schakel.disclosure.SealedContent;
import nl.schakel.organisation.Organisation;
import nl.schakel.organisation.OrganisationDirectory;
import nl.schakel.participation.ParticipationRegistry;
import nl.schakel.ids.PersonId;
import nl.schakel.person.PersonRegistry;
import nl.schakel.person.PersonSummary;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Benchmark-only baseline for what the disclosure gate costs a case page read, second
 * reading: the case page's read on the application's own stack with the gate taken out.
 * It makes the same service calls as {@code CaseDossiers.open} — case, organisation,
 * referral, contributions with their grants, person, organisation names, participants,
 * consents, through the same JPA repositories, in one read-write transaction — and opens
 * every contribution, but asks no policy, works out no participation or consent coverage
 * and writes no disclosure rows (and so no Envers revision). Against it the ratio
 * measures what the privacy controls add to the read the application does anyway;
 * {@link BaselineCaseRead} (plain JDBC) measures the JPA read path as well.
 * <p>
 * {@link SealedContent} opens only for the gate, by design; this test-scope route takes
 * its ciphertext by reflection, as the gate would have opened it.
 */
final class SameStackBaseline {

	static final String PATH = "/api/v1/bench-baseline-stack/cases/{id}";

	private SameStackBaseline() {
	}

	static RouterFunction<ServerResponse> route(ApplicationContext app) {
		CaseFileService cases = app.getBean(CaseFileService.class);
		ContributionService contributions = app.getBean(ContributionService.class);
		PersonRegistry persons = app.getBean(PersonRegistry.class);
		ParticipationRegistry participation = app.getBean(ParticipationRegistry.class);
		ConsentRegistry consents = app.getBean(ConsentRegistry.class);
		OrganisationDirectory organisations = app.getBean(OrganisationDirectory.class);
		FieldCipher cipher = app.getBean(FieldCipher.class);
		TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		return RouterFunctions.route().GET(PATH, (request) -> {
			CaseId id = new CaseId(UUID.fromString(request.pathVariable("id")));
			Map<String, Object> body = transaction.execute((status) -> {
				CaseFacts facts = cases.facts(id).orElse(null);
				if (facts == null) {
					return null;
				}
				Organisation caseOrganisation = organisations.byId(facts.organisationId()).orElseThrow();
				CaseFileService.SealedReferral referral = cases.referral(id).orElse(null);
				List<DisclosableItem> items = contributions.items(facts.id());
				PersonSummary person = persons.summary(new PersonId(facts.personId())).orElseThrow();
				Map<String, String> names = organisations.all()
					.stream()
					.collect(Collectors.toMap(Organisation::code, Organisation::name));
				List<Map<String, Object>> timeline = new ArrayList<>();
				for (DisclosableItem item : items) {
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("id", item.id().toString());
					entry.put("holder", item.holder());
					entry.put("holderName", names.getOrDefault(item.holder(), item.holder()));
					entry.put("category", item.category().name());
					entry.put("createdAt", item.createdAt().toString());
					entry.put("content", (item.content() != null) ? open(item.content(), cipher) : null);
					timeline.add(entry);
				}
				Map<String, Object> page = new LinkedHashMap<>();
				page.put("id", facts.id().value().toString());
				page.put("reference", facts.reference());
				page.put("organisation", caseOrganisation.code());
				page.put("person", person.name());
				page.put("referral",
						(referral != null && referral.details() != null) ? open(referral.details(), cipher) : null);
				page.put("participants", participation.participants(facts.id()).size());
				page.put("consents", consents.onCase(facts.id()).size());
				page.put("timeline", timeline);
				return page;
			});
			return (body != null) ? ServerResponse.ok().body(body) : ServerResponse.notFound().build();
		}).build();
	}

	private static String open(SealedContent content, FieldCipher cipher) {
		try {
			return cipher.open((byte[]) CIPHERTEXT.get(content), (FieldBinding) BINDING.get(content));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final Field CIPHERTEXT = field("ciphertext");

	private static final Field BINDING = field("binding");

	private static Field field(String name) {
		try {
			Field field = SealedContent.class.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
