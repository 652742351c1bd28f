package nl.schakel.casework;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.schakel.support.IntegrationTest;
import nl.schakel.support.TestBsns;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static nl.schakel.support.DemoApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The case summary (printable page and PDF) holds the case as its reader may see it: what
 * the gate withholds is shown as withheld, without content; the reader's name,
 * organisation, purpose and time are on every page; and printing is recorded as an export
 * the auditor finds.
 */
@IntegrationTest
class CaseSummaryShowsWhatTheReaderMaySeeIT {

	private static final String HEALTH = "Behandeling bij de GGZ sinds maart, diagnose vertrouwelijk";

	private static final String PERSON = "Zoë Şahin-Łukasik";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	private UUID caseId;

	private String reference;

	@BeforeEach
	void aCaseWithAHealthContributionAndSeveralPagesOfGeneralOnes() throws Exception {
		MockHttpServletResponse created = this.mvc
			.perform(as("coordinator", "TRIAGE", post("/api/v1/cases"),
					"""
							{"person": {"name": "%s", "dateOfBirth": "1990-02-03", "bsn": "%s"}, "caseType": "CONFUSED_BEHAVIOUR"}"""
						.formatted(PERSON, TestBsns.next())))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		this.caseId = UUID.fromString(JsonPath.read(created.getContentAsString(), "$.id"));
		this.reference = JsonPath.read(created.getContentAsString(), "$.reference");
		for (String organisation : new String[] { "ggz-midden", "politie-midden" }) {
			assertThat(
					this.mvc
						.perform(as("coordinator", "TRIAGE", post("/api/v1/cases/" + this.caseId + "/participants"),
								"{\"organisation\": \"%s\", \"purposes\": [\"CASE_CONSULTATION\"]}"
									.formatted(organisation)))
						.andReturn()
						.getResponse()
						.getStatus())
				.isEqualTo(201);
		}
		contribute("ggz", "{\"text\": \"" + HEALTH + "\", \"category\": \"HEALTH\", \"legalBasis\": \"PUBLIC_TASK\","
				+ " \"audienceDomains\": [\"CARE\", \"JUSTICE\"]}");
		// enough text for several printed pages
		String paragraph = "Overleg met de wijkagent en de woningcorporatie over de overlast in de straat. ".repeat(25);
		for (int i = 0; i < 6; i++) {
			contribute("politie", "{\"text\": \"" + i + " " + paragraph + "\", \"category\": \"GENERAL\","
					+ " \"legalBasis\": \"PUBLIC_TASK\", \"audienceDomains\": [\"CARE\", \"JUSTICE\"]}");
		}
	}

	@Test
	void aCareProfessionalsSummaryHoldsItsOwnHealthContribution() throws Exception {
		String text = pdfText("ggz");
		assertThat(text).contains(this.reference, HEALTH, PERSON, "Daan Bakker", "GGZ Midden");
	}

	@Test
	void theSummaryHoldsThePlanOfActionAndTheMinutesAsTheReaderMaySeeThem() throws Exception {
		String meeting = JsonPath.read(this.mvc
			.perform(as("coordinator", "CASE_CONSULTATION", post("/api/v1/meetings"),
					"{\"startsAt\": \"2026-12-10T10:00:00+01:00\", \"caseIds\": [\"" + this.caseId + "\"]}"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		assertThat(this.mvc
			.perform(as("coordinator", "CASE_CONSULTATION",
					post("/api/v1/meetings/" + meeting + "/cases/" + this.caseId + "/minutes"),
					"{\"text\": \"Verslag: GGZ start behandeling\", \"category\": \"HEALTH\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(201);
		assertThat(this.mvc.perform(as("coordinator", "CASE_CONSULTATION",
				post("/api/v1/cases/" + this.caseId + "/actions"),
				"{\"description\": \"Huisbezoek afleggen\", \"organisation\": \"politie-midden\", \"due\": \"2026-12-17\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(201);

		assertThat(pdfText("ggz")).contains("Plan van aanpak", "Huisbezoek afleggen", "Politie eenheid Midden",
				"Verslagen van het casusoverleg", "Verslag: GGZ start behandeling");
		assertThat(pdfText("politie")).contains("Huisbezoek afleggen").doesNotContain("GGZ start behandeling");
	}

	@Test
	void aPoliceSummaryShowsTheHealthContributionAsWithheldWithoutItsContent() throws Exception {
		String text = pdfText("politie");
		assertThat(text).contains(this.reference, "Joost Visser", "health-otherwise-existence-only")
			.doesNotContain(HEALTH, "diagnose");
	}

	@Test
	void everyPageNamesTheReaderTheirOrganisationThePurposeAndTheTime() throws Exception {
		byte[] pdf = pdf("ggz").getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).as("the summary runs over several pages").isGreaterThan(1);
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(document)).as("page " + page)
					.contains("Daan Bakker", "GGZ Midden", "Casusoverleg")
					.containsPattern("\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d");
			}
		}
	}

	@Test
	void thePdfIsNamedAfterTheCaseAndNeverCached() throws Exception {
		MockHttpServletResponse response = pdf("ggz");
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment", this.reference + ".pdf");
		assertThat(response.getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void printingIsRecordedAsAnExportThatTheAuditorFinds() throws Exception {
		pdf("politie");
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from disclosure where case_id = ? and actor = 'politie' and channel = 'EXPORT'"
								+ " and item_kind = 'CONTRIBUTION' and decision = 'EXISTENCE_ONLY'",
						Long.class, this.caseId))
			.isEqualTo(1);
		String found = this.mvc
			.perform(as("auditor", "AUDIT", get("/api/v1/audit/disclosures?case=" + this.caseId + "&actor=politie"),
					null))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<java.util.List<String>>read(found, "$.disclosures[*].channel")).isNotEmpty()
			.containsOnly("EXPORT");
	}

	@Test
	void theSummaryNeedsAPurposeAndIsNotFoundForACaseNotAdmittedTo() throws Exception {
		assertThat(this.mvc.perform(get("/api/v1/cases/" + this.caseId + "/summary.pdf")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.httpBasic("ggz", "demo")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(this.mvc
			.perform(as("om", "CASE_CONSULTATION", get("/api/v1/cases/" + this.caseId + "/summary.pdf"), null))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc
			.perform(as("om", "CASE_CONSULTATION", get("/api/v1/cases/" + UUID.randomUUID() + "/summary.pdf"), null))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void thePrintablePageAndThePdfLinkWorkFromTheCasePage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String casePage = page("politie", session, "/cases/" + this.caseId);
		assertThat(casePage).contains("/cases/" + this.caseId + "/summary.pdf", "/cases/" + this.caseId + "/summary",
				"Samenvatting (PDF)", "Afdrukken");
		String printable = page("politie", session, "/cases/" + this.caseId + "/summary");
		assertThat(printable).contains(this.reference, "Joost Visser").doesNotContain(HEALTH);
		MockHttpServletResponse pdf = this.mvc
			.perform(get("/cases/" + this.caseId + "/summary.pdf").session(session).with(asUser("politie")))
			.andReturn()
			.getResponse();
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		// without a purpose chosen for the case, the case page asks for one first
		MockHttpServletResponse fresh = this.mvc
			.perform(get("/cases/" + this.caseId + "/summary").session(new MockHttpSession()).with(asUser("politie")))
			.andReturn()
			.getResponse();
		assertThat(fresh.getStatus()).isEqualTo(302);
		assertThat(fresh.getRedirectedUrl()).isEqualTo("/cases/" + this.caseId);
	}

	private void contribute(String user, String json) throws Exception {
		assertThat(this.mvc
			.perform(as(user, "CASE_CONSULTATION", post("/api/v1/cases/" + this.caseId + "/contributions"), json))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(201);
	}

	private MockHttpServletResponse pdf(String user) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(as(user, "CASE_CONSULTATION", get("/api/v1/cases/" + this.caseId + "/summary.pdf"), null))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response;
	}

	private String pdfText(String user) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf(user).getContentAsByteArray())) {
			return new PDFTextStripper().getText(document);
		}
	}

	private String page(String user, MockHttpSession session, String path) throws Exception {
		return this.mvc.perform(get(path).session(session).with(asUser(user)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor asUser(String user) {
		return user(this.accounts.loadUserByUsername(user));
	}

}
