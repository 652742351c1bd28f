-- A person's erasure request granted while a recorded retention extension (a pending legal
-- procedure) still ran: the day that hold ran until, recorded with the decision that weighed it
-- and set it aside. Null when no hold ran (or the request was refused).
alter table erasure_request add column hold_weighed_until date;
