/**
 * The disclosure gate and the disclosure log: the one way to read case content. Every read
 * names a purpose, is decided by the policy, and is recorded — granted or denied — in the
 * same transaction before any content is unsealed.
 */
package nl.schakel.disclosure;
