-- Crypto-shredding: each case has its own data key, a Tink keyset wrapped by the master key
-- (associated data: the case id). Erasure overwrites the wrapped keyset with nothing and
-- stamps destroyed_at; every copy of the case's ciphertext (live, *_aud, backups) stays
-- unreadable from then on. No foreign key: the key is written by the same transaction that
-- first seals for a case, possibly before Hibernate has flushed the case row.
create table case_key (
    case_id         uuid         primary key,
    wrapped_keyset  bytea,
    created_at      timestamptz  not null,
    destroyed_at    timestamptz,
    check ((wrapped_keyset is null) = (destroyed_at is not null))
);
grant select, insert, update on case_key to ${app_role};

-- Proof of destruction: what was erased, when, under which rule or request, by which job run
-- or requester. No personal data: the case id and reference are pseudonyms once the person is blanked.
create table destruction_proof (
    id               uuid          primary key,
    case_id          uuid          not null,
    case_reference   varchar(32)   not null,
    destroyed_at     timestamptz   not null,
    kind             varchar(20)   not null check (kind in ('RETENTION_DUE', 'PERSON_REQUEST')),
    rule_id          varchar(80),
    job_run_id       uuid,
    requested_by     varchar(100),
    what             varchar(4000) not null,
    check ((job_run_id is null) <> (requested_by is null))
);
create index destruction_proof_time_idx on destruction_proof (destroyed_at desc);
create index destruction_proof_rule_idx on destruction_proof (rule_id, destroyed_at desc);
create unique index destruction_proof_case_uk on destruction_proof (case_id);
-- proofs are written once and never changed
grant select, insert on destruction_proof to ${app_role};

-- A retention period extended for a pending legal procedure, with the reason, recorded.
create table retention_extension (
    id              uuid           primary key,
    case_id         uuid           not null,
    extended_until  date           not null,
    reason          varchar(2000)  not null,
    recorded_by     varchar(100)   not null,
    recorded_at     timestamptz    not null
);
create index retention_extension_case_idx on retention_extension (case_id, extended_until desc);
grant select, insert on retention_extension to ${app_role};

-- A request of the person (AVG art. 17 erasure, art. 16 rectification) and the coordinator's
-- decision on it. The reason says why in words about the request, not about the person.
create table erasure_request (
    id            uuid           primary key,
    case_id       uuid           not null,
    kind          varchar(20)    not null check (kind in ('ERASURE', 'RECTIFICATION')),
    reason        varchar(2000)  not null,
    decision      varchar(20)    not null check (decision in ('GRANTED', 'REFUSED')),
    decided_by    varchar(100)   not null,
    decided_at    timestamptz    not null
);
create index erasure_request_case_idx on erasure_request (case_id, decided_at desc);
grant select, insert on erasure_request to ${app_role};

-- One row per run of the daily retention job (the proofs name it).
create table retention_run (
    id           uuid         primary key,
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    erased       integer      not null default 0
);
grant select, insert, update on retention_run to ${app_role};

-- Erasure blanks the free text and ciphertext of a case in the live tables and in their Envers
-- copies. The audit trail otherwise only grows: the application may update exactly those
-- columns (bytea, and varchar of 300 characters or more) of the tables that hold a case's data,
-- never the disclosure log, and the person's identifying columns in person_aud. retention.CaseErasure
-- walks the same columns with the same criteria.
do $$
declare
    c record;
begin
    for c in
        select col.table_name, col.column_name
          from information_schema.columns col
         where col.table_schema = current_schema()
           and (col.data_type = 'bytea'
                or (col.data_type = 'character varying' and col.character_maximum_length >= 300))
           and col.table_name not like 'disclosure\_event%'
           and col.table_name not in ('disclosure', 'disclosure_aud', 'disclosure_row', 'disclosure_block', 'review_item',
                                      'review_item_aud', 'security_event', 'case_key', 'destruction_proof',
                                      'retention_extension', 'retention_run', 'erasure_request')
           and exists (select 1 from information_schema.tables t
                        where t.table_schema = col.table_schema and t.table_name = col.table_name
                          and t.table_type = 'BASE TABLE')
           and (col.table_name in ('case_file', 'case_file_aud')
                or exists (select 1 from information_schema.columns k
                            where k.table_schema = col.table_schema and k.table_name = col.table_name
                              and k.column_name = 'case_id'))
    loop
        execute format('grant update (%I) on %I to %I', c.column_name, c.table_name, '${app_role}');
    end loop;
end
$$;
grant update (name, date_of_birth, bsn_ciphertext, bsn_index, address) on person_aud to ${app_role};
