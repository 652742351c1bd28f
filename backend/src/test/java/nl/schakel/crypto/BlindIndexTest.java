package nl.schakel.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlindIndexTest {

	private final BlindIndex index = new BlindIndex(Keysets.generate());

	@Test
	void sameValueAlwaysGivesTheSameIndex() {
		assertThat(this.index.of("123456782")).isEqualTo(this.index.of("123456782"));
	}

	@Test
	void differentValuesGiveDifferentIndexes() {
		assertThat(this.index.of("123456782")).isNotEqualTo(this.index.of("123456783"));
	}

	@Test
	void anotherKeysetGivesAnotherIndexForTheSameValue() {
		assertThat(new BlindIndex(Keysets.generate()).of("123456782")).isNotEqualTo(this.index.of("123456782"));
	}

	@Test
	void indexIsTheFullHmacInHexAndDoesNotContainTheValue() {
		String bsnIndex = this.index.of("123456782");

		assertThat(bsnIndex).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("123456782");
	}

	@Test
	void valuesAreNotNormalisedHereSoCallersMustDoItFirst() {
		assertThat(this.index.of("123456782")).isNotEqualTo(this.index.of(" 123456782"));
	}

}
