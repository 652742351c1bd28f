-- A professional who asks for emergency access more often in a day than the policy allows is
-- refused; the refusal is a security event of its own kind.
alter table security_event drop constraint security_event_kind_check;
alter table security_event add constraint security_event_kind_check
    check (kind in ('API_TOKEN_REFUSED', 'LOGIN_REFUSED', 'BREAK_GLASS_REFUSED'));
