-- A referral whose BSN is registered under another name or date of birth is attached to that
-- person only when the coordinator confirms it is the same person; the confirmation is kept
-- with the referral (and audited with it), so a wrong merge can be traced to who confirmed it.
alter table referral add column same_person_confirmed boolean not null default false;
alter table referral_aud add column same_person_confirmed boolean;
