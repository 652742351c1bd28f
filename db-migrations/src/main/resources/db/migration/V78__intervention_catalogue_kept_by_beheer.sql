-- The intervention catalogue is kept by beheer in the application, no longer only in
-- policies/interventions.yaml: the file is the shipped default that fills these tables once,
-- when they are empty, and the schema its entries are checked against. Its follow-up months and
-- kinds of barrier stay in the file.
--
-- intervention_catalogue has one row: which file it was filled from, and the edition, the
-- number of edits since (the catalogue's version is '<declared version>+<edition>', e.g.
-- 2026.1+3). Every edit raises the edition under this row's lock, so edits are ordered and two
-- administrators never both add the same code.
create table intervention_catalogue (
    id              smallint      primary key check (id = 1),
    base_version    varchar(40)   not null,
    seeded_from     varchar(64)   not null,
    seeded_at       timestamptz   not null,
    edition         integer       not null default 0 check (edition >= 0),
    changed_at      timestamptz   not null
);

-- One intervention. A code is stable (it is what a case's intervention, the evaluation and the
-- practitioners' notes refer to), so an intervention is never deleted: it is retired, no
-- longer offered for new cases, and keeps its name everywhere it was used.
create table catalogue_intervention (
    code                    varchar(60)    primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    position                integer        not null,
    name_nl                 varchar(200)   not null,
    name_en                 varchar(200)   not null,
    provider_type_nl        varchar(200)   not null,
    provider_type_en        varchar(200)   not null,
    delivered_by            varchar(20)    not null check (delivered_by in ('CARE', 'JUSTICE', 'MUNICIPAL', 'SAFETY_HOUSE')),
    working_elements        varchar(30)[]  not null check (cardinality(working_elements) > 0),
    age_groups              integer[]      not null default '{}',
    phases                  integer[]      not null default '{}',
    statuses                integer[]      not null default '{}',
    minimum_duration_weeks  integer        not null check (minimum_duration_weeks between 0 and 520),
    trauma_sensitive        boolean        not null,
    trust_building          boolean        not null,
    family_or_community     boolean        not null,
    retired_at              timestamptz
);

-- Who changed what, when: one row per edit, its fields as a JSON list of
-- {"field", "before", "after"}. Insert only. The catalogue names no case and no person
-- concerned, so the values are kept in the clear.
create table intervention_catalogue_change (
    id                  uuid           primary key,
    edition             integer        not null,
    catalogue_version   varchar(64)    not null,
    intervention_code   varchar(60)    not null references catalogue_intervention (code),
    change              varchar(20)    not null check (change in ('ADDED', 'CHANGED', 'RETIRED')),
    fields              text           not null,
    changed_by          varchar(100)   not null,
    changed_by_name     varchar(200),
    organisation        varchar(64)    not null,
    changed_at          timestamptz    not null
);
create index intervention_catalogue_change_at on intervention_catalogue_change (changed_at desc, edition desc);

grant select, insert on intervention_catalogue to ${app_role};
grant update (edition, changed_at) on intervention_catalogue to ${app_role};
grant select, insert on catalogue_intervention to ${app_role};
grant update (name_nl, name_en, provider_type_nl, provider_type_en, delivered_by, working_elements, age_groups,
    phases, statuses, minimum_duration_weeks, trauma_sensitive, trust_building, family_or_community, retired_at)
    on catalogue_intervention to ${app_role};
grant select, insert on intervention_catalogue_change to ${app_role};
