-- Casework: the referral behind a case, the triage decision, emergency access and
-- disclosure requests for existence-only items.

-- Who referred, and why. The reason, the goal and why the person was not informed are free
-- text about the person: sealed like contribution text, bound to (referral, details_ciphertext, case id).
create table referral (
    case_id                  uuid           primary key references case_file (id),
    referring_organisation   varchar(64)    not null references organisation (code),
    referring_professional   varchar(200)   not null,
    invited_partners         varchar(64)[]  not null default '{}',
    person_informed          boolean        not null,
    details_ciphertext       bytea          not null,
    version                  bigint         not null default 0
);
create table referral_aud (
    case_id uuid not null, rev bigint not null references revision (id), revtype smallint,
    referring_organisation varchar(64), referring_professional varchar(200), invited_partners varchar(64)[],
    person_informed boolean, details_ciphertext bytea,
    primary key (case_id, rev)
);

alter table case_file add column triage_outcome varchar(20)
    check (triage_outcome in ('ACCEPTED', 'ADVICE_ONLY', 'DECLINED'));
alter table case_file add column triage_reason varchar(2000);
alter table case_file_aud add column triage_outcome varchar(20);
alter table case_file_aud add column triage_reason varchar(2000);

-- Emergency access (noodtoegang): time-boxed, with a written reason; every read under it is
-- flagged for review. It ends by itself at expires_at.
create table break_glass (
    id             uuid           primary key,
    case_id        uuid           not null references case_file (id),
    actor          varchar(100)   not null,
    organisation   varchar(64)    not null,
    reason         varchar(2000)  not null,
    opened_at      timestamptz    not null,
    expires_at     timestamptz    not null,
    check (expires_at > opened_at)
);
create index break_glass_case_actor_idx on break_glass (case_id, actor, expires_at desc);
create table break_glass_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_id uuid, actor varchar(100), organisation varchar(64), reason varchar(2000),
    opened_at timestamptz, expires_at timestamptz,
    primary key (id, rev)
);

-- A participant who sees an item as existence-only asks its author to disclose it. The
-- author grants (naming the legal basis and the audience: this requester or their whole
-- organisation) or refuses with a reason.
create table disclosure_request (
    id                       uuid           primary key,
    case_id                  uuid           not null references case_file (id),
    contribution_id          uuid           not null references contribution (id),
    requester                varchar(100)   not null,
    requester_organisation   varchar(64)    not null,
    purpose                  varchar(40)    not null,
    reason                   varchar(2000)  not null,
    requested_at             timestamptz    not null,
    state                    varchar(20)    not null check (state in ('OPEN', 'GRANTED', 'REFUSED')),
    decided_by               varchar(100),
    decided_at               timestamptz,
    granted_basis            varchar(20)    check (granted_basis in
                                 ('CONSENT', 'STATUTORY', 'CONFLICT_OF_DUTIES', 'PUBLIC_TASK')),
    granted_to_organisation  boolean,
    consent_id               uuid           references consent (id),
    statutory_reference      varchar(200),
    cod_interest             varchar(2000),
    cod_why_no_consent       varchar(2000),
    cod_no_other_way         varchar(2000),
    cod_serious_harm         varchar(2000),
    cod_strictly_needed      varchar(2000),
    refusal_reason           varchar(2000),
    version                  bigint         not null default 0,
    check (state <> 'GRANTED' or granted_basis is not null),
    check (state <> 'REFUSED' or refusal_reason is not null)
);
create index disclosure_request_contribution_idx on disclosure_request (contribution_id, state);
create index disclosure_request_requester_idx on disclosure_request (requester, requested_at desc);
create table disclosure_request_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_id uuid, contribution_id uuid, requester varchar(100), requester_organisation varchar(64),
    purpose varchar(40), reason varchar(2000), requested_at timestamptz, state varchar(20),
    decided_by varchar(100), decided_at timestamptz, granted_basis varchar(20), granted_to_organisation boolean,
    consent_id uuid, statutory_reference varchar(200), cod_interest varchar(2000),
    cod_why_no_consent varchar(2000), cod_no_other_way varchar(2000), cod_serious_harm varchar(2000),
    cod_strictly_needed varchar(2000), refusal_reason varchar(2000),
    primary key (id, rev)
);

grant select, insert, update on referral, disclosure_request to ${app_role};
grant select, insert on break_glass, referral_aud, break_glass_aud, disclosure_request_aud to ${app_role};
