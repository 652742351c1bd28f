-- More than one instance of Schakel on one database: what an instance kept in its own memory
-- moves here, so any instance can serve any request and no job or limit is doubled.

-- HTTP sessions (Spring Session JDBC's schema for PostgreSQL): a login, the acting role and
-- the purpose chosen for each case survive a request landing on another instance. Made here,
-- not by Spring's initializer, because the application role may not create tables.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- a session ends on logout and expires after its idle time (every instance removes expired ones)
grant select, insert, update, delete on spring_session, spring_session_attributes to ${app_role};

-- Scheduled jobs: which instance runs a job now and until when (ShedLock), so each runs on one
-- instance at a time. The jobs keep their own advisory locks as well: a lease can run out while
-- a job is still busy, a lock held by the transaction cannot.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

grant select, insert, update on shedlock to ${app_role};

-- Rate limits (logins, API passwords, person searches, case reads): one token bucket per
-- limit and key, shared by every instance, so two instances do not double what an attacker
-- may try. The key is a hash of the account name or client address, never the name itself.
-- A bucket untouched for its whole period is full again and is removed.
create table rate_limit_bucket (
    limiter             text             not null,
    key_hash            bytea            not null,
    tokens              double precision not null,
    updated_at          timestamptz      not null,
    -- when a refusal of this key was last recorded (the security log hears of it once an hour)
    refusal_recorded_at timestamptz,
    primary key (limiter, key_hash)
);

create index rate_limit_bucket_by_age on rate_limit_bucket (updated_at);

grant select, insert, update, delete on rate_limit_bucket to ${app_role};
