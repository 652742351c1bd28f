package nl.schakel.assessment;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Evaluation aggregates per intervention of the catalogue: number of cases, how they
 * ended, duration, barriers met — counts only, with small-cell suppression
 * ({@link SmallCells}), and no way back to a case. Producing them is recorded in the
 * disclosure log as statistical use.
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

	private final InterventionCatalogue catalogue;

	private final DisclosureLog log;

	private final Policy policy;

	Evaluation(CaseInterventions interventions, InterventionBarriers barriers, InterventionCatalogue catalogue,
			DisclosureLog log, Policy policy) {
		this.interventions = interventions;
		this.barriers = barriers;
		this.catalogue = catalogue;
		this.log = log;
		this.policy = policy;
	}

	/** One intervention's row; {@code null} figures are suppressed. */
	public record Row(String intervention, Label name, List<String> workingElements, boolean suppressed, Long cases,
			Long completed, Long stoppedEarly, Long ongoing, Double meanDurationDays, Map<String, Long> barriers) {
	}

	public record Aggregates(String rule, int threshold, String catalogueVersion, List<Row> interventions) {
	}

	@Transactional
	public Aggregates interventions(Access access) {
		Actor actor = access.actor();
		if (!actor.has(Role.COORDINATOR)) {
			throw new AccessDeniedException("Evaluation is for coordinators and policy staff");
		}
		Purpose purpose = this.policy.purpose(PURPOSE).orElseThrow();
		this.log.recordMetadata(access, new DisclosureLog.Metadata(ItemKind.EVALUATION, null, null, null, purpose,
				"PUBLIC_TASK", STATISTICAL_USE, access.channel()));
		// per intervention and case, the latest time it was chosen counts
		Map<String, Map<UUID, CaseIntervention>> latest = new LinkedHashMap<>();
		for (CaseIntervention i : this.interventions.findAll()) {
			latest.computeIfAbsent(i.interventionCode(), (k) -> new LinkedHashMap<>())
				.merge(i.caseId(), i, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b);
		}
		Map<UUID, List<InterventionBarrier>> barriersOf = this.barriers.findAll()
			.stream()
			.collect(Collectors.groupingBy(InterventionBarrier::caseInterventionId));
		List<Row> rows = new ArrayList<>();
		for (InterventionCatalogue.Intervention entry : this.catalogue.interventions()) {
			List<CaseIntervention> used = List.copyOf(latest.getOrDefault(entry.code(), Map.of()).values());
			long cases = used.size();
			if (!SmallCells.rowShown(cases)) {
				rows.add(new Row(entry.code(), entry.name(), entry.workingElements(), true, null, null, null, null,
						null, Map.of()));
				continue;
			}
			long completed = used.stream().filter((i) -> i.outcome() == CaseIntervention.Result.COMPLETED).count();
			long stopped = used.stream().filter((i) -> i.outcome() == CaseIntervention.Result.STOPPED_EARLY).count();
			List<Long> parts = SmallCells.partition(cases, List.of(completed, stopped, cases - completed - stopped));
			List<CaseIntervention> ended = used.stream().filter(CaseIntervention::ended).toList();
			double days = ended.stream().mapToLong((i) -> ChronoUnit.DAYS.between(i.startedOn(), i.endedOn())).sum();
			Map<String, Long> met = new LinkedHashMap<>();
			for (AssessmentInstrument.Coded kind : this.catalogue.barriers()) {
				long withKind = used.stream()
					.filter((i) -> barriersOf.getOrDefault(i.id(), List.of())
						.stream()
						.anyMatch((b) -> b.kind().equals(kind.code())))
					.count();
				met.put(kind.code(), SmallCells.count(withKind, cases));
			}
			rows.add(new Row(entry.code(), entry.name(), entry.workingElements(), false, cases, parts.get(0),
					parts.get(1), parts.get(2), SmallCells.average(days, ended.size()), met));
		}
		return new Aggregates(SmallCells.RULE, SmallCells.THRESHOLD, this.catalogue.version(), List.copyOf(rows));
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
	 * The evaluation page: the rows per intervention and the breakdown per working
	 * element, logged once.
	 */
	@Transactional
	public Overview overview(Access access) {
		Aggregates aggregates = interventions(access);
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, Map<UUID, CaseIntervention>> latest = new LinkedHashMap<>();
		for (CaseIntervention i : this.interventions.findAll()) {
			latest.computeIfAbsent(i.interventionCode(), (k) -> new LinkedHashMap<>())
				.merge(i.caseId(), i, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b);
		}
		latest.forEach((code, used) -> {
			long completed = used.values()
				.stream()
				.filter((i) -> i.outcome() == CaseIntervention.Result.COMPLETED)
				.count();
			long stopped = used.values()
				.stream()
				.filter((i) -> i.outcome() == CaseIntervention.Result.STOPPED_EARLY)
				.count();
			counts.put(code, new long[] { used.size(), completed, stopped, used.size() - completed - stopped });
		});
		return new Overview(aggregates, elementRows(this.catalogue.interventions(), counts));
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
