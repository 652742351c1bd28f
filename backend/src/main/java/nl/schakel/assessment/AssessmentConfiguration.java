package nl.schakel.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import nl.schakel.policy.PolicyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the assessment instrument and the intervention catalogue at start-up, from the
 * same place as the access policy; a file that does not validate stops the start.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AssessmentConfiguration.class);

	@Bean
	AssessmentInstrument assessmentInstrument(@Value("${schakel.policies.location:}") String location) {
		PolicyFiles files = files(location);
		AssessmentInstrument instrument = new AssessmentInstrumentLoader()
			.load(read(files, AssessmentInstrumentLoader.FILE), files.describe());
		log.info("Assessment instrument {} loaded from {} ({} domains)", instrument.version(), files.describe(),
				instrument.domains().size());
		return instrument;
	}

	/**
	 * The shipped catalogue: its follow-up months and barriers are in force; its
	 * interventions only fill an empty catalogue, which beheer keeps from then on
	 * ({@link CatalogueInForce}).
	 */
	@Bean
	InterventionCatalogue interventionCatalogue(AssessmentInstrument instrument,
			@Value("${schakel.policies.location:}") String location) {
		PolicyFiles files = files(location);
		InterventionCatalogue catalogue = new InterventionCatalogueLoader(instrument)
			.load(read(files, InterventionCatalogueLoader.FILE), files.describe());
		log.info("Intervention catalogue {} loaded from {} ({} interventions)", catalogue.version(), files.describe(),
				catalogue.interventions().size());
		return catalogue;
	}

	private static Optional<byte[]> read(PolicyFiles files, String file) {
		try {
			return files.read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + " in " + files.describe(), ex);
		}
	}

	/**
	 * The same places as the access policy: the configured location, ./policies, or the
	 * jar.
	 */
	static PolicyFiles files(String location) {
		ClassLoader classLoader = AssessmentConfiguration.class.getClassLoader();
		if (location != null && !location.isBlank()) {
			return PolicyFiles.at(location, classLoader);
		}
		Path local = Path.of("policies");
		if (Files.isRegularFile(local.resolve("access-policy.yaml"))) {
			return PolicyFiles.directory(local);
		}
		return PolicyFiles.classpath(classLoader, "policies/");
	}

}
