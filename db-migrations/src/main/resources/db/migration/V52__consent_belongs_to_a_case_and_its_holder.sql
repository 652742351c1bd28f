-- A consent belongs to one case and to the organisation that holds the information and
-- obtained the person's permission: it opens that organisation's own contributions in that
-- case, and nothing else. Until now a consent belonged to the person, so a partner admitted
-- to any case of the person could see, record and withdraw consents governing another case.
--
-- Evidence is structured: what was given (a signed form, verbally, in writing), when, and
-- who obtained it. A withdrawal records who withdrew it for which organisation and why; a
-- withdrawal the coordinator records for the person at the safety house is shown to the
-- holder on the consent ("withdrawal notice").
alter table consent
    add column case_id                   uuid          references case_file (id),
    add column organisation              varchar(64)   references organisation (code),
    add column evidence_kind             varchar(20)   check (evidence_kind in ('SIGNED_FORM', 'VERBAL', 'WRITTEN')),
    add column evidence_obtained_on      date,
    add column evidence_obtained_by      varchar(200),
    add column withdrawn_by_organisation varchar(64),
    add column withdrawal_reason         varchar(2000),
    add column withdrawal_recorded_at    timestamptz;
alter table consent_aud
    add column case_id uuid, add column organisation varchar(64), add column evidence_kind varchar(20),
    add column evidence_obtained_on date, add column evidence_obtained_by varchar(200),
    add column withdrawn_by_organisation varchar(64), add column withdrawal_reason varchar(2000),
    add column withdrawal_recorded_at timestamptz;
create index consent_case_idx on consent (case_id);

-- What this migration did with each consent that existed before it, so it can be reviewed.
--   REQUEST_LOG              the disclosure log of the request that recorded it names a case of the person
--   RECORDERS_EARLIEST_CASE  else the earliest case of the person the recorder's organisation was admitted to
--   NOT_PLACED               neither could be known: it stays on no case and opens nothing
create table consent_migration (
    consent_id    uuid          primary key references consent (id),
    case_id       uuid          references case_file (id),
    organisation  varchar(64),
    placed_by     varchar(30)   not null check (placed_by in ('REQUEST_LOG', 'RECORDERS_EARLIEST_CASE', 'NOT_PLACED')),
    migrated_at   timestamptz   not null default now()
);
grant select on consent_migration to ${app_role};

-- The holder: the organisation the recorder acted for, from the Envers revision that inserted
-- the consent; else the organisation the recorder contributed for.
update consent c
   set organisation = r.organisation
  from consent_aud a
  join revision r on r.id = a.rev
 where a.id = c.id and a.revtype = 0
   and r.organisation in (select code from organisation);
update consent c
   set organisation = (select k.author_organisation from contribution k
                        where k.author = c.recorded_by order by k.created_at limit 1)
 where c.organisation is null;

-- The case it was recorded through, where the log of that request names one of the person's cases.
with through_request as (
    select distinct on (c.id) c.id as consent_id, d.case_id
      from consent c
      join consent_aud a on a.id = c.id and a.revtype = 0
      join revision r on r.id = a.rev and r.request_id is not null
      join disclosure d on d.request_id = r.request_id and d.case_id is not null
      join case_file f on f.id = d.case_id and f.person_id = c.person_id
     order by c.id, d.occurred_at
)
update consent c
   set case_id = t.case_id
  from through_request t
 where t.consent_id = c.id;
insert into consent_migration (consent_id, case_id, organisation, placed_by)
select id, case_id, organisation, 'REQUEST_LOG' from consent where case_id is not null;

-- Else the recorder's earliest case with the person: the earliest case of the person its
-- organisation was admitted to (before the recording, where there is one).
with earliest as (
    select distinct on (c.id) c.id as consent_id, f.id as case_id
      from consent c
      join participation p on p.organisation_code = c.organisation
      join case_file f on f.id = p.case_id and f.person_id = c.person_id
     where c.case_id is null
     order by c.id, (p.admitted_at > c.recorded_at), f.opened_on, f.reference_number
)
update consent c
   set case_id = e.case_id
  from earliest e
 where e.consent_id = c.id;
insert into consent_migration (consent_id, case_id, organisation, placed_by)
select id, case_id, organisation, 'RECORDERS_EARLIEST_CASE' from consent
 where case_id is not null and id not in (select consent_id from consent_migration);

-- A consent whose holder or case cannot be known opens nothing: the gate honours a consent only
-- for its holder's items in its case. It is kept (the subject-access report still lists it).
update consent set case_id = null where organisation is null;
insert into consent_migration (consent_id, case_id, organisation, placed_by)
select id, null, organisation, 'NOT_PLACED' from consent
 where case_id is null and id not in (select consent_id from consent_migration);
update consent_migration m set case_id = null, placed_by = 'NOT_PLACED'
  from consent c where c.id = m.consent_id and c.case_id is null and m.placed_by <> 'NOT_PLACED';

-- Every consent recorded from now on names its case and its holder (the rows placed nowhere
-- above are left as they are: NOT VALID checks new and changed rows only).
alter table consent add constraint consent_on_a_case_of_its_holder
    check (case_id is not null and organisation is not null) not valid;
