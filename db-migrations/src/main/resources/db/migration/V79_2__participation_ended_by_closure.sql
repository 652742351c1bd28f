-- A case closed after its plan is followed up by the partners whose admission the closure
-- ended, and by no partner the coordinator removed before it (the removal decided that
-- their part was over). The removal's moment cannot tell the two apart when both fall on
-- the closing day, so the closure says which admissions it ended.
alter table participation add column ended_by_closure boolean not null default false;
alter table participation_aud add column ended_by_closure boolean;
