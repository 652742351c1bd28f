-- The auditor workspace: an order in which the disclosure log is sealed, indexes for the
-- auditor's searches, the sealed blocks, the record of verifications, and the review queue.

-- 1. Sealing order. The primary key is a random UUID and occurred_at comes from the
-- application's clock, so neither gives a gap-free order in which rows can be sealed. seq
-- is assigned by the database at insert, inserted_at is the database's clock at that
-- moment. Neither is mapped by the application (it never writes them). The sealer only
-- seals rows inserted longer ago than the longest possible transaction
-- (transaction_timeout on every application connection, plus a margin), so every row with
-- a lower seq has been committed or rolled back by then: a block never misses a row that
-- commits later. Adding the columns rewrites the table once; the append-only triggers fire
-- on UPDATE and DELETE, not on this rewrite.
alter table disclosure add column seq bigint generated always as identity;
alter table disclosure add column inserted_at timestamptz not null default clock_timestamp();
create unique index disclosure_seq_uk on disclosure (seq);

-- 2. Indexes for the auditor's search (docs/audit.md). Every search pages newest first by
-- keyset on (occurred_at, id), so each filter gets a composite index that starts with the
-- filtered column and continues in the page order: the first page of any single filter is
-- an index range scan that stops after 51 entries, whatever the size of the table. These
-- replace the V2 indexes that lacked the id tie-breaker (a backward scan of the new ones
-- serves the same ascending reads).
drop index disclosure_case_idx;
drop index disclosure_person_idx;
drop index disclosure_actor_idx;
create index disclosure_time_idx on disclosure (occurred_at desc, id desc);
create index disclosure_case_time_idx on disclosure (case_id, occurred_at desc, id desc);
create index disclosure_person_time_idx on disclosure (person_id, occurred_at desc, id desc);
create index disclosure_actor_time_idx on disclosure (actor, occurred_at desc, id desc);
create index disclosure_organisation_time_idx on disclosure (actor_organisation, occurred_at desc, id desc);
create index disclosure_purpose_time_idx on disclosure (purpose, occurred_at desc, id desc);
create index disclosure_category_time_idx on disclosure (category, occurred_at desc, id desc);
create index disclosure_decision_time_idx on disclosure (decision, occurred_at desc, id desc);
-- flagged rows are rare: a partial index holds only them
create index disclosure_flagged_time_idx on disclosure (occurred_at desc, id desc) where flagged;
-- a few kilobytes for the whole table: lets a period combine (bitmap AND) with another
-- filter's index, and serves reports over long periods without a btree walk
create index disclosure_occurred_brin on disclosure using brin (occurred_at);

-- 3. Sealed blocks: block n covers the rows with seq in [from_seq, to_seq]; its hash is
-- SHA-256 over the previous block's hash, the block's header and the canonical form of each
-- of its rows in seq order. row_digests holds per row the seq (8 bytes) and the first 16
-- bytes of the row's SHA-256, so verify can name the rows that differ.
create table disclosure_block (
    number          bigint       primary key check (number >= 1),
    from_seq        bigint       not null,
    to_seq          bigint       not null,
    row_count       integer      not null check (row_count >= 0),
    row_digests     bytea        not null,
    previous_hash   varchar(64)  not null,
    hash            varchar(64)  not null unique,
    sealed_at       timestamptz  not null,
    check (to_seq >= from_seq)
);
create trigger disclosure_block_append_only before update or delete on disclosure_block
    for each row execute function refuse_change_to_append_only_table();
create trigger disclosure_block_no_truncate before truncate on disclosure_block
    for each statement execute function refuse_change_to_append_only_table();

-- Every run of verify, from the command line or the auditor page: the last intact head is
-- where an incremental verify starts.
create table log_verification (
    id                   bigint generated always as identity primary key,
    verified_at          timestamptz   not null,
    verified_by          varchar(100)  not null,
    from_block           bigint,
    to_block             bigint,
    head_hash            varchar(64),
    rows_checked         bigint        not null,
    intact               boolean       not null,
    first_broken_block   bigint,
    summary              varchar(2000) not null
);
create trigger log_verification_append_only before update or delete on log_verification
    for each row execute function refuse_change_to_append_only_table();
create trigger log_verification_no_truncate before truncate on log_verification
    for each statement execute function refuse_change_to_append_only_table();

-- 4. The review queue. The scanner reads sealed rows only (so it never misses a row that
-- commits late) and remembers how far it got.
create table review_scan (
    id        smallint  primary key check (id = 1),
    last_seq  bigint    not null
);
insert into review_scan (id, last_seq) values (1, 0);

create table review_item (
    id                   uuid           primary key,
    flag_rule            varchar(80)    not null,
    kind                 varchar(40)    not null,
    actor                varchar(100)   not null,
    actor_organisation   varchar(64),
    disclosure_ids       uuid[]         not null,
    first_occurred_at    timestamptz    not null,
    last_occurred_at     timestamptz    not null,
    detail               varchar(500),
    created_at           timestamptz    not null,
    due_at               timestamptz    not null,
    state                varchar(20)    not null check (state in ('OPEN', 'REVIEWED')),
    finding              varchar(20)    check (finding in ('IN_ORDER', 'FOLLOW_UP', 'INCIDENT')),
    review_comment       varchar(4000),
    reviewed_by          varchar(100),
    reviewed_at          timestamptz,
    version              bigint         not null default 0,
    check ((state = 'REVIEWED') = (finding is not null))
);
create index review_item_open_idx on review_item (due_at) where state = 'OPEN';
create index review_item_created_idx on review_item (created_at desc, id desc);
create index review_item_actor_rule_idx on review_item (actor, flag_rule, last_occurred_at desc);

create table review_item_aud (
    id uuid not null, rev bigint not null references revision (id), revtype smallint,
    flag_rule varchar(80), kind varchar(40), actor varchar(100), actor_organisation varchar(64),
    disclosure_ids uuid[], first_occurred_at timestamptz, last_occurred_at timestamptz, detail varchar(500),
    created_at timestamptz, due_at timestamptz, state varchar(20), finding varchar(20),
    review_comment varchar(4000), reviewed_by varchar(100), reviewed_at timestamptz,
    primary key (id, rev)
);
create trigger review_item_aud_append_only before update or delete on review_item_aud
    for each row execute function refuse_change_to_append_only_table();
create trigger review_item_aud_no_truncate before truncate on review_item_aud
    for each statement execute function refuse_change_to_append_only_table();

grant select, insert on disclosure_block, log_verification, review_item_aud to ${app_role};
grant select, update on review_scan to ${app_role};
grant select, insert, update on review_item to ${app_role};
grant usage on sequence disclosure_seq_seq, log_verification_id_seq to ${app_role};
