/**
 * Partner organisations (convenant partners) and the domain each belongs to: care, justice,
 * municipal or the safety house itself.
 */
package nl.schakel.organisation;
