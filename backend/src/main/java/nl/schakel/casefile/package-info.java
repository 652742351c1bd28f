/**
 * Cases (casussen): one person of concern, one trajectory from referral to closure, steered by
 * a coordinator of the safety house.
 */
package nl.schakel.casefile;
