-- A practitioner's note (V69) belongs to an intervention of the catalogue and names no case and
-- no person, so erasing a case or a person cannot find it. Its author corrects or deletes it
-- instead. A correction keeps the replaced text only here, for auditors; a deletion removes the
-- note and blanks its earlier texts here too (a note is deleted because it should not have said
-- what it said), keeping who did what when.
alter table intervention_note add column corrected_at timestamptz;

create table intervention_note_history (
    id             uuid           primary key,
    note_id        uuid           not null,
    change         varchar(20)    not null check (change in ('CORRECTED', 'DELETED')),
    what_worked    varchar(2000),
    for_whom       varchar(1000),
    circumstances  varchar(1000),
    changed_by     varchar(100)   not null,
    changed_at     timestamptz    not null
);
create index intervention_note_history_note on intervention_note_history (note_id, changed_at);

grant select, insert on intervention_note_history to ${app_role};
grant update (what_worked, for_whom, circumstances) on intervention_note_history to ${app_role};
grant update (what_worked, for_whom, circumstances, corrected_at) on intervention_note to ${app_role};
grant delete on intervention_note to ${app_role};
