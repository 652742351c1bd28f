package nl.schakel;

import java.time.Clock;
import java.time.ZoneId;
import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/*
 * The typed ids are the one module every other may use: a feature names another's
 * aggregate by its id without depending on that feature.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "ids")
public class SchakelApplication {

	/**
	 * Where the users are: pages show times in Dutch time; the API and the database keep
	 * UTC.
	 */
	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
		SpringApplication.run(SchakelApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

}
