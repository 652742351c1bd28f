package nl.schakel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each feature package is an application module; its {@code package-info.java} names the
 * modules it may use. Read from the compiled classes, no Spring context.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(SchakelApplication.class);

	/** Where the committed module documentation lives, relative to the backend module. */
	static final Path COMMITTED = Path.of("..", "docs", "modules");

	/**
	 * Where the build writes it; {@code -Dmodules.docs=../docs/modules} regenerates the
	 * committed copy.
	 */
	static final Path GENERATED = Path.of(System.getProperty("modules.docs", "target/modules"));

	@Test
	void modulesUseOnlyTheModulesTheyDeclareAndFormNoCycles() {
		MODULES.verify();
	}

	@Test
	void everyFeaturePackageIsAModule() {
		assertThat(MODULES.stream().map((module) -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"audit", "casefile", "casework", "consent", "contribution", "disclosure", "history", "organisation",
				"participation", "person", "policy", "security", "crypto", "web", "database", "administration",
				"register", "notification", "plan", "meeting", "assessment", "retention", "professional", "ids");
	}

	@Test
	void theTypedIdsAreSharedByEveryModule() {
		assertThat(MODULES.getSharedModules()).extracting((module) -> module.getIdentifier().toString())
			.containsExactly("ids");
	}

	@Test
	void writesTheModuleDocumentation() throws IOException {
		Files.createDirectories(GENERATED);
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(GENERATED.resolve("components.puml")).exists();
	}

	@Test
	void theCommittedModuleDiagramMatchesTheCode() throws IOException {
		Path generated = Files.createTempDirectory("modules");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml();
		// the order of components and relations is not stable between runs; their set is
		assertThat(sortedLines(COMMITTED.resolve("components.puml")))
			.as("docs/modules is stale; regenerate it as docs/ARCHITECTURE.md describes")
			.isEqualTo(sortedLines(generated.resolve("components.puml")));
		try (Stream<Path> files = Files.list(generated)) {
			files.forEach((file) -> file.toFile().delete());
		}
		Files.deleteIfExists(generated);
	}

	static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

}
