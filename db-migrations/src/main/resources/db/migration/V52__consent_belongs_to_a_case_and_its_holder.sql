-- A consent belongs to one case and to the organisation that holds the information and
-- obtained the person's permission: it opens that organisation's own contributions in that
-- case, and nothing else. Until now a consent belonged to the person, so a partner admitted
-- to any case of the person could see, record and withdraw consents governing another case.
--
-- Evidence is structured: what was given (a signed form, verbally, in writing), when, and
-- who obtained it. A withdrawal records who withdrew it for which organisation and why; a
-- withdrawal the coordinator records for the person at the safety house is shown to the
-- holder on the consent ("withdrawal notice").
alter table consent
    add column case_id                   uuid          references case_file (id),
    add column organisation              varchar(64)   references organisation (code),
    add column evidence_kind             varchar(20)   check (evidence_kind in ('SIGNED_FORM', 'VERBAL', 'WRITTEN')),
    add column evidence_obtained_on      date,
    add column evidence_obtained_by      varchar(200),
    add column withdrawn_by_organisation varchar(64),
    add column withdrawal_reason         varchar(2000),
    add column withdrawal_recorded_at    timestamptz;
alter table consent_aud
    add column case_id uuid, add column organisation varchar(64), add column evidence_kind varchar(20),
    add column evidence_obtained_on date, add column evidence_obtained_by varchar(200),
    add column withdrawn_by_organisation varchar(64), add column withdrawal_reason varchar(2000),
    add column withdrawal_recorded_at timestamptz;
create index consent_case_idx on consent (case_id);

-- What this migration did with each consent that existed before it, so it can be reviewed.
--   REQUEST_LOG              the disclosure log of the request that recorded it names a case of the person
--   RECORDERS_EARLIEST_CASE  else the earliest case of the person the recorder's organisation was admitted to
--   NOT_PLACED               neither could be known: it stays on no case and opens nothing
create table consent_migration (
    consent_id    uuid          primary key references consent (id),
    case_id       uuid          references case_file (id),
    organisation  varchar(64),
    placed_by     varchar(30)   not null check (placed_by in ('REQUEST_LOG', 'RECORDERS_EARLIEST_CASE', 'NOT_PLACED')),
    migrated_at   timestamptz   not null default now()
);
grant select on consent_migration to ${app_role};
-- The existing consents are placed on a case in V52_1.
