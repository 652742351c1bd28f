package nl.schakel.retention;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import nl.schakel.support.DemoApi;
import nl.schakel.support.FieldMessages;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The coordinator's page "Bewaartermijnen" lists the own house's closed cases whose
 * retention runs out within the notice window, never another house's, and keeps a case
 * longer only with a day and a reason, recorded through the same service as the API;
 * partners have no such page.
 */
@IntegrationTest
class RetentionPageIT {

	private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void theCoordinatorSeesTheDueCasesOfTheOwnHouseOnlyWithClosureRuleInWordsAndDueDate() throws Exception {
		UUID own = closedCase("coordinator", LocalDate.of(2001, 3, 1));
		UUID other = closedCase("coordinator-zuid", LocalDate.of(2001, 3, 1));

		this.mvc.perform(get("/retention").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bewaartermijnen")))
			.andExpect(content().string(containsString(reference(own))))
			.andExpect(content().string(containsString("01-03-2001")))
			.andExpect(content().string(containsString("Afgesloten na het plan van aanpak: twee jaar na afsluiting")))
			.andExpect(content().string(containsString("01-03-2003")))
			.andExpect(content().string(containsString("Nog niet verlengd")))
			.andExpect(content().string(containsString("Verlengen, met reden")))
			.andExpect(content().string(containsString("href=\"/retention\"")))
			.andExpect(content().string(not(containsString(reference(other)))));
		this.mvc.perform(get("/retention").with(as("coordinator-zuid")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(reference(other))))
			.andExpect(content().string(not(containsString(reference(own)))));
	}

	@Test
	void theCoordinatorsStartPageLeadsToTheRetentionPage() throws Exception {
		this.mvc.perform(get("/").with(as("coordinator")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bewaartermijnen die binnenkort aflopen")));
		this.mvc.perform(get("/").with(as("ggz")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/retention\""))));
	}

	@Test
	void extendingWithAReasonRecordsItAndMovesTheDueDate() throws Exception {
		UUID c = closedCase("coordinator", LocalDate.of(2002, 5, 1));
		LocalDate until = LocalDate.now(ZoneOffset.UTC).plusDays(10);

		MvcResult done = this.mvc
			.perform(post("/retention/" + c + "/extension").with(csrf())
				.with(as("coordinator"))
				.param("until", until.toString())
				.param("reason", "Lopende strafzaak bij de rechtbank"))
			.andExpect(redirectedUrl("/retention"))
			.andReturn();

		assertThat(this.jdbc.queryForObject(
				"select count(*) from retention_extension where case_id = ? and reason = ? "
						+ "and extended_until = ? and recorded_by = 'coordinator'",
				Integer.class, c, "Lopende strafzaak bij de rechtbank", until))
			.isEqualTo(1);
		this.mvc.perform(get("/retention").with(as("coordinator")).flashAttrs(done.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Casus " + reference(c) + " wordt bewaard tot " + until.format(DUTCH_DATE))))
			.andExpect(content()
				.string(containsString("Tot " + until.format(DUTCH_DATE) + ": Lopende strafzaak bij de rechtbank")))
			.andExpect(content().string(not(containsString("01-05-2004"))));
	}

	@Test
	void withoutAReasonThePageComesBackWith422TheMessageAtTheFieldInASummaryAboveTheFormAndTheInputKept()
			throws Exception {
		UUID c = closedCase("coordinator", LocalDate.of(2003, 7, 1));
		LocalDate until = LocalDate.now(ZoneOffset.UTC).plusDays(12);

		String page = this.mvc
			.perform(post("/retention/" + c + "/extension").with(csrf())
				.with(as("coordinator"))
				.param("until", until.toString())
				.param("reason", "   "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Er is niets opgeslagen")))
			.andExpect(content().string(containsString("value=\"" + until + "\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(this.jdbc.queryForObject("select count(*) from retention_extension where case_id = ?", Integer.class,
				c))
			.isZero();
		// a screen reader reads the hint and the message with the field
		assertThat(FieldMessages.describing(page, "reason-" + c)).containsExactly(
				"Bijvoorbeeld de lopende strafzaak of procedure waarvoor de gegevens nodig blijven.",
				"Vul de reden in (ten hoogste 2000 tekens), bijvoorbeeld de lopende procedure.");
		assertThat(FieldMessages.invalid(page, "reason-" + c)).isTrue();
		assertThat(FieldMessages.invalid(page, "until-" + c)).isFalse();
		assertThat(FieldMessages.summaryLinks(page, "extend-" + c + "-summary")).containsExactly("reason-" + c);
	}

	@Test
	void aDayInThePastIsAnsweredAtTheDayInEnglishForAnEnglishReaderWithTheReasonKept() throws Exception {
		UUID c = closedCase("coordinator", LocalDate.of(2003, 8, 1));

		String page = this.mvc
			.perform(post("/retention/" + c + "/extension").with(csrf())
				.with(as("coordinator"))
				.param("lang", "en")
				.param("until", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
				.param("reason", "Pending criminal case"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Pending criminal case</textarea>")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(FieldMessages.describing(page, "until-" + c)).singleElement().asString().contains("future");
		assertThat(FieldMessages.summaryLinks(page, "extend-" + c + "-summary")).containsExactly("until-" + c);
	}

	@Test
	void aPartnerHasNoRetentionPageAndCannotExtend() throws Exception {
		UUID c = closedCase("coordinator", LocalDate.of(2004, 9, 1));

		this.mvc.perform(get("/retention").with(as("ggz"))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/retention/" + c + "/extension").with(csrf())
				.with(as("ggz"))
				.param("until", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString())
				.param("reason", "Lopende strafzaak"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("select count(*) from retention_extension where case_id = ?", Integer.class,
				c))
			.isZero();
	}

	private RequestPostProcessor as(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	private String reference(UUID caseId) {
		return this.jdbc.queryForObject("select reference from case_file where id = ?", String.class, caseId);
	}

	// A case registered by this coordinator's house, closed after its plan on the given
	// day.
	private UUID closedCase(String coordinator, LocalDate closedOn) throws Exception {
		String body = "{\"person\": {\"name\": \"Bewaar Pagina %s\", \"dateOfBirth\": \"1970-07-07\"}, \"caseType\": \"OTHER\"}"
			.formatted(UUID.randomUUID().toString().substring(0, 8));
		String url = this.mvc.perform(DemoApi.as(coordinator, "TRIAGE", post("/api/v1/cases"), body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID id = UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
		// closing through the status machine takes today's date; retention counts from
		// the closure day
		this.jdbc.update("update case_file set status = 'CLOSED', closed_on = ?, close_reason = 'GOALS_ACHIEVED' "
				+ "where id = ?", closedOn, id);
		return id;
	}

}
