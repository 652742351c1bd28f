package nl.schakel.contribution;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the holder of an item has to answer a disclosure request: a number of working
 * days (Monday to Friday; public holidays are not known here) after the day it was asked.
 *
 * @param deadlineWorkingDays working days to answer in, from 1 to 60
 */
@ConfigurationProperties("schakel.disclosure-requests")
public record RequestDeadlines(@DefaultValue("5") int deadlineWorkingDays) {

	public RequestDeadlines {
		if (deadlineWorkingDays < 1 || deadlineWorkingDays > 60) {
			throw new IllegalArgumentException(
					"schakel.disclosure-requests.deadline-working-days must be from 1 to 60, not "
							+ deadlineWorkingDays);
		}
	}

	/** The last day to answer a request made on this day. */
	public LocalDate dueFor(LocalDate askedOn) {
		return addWorkingDays(askedOn, this.deadlineWorkingDays);
	}

	/**
	 * The day that lies this many working days after the given one (a negative count goes
	 * back).
	 */
	public static LocalDate addWorkingDays(LocalDate from, int days) {
		LocalDate day = from;
		int step = (days < 0) ? -1 : 1;
		for (int left = Math.abs(days); left > 0;) {
			day = day.plusDays(step);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	public static boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
