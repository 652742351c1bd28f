/**
 * The consent registry: a person's consent as an object, scoped to partners or domains,
 * data categories and purposes, valid for a period, and revocable at once.
 */
package nl.schakel.consent;
