package nl.schakel.contribution;

/** The author is not admitted to this case for the purpose named. */
public class NotAParticipant extends RuntimeException {

	NotAParticipant() {
		super("Not admitted to this case for this purpose");
	}

}
