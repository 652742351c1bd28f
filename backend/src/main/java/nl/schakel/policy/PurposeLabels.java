package nl.schakel.policy;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Purposes in words for pages: the label {@code purposes.yaml} gives in the reader's
 * language ({@code ${@purposeLabels.of(code)}} in a template), so no page shows a
 * purpose's code.
 */
@Component("purposeLabels")
public class PurposeLabels {

	private final Policy policy;

	PurposeLabels(Policy policy) {
		this.policy = policy;
	}

	/**
	 * The label of one purpose, given as a code or a {@link Purpose}; an unknown code as
	 * written.
	 */
	public String of(Object purpose) {
		if (purpose == null) {
			return "";
		}
		String code = (purpose instanceof Purpose p) ? p.code() : purpose.toString();
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		return this.policy.purposes()
			.stream()
			.filter((definition) -> definition.purpose().code().equals(code))
			.findFirst()
			.map((definition) -> english ? definition.labelEn() : definition.labelNl())
			.orElse(code);
	}

	/** The labels of several purposes, joined by commas. */
	public String all(Collection<?> purposes) {
		return (purposes == null) ? ""
				: purposes.stream().filter(Objects::nonNull).map(this::of).collect(Collectors.joining(", "));
	}

}
