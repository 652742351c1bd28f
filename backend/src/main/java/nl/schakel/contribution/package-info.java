/**
 * Contributions (inbreng): information one professional adds to a case, with its data
 * category, legal basis and audience. The text is sealed on the way in; reading it is the
 * disclosure gate's business.
 */
package nl.schakel.contribution;
