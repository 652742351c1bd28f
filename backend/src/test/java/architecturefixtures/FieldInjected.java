package architecturefixtures;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Autowired;

/** A dependency injected into a field: hidden from the constructor and never final. */
public class FieldInjected {

	@Autowired
	private Clock clock;

	public Clock clock() {
		return this.clock;
	}

}
