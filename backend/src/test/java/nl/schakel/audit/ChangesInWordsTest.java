package nl.schakel.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangesInWordsTest {

	@Test
	void aNamedProfessionalArrivesWholeEvenWithQuotesAndCommasInTheName() {
		assertThat(ChangesInWords.array("{jansen,\"<img/src=x>\\\"a, b\\\\c\"}")).containsExactly("jansen",
				"<img/src=x>\"a, b\\c");
	}

	@Test
	void anEmptyOrMissingArrayNamesNobody() {
		assertThat(ChangesInWords.array("{}")).isEmpty();
		assertThat(ChangesInWords.array(null)).isEmpty();
	}

}
