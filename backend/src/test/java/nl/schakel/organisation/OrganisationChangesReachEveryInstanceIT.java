package nl.schakel.organisation;

import java.time.Instant;
import java.time.ZoneOffset;

import nl.schakel.support.IntegrationTest;
import nl.schakel.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each instance holds the organisations in memory. An organisation added through one
 * instance is in every other instance's list within seconds (the version row the table's
 * trigger bumps), not only once the other's snapshot ages out after half a minute.
 */
@IntegrationTest
class OrganisationChangesReachEveryInstanceIT {

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOrganisationAddedThroughOneInstanceIsListedByAnotherWellBeforeItsSnapshotAgesOut() {
		MutableClock clock = new MutableClock(Instant.now(), ZoneOffset.UTC);
		OrganisationDirectory first = new OrganisationDirectory(this.organisations, clock, this.jdbc);
		OrganisationDirectory second = new OrganisationDirectory(this.organisations, clock, this.jdbc);
		String code = "gemeente-" + System.nanoTime();
		assertThat(first.all()).extracting(Organisation::code).doesNotContain(code);
		assertThat(second.all()).extracting(Organisation::code).doesNotContain(code);
		clock.advance(OrganisationDirectory.VERSION_CHECK);
		assertThat(second.all()).as("a version check with nothing changed")
			.extracting(Organisation::code)
			.doesNotContain(code);

		this.organisations.save(new Organisation(code, "Gemeente Elders", Domain.MUNICIPAL));
		clock.advance(OrganisationDirectory.VERSION_CHECK);

		assertThat(OrganisationDirectory.VERSION_CHECK.multipliedBy(2)).isLessThan(OrganisationDirectory.MAX_AGE);
		assertThat(second.all()).as("seen by the other instance at its next version check")
			.extracting(Organisation::code)
			.contains(code);
	}

}
