-- A data category may have a retention period of its own that ends before the case's (health
-- information shared for a consultation, say). When it runs out while the case is kept, the
-- retention job blanks that category's content in the case (live and *_aud, through the column
-- grants of V66) and marks each item here, so the case page and API show "erased under the
-- retention period" in its place: when, under which rule, by which job run. No content, no
-- personal data: the item id, its table and category.
create table content_erasure (
    item_id      uuid          primary key,
    case_id      uuid          not null,
    item_table   varchar(60)   not null,
    category     varchar(20)   not null check (category in
                     ('GENERAL', 'IDENTITY', 'SOCIAL', 'HEALTH', 'CRIMINAL', 'RISK')),
    erased_at    timestamptz   not null,
    rule_id      varchar(80)   not null,
    job_run_id   uuid          not null
);
create index content_erasure_case_idx on content_erasure (case_id, category);
-- markers are written once and never changed
grant select, insert on content_erasure to ${app_role};

-- A proof of destruction per case and category, next to the one per erased case: the category
-- is empty for a whole case. A case keeps one whole-case proof; a category may be erased more
-- than once (items of it recorded after the first erasure, e.g. at a follow-up after closure).
alter table destruction_proof add column category varchar(20) check (category in
    ('GENERAL', 'IDENTITY', 'SOCIAL', 'HEALTH', 'CRIMINAL', 'RISK'));
drop index destruction_proof_case_uk;
create unique index destruction_proof_case_uk on destruction_proof (case_id) where category is null;
create index destruction_proof_category_idx on destruction_proof (case_id, category) where category is not null;

alter table retention_run add column categories_erased integer not null default 0;
