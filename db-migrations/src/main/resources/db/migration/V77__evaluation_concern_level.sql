-- The concern level of each integrated judgement joins the coarse clear copy, so that
-- evaluation can count how concern changed around an intervention's start without opening
-- sealed judgements. Only the level (its position on the instrument's ordinal scale of
-- concern levels) and when it was judged: the judgement's text and the justification stay
-- sealed. Erasure already deletes a case's rows of this table.
alter table evaluation_characteristic drop constraint evaluation_characteristic_characteristic_check;
alter table evaluation_characteristic add constraint evaluation_characteristic_characteristic_check
    check (characteristic in ('PHASE', 'AGE_GROUP', 'STATUS', 'CONCERN'));
