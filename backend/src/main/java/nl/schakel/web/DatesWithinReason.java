package nl.schakel.web;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every date Schakel takes in lies between {@link #EARLIEST} and {@link #LATEST}. Java
 * reads dates a billion years away; PostgreSQL cannot hold them, so they would surface as
 * a server error after validation. In JSON it is a 400 naming the field; in a form, a
 * message at the field.
 */
@Configuration(proxyBeanMethods = false)
class DatesWithinReason {

	static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

	static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	static final String RULE = "a date between " + EARLIEST + " and " + LATEST;

	static boolean reasonable(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	@Bean
	JacksonModule refuseUnreasonableDatesInJson() {
		SimpleModule module = new SimpleModule("schakel-dates-within-reason");
		// wraps whichever LocalDate deserializer Jackson picks (its own java.time one),
		// so
		// the range check holds however that one is found and configured
		module.setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
					ValueDeserializer<?> deserializer) {
				return (bean.getBeanClass() == LocalDate.class) ? new WithinReason(deserializer) : deserializer;
			}

		});
		return module;
	}

	/** The range check around Jackson's own LocalDate deserializer. */
	private static final class WithinReason extends DelegatingDeserializer {

		WithinReason(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new WithinReason(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			Object value = super.deserialize(parser, context);
			if (value instanceof LocalDate date && !reasonable(date)) {
				throw context.weirdStringException(date.toString(), LocalDate.class, RULE);
			}
			return value;
		}

	}

	/**
	 * The same for form fields (a browser's date input sends ISO dates): a binding error
	 * at the field.
	 */
	@ControllerAdvice
	static class FormFields {

		@InitBinder
		void refuseUnreasonableDates(WebDataBinder binder) {
			binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {

				@Override
				public void setAsText(String text) {
					if (text == null || text.isBlank()) {
						setValue(null);
						return;
					}
					LocalDate date;
					try {
						date = LocalDate.parse(text.strip());
					}
					catch (DateTimeParseException ex) {
						throw new IllegalArgumentException("not a date such as 2026-01-31", ex);
					}
					if (!reasonable(date)) {
						throw new IllegalArgumentException(RULE);
					}
					setValue(date);
				}

			});
		}

	}

}
