-- A case belongs to the safety house whose coordinator registered it (organisation_id,
-- present and required since V1). A coordinator's case list pages through the own house's
-- cases only, newest first: this index serves that keyset query as the status index serves
-- the unfiltered one.
create index case_file_safety_house_idx on case_file (organisation_id, reference_number desc);
