-- One disclosure event per read. Until now every item a read showed, exported or denied was
-- its own row in a table with thirteen indexes: a case page of twenty contributions wrote 21
-- rows and 273 index entries. From here a read writes one event (who, organisation, purpose,
-- case, person, channel, request and correlation id, time, policy version) and a compact row
-- per item (the item, its category, legal basis, rule, decision, consent, role, flag), with
-- only the indexes a measured auditor query or the sealer needs.
--
-- The auditor, the review scan, the subject-access report, the sealer and the verifier keep
-- reading one row per item: "disclosure" becomes a view with the very columns the table had.
-- The rows written before stay where they are, in the table renamed "disclosure_row", with
-- their seq numbers, digests and sealed blocks; the items of events take their seq from the
-- same sequence, so the hash chain simply goes on: no block is resealed, no row rewritten.

alter table disclosure rename to disclosure_row;

create table disclosure_event (
    id                   uuid          primary key,
    occurred_at          timestamptz   not null,
    actor                varchar(100)  not null,
    actor_organisation   varchar(64),
    case_id              uuid,
    person_id            uuid,
    purpose              varchar(40),
    policy_version       varchar(64)   not null,
    channel              varchar(10)   not null check (channel in ('UI', 'API', 'EXPORT')),
    request_id           varchar(64),
    correlation_id       varchar(100)
);

-- seq and inserted_at are the database's, as they were on the table: the application never
-- writes them, and the sealer seals items in seq order once they are settled.
create table disclosure_event_item (
    seq                  bigint        not null default nextval('disclosure_seq_seq'),
    id                   uuid          not null,
    event_id             uuid          not null,
    actor_role           varchar(40),
    item_kind            varchar(20)   not null,
    item_id              uuid,
    category             varchar(20),
    legal_basis          varchar(20),
    rule_id              varchar(80)   not null,
    decision             varchar(20)   not null check (decision in ('PERMIT', 'DENY', 'EXISTENCE_ONLY')),
    consent_id           uuid,
    flagged              boolean       not null default false,
    inserted_at          timestamptz   not null default clock_timestamp()
);

-- Per event, one entry in each index the auditor's filters on the event use; per item only
-- its identity, its place in the seal order, its event, and the rare flagged items.
create index disclosure_event_time_idx on disclosure_event (occurred_at desc, id desc);
create index disclosure_event_case_idx on disclosure_event (case_id, occurred_at desc);
create index disclosure_event_person_idx on disclosure_event (person_id, occurred_at desc);
create index disclosure_event_actor_idx on disclosure_event (actor, occurred_at desc);
create index disclosure_event_organisation_idx on disclosure_event (actor_organisation, occurred_at desc);
create unique index disclosure_event_item_id_uk on disclosure_event_item (id);
create unique index disclosure_event_item_seq_uk on disclosure_event_item (seq);
create index disclosure_event_item_event_idx on disclosure_event_item (event_id);
create index disclosure_event_item_flagged_idx on disclosure_event_item (seq) where flagged;
create index disclosure_event_item_denied_idx on disclosure_event_item (event_id) where decision = 'DENY';

create trigger disclosure_event_append_only before update or delete on disclosure_event
    for each row execute function refuse_change_to_append_only_table();
create trigger disclosure_event_no_truncate before truncate on disclosure_event
    for each statement execute function refuse_change_to_append_only_table();
create trigger disclosure_event_item_append_only before update or delete on disclosure_event_item
    for each row execute function refuse_change_to_append_only_table();
create trigger disclosure_event_item_no_truncate before truncate on disclosure_event_item
    for each statement execute function refuse_change_to_append_only_table();

-- The log one row per item, as every reader knew it. consent_id and event_id are new and last.
create view disclosure as
    select r.id, r.occurred_at, r.actor, r.actor_organisation, r.actor_role, r.case_id, r.person_id,
           r.item_kind, r.item_id, r.category, r.purpose, r.legal_basis, r.rule_id, r.policy_version,
           r.decision, r.channel, r.request_id, r.flagged, r.seq, r.inserted_at, r.correlation_id,
           null::uuid as consent_id, null::uuid as event_id
    from disclosure_row r
    union all
    select i.id, e.occurred_at, e.actor, e.actor_organisation, i.actor_role, e.case_id, e.person_id,
           i.item_kind, i.item_id, i.category, e.purpose, i.legal_basis, i.rule_id, e.policy_version,
           i.decision, e.channel, e.request_id, i.flagged, i.seq, i.inserted_at, e.correlation_id,
           i.consent_id, e.id
    from disclosure_event_item i
    join disclosure_event e on e.id = i.event_id;

-- A row written one at a time (a bulk load, a repair by the owner) lands in disclosure_row as
-- before; changing or removing a row through the view is refused like on the tables.
alter view disclosure alter column seq set default nextval('disclosure_seq_seq');
alter view disclosure alter column inserted_at set default clock_timestamp();
alter view disclosure alter column flagged set default false;

create function disclosure_insert_one_row() returns trigger
    language plpgsql as $$
begin
    insert into disclosure_row (seq, id, occurred_at, actor, actor_organisation, actor_role, case_id, person_id,
                                item_kind, item_id, category, purpose, legal_basis, rule_id, policy_version,
                                decision, channel, request_id, flagged, inserted_at, correlation_id)
        overriding system value
        values (new.seq, new.id, new.occurred_at, new.actor, new.actor_organisation, new.actor_role, new.case_id,
                new.person_id, new.item_kind, new.item_id, new.category, new.purpose, new.legal_basis, new.rule_id,
                new.policy_version, new.decision, new.channel, new.request_id, new.flagged, new.inserted_at,
                new.correlation_id);
    return new;
end
$$;
create trigger disclosure_insert_one_row instead of insert on disclosure
    for each row execute function disclosure_insert_one_row();
create trigger disclosure_append_only instead of update or delete on disclosure
    for each row execute function refuse_change_to_append_only_table();

-- Envers keeps, per event, the revision that wrote it (the events replace the per-row ids).
-- Nothing changes in disclosure_aud itself: its ids are now event ids.

grant select, insert on disclosure_event, disclosure_event_item to ${app_role};
grant select, insert on disclosure to ${app_role};
