-- The disclosure log's indexes, measured against the auditor's search now that it pages by
-- event (EXPLAIN ANALYZE at 100,000 items: docs/audit.md lists which query uses which index).
--
-- Flagged items were indexed in seal order, (seq) where flagged, but nothing reads flagged
-- items in seal order: the review scan reads every item by seq (the unique seq index), and the
-- search asks per event whether it holds a flagged item. Without an index on that question
-- PostgreSQL read every flagged item and every event before the first page of a "flagged"
-- search (20 ms at 100,000 items, growing with the log); with it the first page walks the
-- newest events and probes each (4 ms). Like the refusals' index it holds only the rare rows.
drop index disclosure_event_item_flagged_idx;
create index disclosure_event_item_flagged_event_idx on disclosure_event_item (event_id) where flagged;

-- The rows logged one per item before events keep the indexes the search's and the review
-- scan's filters use on them, but two served nothing: no query looks a disclosure up by the
-- item it showed, and the btree on (occurred_at desc, id desc) answers every period, so the
-- BRIN on time was never chosen.
drop index disclosure_item_idx;
drop index disclosure_occurred_brin;
