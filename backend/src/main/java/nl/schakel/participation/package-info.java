/**
 * Participation (deelname): which partner organisations, and optionally which of their
 * professionals, are admitted to a case, for which purposes and until when.
 */
package nl.schakel.participation;
