package nl.schakel.retention;

/**
 * Why a case is erased: its retention period ran out, or the person asked (AVG art. 17).
 */
public enum ErasureKind {

	RETENTION_DUE, PERSON_REQUEST;

	static ErasureKind parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String normalised = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
		for (ErasureKind kind : values()) {
			if (kind.name().equals(normalised)) {
				return kind;
			}
		}
		return null;
	}

}
