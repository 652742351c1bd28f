package nl.schakel;

import architecturefixtures.ControllerWithARepository;
import architecturefixtures.EntityReadingTheActor;
import architecturefixtures.FieldInjected;
import architecturefixtures.ServiceReadingThePurposeFromTheRequest;
import architecturefixtures.UnsealsBesideTheGate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import nl.schakel.disclosure.WritesTheLogBesideTheGate;
import nl.schakel.ids.IdKnowingAFeature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rule that cannot fail protects nothing. Each rule of {@link ArchitectureTest} is
 * checked here against one fixture class that breaks it (and against nothing else), and
 * must refuse it by name.
 */
class ArchitectureRulesCanFailTest {

	@Test
	void unsealingContentBesideTheGateIsRefused() {
		assertRefuses(ArchitectureTest.onlyTheDisclosureGateUnsealsContent, UnsealsBesideTheGate.class);
	}

	@Test
	void aControllerTouchingARepositoryIsRefused() {
		assertRefuses(ArchitectureTest.controllersNeverTouchARepository, ControllerWithARepository.class);
	}

	@Test
	void fieldInjectionIsRefused() {
		assertRefuses(ArchitectureTest.noFieldInjection, FieldInjected.class);
	}

	@Test
	void anEntityAskingTheThreadWhoIsActingIsRefused() {
		assertRefuses(ArchitectureTest.noClassOutsideTheEdgeReadsTheThreadBoundActorOrPurpose,
				EntityReadingTheActor.class);
	}

	@Test
	void aUseCaseAskingTheRequestForItsPurposeIsRefused() {
		assertRefuses(ArchitectureTest.noClassOutsideTheEdgeReadsTheThreadBoundActorOrPurpose,
				ServiceReadingThePurposeFromTheRequest.class);
	}

	@Test
	void aSecondWriterOfTheDisclosureLogIsRefused() {
		assertRefuses(ArchitectureTest.disclosuresAreWrittenOnlyByTheGateAndTheLog, WritesTheLogBesideTheGate.class);
	}

	@Test
	void aTypedIdThatKnowsAFeatureIsRefused() {
		assertRefuses(ArchitectureTest.theTypedIdsDependOnNothingButTheJdk, IdKnowingAFeature.class);
	}

	private static void assertRefuses(ArchRule rule, Class<?> fixture) {
		JavaClasses fixtureOnly = new ClassFileImporter().importClasses(fixture);
		// named in the message: refused for what the fixture does, not for finding
		// nothing to check
		assertThatThrownBy(() -> rule.check(fixtureOnly)).isInstanceOf(AssertionError.class)
			.hasMessageContaining(fixture.getName())
			.hasMessageNotContaining("failed to check any classes");
	}

}
