package nl.schakel.person;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface Persons extends Repository<Person, UUID> {

	Optional<Person> findById(UUID id);

	Optional<Person> findByBsnIndex(String bsnIndex);

	List<Person> findAllByIdIn(Collection<UUID> ids);

	Person save(Person person);

}
