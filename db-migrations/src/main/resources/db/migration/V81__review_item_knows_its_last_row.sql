-- A windowed review item (bursts of denials, many persons) remembers the log's seq of the row
-- that completed it, beside that row's time. The scan lets a professional's rows count towards
-- a next item only after that row, in the order (occurred_at, seq) the scan reads them in:
-- rows of one millisecond can be scanned in two batches, and the time alone cannot tell which
-- of them the item already counted. Items made before this migration have none: for them only
-- rows of a later time count, as before.
alter table review_item add column last_seq bigint;
alter table review_item_aud add column last_seq bigint;
