package nl.schakel.reliability;

import java.util.Optional;

import java.util.SplittableRandom;

import nl.schakel.person.Bsn;
import nl.schakel.person.ValidBsn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BSN validation never throws on any input, accepts exactly the nine-digit numbers that
 * pass the eleven-test, and never shows the number in {@code toString()}. Each property
 * is checked on 10,000 generated inputs from a fixed seed ({@code -Dreliability.seed} to
 * vary it).
 */
class BsnPropertiesTest {

	static final int TRIES = 10_000;

	private final ValidBsn.Validator validator = new ValidBsn.Validator();

	private final SplittableRandom random = new SplittableRandom(Long.getLong("reliability.seed", 20261128L));

	@Test
	void anyTextEitherParsesToAnElevenTestNumberOrIsRefused() {
		for (int i = 0; i < TRIES; i++) {
			String text = (i % 2 == 0) ? PolicyLoaderPropertiesTest.randomText(this.random, this.random.nextInt(14))
					: digitsWithNoise();
			anyTextEitherParsesToAnElevenTestNumberOrIsRefused(text);
		}
	}

	@Test
	void nineDigitNumbersPassExactlyWhenTheElevenTestHolds() {
		for (int i = 0; i < TRIES; i++) {
			nineDigitNumbersPassExactlyWhenTheElevenTestHolds(digits(9));
		}
	}

	@Test
	void changingOneDigitOfAValidBsnMakesItInvalid() {
		int checked = 0;
		while (checked < TRIES) {
			String valid = withCheckDigit(digits(8));
			if (valid != null) {
				changingOneDigitOfAValidBsnMakesItInvalid(valid, this.random.nextInt(9), 1 + this.random.nextInt(9));
				checked++;
			}
		}
	}

	private String digits(int length) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < length; i++) {
			digits.append((char) ('0' + this.random.nextInt(10)));
		}
		return digits.toString();
	}

	/**
	 * Nine-ish digits with spaces, dots and the odd stray character, as people type them.
	 */
	private String digitsWithNoise() {
		StringBuilder text = new StringBuilder(digits(8 + this.random.nextInt(3)));
		for (int i = this.random.nextInt(4); i > 0; i--) {
			text.insert(this.random.nextInt(text.length() + 1), " .-x\u0000".charAt(this.random.nextInt(5)));
		}
		return text.toString();
	}

	private void anyTextEitherParsesToAnElevenTestNumberOrIsRefused(String text) {
		Optional<Bsn> bsn = Bsn.parse(text);
		assertThat(bsn.isPresent()).isEqualTo(elevenTest(text.replace(" ", "").replace(".", "")));
		assertThat(this.validator.isValid(text, null)).isEqualTo(text.isBlank() || bsn.isPresent());
	}

	private void nineDigitNumbersPassExactlyWhenTheElevenTestHolds(String digits) {
		Optional<Bsn> bsn = Bsn.parse(digits);
		assertThat(bsn.isPresent()).isEqualTo(elevenTest(digits));
		bsn.ifPresent((valid) -> {
			assertThat(valid.digits()).isEqualTo(digits);
			assertThat(valid.toString()).doesNotContain(digits);
		});
	}

	private void changingOneDigitOfAValidBsnMakesItInvalid(String digits, int position, int shift) {
		char[] changed = digits.toCharArray();
		changed[position] = (char) ('0' + ((changed[position] - '0' + shift) % 10));
		// the eleven-test catches every single-digit error
		assertThat(Bsn.parse(new String(changed))).isEmpty();
	}

	private static String withCheckDigit(String eight) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (9 - i) * (eight.charAt(i) - '0');
		}
		int check = sum % 11;
		if (check == 10 || (eight + check).equals("000000000")) {
			return null;
		}
		return eight + check;
	}

	/** An independent statement of the eleven-test, to compare against. */
	private static boolean elevenTest(String digits) {
		if (digits.length() != 9) {
			return false;
		}
		for (int i = 0; i < 9; i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (9 - i) * (digits.charAt(i) - '0');
		}
		sum -= digits.charAt(8) - '0';
		return sum % 11 == 0 && !digits.equals("000000000");
	}

}
