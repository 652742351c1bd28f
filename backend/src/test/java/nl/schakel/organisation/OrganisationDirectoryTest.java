package nl.schakel.organisation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisations the read paths see: from memory, but never older than half a minute.
 */
class OrganisationDirectoryTest {

	private final CountingOrganisations table = new CountingOrganisations();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

	private final OrganisationDirectory directory = new OrganisationDirectory(this.table, this.clock);

	@Test
	void readsTheTableOnceForManyLookups() {
		Organisation ggz = this.table.save(new Organisation("ggz-midden", "GGZ Midden", Domain.CARE));
		this.table.save(new Organisation("politie-midden", "Politie Midden", Domain.JUSTICE));

		for (int i = 0; i < 100; i++) {
			assertThat(this.directory.byCode("ggz-midden")).containsSame(ggz);
			assertThat(this.directory.byId(ggz.id().value())).containsSame(ggz);
		}
		assertThat(this.directory.all()).extracting(Organisation::code).containsExactly("ggz-midden", "politie-midden");
		assertThat(this.table.reads).isEqualTo(1);
	}

	@Test
	void anUnknownCodeReadsTheTableAgainSoANewOrganisationIsSeenAtOnce() {
		this.table.save(new Organisation("ggz-midden", "GGZ Midden", Domain.CARE));
		assertThat(this.directory.byCode("gemeente-utrecht")).isEmpty();

		Organisation added = this.table
			.save(new Organisation("gemeente-utrecht", "Gemeente Utrecht", Domain.MUNICIPAL));

		assertThat(this.directory.byCode("gemeente-utrecht")).containsSame(added);
	}

	@Test
	void aChangedOrganisationIsSeenOnceTheSnapshotIsOlderThanItsMaximumAge() {
		this.table.save(new Organisation("ggz-midden", "GGZ Midden", Domain.CARE));
		assertThat(this.directory.byCode("ggz-midden")).map(Organisation::name).contains("GGZ Midden");
		this.table.rows.clear();
		this.table.save(new Organisation("ggz-midden", "GGZ Midden-Nederland", Domain.CARE));

		this.clock.advance(OrganisationDirectory.MAX_AGE);
		assertThat(this.directory.byCode("ggz-midden")).map(Organisation::name).contains("GGZ Midden");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.directory.byCode("ggz-midden")).map(Organisation::name).contains("GGZ Midden-Nederland");
	}

	private static final class CountingOrganisations implements Organisations {

		final List<Organisation> rows = new ArrayList<>();

		int reads;

		@Override
		public Optional<Organisation> findByCode(String code) {
			throw new AssertionError("the directory reads the whole table");
		}

		@Override
		public Optional<Organisation> findById(UUID id) {
			throw new AssertionError("the directory reads the whole table");
		}

		@Override
		public List<Organisation> findAllByOrderByNameAsc() {
			this.reads++;
			return this.rows.stream().sorted(Comparator.comparing(Organisation::name)).toList();
		}

		@Override
		public Organisation save(Organisation organisation) {
			this.rows.add(organisation);
			return organisation;
		}

	}

}
