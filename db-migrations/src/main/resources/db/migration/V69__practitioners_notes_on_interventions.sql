-- Practitioners' notes on an intervention of the catalogue: what worked, for whom, under what
-- circumstances. Knowledge shared between domains, not case content: a note names no case and
-- no person, so it is kept in the clear. Insert only: a note is not changed behind the backs of
-- those who read it.
create table intervention_note (
    id                 uuid           primary key,
    intervention_code  varchar(60)    not null,
    organisation       varchar(64)    not null references organisation (code),
    author             varchar(100)   not null,
    what_worked        varchar(2000)  not null,
    for_whom           varchar(1000),
    circumstances      varchar(1000),
    created_at         timestamptz    not null
);
create index intervention_note_code on intervention_note (intervention_code, created_at);

grant select, insert on intervention_note to ${app_role};
