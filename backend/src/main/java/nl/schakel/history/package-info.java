/**
 * The change history: Envers revisions that record who changed case data, for which
 * organisation, under which purpose, in which request and policy version.
 */
package nl.schakel.history;
