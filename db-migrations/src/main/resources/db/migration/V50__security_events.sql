-- Security events: every refused login or bearer token, so attacks and misconfigured clients
-- can be reviewed afterwards. Append-only for the application: ${app_role} may INSERT and
-- SELECT, never UPDATE or DELETE.
create table security_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null default now(),
    kind         varchar(40)  not null check (kind in ('API_TOKEN_REFUSED', 'LOGIN_REFUSED')),
    -- stable reason codes, e.g. expired, wrong-audience, bad-signature, missing-organisation
    reason       varchar(200) not null,
    -- who the refused credential claims to be: read from an unverified token, so a claim, not a fact
    subject      varchar(100),
    client       varchar(100),
    request_id   varchar(64),
    path         varchar(300)
);
create index security_event_time_idx on security_event (occurred_at);

grant select, insert on security_event to ${app_role};
grant usage on sequence security_event_id_seq to ${app_role};
