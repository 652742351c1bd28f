package nl.schakel.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.springframework.context.ApplicationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders the summary page's own template to PDF (openhtmltopdf on PDFBox), in memory:
 * the bytes go to the reader and nowhere else. The font is embedded (DejaVu Sans,
 * subset), so names with diacritics outside Latin-1 — ş, ğ, ł, ő — print as written; the
 * PDF's built-in fonts know only WinAnsi. The renderer may fetch nothing: the stylesheet
 * and fonts are handed to it, and every external resource is refused.
 */
@Component
class CaseSummaryPdf {

	static final String TEMPLATE = "cases/summary";

	private final ITemplateEngine templates;

	private final String stylesheet;

	private final ApplicationContext application;

	CaseSummaryPdf(ITemplateEngine templates, ApplicationContext application) {
		this.templates = templates;
		this.application = application;
		this.stylesheet = read("static/css/summary.css");
	}

	byte[] render(PrintedCase summary, Map<String, String> organisationNames, Locale locale) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("summary", summary);
		variables.put("organisationNames", organisationNames);
		variables.put("pdf", true);
		variables.put("stylesheet", this.stylesheet);
		// outside a web request the template still names beans (@purposeLabels), as the
		// page does
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.application, null));
		String html = this.templates.process(TEMPLATE, new Context(locale, variables));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
			builder.useFont(() -> font("fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, FontStyle.NORMAL, true);
			builder.useFont(() -> font("fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, FontStyle.NORMAL, true);
			builder.withHtmlContent(html, null);
			builder.toStream(pdf);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The case summary could not be rendered", ex);
		}
		return pdf.toByteArray();
	}

	private static InputStream font(String path) {
		try {
			return new ClassPathResource(path).getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The summary's font is missing: " + path, ex);
		}
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The summary's stylesheet is missing: " + path, ex);
		}
	}

}
