package nl.schakel.assessment;

import java.util.UUID;

import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

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
 * A practitioner's note names no case and no person, so no case's or person's erasure can
 * find it: its author corrects it (the old text then lives only in the history auditors
 * read) or deletes it (the note gone, its earlier texts blanked in the history too).
 * Nobody else changes someone's note.
 */
@IntegrationTest
class PractitionersNoteIsCorrectedOrDeletedByItsAuthorIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService accounts;

	@Test
	void theAuthorCorrectsTheirNoteAndTheOldTextLivesOnlyInTheHistory() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID note = write("ggz", "Een mentor uit de wijk, zoals bij mevrouw J. " + tag);

		this.mvc
			.perform(post("/interventions/mentoring/notes/" + note + "/correction").with(csrf())
				.with(user(this.accounts.loadUserByUsername("ggz")))
				.param("whatWorked", "Een mentor uit de eigen wijk " + tag))
			.andExpect(redirectedUrl("/interventions/mentoring"));

		this.mvc.perform(get("/interventions/mentoring").with(user(this.accounts.loadUserByUsername("politie"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Een mentor uit de eigen wijk " + tag)))
			.andExpect(content().string(not(containsString("mevrouw J. " + tag))));
		assertThat(this.jdbc.queryForObject("select count(*) from intervention_note where what_worked like ?",
				Integer.class, "%mevrouw J. " + tag))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select what_worked from intervention_note_history where note_id = ? and change = 'CORRECTED'",
				String.class, note))
			.contains("mevrouw J. " + tag);
	}

	@Test
	void theAuthorDeletesTheirNoteAndNothingOfItsTextRemains() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID note = write("gemeente", "Huisbezoek bij de familie in de Dorpsstraat " + tag);
		this.mvc
			.perform(post("/interventions/mentoring/notes/" + note + "/correction").with(csrf())
				.with(user(this.accounts.loadUserByUsername("gemeente")))
				.param("whatWorked", "Huisbezoek met de familie " + tag))
			.andExpect(redirectedUrl("/interventions/mentoring"));

		this.mvc
			.perform(post("/interventions/mentoring/notes/" + note + "/deletion").with(csrf())
				.with(user(this.accounts.loadUserByUsername("gemeente"))))
			.andExpect(redirectedUrl("/interventions/mentoring"));

		assertThat(this.jdbc.queryForObject("select count(*) from intervention_note where id = ?", Integer.class, note))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from intervention_note_history h where h::text like ?",
				Integer.class, "%" + tag + "%"))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select changed_by from intervention_note_history where note_id = ? and change = 'DELETED'",
				String.class, note))
			.isEqualTo("gemeente");
	}

	@Test
	void nobodyButTheAuthorCorrectsOrDeletesANote() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID note = write("ggz", "Dagbesteding " + tag);
		this.mvc
			.perform(post("/interventions/mentoring/notes/" + note + "/correction").with(csrf())
				.with(user(this.accounts.loadUserByUsername("politie")))
				.param("whatWorked", "Overschreven"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/interventions/mentoring/notes/" + note + "/deletion").with(csrf())
				.with(user(this.accounts.loadUserByUsername("coordinator"))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/interventions/mentoring/notes/" + UUID.randomUUID() + "/deletion").with(csrf())
				.with(user(this.accounts.loadUserByUsername("ggz"))))
			.andExpect(status().isNotFound());
		// an empty correction changes nothing
		this.mvc
			.perform(post("/interventions/mentoring/notes/" + note + "/correction").with(csrf())
				.with(user(this.accounts.loadUserByUsername("ggz")))
				.param("whatWorked", " "))
			.andExpect(status().isUnprocessableContent());
		assertThat(
				this.jdbc.queryForObject("select what_worked from intervention_note where id = ?", String.class, note))
			.isEqualTo("Dagbesteding " + tag);
	}

	private UUID write(String author, String whatWorked) throws Exception {
		this.mvc
			.perform(post("/interventions/mentoring/notes").with(csrf())
				.with(user(this.accounts.loadUserByUsername(author)))
				.param("whatWorked", whatWorked))
			.andExpect(redirectedUrl("/interventions/mentoring"));
		return this.jdbc.queryForObject("select id from intervention_note where what_worked = ?", UUID.class,
				whatWorked);
	}

}
