#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d):
# creates the role the API and worker log in as (POSTGRES_APP_USER), a member of the group gugus_app.
# Migrations (the `migrate` service, as POSTGRES_USER, the owner) grant gugus_app what the app needs:
# DML everywhere, but only SELECT and INSERT on audit_log, and it owns nothing.
#
# Idempotent. To add the role to a volume initialised before it existed (or to set a new password), run:
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/10-gugus-app-role.sh
set -eu
: "${POSTGRES_APP_USER:?POSTGRES_APP_USER must be set}"
: "${POSTGRES_APP_PASSWORD:?POSTGRES_APP_PASSWORD must be set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
  -v app_user="$POSTGRES_APP_USER" -v app_password="$POSTGRES_APP_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE gugus_app NOLOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gugus_app') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app_user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'app_user', :'app_password') \gexec
SELECT format('GRANT gugus_app TO %I', :'app_user') \gexec
SQL
