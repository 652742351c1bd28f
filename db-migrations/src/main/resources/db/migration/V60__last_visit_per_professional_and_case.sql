-- When a professional last opened a case's page, so their start page can count what was
-- added since (counts only, never content). One row per user and case, moved forward on
-- each visit; it says nothing another participant could not already see in the log.
create table case_visit (
    username   text        not null,
    case_id    uuid        not null references case_file (id),
    visited_at timestamptz not null,
    primary key (username, case_id)
);

grant select, insert, update on case_visit to ${app_role};
