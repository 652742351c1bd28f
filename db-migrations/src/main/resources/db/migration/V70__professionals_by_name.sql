-- Who a username is: the name, organisation and e-mail the identity provider stated at the
-- professional's latest login, so pages show "Sanne de Vries (ZVH Midden)" instead of a login
-- name. No case data: the same facts the identity provider holds, refreshed at each login.
create table professional (
    username     text        primary key,
    display_name text        not null,
    given_name   text,
    family_name  text,
    email        text,
    organisation text        not null,
    seen_at      timestamptz not null
);

grant select, insert, update on professional to ${app_role};
