package nl.schakel.contribution;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A request's deadline counts working days: weekends are skipped. */
class RequestDeadlinesTest {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

	@Test
	void fiveWorkingDaysFromAMondayIsTheNextMonday() {
		assertThat(new RequestDeadlines(5).dueFor(MONDAY)).isEqualTo(MONDAY.plusWeeks(1));
	}

	@Test
	void aRequestOnFridayOrAtTheWeekendCountsFromTheNextMonday() {
		LocalDate friday = MONDAY.plusDays(4);
		assertThat(new RequestDeadlines(1).dueFor(friday)).isEqualTo(MONDAY.plusWeeks(1));
		assertThat(new RequestDeadlines(1).dueFor(friday.plusDays(1))).isEqualTo(MONDAY.plusWeeks(1));
		assertThat(new RequestDeadlines(5).dueFor(friday.plusDays(2))).isEqualTo(MONDAY.plusWeeks(1).plusDays(4));
	}

	@Test
	void oneWorkingDayBeforeAMondayIsTheFriday() {
		assertThat(RequestDeadlines.addWorkingDays(MONDAY, -1)).isEqualTo(MONDAY.minusDays(3));
	}

	@Test
	void aDeadlineOfNoWorkingDaysIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestDeadlines(0))
			.withMessageContaining("deadline-working-days");
	}

}
