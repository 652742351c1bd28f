package nl.schakel.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.schakel.casefile.CaseFacts;
import nl.schakel.casefile.CaseFileService;
import nl.schakel.ids.CaseId;
import nl.schakel.casefile.CaseStatus;
import nl.schakel.casefile.CaseType;
import nl.schakel.casefile.CloseReason;
import nl.schakel.casefile.ReferralFacts;
import nl.schakel.casefile.TriageOutcome;
import nl.schakel.ids.PersonId;
import nl.schakel.person.PersonSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of a dossier's head: the case, its referral (details still sealed) and
 * its person's summary in one statement, where the entities took three. Metadata only:
 * the referral's details reach a reader through the gate, as before.
 */
@Repository
class DossierHeads {

	private static final String HEAD = """
			select c.id, c.reference, c.person_id, c.case_type, c.status, c.coordinator_username,
			       c.organisation_id, c.opened_on, c.closed_on, c.triage_outcome, c.triage_reason,
			       c.close_reason, c.close_text, c.reopened_on, c.reopen_reason,
			       r.case_id as referral_case_id, r.referring_organisation, r.referring_professional,
			       r.invited_partners, r.person_informed, r.details_ciphertext,
			       p.name as person_name, p.date_of_birth as person_date_of_birth,
			       (p.bsn_ciphertext is not null) as person_bsn_registered
			from case_file c
			join person p on p.id = c.person_id
			left join referral r on r.case_id = c.id
			where c.id = :id""";

	private final JdbcClient jdbc;

	DossierHeads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<DossierHead> head(CaseId id) {
		return this.jdbc.sql(HEAD).param("id", id.value()).query((rs, n) -> head(rs)).optional();
	}

	private static DossierHead head(ResultSet rs) throws SQLException {
		CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
		UUID personId = rs.getObject("person_id", UUID.class);
		CaseFacts facts = new CaseFacts(new CaseId(rs.getObject("id", UUID.class)), rs.getString("reference"), personId,
				CaseType.valueOf(rs.getString("case_type")), status, List.copyOf(status.next()),
				rs.getString("coordinator_username"), rs.getObject("organisation_id", UUID.class),
				rs.getObject("opened_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				value(TriageOutcome.class, rs.getString("triage_outcome")), rs.getString("triage_reason"),
				value(CloseReason.class, rs.getString("close_reason")), rs.getString("close_text"),
				rs.getObject("reopened_on", LocalDate.class), rs.getString("reopen_reason"));
		CaseFileService.SealedReferral referral = (rs.getObject("referral_case_id") != null)
				? CaseFileService.SealedReferral.of(facts.id().value(),
						new ReferralFacts(rs.getString("referring_organisation"),
								rs.getString("referring_professional"), strings(rs.getArray("invited_partners")),
								rs.getBoolean("person_informed")),
						rs.getBytes("details_ciphertext"))
				: null;
		PersonSummary person = new PersonSummary(new PersonId(personId), rs.getString("person_name"),
				rs.getObject("person_date_of_birth", LocalDate.class), rs.getBoolean("person_bsn_registered"));
		return new DossierHead(facts, referral, person);
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return (name == null) ? null : Enum.valueOf(type, name);
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : List.of((String[]) array.getArray());
	}

	/** A case with its referral (if any; sealed) and its person. */
	record DossierHead(CaseFacts facts, CaseFileService.SealedReferral referral, PersonSummary person) {
	}

}
