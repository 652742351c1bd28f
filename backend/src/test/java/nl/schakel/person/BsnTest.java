package nl.schakel.person;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BsnTest {

	@Test
	void numberThatPassesTheElevenTestIsABsn() {
		assertThat(Bsn.parse("111222333")).isPresent();
		assertThat(Bsn.parse("123456782")).isPresent();
	}

	@Test
	void spacesAndDotsAreIgnored() {
		assertThat(Bsn.parse("1112.22.333")).contains(Bsn.parse("111222333").orElseThrow());
		assertThat(Bsn.parse(" 111 222 333 ")).isPresent();
	}

	@Test
	void numberThatFailsTheElevenTestIsRejected() {
		assertThat(Bsn.parse("111222334")).isEmpty();
		assertThat(Bsn.parse("123456789")).isEmpty();
	}

	@Test
	void wrongLengthLettersAndZerosAreRejected() {
		assertThat(Bsn.parse("11122233")).isEmpty();
		assertThat(Bsn.parse("1112223330")).isEmpty();
		assertThat(Bsn.parse("11122233a")).isEmpty();
		assertThat(Bsn.parse("000000000")).isEmpty();
		assertThat(Bsn.parse(null)).isEmpty();
	}

	@Test
	void textFormNeverShowsTheNumber() {
		Bsn bsn = Bsn.parse("111222333").orElseThrow();
		assertThat(bsn.toString()).doesNotContain("111").doesNotContain("333");
	}

}
