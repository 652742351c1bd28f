package architecturefixtures;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller that reads a repository itself instead of going through its feature's
 * service.
 */
@RestController
public class ControllerWithARepository {

	interface Notes extends Repository<Object, UUID> {

		Optional<Object> findById(UUID id);

	}

	private final Notes notes;

	ControllerWithARepository(Notes notes) {
		this.notes = notes;
	}

	@GetMapping("/notes")
	Object note(UUID id) {
		return this.notes.findById(id).orElse(null);
	}

}
