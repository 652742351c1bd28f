-- A case is closed with a reason from a short list plus free text, and can be reopened with a
-- reason. Triage's own closures (advice only, declined) carry the triage decision instead.
alter table case_file add column close_reason varchar(40)
    check (close_reason in ('GOALS_ACHIEVED', 'REFERRED_TO_REGULAR_CARE', 'NO_CONSENT_OR_COOPERATION',
                            'PERSON_MOVED', 'OTHER'));
alter table case_file add column close_text varchar(2000);
alter table case_file add column reopened_on date;
alter table case_file add column reopen_reason varchar(2000);
-- a reason only on a closed case
alter table case_file add constraint case_file_close_reason_only_when_closed
    check (close_reason is null or status = 'CLOSED');
alter table case_file_aud add column close_reason varchar(40);
alter table case_file_aud add column close_text varchar(2000);
alter table case_file_aud add column reopened_on date;
alter table case_file_aud add column reopen_reason varchar(2000);

-- Cases closed before closure ended participations: end every partner's admission now (the
-- safety house that steers the case keeps its own, narrowed to accountability below), so a
-- closed case gives partners nothing, as one closed from now on does.
update participation p
   set removed_by = 'closure', removed_at = now(), version = p.version + 1
  from case_file c
  join organisation o on o.id = c.organisation_id
 where p.case_id = c.id
   and c.status = 'CLOSED'
   and p.removed_at is null
   and p.organisation_code <> o.code;
update participation p
   set purposes = array['ACCOUNTABILITY']::varchar(40)[], version = p.version + 1
  from case_file c
  join organisation o on o.id = c.organisation_id
 where p.case_id = c.id
   and c.status = 'CLOSED'
   and p.removed_at is null
   and p.organisation_code = o.code;

-- One admission per organisation and case: an organisation admitted again has its admission
-- changed, never a second one. Older duplicates keep the newest and end the rest.
update participation p
   set removed_by = 'one-admission-per-organisation', removed_at = now(), version = p.version + 1
 where p.removed_at is null
   and exists (select 1 from participation q
                where q.case_id = p.case_id and q.organisation_code = p.organisation_code
                  and q.removed_at is null
                  and (q.admitted_at, q.id) > (p.admitted_at, p.id));
create unique index participation_one_active_per_organisation
    on participation (case_id, organisation_code) where removed_at is null;
