-- Envers keeps, for every disclosure row, the revision that wrote it (actor, organisation,
-- purpose, request id, policy version) and no copy of the row's columns. A disclosure row is
-- never changed (append-only triggers, INSERT/SELECT grants, the sealed hash chain), so the
-- copies held nothing the log does not, and made every read write its rows twice
-- (docs/benchmarks.md). Dropping columns is not an UPDATE or DELETE: the append-only
-- triggers stay, and so do the rows (id, rev, revtype).
alter table disclosure_aud
    drop column occurred_at,
    drop column actor,
    drop column actor_organisation,
    drop column actor_role,
    drop column case_id,
    drop column person_id,
    drop column item_kind,
    drop column item_id,
    drop column category,
    drop column purpose,
    drop column legal_basis,
    drop column rule_id,
    drop column policy_version,
    drop column decision,
    drop column channel,
    drop column request_id,
    drop column flagged;
