/**
 * Classes that break one architecture rule each, so that {@code ArchitectureTest} can
 * show every rule is able to fail. Outside {@code nl.schakel} on purpose: the
 * application's component and entity scans must never pick them up.
 */
package architecturefixtures;
