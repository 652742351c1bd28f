package nl.schakel.casework;

/**
 * The result of opening a case: either the dossier, or nothing — the same answer whether
 * the case does not exist or the reader may not know of it. The denial is recorded either
 * way.
 */
public sealed interface CaseOpening {

	record Visible(CaseDossier dossier) implements CaseOpening {
	}

	record NotVisible() implements CaseOpening {
	}

}
