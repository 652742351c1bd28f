-- A stalled sealing job or review scan is a security event: nothing new gets sealed or
-- reviewed while it lasts.
alter table security_event drop constraint security_event_kind_check;
alter table security_event add constraint security_event_kind_check
    check (kind in ('API_TOKEN_REFUSED', 'LOGIN_REFUSED', 'BREAK_GLASS_REFUSED', 'AUDIT_JOB_STALLED'));

-- The review scan's look-back for bursts of refusals reads one professional's recent
-- refusals; this keeps that read small however many permitted reads surround them.
create index disclosure_actor_denied_time_idx on disclosure (actor, occurred_at desc, id desc)
    where decision = 'DENY';
