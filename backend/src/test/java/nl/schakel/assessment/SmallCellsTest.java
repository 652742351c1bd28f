package nl.schakel.assessment;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCellsTest {

	@Test
	void aRowOfFewerThanTenCasesShowsNoFigures() {
		assertThat(SmallCells.rowShown(9)).isFalse();
		assertThat(SmallCells.rowShown(10)).isTrue();
	}

	@Test
	void aCountIsHiddenWhenItOrTheRestOfItsRowIsBelowTen() {
		assertThat(SmallCells.count(4, 30)).isNull();
		assertThat(SmallCells.count(26, 30)).as("all but 4 reveals the 4").isNull();
		assertThat(SmallCells.count(0, 30)).as("none of them is a statement about every case").isNull();
		assertThat(SmallCells.count(15, 30)).isEqualTo(15L);
		assertThat(SmallCells.count(10, 20)).isEqualTo(10L);
	}

	@Test
	void thePartsOfAWholeAreShownTogetherOrNotAtAllSoNoneFollowsBySubtraction() {
		assertThat(SmallCells.partition(40, List.of(20L, 15L, 5L))).containsExactly(null, null, null);
		assertThat(SmallCells.partition(40, List.of(20L, 10L, 10L))).containsExactly(20L, 10L, 10L);
		assertThat(SmallCells.partition(12, List.of(11L, 0L, 1L))).isEqualTo(Arrays.asList(null, null, null));
	}

	@Test
	void anAverageNeedsTenCases() {
		assertThat(SmallCells.average(90, 9)).isNull();
		assertThat(SmallCells.average(100, 10)).isEqualTo(10.0);
	}

}
