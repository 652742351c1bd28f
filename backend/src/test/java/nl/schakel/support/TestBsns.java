package nl.schakel.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh BSNs that pass the eleven-test, so tests never collide on a person another test
 * registered (a BSN identifies one person, and registering it again finds that person).
 */
public final class TestBsns {

	private TestBsns() {
	}

	public static String next() {
		while (true) {
			int[] digits = new int[9];
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				digits[i] = ThreadLocalRandom.current().nextInt(10);
				sum += (9 - i) * digits[i];
			}
			int last = sum % 11;
			if (last < 10 && digits[0] + digits[1] > 0) {
				digits[8] = last;
				StringBuilder bsn = new StringBuilder();
				for (int digit : digits) {
					bsn.append(digit);
				}
				return bsn.toString();
			}
		}
	}

}
