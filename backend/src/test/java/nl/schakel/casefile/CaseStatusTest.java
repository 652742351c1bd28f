package nl.schakel.casefile;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseStatusTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

	private static CaseFile newCase() {
		return new CaseFile(123, UUID.randomUUID(), CaseType.RADICALISATION, "coordinator", UUID.randomUUID(), TODAY);
	}

	@Test
	void newCaseIsReferredWithAReadableReference() {
		CaseFile caseFile = newCase();
		assertThat(caseFile.status()).isEqualTo(CaseStatus.REFERRED);
		assertThat(caseFile.reference()).isEqualTo("ZVH-2026-000123");
	}

	@Test
	void caseWalksTheWholePathToClosure() {
		CaseFile caseFile = newCase();
		caseFile.moveTo(CaseStatus.TRIAGE, TODAY);
		caseFile.moveTo(CaseStatus.IN_CONSULTATION, TODAY);
		caseFile.moveTo(CaseStatus.PLAN, TODAY);
		caseFile.moveTo(CaseStatus.MONITORING, TODAY);
		assertThat(caseFile.closedOn()).isNull();
		caseFile.moveTo(CaseStatus.CLOSED, TODAY);
		assertThat(caseFile.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(caseFile.closedOn()).isEqualTo(TODAY);
	}

	@Test
	void referralCannotSkipTriage() {
		CaseFile caseFile = newCase();
		assertThatThrownBy(() -> caseFile.moveTo(CaseStatus.PLAN, TODAY))
			.isInstanceOf(StatusTransitionNotAllowed.class);
		assertThat(caseFile.status()).isEqualTo(CaseStatus.REFERRED);
	}

	@Test
	void closedCaseStaysClosed() {
		assertThat(CaseStatus.CLOSED.next()).isEmpty();
		for (CaseStatus status : CaseStatus.values()) {
			assertThat(CaseStatus.CLOSED.canMoveTo(status)).isFalse();
		}
	}

	@Test
	void monitoringCanEscalateBackIntoConsultation() {
		assertThat(CaseStatus.MONITORING.canMoveTo(CaseStatus.IN_CONSULTATION)).isTrue();
		assertThat(CaseStatus.PLAN.canMoveTo(CaseStatus.REFERRED)).isFalse();
	}

}
