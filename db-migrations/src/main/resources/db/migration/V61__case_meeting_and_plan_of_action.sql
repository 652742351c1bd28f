-- The case meeting (casusoverleg) and the plan of action (plan van aanpak).
--
-- A meeting belongs to one safety house and has an agenda of that house's cases; the
-- organisations admitted to a case on the agenda are invited, and attendance is recorded
-- per organisation. Minutes are written per case on the agenda; they are case content, so
-- their text is AEAD ciphertext bound to (minutes, content_ciphertext, id) and read through
-- the disclosure gate only, like a contribution.
create table meeting (
    id            uuid          primary key,
    safety_house  varchar(64)   not null references organisation (code),
    starts_at     timestamptz   not null,
    place         varchar(200),
    video_link    varchar(500),
    chair         varchar(200),
    scheduled_by  varchar(100)  not null,
    scheduled_at  timestamptz   not null,
    version       bigint        not null default 0
);
create index meeting_safety_house_idx on meeting (safety_house, starts_at);

create table meeting_case (
    meeting_id  uuid     not null references meeting (id),
    position    integer  not null,
    case_id     uuid     not null references case_file (id),
    primary key (meeting_id, position),
    -- deferred: reordering an agenda moves a case through another position within one change
    unique (meeting_id, case_id) deferrable initially deferred
);
create index meeting_case_case_idx on meeting_case (case_id);

create table meeting_attendance (
    id            uuid          primary key,
    meeting_id    uuid          not null references meeting (id),
    organisation  varchar(64)   not null references organisation (code),
    present       boolean       not null,
    recorded_by   varchar(100)  not null,
    recorded_at   timestamptz   not null,
    version       bigint        not null default 0,
    unique (meeting_id, organisation)
);

create table minutes (
    id                      uuid           primary key,
    meeting_id              uuid           not null references meeting (id),
    case_id                 uuid           not null references case_file (id),
    author                  varchar(100)   not null,
    author_organisation     varchar(64)    not null references organisation (code),
    category                varchar(20)    not null check (category in
                                ('GENERAL', 'IDENTITY', 'SOCIAL', 'HEALTH', 'CRIMINAL', 'RISK')),
    legal_basis             varchar(20)    not null check (legal_basis in ('STATUTORY', 'PUBLIC_TASK')),
    statutory_reference     varchar(200),
    every_participant       boolean        not null,
    audience_organisations  varchar(64)[]  not null default '{}',
    audience_domains        varchar(20)[]  not null default '{}',
    content_ciphertext      bytea          not null,
    created_at              timestamptz    not null,
    version                 bigint         not null default 0,
    check (legal_basis <> 'STATUTORY' or statutory_reference is not null)
);
create index minutes_case_idx on minutes (case_id, created_at);

create table minutes_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    meeting_id uuid, case_id uuid, author varchar(100), author_organisation varchar(64), category varchar(20),
    legal_basis varchar(20), statutory_reference varchar(200), every_participant boolean,
    audience_organisations varchar(64)[], audience_domains varchar(20)[], content_ciphertext bytea,
    created_at timestamptz,
    primary key (id, rev)
);

-- An action of the plan of action: what one admitted organisation does, by when. Its
-- description is case content (sealed like a contribution, read through the gate); the
-- organisation, deadline and status are the plan's metadata. Each status change may carry a
-- progress note, also sealed and read through the gate.
create table case_action (
    id                       uuid          primary key,
    case_id                  uuid          not null references case_file (id),
    organisation             varchar(64)   not null references organisation (code),
    due                      date          not null,
    status                   varchar(20)   not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    description_ciphertext   bytea         not null,
    assigned_by              varchar(100)  not null,
    assigned_by_organisation varchar(64)   not null references organisation (code),
    assigned_at              timestamptz   not null,
    meeting_id               uuid          references meeting (id),
    status_changed_by        varchar(100),
    status_changed_at        timestamptz,
    version                  bigint        not null default 0
);
create index case_action_case_idx on case_action (case_id, due);
create index case_action_organisation_idx on case_action (organisation, status);

create table case_action_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    case_id uuid, organisation varchar(64), due date, status varchar(20), description_ciphertext bytea,
    assigned_by varchar(100), assigned_by_organisation varchar(64), assigned_at timestamptz, meeting_id uuid,
    status_changed_by varchar(100), status_changed_at timestamptz,
    primary key (id, rev)
);

create table action_note (
    id                   uuid          primary key,
    action_id            uuid          not null references case_action (id),
    case_id              uuid          not null references case_file (id),
    status               varchar(20)   not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    author               varchar(100)  not null,
    author_organisation  varchar(64)   not null references organisation (code),
    content_ciphertext   bytea,
    created_at           timestamptz   not null,
    version              bigint        not null default 0
);
create index action_note_action_idx on action_note (action_id, created_at);

create table action_note_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    action_id uuid, case_id uuid, status varchar(20), author varchar(100), author_organisation varchar(64),
    content_ciphertext bytea, created_at timestamptz,
    primary key (id, rev)
);

-- minutes and notes are written once; update is for key rotation re-sealing their text only
grant select, insert, update on meeting, meeting_attendance, case_action, minutes, action_note to ${app_role};
grant select, insert, update, delete on meeting_case to ${app_role};
grant select, insert on minutes_aud, case_action_aud, action_note_aud to ${app_role};
