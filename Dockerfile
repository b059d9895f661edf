# syntax=docker/dockerfile:1
# Partnerskap's image: gunicorn on port 8080 as an unprivileged user, static files built in, the
# root filesystem read-only but /tmp (docs/deploy.md). `make image` builds it.

# --- build: the package, its compiled translations and the collected static files ----------
FROM python:3.11-slim-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY pyproject.toml README.md ./
COPY src ./src
# Compiled before installing, so the .mo files are packaged with the rest.
RUN find src -name django.po -execdir msgfmt --check -o django.mo django.po \;
# The bucket client to include: gcs (NAIS), s3, or "gcs,s3".
ARG STORAGE_EXTRAS=gcs
RUN python -m venv /opt/partnerskap \
 && /opt/partnerskap/bin/pip install --no-cache-dir --no-compile ".[$STORAGE_EXTRAS]" \
 && /opt/partnerskap/bin/python -m compileall -q /opt/partnerskap/lib
RUN STATIC_ROOT=/opt/static PARTNERSKAP_ALLOW_DEV_KEY=1 \
    /opt/partnerskap/bin/partnerskap collectstatic --no-input -v0

# --- run --------------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm
# WeasyPrint's libraries (Pango, HarfBuzz's subsetter) for the PDF documents.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin partnerskap
COPY --from=build /opt/partnerskap /opt/partnerskap
COPY --from=build /opt/static /opt/static
ENV PATH=/opt/partnerskap/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STATIC_ROOT=/opt/static \
    TMPDIR=/tmp \
    PORT=8080
USER 10001:10001
EXPOSE 8080
# The app; the same image runs the worker (`partnerskap worker`) and the cron job
# (`partnerskap remind`) with another command.
CMD ["gunicorn", "-c", "python:partnerskap.gunicorn_conf"]
