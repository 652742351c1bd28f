package nl.schakel.person;

import java.time.LocalDate;

import nl.schakel.ids.PersonId;

/**
 * What a case page shows of a person: never the BSN itself, only whether one is
 * registered.
 */
public record PersonSummary(PersonId id, String name, LocalDate dateOfBirth, boolean bsnRegistered) {
}
