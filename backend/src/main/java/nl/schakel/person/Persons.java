package nl.schakel.person;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface Persons extends Repository<Person, UUID> {

	Optional<Person> findById(UUID id);

	Optional<Person> findByBsnIndex(String bsnIndex);

	@org.springframework.data.jpa.repository.Query("select p from Person p where lower(p.name) = lower(:name) and p.dateOfBirth = :dateOfBirth")
	List<Person> findByNameAndDateOfBirth(String name, java.time.LocalDate dateOfBirth);

	Person save(Person person);

}
