-- A professional refused a case read for reading more cases than the access policy's
-- bulk-reads allow is a security event, like a refused emergency access.
alter table security_event drop constraint security_event_kind_check;
alter table security_event add constraint security_event_kind_check
    check (kind in ('API_TOKEN_REFUSED', 'LOGIN_REFUSED', 'BREAK_GLASS_REFUSED', 'AUDIT_JOB_STALLED',
                    'BULK_READ_REFUSED'));
