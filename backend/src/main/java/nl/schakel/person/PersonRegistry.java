package nl.schakel.person;

import java.util.List;
import java.util.Optional;

import nl.schakel.crypto.BlindIndex;
import nl.schakel.crypto.FieldBinding;
import nl.schakel.crypto.FieldCipher;
import nl.schakel.ids.PersonId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person feature's public face: registers persons of concern with their BSN sealed
 * and blind-indexed, and finds a person again by BSN without ever storing the number
 * itself.
 */
@Service
public class PersonRegistry {

	private final Persons persons;

	private final FieldCipher cipher;

	private final BlindIndex blindIndex;

	PersonRegistry(Persons persons, FieldCipher cipher, BlindIndex blindIndex) {
		this.persons = persons;
		this.cipher = cipher;
		this.blindIndex = blindIndex;
	}

	/**
	 * Registers the person, or returns the one already registered under the same BSN: one
	 * person, one record, however many referrals. A BSN registered under another name or
	 * date of birth is only taken as this person when the coordinator confirmed it;
	 * otherwise {@link BsnKnownUnderOtherDetails} says which details differ.
	 */
	@Transactional
	public PersonRegistration register(NewPerson newPerson, boolean samePersonConfirmed) {
		String name = PersonName.normalise(newPerson.name());
		if (newPerson.bsn() != null) {
			Optional<Person> known = this.persons.findByBsnIndex(indexOf(newPerson.bsn()));
			if (known.isPresent()) {
				List<BsnKnownUnderOtherDetails.Difference> differences = differences(known.get(), name,
						newPerson.dateOfBirth());
				if (differences.isEmpty()) {
					return new PersonRegistration(known.get().id(), false);
				}
				if (!samePersonConfirmed) {
					throw new BsnKnownUnderOtherDetails(differences);
				}
				return new PersonRegistration(known.get().id(), true);
			}
		}
		Person person = new Person(name, newPerson.dateOfBirth(), blankToNull(newPerson.address()));
		if (newPerson.bsn() != null) {
			byte[] sealed = this.cipher.seal(newPerson.bsn().digits(), bsnBinding(person.id()));
			person.recordBsn(sealed, indexOf(newPerson.bsn()));
		}
		return new PersonRegistration(this.persons.save(person).id(), false);
	}

	private static List<BsnKnownUnderOtherDetails.Difference> differences(Person known, String name,
			java.time.LocalDate dateOfBirth) {
		List<BsnKnownUnderOtherDetails.Difference> differences = new java.util.ArrayList<>();
		if (!PersonName.sameName(known.name(), name)) {
			differences.add(BsnKnownUnderOtherDetails.Difference.NAME);
		}
		if (!known.dateOfBirth().equals(dateOfBirth)) {
			differences.add(BsnKnownUnderOtherDetails.Difference.DATE_OF_BIRTH);
		}
		return differences;
	}

	/**
	 * Corrects a person's details on their request (AVG art. 16); what is {@code null}
	 * stays. The old values remain only in the change history ({@code person_aud}), which
	 * auditors read.
	 * @return whether the person exists
	 */
	@Transactional
	public boolean rectify(PersonId id, String name, java.time.LocalDate dateOfBirth, String address) {
		return this.persons.findById(id.value()).map((person) -> {
			person.rectify((name != null) ? PersonName.normalise(name) : null, dateOfBirth, address);
			return true;
		}).orElse(false);
	}

	@Transactional(readOnly = true)
	public Optional<PersonId> findByBsn(Bsn bsn) {
		return this.persons.findByBsnIndex(indexOf(bsn)).map(Person::id);
	}

	/** Exact match on name (ignoring case and surrounding spaces) and date of birth. */
	@Transactional(readOnly = true)
	public List<PersonId> findByNameAndDateOfBirth(String name, java.time.LocalDate dateOfBirth) {
		return this.persons.findByNameAndDateOfBirth(PersonName.normalise(name), dateOfBirth)
			.stream()
			.map(Person::id)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<PersonSummary> summary(PersonId id) {
		return this.persons.findById(id.value()).map(PersonRegistry::summarise);
	}

	private static PersonSummary summarise(Person person) {
		return new PersonSummary(person.id(), person.name(), person.dateOfBirth(), person.hasBsn());
	}

	private String indexOf(Bsn bsn) {
		return this.blindIndex.of(bsn.digits());
	}

	static FieldBinding bsnBinding(PersonId id) {
		return new FieldBinding(Person.TABLE, Person.BSN_COLUMN, id.value());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
