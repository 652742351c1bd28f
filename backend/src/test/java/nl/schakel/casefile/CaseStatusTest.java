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
		caseFile.close(CloseReason.GOALS_ACHIEVED, null, TODAY);
		assertThat(caseFile.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(caseFile.closedOn()).isEqualTo(TODAY);
		assertThat(caseFile.closeReason()).isEqualTo(CloseReason.GOALS_ACHIEVED);
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

	@Test
	void closingTakesAReasonNotABareStatusMove() {
		CaseFile caseFile = newCase();
		caseFile.moveTo(CaseStatus.TRIAGE, TODAY);
		caseFile.moveTo(CaseStatus.IN_CONSULTATION, TODAY);
		assertThatThrownBy(() -> caseFile.moveTo(CaseStatus.CLOSED, TODAY))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(caseFile.status()).isEqualTo(CaseStatus.IN_CONSULTATION);
	}

	@Test
	void closedCaseRefusesEveryMoveAndTriageUntilReopened() {
		CaseFile caseFile = newCase();
		caseFile.moveTo(CaseStatus.TRIAGE, TODAY);
		caseFile.moveTo(CaseStatus.IN_CONSULTATION, TODAY);
		caseFile.close(CloseReason.PERSON_MOVED, "Verhuisd naar Groningen", TODAY);
		assertThatThrownBy(caseFile::requireOpenForWrites).isInstanceOf(CaseClosed.class);
		assertThatThrownBy(() -> caseFile.moveTo(CaseStatus.PLAN, TODAY)).isInstanceOf(CaseClosed.class);
		assertThatThrownBy(() -> caseFile.close(CloseReason.OTHER, "nogmaals", TODAY)).isInstanceOf(CaseClosed.class);
		assertThatThrownBy(() -> caseFile.decideTriage(TriageOutcome.ACCEPTED, null, TODAY))
			.isInstanceOf(CaseClosed.class);
	}

	@Test
	void reopenedCaseGoesBackIntoConsultationWithItsReason() {
		CaseFile caseFile = newCase();
		caseFile.moveTo(CaseStatus.TRIAGE, TODAY);
		caseFile.moveTo(CaseStatus.IN_CONSULTATION, TODAY);
		caseFile.moveTo(CaseStatus.PLAN, TODAY);
		caseFile.close(CloseReason.GOALS_ACHIEVED, null, TODAY);
		caseFile.reopen("Nieuwe signalen van de wijkagent", TODAY.plusDays(3));
		assertThat(caseFile.status()).isEqualTo(CaseStatus.IN_CONSULTATION);
		assertThat(caseFile.closedOn()).isNull();
		assertThat(caseFile.closeReason()).isNull();
		assertThat(caseFile.reopenedOn()).isEqualTo(TODAY.plusDays(3));
		assertThat(caseFile.reopenReason()).isEqualTo("Nieuwe signalen van de wijkagent");
		caseFile.requireOpenForWrites();
	}

	@Test
	void caseDeclinedAtTriageReopensIntoTriage() {
		CaseFile caseFile = newCase();
		caseFile.moveTo(CaseStatus.TRIAGE, TODAY);
		caseFile.decideTriage(TriageOutcome.DECLINED, "Geen casus voor het ZVH", TODAY);
		assertThat(caseFile.status()).isEqualTo(CaseStatus.CLOSED);
		assertThatThrownBy(caseFile::requireOpenForWrites).isInstanceOf(CaseClosed.class);
		caseFile.reopen("Aanvullende informatie", TODAY);
		assertThat(caseFile.status()).isEqualTo(CaseStatus.TRIAGE);
		assertThat(caseFile.triageOutcome()).isNull();
	}

	@Test
	void onlyAClosedCaseReopens() {
		CaseFile caseFile = newCase();
		assertThatThrownBy(() -> caseFile.reopen("waarom", TODAY)).isInstanceOf(StatusTransitionNotAllowed.class);
	}

}
