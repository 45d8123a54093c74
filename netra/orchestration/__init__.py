"""Orchestration: what the Airflow DAGs in ``dags/`` call, and how Netra runs Airflow locally.

The DAG files stay thin; every task calls a function here, and these functions
call the rooms' own code (``scrapers``, ``netra.loaders``, ``dbt/``). Nothing in
this package opens a database or network connection at import time.
"""
