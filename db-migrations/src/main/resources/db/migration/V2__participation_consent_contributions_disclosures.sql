-- The privacy core: who is admitted to a case for which purposes, the person's consents,
-- contributions (sealed), and the disclosure log.

-- An organisation (optionally only named professionals of it) admitted to a case for
-- named purposes until an end date. Removal is a fact with a time, never a delete.
create table participation (
    id                      uuid          primary key,
    case_id                 uuid          not null references case_file (id),
    organisation_code       varchar(64)   not null references organisation (code),
    professionals           varchar(100)[] not null default '{}',
    purposes                varchar(40)[] not null check (cardinality(purposes) > 0),
    valid_until             date,
    admitted_by             varchar(100)  not null,
    admitted_at             timestamptz   not null,
    removed_by              varchar(100),
    removed_at              timestamptz,
    version                 bigint        not null default 0
);
create index participation_case_idx on participation (case_id, organisation_code);

-- Consent is an object: per person, scoped to partners or domains, categories and
-- purposes, with a validity period; withdrawal is a date, and stops disclosures at once.
create table consent (
    id                uuid           primary key,
    person_id         uuid           not null references person (id),
    organisations     varchar(64)[]  not null default '{}',
    domains           varchar(20)[]  not null default '{}',
    categories        varchar(20)[]  not null check (cardinality(categories) > 0),
    purposes          varchar(40)[]  not null check (cardinality(purposes) > 0),
    valid_from        date           not null,
    valid_until       date,
    evidence          varchar(300),
    recorded_by       varchar(100)   not null,
    recorded_at       timestamptz    not null,
    withdrawn_on      date,
    withdrawn_by      varchar(100),
    version           bigint         not null default 0,
    check (cardinality(organisations) + cardinality(domains) > 0),
    check (valid_until is null or valid_until >= valid_from)
);
create index consent_person_idx on consent (person_id);

-- One information item from one professional. The text is AEAD ciphertext bound to
-- (contribution, content_ciphertext, id); the legal basis carries what it needs.
create table contribution (
    id                       uuid           primary key,
    case_id                  uuid           not null references case_file (id),
    author                   varchar(100)   not null,
    author_organisation      varchar(64)    not null references organisation (code),
    category                 varchar(20)    not null check (category in
                                 ('GENERAL', 'IDENTITY', 'SOCIAL', 'HEALTH', 'CRIMINAL', 'RISK')),
    legal_basis              varchar(20)    not null check (legal_basis in
                                 ('CONSENT', 'STATUTORY', 'CONFLICT_OF_DUTIES', 'PUBLIC_TASK')),
    consent_id               uuid           references consent (id),
    statutory_reference      varchar(200),
    cod_interest             varchar(2000),
    cod_why_no_consent       varchar(2000),
    cod_no_other_way         varchar(2000),
    cod_serious_harm         varchar(2000),
    cod_strictly_needed      varchar(2000),
    audience_organisations   varchar(64)[]  not null default '{}',
    audience_domains         varchar(20)[]  not null default '{}',
    content_ciphertext       bytea          not null,
    created_at               timestamptz    not null,
    version                  bigint         not null default 0,
    check (legal_basis <> 'CONSENT' or consent_id is not null),
    check (legal_basis <> 'STATUTORY' or statutory_reference is not null),
    check (legal_basis <> 'CONFLICT_OF_DUTIES' or (cod_interest is not null and cod_why_no_consent is not null
        and cod_no_other_way is not null and cod_serious_harm is not null and cod_strictly_needed is not null))
);
create index contribution_case_idx on contribution (case_id, created_at);

-- The disclosure log: one row per item shown, exported or denied. Append-only: the app
-- role may only INSERT and SELECT, and triggers refuse UPDATE, DELETE and TRUNCATE even
-- for roles that hold those privileges.
create table disclosure (
    id                   uuid          primary key,
    occurred_at          timestamptz   not null,
    actor                varchar(100)  not null,
    actor_organisation   varchar(64),
    actor_role           varchar(40),
    case_id              uuid,
    person_id            uuid,
    item_kind            varchar(20)   not null,
    item_id              uuid,
    category             varchar(20),
    purpose              varchar(40),
    legal_basis          varchar(20),
    rule_id              varchar(80)   not null,
    policy_version       varchar(64)   not null,
    decision             varchar(20)   not null check (decision in ('PERMIT', 'DENY', 'EXISTENCE_ONLY')),
    channel              varchar(10)   not null check (channel in ('UI', 'API', 'EXPORT')),
    request_id           varchar(64),
    flagged              boolean       not null default false
);
create index disclosure_case_idx on disclosure (case_id, occurred_at desc);
create index disclosure_person_idx on disclosure (person_id, occurred_at desc);
create index disclosure_actor_idx on disclosure (actor, occurred_at desc);
create index disclosure_item_idx on disclosure (item_id);

create function refuse_change_to_append_only_table() returns trigger
    language plpgsql as $$
begin
    raise exception 'table % is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger disclosure_append_only before update or delete on disclosure
    for each row execute function refuse_change_to_append_only_table();
create trigger disclosure_no_truncate before truncate on disclosure
    for each statement execute function refuse_change_to_append_only_table();

-- Envers audit tables
create table participation_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_id uuid, organisation_code varchar(64), professionals varchar(100)[], purposes varchar(40)[],
    valid_until date, admitted_by varchar(100), admitted_at timestamptz, removed_by varchar(100),
    removed_at timestamptz,
    primary key (id, rev)
);
create table consent_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    person_id uuid, organisations varchar(64)[], domains varchar(20)[], categories varchar(20)[],
    purposes varchar(40)[], valid_from date, valid_until date, evidence varchar(300),
    recorded_by varchar(100), recorded_at timestamptz, withdrawn_on date, withdrawn_by varchar(100),
    primary key (id, rev)
);
create table contribution_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_id uuid, author varchar(100), author_organisation varchar(64), category varchar(20),
    legal_basis varchar(20), consent_id uuid, statutory_reference varchar(200),
    cod_interest varchar(2000), cod_why_no_consent varchar(2000), cod_no_other_way varchar(2000),
    cod_serious_harm varchar(2000), cod_strictly_needed varchar(2000),
    audience_organisations varchar(64)[], audience_domains varchar(20)[], content_ciphertext bytea,
    created_at timestamptz,
    primary key (id, rev)
);
create table disclosure_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    occurred_at timestamptz, actor varchar(100), actor_organisation varchar(64), actor_role varchar(40),
    case_id uuid, person_id uuid, item_kind varchar(20), item_id uuid, category varchar(20),
    purpose varchar(40), legal_basis varchar(20), rule_id varchar(80), policy_version varchar(64),
    decision varchar(20), channel varchar(10), request_id varchar(64), flagged boolean,
    primary key (id, rev)
);
create trigger disclosure_aud_append_only before update or delete on disclosure_aud
    for each row execute function refuse_change_to_append_only_table();
create trigger disclosure_aud_no_truncate before truncate on disclosure_aud
    for each statement execute function refuse_change_to_append_only_table();

grant select, insert, update on participation, consent, contribution to ${app_role};
grant select, insert on disclosure, participation_aud, consent_aud, contribution_aud, disclosure_aud to ${app_role};
