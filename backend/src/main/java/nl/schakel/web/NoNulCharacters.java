package nl.schakel.web;

import java.beans.PropertyEditorSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * No text with a NUL character gets in: PostgreSQL cannot store it, so it would surface
 * as a server error after validation. Nor any other character {@link PlainText} refuses
 * (control characters, direction overrides and isolates), in any field of any body or
 * form. In JSON it is a 400 naming the field; in a form, a message at the field.
 */
@Configuration(proxyBeanMethods = false)
class NoNulCharacters {

	/**
	 * The reason a JSON string is refused, recognised by the exception handler to name
	 * it.
	 */
	static final String HIDDEN_CHARACTERS = "text may not contain control or direction-override characters";

	@Bean
	JacksonModule rejectNulInJsonStrings() {
		SimpleModule module = new SimpleModule("schakel-no-nul");
		module.addDeserializer(String.class, new StringDeserializer() {

			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
				String value = super.deserialize(parser, context);
				if (PlainText.hasHiddenCharacters(value)) {
					throw context.weirdStringException("(text with hidden characters)", String.class,
							HIDDEN_CHARACTERS);
				}
				return value;
			}

		});
		return module;
	}

	/** The same for form fields: a binding error at the field. */
	@ControllerAdvice
	static class FormFields {

		@InitBinder
		void rejectNul(WebDataBinder binder) {
			binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

				@Override
				public void setAsText(String text) {
					if (PlainText.hasHiddenCharacters(text)) {
						throw new IllegalArgumentException(
								"text may not contain control or direction-override characters");
					}
					setValue(text);
				}

			});
		}

	}

}
