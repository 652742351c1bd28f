package nl.schakel.consent;

/** How the person gave their consent. */
public enum EvidenceKind {

	/** A consent form the person signed. */
	SIGNED_FORM,
	/** Said to the professional, who wrote down what was said. */
	VERBAL,
	/** In writing other than the form: a letter, an e-mail, a message. */
	WRITTEN

}
