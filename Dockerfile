# Casefile image: one image, two roles (web and worker), built from the same steps CI runs
# (.ci/run: Debian packages, `make install` from requirements.lock with hashes).
# Web:    docker run IMAGE                      (uvicorn, see CMD)
# Worker: docker run IMAGE .venv/bin/python manage.py worker   (qcluster that stops on SIGTERM)
# Webhook sender: docker run -e Q_CLUSTER_NAME=webhooks IMAGE .venv/bin/python manage.py worker
# Webhook retries on time: docker run IMAGE .venv/bin/python manage.py webhooks_dispatcher
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CASEFILE_DEBUG=false \
    CASEFILE_DATA_DIR=/var/lib/casefile \
    CASEFILE_LOG_FORMAT=json

# The system packages CI installs for OCR (Tesseract with its five languages) and make.
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends \
      make tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra \
      tesseract-ocr-nld tesseract-ocr-spa poppler-utils libgl1 libglib2.0-0 \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 casefile \
 && mkdir -p /app /var/lib/casefile \
 && chown casefile:casefile /app /var/lib/casefile
WORKDIR /app
USER casefile

# Dependencies first (cached while only the code changes): `make install` = pinned, hashed.
COPY --chown=casefile:casefile Makefile pyproject.toml requirements.lock ./
RUN make install PYTHON=python3.11

COPY --chown=casefile:casefile . .
RUN .venv/bin/pip install --quiet --no-deps -e . \
 && CASEFILE_SECRET_KEY=build-only .venv/bin/python manage.py collectstatic --noinput

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD .venv/bin/python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"

# The README's production web command for requests that answer at once: granian serving
# config.wsgi, one process per core, two threads each (no access log: the app logs JSON lines
# with request ids; X-Forwarded-For trusted from FORWARDED_ALLOW_IPS). The streaming server
# (uvicorn, config.asgi) runs from this image too with its own command (compose.yaml `streams`).
CMD [".venv/bin/granian", "--interface", "wsgi", "config.wsgi:application", \
     "--host", "0.0.0.0", "--port", "8000", "--workers", "2", "--blocking-threads", "2", \
     "--workers-kill-timeout", "30"]
