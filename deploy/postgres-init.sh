#!/usr/bin/env bash
# First start of the production PostgreSQL: Netra's and Airflow's databases and roles.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
create role netra login password '${NETRA_DB_PASSWORD}';
create database netra owner netra;
create role airflow login password '${AIRFLOW_DB_PASSWORD}';
create database airflow owner airflow;
\connect netra
create extension if not exists pg_trgm;
SQL
