-- Structured assessment, interventions and follow-up. Ratings, judgements, the details of a
-- case intervention (its parts, the community persons involved), barrier responses and
-- outcome notes are case content: sealed (AES-GCM, bound to table, column and row) and read
-- through the disclosure gate. What stays in the clear is what evaluation counts: which
-- intervention, when it started and ended, how it ended, which kind of barrier was met.

create table assessment_rating (
    id                   uuid          primary key,
    case_id              uuid          not null references case_file (id),
    moment               varchar(20)   not null,
    domain               varchar(40)   not null,
    category             varchar(20)   not null check (category in
                             ('GENERAL', 'IDENTITY', 'SOCIAL', 'HEALTH', 'CRIMINAL', 'RISK')),
    organisation         varchar(64)   not null references organisation (code),
    author               varchar(100)  not null,
    legal_basis          varchar(20)   not null check (legal_basis in ('CONSENT', 'STATUTORY', 'PUBLIC_TASK')),
    consent_id           uuid,
    statutory_reference  varchar(200),
    instrument_version   varchar(64)   not null,
    content_ciphertext   bytea         not null,
    created_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index assessment_rating_case on assessment_rating (case_id, created_at);

create table case_intervention (
    id                        uuid          primary key,
    case_id                   uuid          not null references case_file (id),
    intervention_code         varchar(60)   not null,
    catalogue_version         varchar(64)   not null,
    chosen_by                 varchar(100)  not null,
    organisation              varchar(64)   not null references organisation (code),
    delivering_organisations  varchar(64)[] not null,
    addressed_domains         varchar(40)[] not null,
    started_on                date          not null,
    expected_weeks            integer       not null check (expected_weeks between 1 and 520),
    details_ciphertext        bytea         not null,
    outcome                   varchar(20)   check (outcome in ('COMPLETED', 'STOPPED_EARLY')),
    ended_on                  date,
    outcome_ciphertext        bytea,
    created_at                timestamptz   not null,
    version                   bigint        not null default 0
);
create index case_intervention_case on case_intervention (case_id);
create index case_intervention_code on case_intervention (intervention_code);

create table intervention_barrier (
    id                    uuid          primary key,
    case_intervention_id  uuid          not null references case_intervention (id),
    case_id               uuid          not null references case_file (id),
    kind                  varchar(40)   not null,
    occurred_on           date          not null,
    organisation          varchar(64)   not null references organisation (code),
    recorded_by           varchar(100)  not null,
    response_ciphertext   bytea         not null,
    created_at            timestamptz   not null
);
create index intervention_barrier_intervention on intervention_barrier (case_intervention_id);

create table follow_up (
    id                        uuid          primary key,
    case_intervention_id      uuid          not null references case_intervention (id),
    case_id                   uuid          not null references case_file (id),
    months_after_start        integer       not null,
    due_on                    date          not null,
    responsible_organisation  varchar(64)   not null references organisation (code),
    done_at                   timestamptz,
    version                   bigint        not null default 0
);
create index follow_up_due on follow_up (due_on) where done_at is null;

create table assessment_rating_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_id uuid, moment varchar(20), domain varchar(40), category varchar(20), organisation varchar(64),
    author varchar(100), legal_basis varchar(20), consent_id uuid, statutory_reference varchar(200),
    instrument_version varchar(64), content_ciphertext bytea, created_at timestamptz,
    primary key (id, rev)
);
create table case_intervention_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_id uuid, intervention_code varchar(60), catalogue_version varchar(64), chosen_by varchar(100),
    organisation varchar(64), delivering_organisations varchar(64)[], addressed_domains varchar(40)[],
    started_on date, expected_weeks integer, details_ciphertext bytea, outcome varchar(20), ended_on date,
    outcome_ciphertext bytea, created_at timestamptz,
    primary key (id, rev)
);
create table intervention_barrier_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_intervention_id uuid, case_id uuid, kind varchar(40), occurred_on date, organisation varchar(64),
    recorded_by varchar(100), response_ciphertext bytea, created_at timestamptz,
    primary key (id, rev)
);
create table follow_up_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_intervention_id uuid, case_id uuid, months_after_start integer, due_on date,
    responsible_organisation varchar(64), done_at timestamptz,
    primary key (id, rev)
);

grant select, insert, update on assessment_rating, case_intervention, intervention_barrier, follow_up to ${app_role};
grant select, insert on assessment_rating_aud, case_intervention_aud, intervention_barrier_aud, follow_up_aud to ${app_role};
