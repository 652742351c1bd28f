package nl.schakel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape of the code: package by feature, features free of cycles, technical packages free of features. */
@AnalyzeClasses(packages = "nl.schakel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	static final String[] TECHNICAL = { "nl.schakel.security..", "nl.schakel.web..", "nl.schakel.crypto..",
			"nl.schakel.database.." };

	static final String[] FEATURES = { "nl.schakel.casefile..", "nl.schakel.person..", "nl.schakel.organisation..",
			"nl.schakel.history..", "nl.schakel.policy..", "nl.schakel.contribution..", "nl.schakel.disclosure..",
			"nl.schakel.access..", "nl.schakel.consent..", "nl.schakel.participation..", "nl.schakel.audit.." };

	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().matching("nl.schakel.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule technicalPackagesDependOnNoFeature = noClasses().that()
		.resideInAnyPackage(TECHNICAL)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FEATURES)
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule controllersNeverTouchAnotherFeaturesRepository = noClasses().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Repository.class)
		.because("controllers go through their feature's service, which owns transactions and rules");

	@ArchTest
	static final ArchRule onlyTheDisclosureGateDecryptsContent = noClasses().that()
		.resideOutsideOfPackages("nl.schakel.disclosure..", "nl.schakel.crypto..")
		.should()
		.callMethod(FieldCipher.class, "open", byte[].class, FieldBinding.class)
		.orShould()
		.callMethod(FieldCipher.class, "reseal", byte[].class, FieldBinding.class)
		.because("content is unsealed only by the gate, after its disclosure is recorded");

	@ArchTest
	static final ArchRule disclosuresAreWrittenOnlyByTheGate = noClasses().that()
		.resideOutsideOfPackage("nl.schakel.disclosure..")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("nl.schakel.disclosure.Disclosures");

	@ArchTest
	static final ArchRule noFieldInjection = noFields().should()
		.beAnnotatedWith(Autowired.class)
		.because("constructor injection keeps dependencies explicit and fields final");

}
