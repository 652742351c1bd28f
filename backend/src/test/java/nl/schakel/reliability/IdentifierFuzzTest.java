package nl.schakel.reliability;

import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import nl.schakel.person.Bsn;
import nl.schakel.person.ValidBsn;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyFiles;
import nl.schakel.policy.PolicyLoader;
import nl.schakel.policy.Purpose;
import nl.schakel.policy.PurposeBinding;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the identifiers people and clients type: a BSN (search,
 * register case, subject access) and the {@code X-Purpose} header. Each is accepted
 * exactly when it is well-formed and otherwise refused the way the application answers
 * with a 400 — never with another exception. Regression inputs live under
 * {@code src/test/resources/nl/schakel/reliability/IdentifierFuzzTestInputs/}.
 */
class IdentifierFuzzTest {

	private static final Policy POLICY = new PolicyLoader(PolicyFiles.of(PolicyLoaderFuzzTest.SHIPPED)).load();

	private static final PurposeBinding PURPOSES = new PurposeBinding(POLICY);

	private static final ValidBsn.Validator VALIDATOR = new ValidBsn.Validator();

	@FuzzTest(maxDuration = "30s")
	void aBsnIsAcceptedExactlyWhenItsNineDigitsPassTheElevenTest(FuzzedDataProvider data) {
		String text = data.consumeRemainingAsString();
		Optional<Bsn> bsn = Bsn.parse(text);
		String digits = text.replace(" ", "").replace(".", "");
		assertThat(bsn.isPresent()).as("parsed %s", escaped(text)).isEqualTo(elevenTest(digits));
		assertThat(VALIDATOR.isValid(text, null)).isEqualTo(text.isBlank() || bsn.isPresent());
		bsn.ifPresent((valid) -> {
			assertThat(valid.digits()).isEqualTo(digits);
			assertThat(valid.toString()).doesNotContain(digits);
		});
	}

	@FuzzTest(maxDuration = "30s")
	void aPurposeHeaderNamesAKnownPurposeOrIsRefusedNamingTheHeader(FuzzedDataProvider data) {
		String header = data.consumeRemainingAsString();
		try {
			Purpose purpose = PURPOSES.resolve(header);
			assertThat(POLICY.purpose(purpose.code())).isPresent();
			assertThat(purpose.code()).isEqualTo(header.strip());
		}
		catch (InvalidInput ex) {
			assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly(PurposeBinding.HEADER);
		}
	}

	/**
	 * An independent statement of the eleven-test on ASCII digits, to compare against.
	 */
	static boolean elevenTest(String digits) {
		if (digits.length() != 9) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			sum += ((i < 8) ? (9 - i) : -1) * (c - '0');
		}
		return sum % 11 == 0 && !digits.equals("000000000");
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints()
			.forEach((c) -> out.append((c >= 0x20 && c < 0x7F) ? Character.toString(c) : String.format("\\u%04X", c)));
		return out.toString();
	}

}
