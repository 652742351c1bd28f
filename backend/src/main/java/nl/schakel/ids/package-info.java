/**
 * The identities features refer to each other by: a case, a person, a contribution, a
 * consent, an organisation's code. Shared by every module (declared in
 * {@code @Modulithic(sharedModules = …)}) so that a feature names another's aggregate by
 * a typed id without depending on that feature; plain records that depend on nothing but
 * the JDK.
 */
@ApplicationModule(displayName = "Identifiers", allowedDependencies = {})
package nl.schakel.ids;

import org.springframework.modulith.ApplicationModule;
