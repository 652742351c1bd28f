package nl.schakel.participation;

import java.util.List;
import java.util.UUID;

import nl.schakel.ids.CaseId;
import nl.schakel.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static nl.schakel.support.DemoApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registry reads a case's participants once per transaction; what the transaction
 * itself admits or removes is seen by its next question all the same.
 */
@IntegrationTest
class ParticipationInOneTransactionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	ParticipationRegistry registry;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anAdmissionAndARemovalInTheSameTransactionAreSeenAtOnce() throws Exception {
		String location = this.mvc.perform(as("coordinator", "TRIAGE", post("/api/v1/cases"), """
				{"person": {"name": "Een Transactie", "dateOfBirth": "1980-02-02"}, "caseType": "OTHER"}"""))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		UUID caseId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			assertThat(this.registry.isAdmitted(new CaseId(caseId), "ggz-midden", "ggz", "CASE_CONSULTATION"))
				.isFalse();
			int before = this.registry.participants(new CaseId(caseId)).size();

			ParticipantView admitted = this.registry.admit(new CaseId(caseId),
					new Admission("ggz-midden", List.of(), List.of("CASE_CONSULTATION"), null), "coordinator");
			assertThat(this.registry.isAdmitted(new CaseId(caseId), "ggz-midden", "ggz", "CASE_CONSULTATION")).isTrue();
			assertThat(this.registry.participants(new CaseId(caseId))).hasSize(before + 1);

			this.registry.remove(new CaseId(caseId), admitted.id(), "zvh-midden", "coordinator");
			assertThat(this.registry.isAdmitted(new CaseId(caseId), "ggz-midden", "ggz", "CASE_CONSULTATION"))
				.isFalse();
			status.setRollbackOnly();
		});
	}

}
