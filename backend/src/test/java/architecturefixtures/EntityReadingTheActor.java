package architecturefixtures;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import nl.schakel.security.CurrentActor;

/** An entity that asks the thread who is acting instead of being told. */
@Entity
public class EntityReadingTheActor {

	@Id
	private UUID id;

	private String changedBy;

	public void change() {
		this.changedBy = CurrentActor.require().username();
	}

}
