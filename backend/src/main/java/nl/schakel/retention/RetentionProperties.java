package nl.schakel.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code schakel.retention}: when the daily job runs, and how many days ahead the
 * coordinator sees what it will erase (time to extend, with a reason, for a pending legal
 * procedure).
 *
 * @param cron when the retention job runs (default 02:30 every day)
 * @param noticeDays how many days ahead a case due for erasure is listed
 */
@ConfigurationProperties("schakel.retention")
public record RetentionProperties(@DefaultValue("0 30 2 * * *") String cron, @DefaultValue("30") int noticeDays) {

	public RetentionProperties {
		if (noticeDays < 0) {
			throw new IllegalArgumentException("schakel.retention.notice-days must not be negative");
		}
	}

}
