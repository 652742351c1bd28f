#!/bin/sh
# First start of the compose PostgreSQL: the owner role runs the Flyway migrations and owns
# the schema; the application role gets only what the migrations grant it (no UPDATE or
# DELETE on the disclosure log). Mirrors nl.schakel.database.DatabaseRoles.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role schakel_owner with login password '${SCHAKEL_DB_OWNER_PASSWORD}';
create role schakel_app with login password '${SCHAKEL_DB_PASSWORD}';
alter database ${POSTGRES_DB} owner to schakel_owner;
alter schema public owner to schakel_owner;
grant connect on database ${POSTGRES_DB} to schakel_app;
grant usage on schema public to schakel_app;
SQL
