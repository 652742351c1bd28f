package nl.schakel.person;

import nl.schakel.ids.PersonId;

/**
 * The person a referral is for, and whether the coordinator confirmed that a person
 * registered under the same BSN with other details is this person.
 */
public record PersonRegistration(PersonId person, boolean confirmedDespiteDifferences) {
}
