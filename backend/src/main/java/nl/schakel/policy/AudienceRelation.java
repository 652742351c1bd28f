package nl.schakel.policy;

/** How the reader relates to the audience the contributor chose for an item. */
public enum AudienceRelation {

	/** The reader belongs to the organisation that contributed the item. */
	AUTHOR_ORGANISATION,

	/** The reader's organisation or domain is in the item's audience. */
	IN_AUDIENCE,

	/** Neither. */
	OUTSIDE_AUDIENCE

}
