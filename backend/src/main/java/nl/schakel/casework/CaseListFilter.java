package nl.schakel.casework;

import java.time.LocalDate;

import nl.schakel.casefile.CaseFilter;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The case list's filter as the page and the API take it: reference, status, case type,
 * period.
 */
class CaseListFilter {

	private String reference;

	private CaseStatus status;

	private CaseType caseType;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate openedFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate openedUntil;

	CaseFilter toFilter() {
		return new CaseFilter(this.reference, this.status, this.caseType, this.openedFrom, this.openedUntil);
	}

	public String getReference() {
		return this.reference;
	}

	public void setReference(String reference) {
		this.reference = (reference == null || reference.length() <= 40) ? reference : reference.substring(0, 40);
	}

	public CaseStatus getStatus() {
		return this.status;
	}

	public void setStatus(CaseStatus status) {
		this.status = status;
	}

	public CaseType getCaseType() {
		return this.caseType;
	}

	public void setCaseType(CaseType caseType) {
		this.caseType = caseType;
	}

	public LocalDate getOpenedFrom() {
		return this.openedFrom;
	}

	public void setOpenedFrom(LocalDate openedFrom) {
		this.openedFrom = openedFrom;
	}

	public LocalDate getOpenedUntil() {
		return this.openedUntil;
	}

	public void setOpenedUntil(LocalDate openedUntil) {
		this.openedUntil = openedUntil;
	}

}
