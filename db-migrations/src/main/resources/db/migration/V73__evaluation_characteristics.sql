-- The coarse characteristics evaluation breaks down by: the phase of radicalisation, the age
-- group and the justice status, as the scale value of the rating only (no justification, no
-- author, no other score). Recorded in the clear when a rating of one of those items is saved:
-- counting them later from the sealed ratings would mean opening every case's assessment for
-- statistics, which only the disclosure gate may do, one case and one reader at a time.
-- Pseudonymous (the case id only). Erasing a case deletes its rows — the app role may delete
-- here for that — and no Envers copy is kept, so nothing of it outlives the erasure.
create table evaluation_characteristic (
    id              uuid          primary key,
    rating_id       uuid          not null references assessment_rating (id),
    case_id         uuid          not null references case_file (id),
    characteristic  varchar(20)   not null check (characteristic in ('PHASE', 'AGE_GROUP', 'STATUS')),
    scale_value     integer       not null check (scale_value between 0 and 99),
    rated_at        timestamptz   not null,
    unique (rating_id, characteristic)
);
create index evaluation_characteristic_case on evaluation_characteristic (case_id, characteristic, rated_at);

grant select, insert, delete on evaluation_characteristic to ${app_role};
