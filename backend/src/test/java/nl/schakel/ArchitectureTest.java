package nl.schakel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.security.CurrentActor;
import nl.schakel.web.RequestContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code: package by feature, features free of cycles, technical packages
 * free of features, and the privacy rules no module boundary can express. Which module
 * may use which is declared in each {@code package-info.java} and verified by
 * {@link ModularityTests}; that each rule here is able to fail is shown by
 * {@link ArchitectureRulesCanFailTest}.
 */
@AnalyzeClasses(packages = "nl.schakel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	static final String[] TECHNICAL = { "nl.schakel.security..", "nl.schakel.web..", "nl.schakel.crypto..",
			"nl.schakel.database.." };

	static final String[] FEATURES = { "nl.schakel.assessment..", "nl.schakel.audit..", "nl.schakel.casefile..",
			"nl.schakel.casework..", "nl.schakel.consent..", "nl.schakel.contribution..", "nl.schakel.disclosure..",
			"nl.schakel.history..", "nl.schakel.notification..", "nl.schakel.organisation..",
			"nl.schakel.participation..", "nl.schakel.person..", "nl.schakel.policy..", "nl.schakel.meeting..",
			"nl.schakel.plan..", "nl.schakel.administration..", "nl.schakel.register..", "nl.schakel.retention..",
			"nl.schakel.professional.." };

	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().matching("nl.schakel.(*)..")
		.should()
		.beFreeOfCycles()
		.allowEmptyShould(false);

	@ArchTest
	static final ArchRule technicalPackagesDependOnNoFeature = noClasses().that()
		.resideInAnyPackage(TECHNICAL)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FEATURES)
		.allowEmptyShould(false);

	/*
	 * Every module may use the typed ids (they are Spring Modulith's shared module), so
	 * they must use nothing of any module in return: a dependency from here would reach
	 * every feature at once. (Its package-info names the module for Spring Modulith.)
	 */
	@ArchTest
	static final ArchRule theTypedIdsDependOnNothingButTheJdk = classes().that()
		.resideInAPackage("nl.schakel.ids..")
		.and()
		.doNotHaveSimpleName("package-info")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "nl.schakel.ids..")
		.because("the ids are shared by every module and so may know none of them")
		.allowEmptyShould(false);

	@ArchTest
	static final ArchRule controllersNeverTouchARepository = noClasses().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Repository.class)
		.because("controllers go through their feature's service, which owns transactions and rules")
		.allowEmptyShould(false);

	@ArchTest
	static final ArchRule onlyTheDisclosureGateUnsealsContent = noClasses().that()
		.resideOutsideOfPackages("nl.schakel.disclosure..", "nl.schakel.crypto..")
		.should()
		.callMethod(FieldCipher.class, "open", byte[].class, FieldBinding.class)
		.orShould()
		.callMethod(FieldCipher.class, "reseal", byte[].class, FieldBinding.class)
		.because("content is unsealed only by the gate, after its disclosure is recorded")
		.allowEmptyShould(false);

	/*
	 * The log's repository is package-private, so the compiler already keeps other
	 * packages out; what it cannot keep out is a second writer inside the disclosure
	 * package, beside the gate and the log.
	 */
	@ArchTest
	static final ArchRule disclosuresAreWrittenOnlyByTheGateAndTheLog = noClasses().that()
		.doNotHaveFullyQualifiedName("nl.schakel.disclosure.DisclosureGate")
		.and()
		.doNotHaveFullyQualifiedName("nl.schakel.disclosure.DisclosureLog")
		.and()
		.doNotHaveFullyQualifiedName("nl.schakel.disclosure.Disclosures")
		.should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("nl.schakel.disclosure.Disclosures")
		.because("a disclosure is recorded by the gate or the log, in the transaction of the read it records")
		.allowEmptyShould(false);

	@ArchTest
	static final ArchRule noFieldInjection = noFields().should()
		.beAnnotatedWith(Autowired.class)
		.because("constructor injection keeps dependencies explicit and fields final")
		.allowEmptyShould(false);

	/*
	 * Who acts and for which purpose is resolved once at the edge, in security/ and web/,
	 * and passed as an Access into the use cases and the gate. Three classes outside
	 * those packages touch the request's thread, and are named here: PurposeBinding (an
	 * HTTP interceptor that lives beside the policy it validates against) writes the
	 * validated X-Purpose into the request's context, and PolicyVersionStamp (a servlet
	 * filter) the policy in force, both for the change history; the Envers
	 * RevisionContextListener reads what the request bound, because Hibernate
	 * instantiates and calls it itself and nothing can pass it an argument. Work no
	 * request starts (ScheduledWork, the demo seeding) opens its own edge through
	 * RequestContext.runAs..., which reads nothing.
	 */
	@ArchTest
	static final ArchRule noClassOutsideTheEdgeReadsTheThreadBoundActorOrPurpose = noClasses().that()
		.resideOutsideOfPackages("nl.schakel.security..", "nl.schakel.web..")
		.and()
		.doNotHaveFullyQualifiedName("nl.schakel.policy.PurposeBinding")
		.and()
		.doNotHaveFullyQualifiedName("nl.schakel.policy.PolicyVersionStamp")
		.and()
		.doNotHaveFullyQualifiedName("nl.schakel.history.RevisionContextListener")
		.should()
		.dependOnClassesThat()
		.belongToAnyOf(CurrentActor.class, SecurityContextHolder.class, RequestContextHolder.class)
		.orShould()
		.callMethod(RequestContext.class, "current")
		.orShould()
		.callMethod(RequestContext.class, "whoActs")
		.because("who acts, and for which purpose, is passed in by the caller as an Access; code that asks "
				+ "the thread works only inside a request and hides what it depends on")
		.allowEmptyShould(false);

}
