/**
 * Technical: encryption at rest for what hurts most — sealed fields bound to their row
 * and column ({@link nl.schakel.crypto.FieldCipher}), keyed blind indexes for exact
 * lookup of identifiers such as the BSN ({@link nl.schakel.crypto.BlindIndex}), and the
 * Tink keysets behind both ({@link nl.schakel.crypto.Keysets}). Depends on no feature.
 */
@ApplicationModule(displayName = "Crypto", allowedDependencies = {})
package nl.schakel.crypto;

import org.springframework.modulith.ApplicationModule;
