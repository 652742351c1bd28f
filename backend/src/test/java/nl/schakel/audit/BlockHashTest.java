package nl.schakel.audit;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical form tells rows apart, and a block's hash covers its place in the chain.
 */
class BlockHashTest {

	static SealedRow row(long seq, String actor, String requestId) {
		return new SealedRow(seq, "00000000-0000-0000-0000-00000000000" + (seq % 10),
				Instant.parse("2026-01-01T10:00:00.123456Z"), actor, "ggz-midden", "care-professional", null, null,
				"CONTRIBUTION", null, "HEALTH", "CASE_CONSULTATION", "PUBLIC_TASK", "own-organisation", "2026.1+abc",
				"PERMIT", "UI", requestId, false, Instant.parse("2026-01-01T10:00:00.123999Z"), null, null);
	}

	static SealedRow withCorrelationAndConsent(String correlationId, String consentId) {
		SealedRow r = row(1, "ggz", "r1");
		return new SealedRow(r.seq(), r.id(), r.occurredAt(), r.actor(), r.actorOrganisation(), r.actorRole(),
				r.caseId(), r.personId(), r.itemKind(), r.itemId(), r.category(), r.purpose(), r.legalBasis(),
				r.ruleId(), r.policyVersion(), r.decision(), r.channel(), r.requestId(), r.flagged(), r.insertedAt(),
				correlationId, consentId);
	}

	@Test
	void theConsentAnItemRestsOnIsSealedAndNeverMistakenForACorrelationId() {
		byte[] plain = BlockHash.digest(row(1, "ggz", "r1"));
		assertThat(BlockHash.digest(withCorrelationAndConsent(null, null))).isEqualTo(plain);
		byte[] consent = BlockHash.digest(withCorrelationAndConsent(null, "c1"));
		assertThat(consent).isNotEqualTo(plain);
		assertThat(consent).isNotEqualTo(BlockHash.digest(withCorrelationAndConsent("c1", null)));
		assertThat(BlockHash.digest(withCorrelationAndConsent("x", "c1"))).isNotEqualTo(consent);
	}

	@Test
	void anyChangeToARowChangesItsDigest() {
		byte[] original = BlockHash.digest(row(1, "ggz", "r1"));
		assertThat(BlockHash.digest(row(1, "ggz", "r1"))).isEqualTo(original);
		assertThat(BlockHash.digest(row(2, "ggz", "r1"))).isNotEqualTo(original);
		assertThat(BlockHash.digest(row(1, "ggz2", "r1"))).isNotEqualTo(original);
		assertThat(BlockHash.digest(row(1, "ggz", null))).isNotEqualTo(original);
		// fields cannot shift into each other: "ab" + "c" differs from "a" + "bc"
		assertThat(BlockHash.digest(row(1, "ggzr", "1"))).isNotEqualTo(BlockHash.digest(row(1, "ggz", "r1")));
	}

	@Test
	void theCanonicalFormNeverChangesSoBlocksSealedByEarlierVersionsStillVerify() {
		assertThat(BlockHash.hex(BlockHash.digest(row(1, "ggz", "r1"))))
			.isEqualTo("9d14a04abd859dbbfda65d62422b59bf2e2a8f0a6021a9a5fe843da0a9cf586c");
		assertThat(hash(BlockHash.GENESIS, 1, List.of(row(1, "a", "r"), row(2, "b", null))))
			.isEqualTo("8448299677238587eb4e82a42fdb2ab4d3e48b4798ecd0dcce4272e44952cdb5");
	}

	@Test
	void aBlockHashCoversThePreviousHashTheHeaderAndTheRowsInOrder() {
		List<SealedRow> rows = List.of(row(1, "a", "r"), row(2, "b", "r"));
		String hash = hash(BlockHash.GENESIS, 1, rows);
		assertThat(hash).hasSize(64).isEqualTo(hash(BlockHash.GENESIS, 1, rows));
		assertThat(hash(hash, 1, rows)).isNotEqualTo(hash);
		assertThat(hash(BlockHash.GENESIS, 2, rows)).isNotEqualTo(hash);
		assertThat(hash(BlockHash.GENESIS, 1, List.of(rows.get(1), rows.get(0)))).isNotEqualTo(hash);
	}

	@Test
	void theCanonicalFormIsTheTagThenPerFieldAPresenceByteALengthAndItsUtf8Bytes() throws Exception {
		SealedRow r = row(7, "ggz", "r7");
		SealedRow both = new SealedRow(r.seq(), r.id(), r.occurredAt(), "zoë-ß-观察", r.actorOrganisation(),
				r.actorRole(), r.caseId(), r.personId(), r.itemKind(), r.itemId(), r.category(), r.purpose(),
				r.legalBasis(), "regel-".repeat(400), r.policyVersion(), r.decision(), r.channel(), r.requestId(), true,
				r.insertedAt(), "zaak-12", "00000000-0000-0000-0000-0000000000c1");
		for (SealedRow row : List.of(r, both, withCorrelationAndConsent("zaak-12", null),
				withCorrelationAndConsent(null, "c1"), row(-3, "", ""))) {
			assertThat(BlockHash.digest(row)).as("%s", row).isEqualTo(formWrittenOut(row));
		}
	}

	/**
	 * The canonical form of the class's documentation, written out field by field: what
	 * every sealed block was hashed over.
	 */
	private static byte[] formWrittenOut(SealedRow row) throws Exception {
		java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
		form.write("schakel-disclosure-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		List<Object> fields = new java.util.ArrayList<>(java.util.Arrays.asList(row.seq(), row.id(),
				micros(row.occurredAt()), row.actor(), row.actorOrganisation(), row.actorRole(), row.caseId(),
				row.personId(), row.itemKind(), row.itemId(), row.category(), row.purpose(), row.legalBasis(),
				row.ruleId(), row.policyVersion(), row.decision(), row.channel(), row.requestId(), row.flagged(),
				micros(row.insertedAt())));
		if (row.correlationId() != null || row.consentId() != null) {
			fields.add(row.correlationId());
		}
		if (row.consentId() != null) {
			fields.add(row.consentId());
		}
		for (Object field : fields) {
			if (field == null) {
				form.write(0);
				continue;
			}
			byte[] utf8 = field.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			form.write(1);
			form.write(java.nio.ByteBuffer.allocate(4).putInt(utf8.length).array());
			form.write(utf8);
		}
		return java.security.MessageDigest.getInstance("SHA-256").digest(form.toByteArray());
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
	}

	private static String hash(String previous, long number, List<SealedRow> rows) {
		BlockHash.Block block = BlockHash.block(previous, number, 1, 2, rows.size());
		rows.forEach((row) -> block.add(row.seq(), BlockHash.digest(row)));
		return block.finish();
	}

}
