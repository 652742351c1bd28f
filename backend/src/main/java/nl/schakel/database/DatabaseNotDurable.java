package nl.schakel.database;

/** The database may lose commits it has acknowledged; Schakel does not start on it. */
class DatabaseNotDurable extends RuntimeException {

	DatabaseNotDurable(String reason) {
		super(reason);
	}

}
