package nl.schakel.person;

import java.time.LocalDate;

/** A person to register, already validated: the BSN passed the eleven-test if given. */
public record NewPerson(String name, LocalDate dateOfBirth, Bsn bsn, String address) {
}
