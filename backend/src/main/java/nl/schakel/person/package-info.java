/**
 * Persons of concern: the minimum a case needs (name, date of birth, BSN, optional
 * address). The BSN is kept only as ciphertext bound to its row plus a keyed blind index.
 */
@ApplicationModule(displayName = "Person", allowedDependencies = { "crypto" })
package nl.schakel.person;

import org.springframework.modulith.ApplicationModule;
