package nl.schakel.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.schakel.security.Channel;
import nl.schakel.disclosure.DisclosureLog;
import nl.schakel.disclosure.ItemKind;
import nl.schakel.policy.Policy;
import nl.schakel.policy.Purpose;
import nl.schakel.security.Access;
import nl.schakel.security.Actor;
import nl.schakel.security.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation aggregates per intervention of the catalogue, and per phase, age group and
 * justice status within each: number of cases, how they ended, duration, barriers met —
 * counts only, with small-cell suppression ({@link SmallCells}), and no way back to a
 * case. Phase, age group and status come from their clear copies
 * ({@link EvaluationCharacteristic}), never from opening sealed ratings. Producing them
 * is recorded in the disclosure log as statistical use.
 */
@Service
public class Evaluation {

	/** The rule id under which producing aggregates is logged. */
	static final String STATISTICAL_USE = "statistical-use";

	/**
	 * Evaluation serves following up on what was done; no purpose of its own exists yet,
	 * because a new purpose would also be one the safety house is admitted for on every
	 * case.
	 */
	static final String PURPOSE = "MONITORING";

	private final CaseInterventions interventions;

	private final InterventionBarriers barriers;

	private final CatalogueInForce catalogue;

	private final EvaluationCharacteristics characteristics;

	private final AssessmentInstrument instrument;

	private final DisclosureLog log;

	private final Policy policy;

	Evaluation(CaseInterventions interventions, InterventionBarriers barriers, CatalogueInForce catalogue,
			EvaluationCharacteristics characteristics, AssessmentInstrument instrument, DisclosureLog log,
			Policy policy) {
		this.interventions = interventions;
		this.barriers = barriers;
		this.catalogue = catalogue;
		this.characteristics = characteristics;
		this.instrument = instrument;
		this.log = log;
		this.policy = policy;
	}

	/** One intervention's row; {@code null} figures are suppressed. */
	public record Row(String intervention, Label name, List<String> workingElements, boolean suppressed, Long cases,
			Long completed, Long stoppedEarly, Long ongoing, Double meanDurationDays, Map<String, Long> barriers,
			Long concernKnown, Long concernDown, Long concernSame, Long concernUp) {
	}

	/**
	 * One cell of a breakdown: the cases of one intervention whose latest rating of the
	 * characteristic has this value ({@code value == null}: not rated). {@code null}
	 * figures are suppressed.
	 */
	public record BreakdownRow(String intervention, Label name, Integer value, Label valueLabel, boolean suppressed,
			Long cases, Long completed, Long stoppedEarly, Long ongoing, Double meanDurationDays,
			Map<String, Long> barriers, Long concernKnown, Long concernDown, Long concernSame, Long concernUp) {
	}

	public record Aggregates(String rule, int threshold, String catalogueVersion, List<Row> interventions,
			List<BreakdownRow> byPhase, List<BreakdownRow> byAgeGroup, List<BreakdownRow> byStatus) {
	}

	/** What a value nobody rated reads as. */
	static final Label NOT_RATED = new Label("Niet beoordeeld", "Not rated");

	/**
	 * What one evaluation counts, read once so that every table of one run counts the
	 * same deployments: per intervention the latest time it was chosen for each case
	 * (erased cases left out), the barriers met, and per characteristic each case's
	 * latest value.
	 */
	private record Counted(Map<String, List<CaseIntervention>> latest, Map<UUID, List<InterventionBarrier>> barriersOf,
			Map<EvaluationCharacteristic.Characteristic, Map<UUID, Integer>> characteristics,
			Map<UUID, List<EvaluationCharacteristic>> concern) {

		List<CaseIntervention> of(String code) {
			return this.latest.getOrDefault(code, List.of());
		}

	}

	@Transactional
	public Aggregates interventions(Access access) {
		authoriseAndLog(access);
		return aggregates(this.catalogue.current(), count());
	}

	private void authoriseAndLog(Access access) {
		Actor actor = access.actor();
		if (!actor.has(Role.COORDINATOR)) {
			throw new AccessDeniedException("Evaluation is for coordinators and policy staff");
		}
		Purpose purpose = this.policy.purpose(PURPOSE).orElseThrow();
		this.log.recordMetadata(access, new DisclosureLog.Metadata(ItemKind.EVALUATION, null, null, null, purpose,
				"PUBLIC_TASK", STATISTICAL_USE, access.channel()));
	}

	private Counted count() {
		Map<String, Map<UUID, CaseIntervention>> latest = new LinkedHashMap<>();
		for (CaseIntervention i : this.interventions.findAllOfCasesNotErased()) {
			latest.computeIfAbsent(i.interventionCode(), (k) -> new LinkedHashMap<>())
				.merge(i.caseId(), i, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b);
		}
		Map<String, List<CaseIntervention>> deployments = new LinkedHashMap<>();
		latest.forEach((code, perCase) -> deployments.put(code, List.copyOf(perCase.values())));
		Map<UUID, List<InterventionBarrier>> barriersOf = this.barriers.findAll()
			.stream()
			.collect(Collectors.groupingBy(InterventionBarrier::caseInterventionId));
		Map<EvaluationCharacteristic.Characteristic, Map<UUID, Integer>> values = new EnumMap<>(
				EvaluationCharacteristic.Characteristic.class);
		for (EvaluationCharacteristic c : this.characteristics.latestPerCase()) {
			values.computeIfAbsent(c.characteristic(), (k) -> new HashMap<>()).put(c.caseId(), c.scaleValue());
		}
		Map<UUID, List<EvaluationCharacteristic>> concern = this.characteristics.concernLevels()
			.stream()
			.collect(Collectors.groupingBy(EvaluationCharacteristic::caseId));
		return new Counted(deployments, barriersOf, values, concern);
	}

	private Aggregates aggregates(InterventionCatalogue catalogue, Counted counted) {
		List<Row> rows = new ArrayList<>();
		// retired interventions included: what was deployed is still evaluated by its
		// name
		for (InterventionCatalogue.Intervention entry : catalogue.interventions()) {
			List<CaseIntervention> used = counted.of(entry.code());
			long cases = used.size();
			if (!SmallCells.rowShown(cases)) {
				rows.add(new Row(entry.code(), entry.name(), entry.workingElements(), true, null, null, null, null,
						null, Map.of(), null, null, null, null));
				continue;
			}
			long[] outcomes = outcomes(used);
			List<Long> parts = SmallCells.partition(cases, List.of(outcomes[1], outcomes[2], outcomes[3]));
			List<CaseIntervention> ended = used.stream().filter(CaseIntervention::ended).toList();
			Map<String, Long> met = new LinkedHashMap<>();
			for (AssessmentInstrument.Coded kind : catalogue.barriers()) {
				met.put(kind.code(), SmallCells.count(withBarrier(used, kind.code(), counted), cases));
			}
			long[] change = changes(used, counted);
			Long[] concern = concernFigures(change, changeShown(change, true));
			rows.add(new Row(entry.code(), entry.name(), entry.workingElements(), false, cases, parts.get(0),
					parts.get(1), parts.get(2), SmallCells.average(days(ended), ended.size()), met, concern[0],
					concern[1], concern[2], concern[3]));
		}
		return new Aggregates(SmallCells.RULE, SmallCells.THRESHOLD, catalogue.version(), List.copyOf(rows),
				breakdown(catalogue, EvaluationCharacteristic.Characteristic.PHASE, counted),
				breakdown(catalogue, EvaluationCharacteristic.Characteristic.AGE_GROUP, counted),
				breakdown(catalogue, EvaluationCharacteristic.Characteristic.STATUS, counted));
	}

	/**
	 * The cells of one characteristic per intervention, suppressed so that neither a cell
	 * nor the intervention's row minus the cells shown reveals fewer than
	 * {@value SmallCells#THRESHOLD} cases.
	 */
	private List<BreakdownRow> breakdown(InterventionCatalogue catalogue,
			EvaluationCharacteristic.Characteristic characteristic, Counted counted) {
		List<AssessmentInstrument.Anchor> anchors = characteristic.scale(this.instrument)
			.map(AssessmentInstrument.Scale::anchors)
			.orElse(List.of());
		List<Integer> values = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		anchors.forEach((a) -> {
			values.add(a.value());
			labels.add(a.label());
		});
		values.add(null);
		labels.add(NOT_RATED);
		Map<UUID, Integer> valueOf = counted.characteristics().getOrDefault(characteristic, Map.of());
		List<String> kinds = catalogue.barriers().stream().map(AssessmentInstrument.Coded::code).toList();
		List<BreakdownRow> rows = new ArrayList<>();
		for (InterventionCatalogue.Intervention entry : catalogue.interventions()) {
			List<CaseIntervention> used = counted.of(entry.code());
			int size = values.size();
			List<List<CaseIntervention>> cells = new ArrayList<>();
			for (int v = 0; v < size; v++) {
				cells.add(new ArrayList<>());
			}
			for (CaseIntervention i : used) {
				int at = values.indexOf(valueOf.get(i.caseId()));
				// a value the instrument in force no longer knows counts as not rated
				cells.get((at < 0) ? size - 1 : at).add(i);
			}
			boolean[] shown = SmallCells.rowShown(used.size())
					? SmallCells.complementary(cells.stream().map((c) -> (long) c.size()).toList()) : new boolean[size];
			// the parts of a cell only when the row shows its own, and what the row's
			// parts leave over the cells showing theirs is nothing or again enough
			long[] whole = outcomes(used);
			boolean[] partsShown = new boolean[size];
			long[] sum = new long[4];
			if (SmallCells.partition(whole[0], List.of(whole[1], whole[2], whole[3])).get(0) != null) {
				for (int v = 0; v < size; v++) {
					long[] c = outcomes(cells.get(v));
					partsShown[v] = shown[v] && SmallCells.partition(c[0], List.of(c[1], c[2], c[3])).get(0) != null;
					for (int k = 0; partsShown[v] && k < 4; k++) {
						sum[k] += c[k];
					}
				}
				for (int k = 1; k < 4; k++) {
					if (!SmallCells.remainderSafe(whole[0] - sum[0], whole[k] - sum[k], false)) {
						java.util.Arrays.fill(partsShown, false);
					}
				}
			}
			// barriers likewise, kind by kind
			Map<String, boolean[]> barrierShown = new LinkedHashMap<>();
			for (String kind : kinds) {
				boolean[] kindShown = new boolean[size];
				if (SmallCells.count(withBarrier(used, kind, counted), used.size()) != null) {
					long cases = 0;
					long met = 0;
					for (int v = 0; v < size; v++) {
						long cellMet = withBarrier(cells.get(v), kind, counted);
						kindShown[v] = shown[v] && SmallCells.count(cellMet, cells.get(v).size()) != null;
						if (kindShown[v]) {
							cases += cells.get(v).size();
							met += cellMet;
						}
					}
					if (!SmallCells.remainderSafe(used.size() - cases, withBarrier(used, kind, counted) - met, true)) {
						kindShown = new boolean[size];
					}
				}
				barrierShown.put(kind, kindShown);
			}
			// the change in concern likewise: within a cell its parts under complementary
			// suppression, and what the row's parts leave over the cells is nothing or
			// again enough
			long[] rowChange = changes(used, counted);
			boolean[] rowChangeShown = changeShown(rowChange, SmallCells.rowShown(used.size()));
			long[][] cellChange = new long[size][];
			boolean[][] cellChangeShown = new boolean[size][];
			long[] changeCases = new long[4];
			long[] changeSum = new long[4];
			for (int v = 0; v < size; v++) {
				cellChange[v] = changes(cells.get(v), counted);
				cellChangeShown[v] = changeShown(cellChange[v], shown[v]);
				for (int k = 0; k < 4; k++) {
					if (cellChangeShown[v][k]) {
						changeCases[k] += cells.get(v).size();
						changeSum[k] += cellChange[v][k];
					}
				}
			}
			for (int k = 0; k < 4; k++) {
				if (rowChangeShown[k] && !SmallCells.remainderSafe(used.size() - changeCases[k],
						rowChange[k] - changeSum[k], false)) {
					for (int v = 0; v < size; v++) {
						cellChangeShown[v] = new boolean[4];
					}
				}
			}
			for (int v = 0; v < size; v++) {
				List<CaseIntervention> cell = cells.get(v);
				if (!shown[v]) {
					rows.add(new BreakdownRow(entry.code(), entry.name(), values.get(v), labels.get(v), true, null,
							null, null, null, null, Map.of(), null, null, null, null));
					continue;
				}
				long[] c = outcomes(cell);
				List<CaseIntervention> ended = cell.stream().filter(CaseIntervention::ended).toList();
				Map<String, Long> met = new LinkedHashMap<>();
				for (String kind : kinds) {
					met.put(kind, barrierShown.get(kind)[v] ? withBarrier(cell, kind, counted) : null);
				}
				rows.add(new BreakdownRow(entry.code(), entry.name(), values.get(v), labels.get(v), false, c[0],
						partsShown[v] ? c[1] : null, partsShown[v] ? c[2] : null, partsShown[v] ? c[3] : null,
						partsShown[v] ? SmallCells.average(days(ended), ended.size()) : null, met,
						concernFigures(cellChange[v], cellChangeShown[v])[0],
						concernFigures(cellChange[v], cellChangeShown[v])[1],
						concernFigures(cellChange[v], cellChangeShown[v])[2],
						concernFigures(cellChange[v], cellChangeShown[v])[3]));
			}
		}
		return List.copyOf(rows);
	}

	/**
	 * How concern changed around each deployment's start: went down, stayed, went up, not
	 * known. The change is the concern level of the latest judgement made on or after the
	 * start day minus that of the latest made on or before it, two different judgements;
	 * without either the change is not known.
	 */
	private static long[] changes(List<CaseIntervention> used, Counted counted) {
		long[] c = new long[4];
		for (CaseIntervention i : used) {
			EvaluationCharacteristic before = null;
			EvaluationCharacteristic after = null;
			for (EvaluationCharacteristic j : counted.concern().getOrDefault(i.caseId(), List.of())) {
				LocalDate day = LocalDate.ofInstant(j.ratedAt(), ZONE);
				if (!day.isAfter(i.startedOn())) {
					before = j;
				}
				if (!day.isBefore(i.startedOn())) {
					after = j;
				}
			}
			if (before == null || after == null || before == after) {
				c[3]++;
			}
			else {
				c[Integer.signum(after.scaleValue() - before.scaleValue()) + 1]++;
			}
		}
		return c;
	}

	/** The day an intervention starts is a day in the safety house's time zone. */
	private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	/**
	 * Which of down, stayed, up and not known are shown: none when the cases are not,
	 * else each of at least {@value SmallCells#THRESHOLD} with the hidden ones together
	 * none or again enough.
	 */
	private static boolean[] changeShown(long[] change, boolean casesShown) {
		return casesShown ? SmallCells.complementary(List.of(change[0], change[1], change[2], change[3]))
				: new boolean[4];
	}

	/**
	 * Cases with a known change, and how many went down, stayed, went up; {@code null}
	 * where hidden. The number known is shown with the number not known, from which it
	 * follows.
	 */
	private static Long[] concernFigures(long[] change, boolean[] shown) {
		return new Long[] { shown[3] ? change[0] + change[1] + change[2] : null, shown[0] ? change[0] : null,
				shown[1] ? change[1] : null, shown[2] ? change[2] : null };
	}

	/** Cases, completed, stopped early, ongoing. */
	private static long[] outcomes(List<CaseIntervention> used) {
		long completed = used.stream().filter((i) -> i.outcome() == CaseIntervention.Result.COMPLETED).count();
		long stopped = used.stream().filter((i) -> i.outcome() == CaseIntervention.Result.STOPPED_EARLY).count();
		return new long[] { used.size(), completed, stopped, used.size() - completed - stopped };
	}

	private static double days(List<CaseIntervention> ended) {
		return ended.stream().mapToLong((i) -> ChronoUnit.DAYS.between(i.startedOn(), i.endedOn())).sum();
	}

	private static long withBarrier(List<CaseIntervention> used, String kind, Counted counted) {
		return used.stream()
			.filter((i) -> counted.barriersOf()
				.getOrDefault(i.id(), List.of())
				.stream()
				.anyMatch((b) -> b.kind().equals(kind)))
			.count();
	}

	/**
	 * One working element's row: the interventions carrying it, summed. A row is shown
	 * only when every intervention it sums is itself shown, and its outcome parts only
	 * when those of every such intervention are: it is then a sum of figures already on
	 * the page, and no difference between it and an intervention's row reveals a hidden
	 * one. Counts are deployments (an intervention chosen for a case), not persons.
	 */
	public record ElementRow(String element, boolean suppressed, Long deployments, Long completed, Long stoppedEarly,
			Long ongoing) {
	}

	public record Overview(Aggregates interventions, List<ElementRow> workingElements) {
	}

	/**
	 * The evaluation page: the rows per intervention, the breakdowns and the rows per
	 * working element, all from one reading of the deployments, logged once.
	 */
	@Transactional
	public Overview overview(Access access) {
		authoriseAndLog(access);
		Counted counted = count();
		Map<String, long[]> counts = new LinkedHashMap<>();
		counted.latest().forEach((code, used) -> counts.put(code, outcomes(used)));
		InterventionCatalogue catalogue = this.catalogue.current();
		return new Overview(aggregates(catalogue, counted), elementRows(catalogue.interventions(), counts));
	}

	/**
	 * The rows per working element from the counts per intervention code (cases,
	 * completed, stopped early, ongoing).
	 */
	static List<ElementRow> elementRows(List<InterventionCatalogue.Intervention> catalogue,
			Map<String, long[]> counts) {
		List<ElementRow> elements = new ArrayList<>();
		for (String element : InterventionCatalogue.WORKING_ELEMENTS) {
			long[] sum = new long[4];
			boolean rowShown = true;
			boolean partsShown = true;
			for (InterventionCatalogue.Intervention entry : catalogue) {
				long[] c = counts.get(entry.code());
				if (!entry.workingElements().contains(element) || c == null || c[0] == 0) {
					continue;
				}
				rowShown &= SmallCells.rowShown(c[0]);
				partsShown &= SmallCells.partition(c[0], List.of(c[1], c[2], c[3])).get(0) != null;
				for (int k = 0; k < 4; k++) {
					sum[k] += c[k];
				}
			}
			if (!rowShown || !SmallCells.rowShown(sum[0])) {
				elements.add(new ElementRow(element, true, null, null, null, null));
				continue;
			}
			List<Long> parts = partsShown ? SmallCells.partition(sum[0], List.of(sum[1], sum[2], sum[3]))
					: java.util.Arrays.asList(null, null, null);
			elements.add(new ElementRow(element, false, sum[0], parts.get(0), parts.get(1), parts.get(2)));
		}
		return List.copyOf(elements);
	}

}
