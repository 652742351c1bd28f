package nl.schakel.notification;

/**
 * What a notification says happened; its text comes from the message bundles
 * ({@code notification.kind.*}).
 */
public enum NotificationKind {

	ADMITTED_TO_CASE, DISCLOSURE_REQUEST_RECEIVED, DISCLOSURE_REQUEST_ANSWERED, CONTRIBUTION_ADDED,
	REQUEST_DEADLINE_NEAR, REQUEST_DEADLINE_PASSED, ACTION_ASSIGNED, ACTION_OVERDUE, MEETING_SCHEDULED, MEETING_CHANGED,
	CASE_DATA_RECTIFIED, FOLLOW_UP_DUE, FOLLOW_UP_OVERDUE

}
