package nl.schakel.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.schakel.policy.AccessRequest;
import nl.schakel.policy.AudienceRelation;
import nl.schakel.policy.DataCategory;
import nl.schakel.policy.Decision;
import nl.schakel.policy.EffectiveBasis;
import nl.schakel.policy.Participation;
import nl.schakel.policy.Policy;
import nl.schakel.policy.PolicyDecision;
import nl.schakel.policy.PolicyRule;
import nl.schakel.policy.PurposeDefinition;
import nl.schakel.security.Role;

/**
 * Generates the register of processing from the policy in force and the two register
 * files. The recipients of a purpose are the roles to which the compiled policy shows
 * another organisation's information (or its existence) for that purpose, asked for every
 * combination of category, basis, audience and participation, so first-match order is
 * honoured. Nothing here is written by hand twice.
 */
public class Register {

	private final RegisterOfProcessing register;

	private final List<RetentionPeriod> periods;

	Register(Policy policy, RegisterFiles.Register files, RegisterFiles.Retention retention) {
		this.periods = retention.periods();
		this.register = generate(policy, files, retention);
	}

	public RegisterOfProcessing document() {
		return this.register;
	}

	/** The retention periods in force, first match first. */
	public List<RetentionPeriod> retentionPeriods() {
		return this.periods;
	}

	private static RegisterOfProcessing generate(Policy policy, RegisterFiles.Register files,
			RegisterFiles.Retention retention) {
		List<RegisterOfProcessing.RuleEntry> rules = new ArrayList<>();
		for (PolicyRule rule : policy.rules()) {
			rules.add(new RegisterOfProcessing.RuleEntry(rule.id(), rule.description(), codes(rule.roles()),
					rule.purposes().stream().map((p) -> p.code()).toList(), names(rule.categories()),
					names(rule.bases()), rule.effect().name()));
		}
		List<RegisterOfProcessing.PurposeEntry> purposes = new ArrayList<>();
		for (PurposeDefinition definition : policy.purposes()) {
			Set<DataCategory> categories = java.util.EnumSet.noneOf(DataCategory.class);
			Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
			Set<EffectiveBasis> bases = java.util.EnumSet.noneOf(EffectiveBasis.class);
			Set<String> ruleIds = new LinkedHashSet<>();
			// ask the compiled policy itself, first match and all: who receives another
			// organisation's information of which category, on which basis, for this
			// purpose
			for (Role role : Role.values()) {
				for (DataCategory category : DataCategory.values()) {
					for (EffectiveBasis basis : EffectiveBasis.values()) {
						for (AudienceRelation audience : AudienceRelation.values()) {
							for (Participation participation : Participation.values()) {
								PolicyDecision decision = policy.decide(new AccessRequest(role, definition.purpose(),
										category, basis, audience, participation));
								ruleIds.add(decision.ruleId());
								if (decision.effect() != Decision.DENY
										&& audience != AudienceRelation.AUTHOR_ORGANISATION
										&& basis != EffectiveBasis.NONE) {
									categories.add(category);
									roles.add(role);
									bases.add(basis);
								}
							}
						}
					}
				}
			}
			purposes.add(new RegisterOfProcessing.PurposeEntry(definition.purpose().code(), definition.labelNl(),
					definition.labelEn(), definition.description(), names(categories), codes(roles), names(bases),
					List.copyOf(ruleIds)));
		}
		List<RegisterOfProcessing.CategoryEntry> categories = new ArrayList<>();
		for (DataCategory category : DataCategory.values()) {
			RegisterFiles.CategoryEntry entry = files.categories().get(category);
			categories.add(new RegisterOfProcessing.CategoryEntry(category.name(), entry.description(), entry.special(),
					entry.article()));
		}
		List<RegisterOfProcessing.RetentionEntry> periods = retention.periods()
			.stream()
			.map((p) -> new RegisterOfProcessing.RetentionEntry(p.id(), word(p.outcome()), names(p.categories()),
					p.period().toString(), word(p.from()), p.source()))
			.toList();
		return new RegisterOfProcessing(files.controller(), files.dataSubjects(), policy.version().value(),
				retention.version(), List.copyOf(purposes), List.copyOf(categories), List.copyOf(rules), periods,
				new RegisterOfProcessing.LogRetention(retention.logPeriod().toString(), retention.logSource()),
				files.measures()
					.stream()
					.map((m) -> new RegisterOfProcessing.MeasureEntry(m.measure(), m.where()))
					.toList());
	}

	private static List<String> codes(Collection<Role> roles) {
		return roles.stream().map(Role::code).toList();
	}

	private static <E extends Enum<E>> List<String> names(Collection<E> values) {
		return values.stream().map(Enum::name).toList();
	}

	private static String word(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
