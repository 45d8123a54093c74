# One image for every production service: Airflow (api-server, scheduler,
# dag-processor, triggerer, Celery workers) and the review app.
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    AIRFLOW_HOME=/opt/airflow \
    NETRA_HOME=/var/lib/netra

RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 tini \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 50000 netra \
    && mkdir -p /opt/airflow /var/lib/netra /opt/netra \
    && chown -R netra /opt/airflow /var/lib/netra

WORKDIR /opt/netra
COPY pyproject.toml constraints.txt README.md ./
COPY netra ./netra
COPY scrapers ./scrapers
COPY nlp ./nlp
# Editable, so that the package finds the project beside it (dags/, dbt/, the registries) in
# /opt/netra instead of looking for them in site-packages.
RUN pip install --no-cache-dir --upgrade pip==25.3 \
    && pip install --no-cache-dir -c constraints.txt -e '.[production]'
COPY dags ./dags
COPY dbt ./dbt

USER netra
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["netra", "--help"]
