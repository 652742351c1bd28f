package nl.schakel.scale;

/**
 * The pool size of the test context with the several-instances settings, which the tests
 * of that context share (one context, not one per class).
 */
final class SeveralInstancesTestPool {

	static final int SIZE = 4;

	private SeveralInstancesTestPool() {
	}

}
