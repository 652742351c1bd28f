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
	void aBreakdownCellUnderTenIsHiddenAndSoIsItsSmallestNeighbourWhenTheHiddenCellsTogetherAreFewerThanTen() {
		// 13 + 10 + 2 of a row of 25: hiding only the 2 would let 25 - 13 - 10 reveal it
		assertThat(SmallCells.complementary(List.of(0L, 13L, 10L, 2L, 0L))).containsExactly(false, true, false, false,
				false);
		// hidden cells that already count ten together need no neighbour hidden
		assertThat(SmallCells.complementary(List.of(6L, 20L, 15L, 5L))).containsExactly(false, true, true, false);
		// every cell at least ten: all shown
		assertThat(SmallCells.complementary(List.of(10L, 12L))).containsExactly(true, true);
		// hidden zeros alone would say "all the others are here": the smallest shown
		// cell goes too
		assertThat(SmallCells.complementary(List.of(15L, 10L, 0L))).containsExactly(true, false, false);
	}

	@Test
	void whatARowLeavesOverTheCellsShowingTheirFiguresIsNothingOrAtLeastTen() {
		assertThat(SmallCells.remainderSafe(0, 0, true)).isTrue();
		assertThat(SmallCells.remainderSafe(12, 3, false)).isFalse();
		assertThat(SmallCells.remainderSafe(25, 12, true)).isTrue();
		assertThat(SmallCells.remainderSafe(25, 20, true)).as("the 5 without the barrier would follow").isFalse();
	}

	@Test
	void anAverageNeedsTenCases() {
		assertThat(SmallCells.average(90, 9)).isNull();
		assertThat(SmallCells.average(100, 10)).isEqualTo(10.0);
	}

}
