-- The disclosure log's events in monthly partitions. The auditor searches by period (and by
-- case, person, professional or organisation within it), newest first; at national scale the
-- event table grows by millions of rows a month, and every index of it with them. Partitioned
-- by range on occurred_at, one partition per calendar month in Europe/Amsterdam (the auditor's
-- dates are Amsterdam dates, so a search of one month reads one partition), each with the
-- btrees the auditor's filters use (docs/audit.md) and a BRIN on time, which costs a few pages
-- a month and lets a long period in an old month be read without walking its btree.
--
-- Why occurred_at and not the time in the event's v7 id: the id comes from the system clock
-- and occurred_at from the application's clock, the two may disagree, and the auditor filters
-- on occurred_at. The primary key becomes (id, occurred_at), since a partitioned table's
-- unique keys must hold the partition key.
--
-- Items carry their event's occurred_at and the view "disclosure" joins an item to its event
-- on (event_id, occurred_at): joined on event_id alone, every item would probe the key of
-- every partition; joined on both, run-time pruning probes one. Sealing, verify, the review
-- scan and subject access all read through that join. The application writes an item's time
-- from its event's, in the same statement batch. No foreign key checks the pair (none checked
-- event_id before): it would cost a lookup and a row lock per item on the busiest insert, and
-- refuse a TRUNCATE before the append-only trigger could. Instead the sealer counts the items
-- of each block in the table as well as in the view, and refuses to seal when an item cannot
-- find its event, so no item can slip past the seal unseen.
--
-- Nothing the seal covers changes. The chain is computed per item, in seq order, over the
-- view's columns; occurred_at in the view was the event's and still is. Items keep their id,
-- seq and inserted_at, events their id (so disclosure_aud, which holds event ids, is
-- untouched), and disclosure_row and disclosure_block are not touched at all.
--
-- Rows are moved with insert ... select, never updated: the log stays append-only throughout,
-- and the new tables are written in time (events) and seal (items) order. At national scale
-- this rewrites the whole log: a maintenance window.

-- Nobody writes the log while it moves (the migration holds these locks to its end).
lock table disclosure_event, disclosure_event_item in access exclusive mode;

drop view disclosure;

alter table disclosure_event rename to disclosure_event_before_months;
alter table disclosure_event_item rename to disclosure_event_item_before_months;

create table disclosure_event (
    id                   uuid          not null,
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
) partition by range (occurred_at);

-- A row never fails for want of its month: it lands here. But this partition must stay empty:
-- a month whose rows are here can no longer be attached, and every search that is not
-- limited to defined months reads it.
create table disclosure_event_default partition of disclosure_event default;

create table disclosure_event_item (
    seq                  bigint        not null default nextval('disclosure_seq_seq'),
    id                   uuid          not null,
    event_id             uuid          not null,
    occurred_at          timestamptz   not null,
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

-- One month of events, made by the owner. A partition is attached rather than created as a
-- partition of the log: attaching leaves readers and writers of the other months alone (it
-- takes the default partition's lock only, briefly, to see that it holds nothing of the
-- month; it gives up after two seconds and the next run tries again). The month gets the
-- parent's indexes and row triggers on attaching; TRUNCATE of a partition does not fire the
-- parent's trigger, so it gets its own; the application may insert and select, nothing else.
-- Answers false when the month is already there, or when the default partition holds rows
-- of it (they stay there, found by every search; the month is then left to the owner). Only
-- the owner may call it, for any month (this migration, for the months the log already spans);
-- whoever does, the partition belongs to the owner.
create function disclosure_event_create_month(first_of date) returns boolean
    language plpgsql
    security definer
    set lock_timeout = '2s'
as $$
declare
    first_day date := date_trunc('month', first_of)::date;
    lower_bound timestamptz := first_day::timestamp at time zone 'Europe/Amsterdam';
    upper_bound timestamptz := (first_day + interval '1 month')::timestamp at time zone 'Europe/Amsterdam';
    partition_name text := 'disclosure_event_' || to_char(first_day, 'YYYY_MM');
begin
    -- one at a time, whoever asks (two instances, the job and the owner)
    perform pg_advisory_xact_lock(hashtext('disclosure_event_create_month'));
    if to_regclass(partition_name) is not null then
        return false;
    end if;
    if exists (select 1 from disclosure_event_default
                where occurred_at >= lower_bound and occurred_at < upper_bound) then
        raise warning 'disclosure_event_default holds events of %; month not attached', to_char(first_day, 'YYYY-MM');
        return false;
    end if;
    execute format('create table %I (like disclosure_event including defaults including constraints)',
                   partition_name);
    execute format('alter table disclosure_event attach partition %I for values from (%L) to (%L)',
                   partition_name, lower_bound, upper_bound);
    execute format('create trigger %I before truncate on %I for each statement '
                   'execute function refuse_change_to_append_only_table()',
                   partition_name || '_no_truncate', partition_name);
    execute format('grant select, insert on %I to %I', partition_name, '${app_role}');
    return true;
end
$$;
revoke all on function disclosure_event_create_month(date) from public;

-- What the application may ask for: a month from last month to two years ahead (its clock and
-- the database's may differ a little), made with the owner's rights. The application role
-- cannot create tables otherwise, and cannot drop, truncate or change a partition.
create function disclosure_event_prepare_month(first_of date) returns boolean
    language plpgsql
    security definer
as $$
declare
    this_month date := date_trunc('month', now() at time zone 'Europe/Amsterdam')::date;
begin
    if first_of is null or first_of < this_month - interval '1 month'
       or first_of >= this_month + interval '25 months' then
        raise exception 'a month of the disclosure log is prepared from last month to two years ahead, not %', first_of
            using errcode = 'invalid_parameter_value';
    end if;
    return disclosure_event_create_month(first_of);
end
$$;
-- a security definer function looks names up in its own schema only, never in one the caller
-- chose or made
do $$
begin
    execute format('alter function disclosure_event_create_month(date) set search_path = %I, pg_temp', current_schema());
    execute format('alter function disclosure_event_prepare_month(date) set search_path = %I, pg_temp', current_schema());
end
$$;
revoke all on function disclosure_event_prepare_month(date) from public;
grant execute on function disclosure_event_prepare_month(date) to ${app_role};

-- The months from the oldest event (or this month, in an empty log) to a year past the newest
-- event or today, whichever is later.
do $$
declare
    zone constant text := 'Europe/Amsterdam';
    first_month date;
    last_month date;
    m date;
begin
    select date_trunc('month', coalesce(min(occurred_at), now()) at time zone zone)::date,
           (date_trunc('month', greatest(coalesce(max(occurred_at), now()), now()) at time zone zone)
               + interval '12 months')::date
      into first_month, last_month
      from disclosure_event_before_months;
    m := first_month;
    while m <= last_month loop
        perform disclosure_event_create_month(m);
        m := (m + interval '1 month')::date;
    end loop;
end
$$;
create trigger disclosure_event_default_no_truncate before truncate on disclosure_event_default
    for each statement execute function refuse_change_to_append_only_table();

-- The rows, in time order (events) and seal order (items); an item without its event (there
-- should be none: the view never showed one) would stop the migration.
insert into disclosure_event (id, occurred_at, actor, actor_organisation, case_id, person_id, purpose, policy_version,
                              channel, request_id, correlation_id)
select id, occurred_at, actor, actor_organisation, case_id, person_id, purpose, policy_version, channel, request_id,
       correlation_id
  from disclosure_event_before_months
 order by occurred_at, id;

insert into disclosure_event_item (seq, id, event_id, occurred_at, actor_role, item_kind, item_id, category,
                                   legal_basis, rule_id, decision, consent_id, flagged, inserted_at)
select i.seq, i.id, i.event_id, e.occurred_at, i.actor_role, i.item_kind, i.item_id, i.category, i.legal_basis,
       i.rule_id, i.decision, i.consent_id, i.flagged, i.inserted_at
  from disclosure_event_item_before_months i
  join disclosure_event_before_months e on e.id = i.event_id
 order by i.seq;

do $$
declare
    events_before bigint := (select count(*) from disclosure_event_before_months);
    events_after bigint := (select count(*) from disclosure_event);
    items_before bigint := (select count(*) from disclosure_event_item_before_months);
    items_after bigint := (select count(*) from disclosure_event_item);
begin
    if events_before <> events_after or items_before <> items_after then
        raise exception 'the disclosure log did not move whole: % of % events, % of % items',
            events_after, events_before, items_after, items_before;
    end if;
    if exists (select 1 from disclosure_event_default) then
        raise exception 'events outside the months made for them';
    end if;
end
$$;

drop table disclosure_event_item_before_months;
drop table disclosure_event_before_months;

-- The indexes of docs/audit.md, each one per partition (and per month made later).
alter table disclosure_event add constraint disclosure_event_pkey primary key (id, occurred_at);
create index disclosure_event_time_idx on disclosure_event (occurred_at desc, id desc);
create index disclosure_event_case_idx on disclosure_event (case_id, occurred_at desc);
create index disclosure_event_person_idx on disclosure_event (person_id, occurred_at desc);
create index disclosure_event_actor_idx on disclosure_event (actor, occurred_at desc);
create index disclosure_event_organisation_idx on disclosure_event (actor_organisation, occurred_at desc);
create index disclosure_event_occurred_brin on disclosure_event using brin (occurred_at);
create unique index disclosure_event_item_id_uk on disclosure_event_item (id);
create unique index disclosure_event_item_seq_uk on disclosure_event_item (seq);
create index disclosure_event_item_event_idx on disclosure_event_item (event_id);
create index disclosure_event_item_denied_idx on disclosure_event_item (event_id) where decision = 'DENY';
create index disclosure_event_item_flagged_event_idx on disclosure_event_item (event_id) where flagged;

-- Append-only as before. The row triggers on the parent are cloned onto every partition, the
-- months made later too; TRUNCATE triggers are per table (above, and in the month function).
create trigger disclosure_event_append_only before update or delete on disclosure_event
    for each row execute function refuse_change_to_append_only_table();
create trigger disclosure_event_no_truncate before truncate on disclosure_event
    for each statement execute function refuse_change_to_append_only_table();
create trigger disclosure_event_item_append_only before update or delete on disclosure_event_item
    for each row execute function refuse_change_to_append_only_table();
create trigger disclosure_event_item_no_truncate before truncate on disclosure_event_item
    for each statement execute function refuse_change_to_append_only_table();

grant select, insert on disclosure_event, disclosure_event_item, disclosure_event_default to ${app_role};

-- The log one row per item, as every reader knows it, now joined on the event's key.
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
    join disclosure_event e on e.id = i.event_id and e.occurred_at = i.occurred_at;

alter view disclosure alter column seq set default nextval('disclosure_seq_seq');
alter view disclosure alter column inserted_at set default clock_timestamp();
alter view disclosure alter column flagged set default false;
create trigger disclosure_insert_one_row instead of insert on disclosure
    for each row execute function disclosure_insert_one_row();
create trigger disclosure_append_only instead of update or delete on disclosure
    for each row execute function refuse_change_to_append_only_table();
grant select, insert on disclosure to ${app_role};

analyze disclosure_event;
analyze disclosure_event_item;
