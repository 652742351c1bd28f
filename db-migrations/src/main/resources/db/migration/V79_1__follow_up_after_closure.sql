-- A case closed after its plan is still followed up, for as long as its retention allows: a
-- moment that falls on or after the case's erasure date is not kept but cancelled, with the
-- reason in words (no personal data), so the coordinator's overview shows why it is gone.
alter table follow_up add column cancelled_on date;
alter table follow_up add column cancel_reason varchar(200);
alter table follow_up add constraint follow_up_cancel_reason check ((cancelled_on is null) = (cancel_reason is null));
alter table follow_up_aud add column cancelled_on date;
alter table follow_up_aud add column cancel_reason varchar(200);
