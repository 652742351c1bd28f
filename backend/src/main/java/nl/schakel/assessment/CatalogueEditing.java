package nl.schakel.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.schakel.organisation.Domain;
import nl.schakel.security.Actor;
import nl.schakel.web.FieldProblem;
import nl.schakel.web.InvalidInput;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Beheer keeps the intervention catalogue: adds an intervention, changes one, retires
 * one. Each edit is checked whole before anything is written (a problem names its field,
 * as a message key {@code catalogue.error.*} the pages and the API put into words),
 * raises the catalogue's edition under the lock of its one row, and writes who (name and
 * organisation) changed what, when, in {@code intervention_catalogue_change}. An
 * intervention is never deleted: a code is stable, and a case's intervention, the
 * evaluation and the practitioners' notes keep naming it.
 */
@Service
class CatalogueEditing {

	static final int CODE_LIMIT = 60;

	static final int TEXT_LIMIT = 200;

	static final int WEEKS_LIMIT = 520;

	private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CatalogueInForce catalogue;

	private final AssessmentInstrument instrument;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CatalogueEditing(CatalogueInForce catalogue, AssessmentInstrument instrument, JdbcTemplate jdbc, Clock clock) {
		this.catalogue = catalogue;
		this.instrument = instrument;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One field of an edit: what it said before and after, in plain values. */
	record FieldChange(String field, String before, String after) {
	}

	/** One edit, as the history tells it. */
	record Change(int edition, String catalogueVersion, String interventionCode, String change,
			List<FieldChange> fields, String changedBy, String changedByName, String organisation, Instant changedAt) {
	}

	/**
	 * What an edit did: the catalogue's version after it and whether anything changed.
	 */
	record Edited(InterventionCatalogue.Intervention intervention, String catalogueVersion, boolean changed) {
	}

	/**
	 * Adds an intervention; it is offered for new cases at once.
	 * @throws InvalidInput naming the fields in error (message keys)
	 * @throws CodeTaken when the code is in the catalogue already, retired or not
	 */
	@Transactional
	Edited add(Actor actor, CatalogueEntry entry) {
		InterventionCatalogue.Intervention checked = check(entry, null);
		int edition = nextEdition();
		if (exists(checked.code())) {
			throw new CodeTaken(checked.code());
		}
		Integer position = this.jdbc.queryForObject("select coalesce(max(position), 0) + 1 from catalogue_intervention",
				Integer.class);
		try {
			CatalogueInForce.insert(this.jdbc, checked, position);
		}
		catch (DuplicateKeyException ex) {
			throw new CodeTaken(checked.code());
		}
		return record(actor, edition, checked, "ADDED", fieldsOf(checked));
	}

	/**
	 * Changes an intervention; its code stays. A change that changes nothing is not an
	 * edit: no new version, no history line.
	 * @throws InvalidInput naming the fields in error (message keys)
	 * @throws NoSuchIntervention when the catalogue has no such code
	 */
	@Transactional
	Edited change(Actor actor, String code, CatalogueEntry entry) {
		InterventionCatalogue.Intervention before = locked(code);
		InterventionCatalogue.Intervention checked = check(entry, code);
		List<FieldChange> fields = differences(before, checked);
		if (fields.isEmpty()) {
			return new Edited(before, versionNow(), false);
		}
		int edition = nextEdition();
		this.jdbc.update("update catalogue_intervention set name_nl = ?, name_en = ?, provider_type_nl = ?, "
				+ "provider_type_en = ?, delivered_by = ?, working_elements = ?, age_groups = ?, phases = ?, "
				+ "statuses = ?, minimum_duration_weeks = ?, trauma_sensitive = ?, trust_building = ?, "
				+ "family_or_community = ? where code = ?", (ps) -> {
					ps.setString(1, checked.name().nl());
					ps.setString(2, checked.name().en());
					ps.setString(3, checked.providerType().nl());
					ps.setString(4, checked.providerType().en());
					ps.setString(5, checked.deliveredBy());
					ps.setArray(6, ps.getConnection().createArrayOf("varchar", checked.workingElements().toArray()));
					ps.setArray(7, ps.getConnection()
						.createArrayOf("integer", CatalogueInForce.sorted(checked.targetGroup().ageGroups())));
					ps.setArray(8, ps.getConnection()
						.createArrayOf("integer", CatalogueInForce.sorted(checked.targetGroup().phases())));
					ps.setArray(9, ps.getConnection()
						.createArrayOf("integer", CatalogueInForce.sorted(checked.targetGroup().statuses())));
					ps.setInt(10, checked.conditions().minimumDurationWeeks());
					ps.setBoolean(11, checked.conditions().traumaSensitive());
					ps.setBoolean(12, checked.conditions().trustBuilding());
					ps.setBoolean(13, checked.conditions().familyOrCommunity());
					ps.setString(14, code);
				});
		InterventionCatalogue.Intervention after = new InterventionCatalogue.Intervention(code, checked.name(),
				checked.providerType(), checked.deliveredBy(), checked.workingElements(), checked.targetGroup(),
				checked.conditions(), before.retired());
		return record(actor, edition, after, "CHANGED", fields);
	}

	/**
	 * Retires an intervention: no longer offered for a new case; where it was chosen it
	 * keeps its name. Retiring a retired one changes nothing.
	 * @throws NoSuchIntervention when the catalogue has no such code
	 */
	@Transactional
	Edited retire(Actor actor, String code) {
		InterventionCatalogue.Intervention before = locked(code);
		if (before.retired()) {
			return new Edited(before, versionNow(), false);
		}
		int edition = nextEdition();
		this.jdbc.update("update catalogue_intervention set retired_at = ? where code = ?", now(), code);
		InterventionCatalogue.Intervention after = new InterventionCatalogue.Intervention(code, before.name(),
				before.providerType(), before.deliveredBy(), before.workingElements(), before.targetGroup(),
				before.conditions(), true);
		return record(actor, edition, after, "RETIRED", List.of(new FieldChange("retired", "false", "true")));
	}

	/** The history of edits, newest first. */
	@Transactional(readOnly = true)
	List<Change> history(int limit) {
		return this.jdbc.query(
				"select edition, catalogue_version, intervention_code, change, fields, changed_by, "
						+ "changed_by_name, organisation, changed_at from intervention_catalogue_change "
						+ "order by changed_at desc, edition desc limit ?",
				(rs, n) -> new Change(rs.getInt("edition"), rs.getString("catalogue_version"),
						rs.getString("intervention_code"), rs.getString("change"), fields(rs.getString("fields")),
						rs.getString("changed_by"), rs.getString("changed_by_name"), rs.getString("organisation"),
						rs.getTimestamp("changed_at").toInstant()),
				limit);
	}

	/**
	 * The entry checked whole: every problem at once, each naming its field.
	 * @param code the code of the intervention changed, or {@code null} when adding
	 */
	InterventionCatalogue.Intervention check(CatalogueEntry entry, String code) {
		List<FieldProblem> problems = new ArrayList<>();
		if (entry == null) {
			throw new InvalidInput(List.of(new FieldProblem("name.nl", "catalogue.error.text")));
		}
		String given = strip(entry.code());
		if (code == null) {
			if (given == null || given.length() > CODE_LIMIT || !CODE.matcher(given).matches()) {
				problems.add(new FieldProblem("code", "catalogue.error.code"));
			}
		}
		else if (given != null && !given.equals(code)) {
			problems.add(new FieldProblem("code", "catalogue.error.codeStable"));
		}
		Label name = label(entry.name(), "name", problems);
		Label provider = label(entry.providerType(), "providerType", problems);
		String deliveredBy = strip(entry.deliveredBy());
		if (deliveredBy == null || Arrays.stream(Domain.values()).noneMatch((d) -> d.name().equals(deliveredBy))) {
			problems.add(new FieldProblem("deliveredBy", "catalogue.error.deliveredBy"));
		}
		Set<String> elements = new LinkedHashSet<>();
		List<String> givenElements = (entry.workingElements() != null) ? entry.workingElements() : List.of();
		for (int i = 0; i < givenElements.size(); i++) {
			String element = strip(givenElements.get(i));
			if (element == null || !InterventionCatalogue.WORKING_ELEMENTS.contains(element)) {
				problems.add(new FieldProblem("workingElements[" + i + "]", "catalogue.error.workingElement"));
			}
			else {
				elements.add(element);
			}
		}
		if (givenElements.isEmpty()) {
			problems.add(new FieldProblem("workingElements", "catalogue.error.workingElements"));
		}
		CatalogueEntry.TargetGroup target = (entry.targetGroup() != null) ? entry.targetGroup()
				: new CatalogueEntry.TargetGroup(null, null, null);
		Set<Integer> ages = values(target.ageGroups(), "targetGroup.ageGroups", "age-group", problems);
		Set<Integer> phases = values(target.phases(), "targetGroup.phases", "phase", problems);
		Set<Integer> statuses = values(target.statuses(), "targetGroup.statuses", "justice-status", problems);
		CatalogueEntry.Conditions conditions = (entry.conditions() != null) ? entry.conditions()
				: new CatalogueEntry.Conditions(null, null, null, null);
		int weeks = (conditions.minimumDurationWeeks() != null) ? conditions.minimumDurationWeeks() : 0;
		if (weeks < 0 || weeks > WEEKS_LIMIT) {
			problems.add(new FieldProblem("conditions.minimumDurationWeeks", "catalogue.error.weeks"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// written in the catalogue's own order of working elements, whatever order they
		// came in
		List<String> ordered = InterventionCatalogue.WORKING_ELEMENTS.stream().filter(elements::contains).toList();
		return new InterventionCatalogue.Intervention((code != null) ? code : given, name, provider, deliveredBy,
				ordered, new InterventionCatalogue.TargetGroup(ages, phases, statuses),
				new InterventionCatalogue.Conditions(weeks, Boolean.TRUE.equals(conditions.traumaSensitive()),
						Boolean.TRUE.equals(conditions.trustBuilding()),
						Boolean.TRUE.equals(conditions.familyOrCommunity())),
				false);
	}

	private Label label(Label given, String field, List<FieldProblem> problems) {
		String nl = (given != null) ? strip(given.nl()) : null;
		String en = (given != null) ? strip(given.en()) : null;
		if (nl == null || nl.length() > TEXT_LIMIT) {
			problems.add(new FieldProblem(field + ".nl", "catalogue.error.text"));
		}
		if (en == null || en.length() > TEXT_LIMIT) {
			problems.add(new FieldProblem(field + ".en", "catalogue.error.text"));
		}
		return new Label(nl, en);
	}

	private Set<Integer> values(List<Integer> given, String field, String scaleCode, List<FieldProblem> problems) {
		Optional<AssessmentInstrument.Scale> scale = this.instrument.scales()
			.stream()
			.filter((s) -> s.code().equals(scaleCode))
			.findFirst();
		Set<Integer> found = new LinkedHashSet<>();
		List<Integer> values = (given != null) ? given : List.of();
		for (int i = 0; i < values.size(); i++) {
			Integer value = values.get(i);
			if (value == null || scale.isEmpty() || !scale.get().allows(value)) {
				problems.add(new FieldProblem(field + "[" + i + "]", "catalogue.error.scale"));
			}
			else {
				found.add(value);
			}
		}
		return Set.copyOf(found);
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** Raises the edition under the catalogue row's lock: edits are ordered. */
	private int nextEdition() {
		if (this.jdbc.queryForList("select 1 from intervention_catalogue where id = 1", Integer.class).isEmpty()) {
			this.catalogue.seedIfEmpty();
		}
		return this.jdbc.queryForObject(
				"update intervention_catalogue set edition = edition + 1, changed_at = ? where id = 1 returning edition",
				Integer.class, now());
	}

	private String versionNow() {
		return this.jdbc.queryForObject(
				"select base_version || '+' || edition from intervention_catalogue where id = 1", String.class);
	}

	private boolean exists(String code) {
		return !this.jdbc.queryForList("select 1 from catalogue_intervention where code = ?", Integer.class, code)
			.isEmpty();
	}

	private InterventionCatalogue.Intervention locked(String code) {
		if (this.jdbc.queryForList("select 1 from intervention_catalogue where id = 1", Integer.class).isEmpty()) {
			this.catalogue.seedIfEmpty();
		}
		List<InterventionCatalogue.Intervention> found = this.jdbc.query(
				"select " + CatalogueInForce.COLUMNS + " from catalogue_intervention where code = ? for update",
				(rs, n) -> CatalogueInForce.intervention(rs), code);
		if (found.isEmpty()) {
			throw new NoSuchIntervention(code);
		}
		return found.get(0);
	}

	private Edited record(Actor actor, int edition, InterventionCatalogue.Intervention intervention, String change,
			List<FieldChange> fields) {
		String version = this.jdbc.queryForObject("select base_version from intervention_catalogue where id = 1",
				String.class) + "+" + edition;
		this.jdbc.update(
				"insert into intervention_catalogue_change (id, edition, catalogue_version, intervention_code, change, "
						+ "fields, changed_by, changed_by_name, organisation, changed_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), edition, version, intervention.code(), change, JSON.writeValueAsString(fields),
				actor.username(), actor.displayName(), actor.organisation(), now());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					CatalogueEditing.this.catalogue.forget();
				}
			});
		}
		return new Edited(intervention, version, true);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(Instant.now(this.clock), ZoneOffset.UTC);
	}

	/** Every field of a new intervention, as added. */
	private static List<FieldChange> fieldsOf(InterventionCatalogue.Intervention added) {
		return differences(null, added);
	}

	/** The fields that differ, with their values before and after. */
	static List<FieldChange> differences(InterventionCatalogue.Intervention before,
			InterventionCatalogue.Intervention after) {
		List<FieldChange> changes = new ArrayList<>();
		for (String field : List.of("name.nl", "name.en", "providerType.nl", "providerType.en", "deliveredBy",
				"workingElements", "targetGroup.ageGroups", "targetGroup.phases", "targetGroup.statuses",
				"conditions.minimumDurationWeeks", "conditions.traumaSensitive", "conditions.trustBuilding",
				"conditions.familyOrCommunity")) {
			String old = (before != null) ? value(before, field) : null;
			String now = value(after, field);
			if (!Objects.equals(old, now)) {
				changes.add(new FieldChange(field, old, now));
			}
		}
		return changes;
	}

	private static String value(InterventionCatalogue.Intervention entry, String field) {
		return switch (field) {
			case "name.nl" -> entry.name().nl();
			case "name.en" -> entry.name().en();
			case "providerType.nl" -> entry.providerType().nl();
			case "providerType.en" -> entry.providerType().en();
			case "deliveredBy" -> entry.deliveredBy();
			case "workingElements" -> String.join(", ", entry.workingElements());
			case "targetGroup.ageGroups" -> joined(entry.targetGroup().ageGroups());
			case "targetGroup.phases" -> joined(entry.targetGroup().phases());
			case "targetGroup.statuses" -> joined(entry.targetGroup().statuses());
			case "conditions.minimumDurationWeeks" -> String.valueOf(entry.conditions().minimumDurationWeeks());
			case "conditions.traumaSensitive" -> String.valueOf(entry.conditions().traumaSensitive());
			case "conditions.trustBuilding" -> String.valueOf(entry.conditions().trustBuilding());
			case "conditions.familyOrCommunity" -> String.valueOf(entry.conditions().familyOrCommunity());
			default -> throw new IllegalArgumentException(field);
		};
	}

	private static String joined(Set<Integer> values) {
		return Arrays.stream(CatalogueInForce.sorted(values)).map(String::valueOf).collect(Collectors.joining(", "));
	}

	private static List<FieldChange> fields(String json) {
		return JSON.readValue(json, new TypeReference<List<FieldChange>>() {
		});
	}

	/**
	 * The code is in the catalogue already (a code is never reused, not even a retired
	 * one's).
	 */
	static class CodeTaken extends RuntimeException {

		private final String code;

		CodeTaken(String code) {
			super("The catalogue has an intervention with code " + code + " already");
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

	/** No intervention with this code in the catalogue. */
	static class NoSuchIntervention extends RuntimeException {

		NoSuchIntervention(String code) {
			super("No intervention " + code + " in the catalogue");
		}

	}

}
