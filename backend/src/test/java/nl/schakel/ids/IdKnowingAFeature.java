package nl.schakel.ids;

import java.util.UUID;

import nl.schakel.casefile.CaseStatus;

/**
 * Not a test: a typed id that knows a feature's type, for {@code ArchitectureTest} to
 * show that its rule catches it. It must live in the ids' package, which the rule
 * watches.
 */
public record IdKnowingAFeature(UUID value, CaseStatus status) {

}
