-- Every instance keeps the organisations in memory (organisation.OrganisationDirectory). A
-- change made through one instance bumps this version; the others look at it every few
-- seconds and read the table again when it moved, instead of serving the old snapshot until
-- it ages out.
create table snapshot_version (
    name    text   primary key,
    version bigint not null
);

insert into snapshot_version (name, version) values ('organisation', 0);

create function bump_organisation_snapshot_version() returns trigger language plpgsql as $$
begin
    update snapshot_version set version = version + 1 where name = 'organisation';
    return null;
end
$$;

create trigger organisation_snapshot_version after insert or update or delete or truncate on organisation
    for each statement execute function bump_organisation_snapshot_version();

grant select, update on snapshot_version to ${app_role};
