-- Places each consent recorded before V52 (on the person, not on a case) on one case and
-- names its holder, and records in consent_migration what was done with each. Only rows not
-- yet placed are touched, so the script can be replayed on seeded rows
-- (ConsentBelongsToItsCaseIT does).

-- The holder: the organisation the recorder acted for, from the Envers revision that inserted
-- the consent; else the organisation the recorder contributed for.
update consent c
   set organisation = r.organisation
  from consent_aud a
  join revision r on r.id = a.rev
 where a.id = c.id and a.revtype = 0
   and r.organisation in (select code from organisation)
   and c.organisation is null and c.case_id is null
   and c.id not in (select consent_id from consent_migration);
update consent c
   set organisation = (select k.author_organisation from contribution k
                        where k.author = c.recorded_by order by k.created_at limit 1)
 where c.organisation is null and c.case_id is null
   and c.id not in (select consent_id from consent_migration);

-- The case it was recorded through, where the log of that request names one of the person's cases.
with through_request as (
    select distinct on (c.id) c.id as consent_id, d.case_id
      from consent c
      join consent_aud a on a.id = c.id and a.revtype = 0
      join revision r on r.id = a.rev and r.request_id is not null
      join disclosure d on d.request_id = r.request_id and d.case_id is not null
      join case_file f on f.id = d.case_id and f.person_id = c.person_id
     where c.case_id is null and c.organisation is not null
       and c.id not in (select consent_id from consent_migration)
     order by c.id, d.occurred_at
), placed as (
    update consent c
       set case_id = t.case_id
      from through_request t
     where t.consent_id = c.id
 returning c.id, c.case_id, c.organisation
)
insert into consent_migration (consent_id, case_id, organisation, placed_by)
select id, case_id, organisation, 'REQUEST_LOG' from placed;

-- Else the recorder's earliest case with the person: the earliest case of the person its
-- organisation was admitted to (before the recording, where there is one).
with earliest as (
    select distinct on (c.id) c.id as consent_id, f.id as case_id
      from consent c
      join participation p on p.organisation_code = c.organisation
      join case_file f on f.id = p.case_id and f.person_id = c.person_id
     where c.case_id is null
       and c.id not in (select consent_id from consent_migration)
     order by c.id, (p.admitted_at > c.recorded_at), f.opened_on, f.reference_number
), placed as (
    update consent c
       set case_id = e.case_id
      from earliest e
     where e.consent_id = c.id
 returning c.id, c.case_id, c.organisation
)
insert into consent_migration (consent_id, case_id, organisation, placed_by)
select id, case_id, organisation, 'RECORDERS_EARLIEST_CASE' from placed;

-- A consent whose holder or case cannot be known stays on no case and opens nothing: the gate
-- honours a consent only for its holder's items in its case. It is kept (the subject-access
-- report still lists it).
insert into consent_migration (consent_id, case_id, organisation, placed_by)
select id, null, organisation, 'NOT_PLACED' from consent
 where case_id is null and id not in (select consent_id from consent_migration);

-- Every consent recorded from now on names its case and its holder (the rows placed nowhere
-- above are left as they are: NOT VALID checks new and changed rows only).
alter table consent add constraint consent_on_a_case_of_its_holder
    check (case_id is not null and organisation is not null) not valid;
