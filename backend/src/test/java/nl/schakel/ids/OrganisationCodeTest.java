package nl.schakel.ids;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class OrganisationCodeTest {

	@Test
	void aCodeIsOneToSixtyFourCharactersAsTheColumnHoldsThem() {
		assertThat(new OrganisationCode("zvh-midden").value()).isEqualTo("zvh-midden");
		assertThat(new OrganisationCode("x".repeat(64)).value()).hasSize(64);
		assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationCode("x".repeat(65)));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrganisationCode(" "));
		assertThatNullPointerException().isThrownBy(() -> new OrganisationCode(null));
	}

	@Test
	void inputThatCouldNameNoOrganisationIsToldApartWithoutAnException() {
		assertThat(OrganisationCode.isWellFormed("ggz-midden")).isTrue();
		assertThat(OrganisationCode.isWellFormed("x".repeat(65))).isFalse();
		assertThat(OrganisationCode.isWellFormed("")).isFalse();
		assertThat(OrganisationCode.isWellFormed(null)).isFalse();
	}

}
