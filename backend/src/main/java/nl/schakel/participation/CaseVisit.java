package nl.schakel.participation;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * When a professional last opened a case: the mark from which "new since your last visit"
 * counts.
 */
@Entity
@Table(name = "case_visit")
class CaseVisit {

	@EmbeddedId
	private Key key;

	private Instant visitedAt;

	protected CaseVisit() {
	}

	CaseVisit(String username, UUID caseId, Instant visitedAt) {
		this.key = new Key(username, caseId);
		this.visitedAt = visitedAt;
	}

	void visitedAt(Instant at) {
		this.visitedAt = at;
	}

	UUID caseId() {
		return this.key.caseId;
	}

	Instant visitedAt() {
		return this.visitedAt;
	}

	@Embeddable
	record Key(String username, UUID caseId) implements Serializable {
	}

}
