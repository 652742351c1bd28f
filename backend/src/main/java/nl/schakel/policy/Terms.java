package nl.schakel.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words one dimension of the policy files accepts, e.g. the role codes. Matching
 * ignores case and treats '-' and '_' alike: a privacy officer who writes
 * {@code Care_Professional} means {@code care-professional}, and rejecting that teaches
 * nothing. Misspellings still fail, with the known words in the message.
 */
final class Terms<T> {

	private final String noun;

	private final Map<String, T> byKey;

	private final List<String> spellings;

	private Terms(String noun, Map<String, T> byKey, List<String> spellings) {
		this.noun = noun;
		this.byKey = byKey;
		this.spellings = spellings;
	}

	static <T> Terms<T> of(String noun, Collection<T> values, Function<T, String> spelling) {
		Map<String, T> byKey = new LinkedHashMap<>();
		for (T value : values) {
			byKey.put(key(spelling.apply(value)), value);
		}
		return new Terms<>(noun, Map.copyOf(byKey), values.stream().map(spelling).toList());
	}

	static <E extends Enum<E>> Terms<E> upperCase(String noun, E[] values) {
		return of(noun, List.of(values), Enum::name);
	}

	static <E extends Enum<E>> Terms<E> lowerCase(String noun, E[] values) {
		return of(noun, List.of(values), (value) -> value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	static String key(String written) {
		return written.strip().toUpperCase(Locale.ROOT).replace('-', '_');
	}

	Optional<T> find(String written) {
		return Optional.ofNullable(this.byKey.get(key(written)));
	}

	String unknown(String written) {
		return "unknown " + this.noun + " '" + written + "' (known: " + known() + ")";
	}

	String known() {
		return this.spellings.stream().collect(Collectors.joining(", "));
	}

}
