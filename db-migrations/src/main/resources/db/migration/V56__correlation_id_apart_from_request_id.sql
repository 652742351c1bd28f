-- The request id is made by the server (a UUID v7) for every request. What a caller sends as
-- X-Request-Id is kept apart as a correlation id: any caller may send any value, the same one
-- for many users, so it may never stand for a request (nor group review items). Nullable
-- columns: adding them rewrites no row, so the disclosure log's append-only triggers are not
-- involved, and rows written before stay as they were.
alter table disclosure add column correlation_id varchar(100);
alter table revision add column correlation_id varchar(100);
