-- Notifications: that something in a case needs someone (admitted, a request to answer, a
-- request answered, a new contribution, a deadline), named by the case's reference and the
-- kind of event only, never by content. Addressed to an organisation (every professional of
-- it) or to one professional; who has read one is kept per professional, because an
-- organisation's notification is read by each of its professionals on their own.
create table notification (
    id                     uuid        primary key,
    recipient_organisation text,
    recipient_username     text,
    kind                   text        not null,
    case_id                uuid        not null references case_file (id),
    case_reference         text        not null,
    -- what the event is about (a disclosure request, an action, a meeting), so a reminder is made once
    subject_id             uuid,
    created_at             timestamptz not null,
    constraint notification_has_a_recipient
        check (recipient_organisation is not null or recipient_username is not null)
);

create index notification_by_username on notification (recipient_username, created_at desc);
create index notification_by_organisation on notification (recipient_organisation, created_at desc);

-- a deadline reminder is made once per request, kind and recipient, however often the job runs
create unique index notification_reminded_once on notification
    (kind, subject_id, coalesce(recipient_username, ''), coalesce(recipient_organisation, ''))
    where kind in ('REQUEST_DEADLINE_NEAR', 'REQUEST_DEADLINE_PASSED');

create table notification_read (
    notification_id uuid        not null references notification (id),
    username        text        not null,
    read_at         timestamptz not null,
    primary key (notification_id, username)
);

grant select, insert on notification to ${app_role};
grant select, insert on notification_read to ${app_role};

-- By when the holder should answer a disclosure request (working days after it was made);
-- requests made before there was a deadline have none.
alter table disclosure_request add column due date;
alter table disclosure_request_aud add column due date;
