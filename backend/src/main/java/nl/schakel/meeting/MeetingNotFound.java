package nl.schakel.meeting;

/** No such meeting, or not one of the reader's: the same answer for both. */
public class MeetingNotFound extends RuntimeException {

	public MeetingNotFound() {
		super("No such meeting");
	}

}
