package nl.schakel.disclosure;

/**
 * Not a test: a class that writes to the disclosure log without being the gate or the
 * log, for {@code ArchitectureTest} to show that its rule catches it. It must live here
 * because the log's repository is package-private; it is no bean, so no context ever
 * creates it.
 */
public class WritesTheLogBesideTheGate {

	private final Disclosures log;

	WritesTheLogBesideTheGate(Disclosures log) {
		this.log = log;
	}

	Disclosures log() {
		return this.log;
	}

}
