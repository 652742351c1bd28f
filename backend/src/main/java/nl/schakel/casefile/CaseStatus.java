package nl.schakel.casefile;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. It moves forward from referral to closure; triage can end a case
 * (advice only, or declined), any later stage can close it, and monitoring can fall back
 * into consultation when the situation escalates again.
 */
public enum CaseStatus {

	REFERRED, TRIAGE, IN_CONSULTATION, PLAN, MONITORING, CLOSED;

	public Set<CaseStatus> next() {
		return switch (this) {
			case REFERRED -> EnumSet.of(TRIAGE);
			case TRIAGE -> EnumSet.of(IN_CONSULTATION, CLOSED);
			case IN_CONSULTATION -> EnumSet.of(PLAN, CLOSED);
			case PLAN -> EnumSet.of(MONITORING, CLOSED);
			case MONITORING -> EnumSet.of(IN_CONSULTATION, CLOSED);
			case CLOSED -> EnumSet.noneOf(CaseStatus.class);
		};
	}

	public boolean canMoveTo(CaseStatus target) {
		return next().contains(target);
	}

}
