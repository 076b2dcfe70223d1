"""The one settings module. Every knob is an environment variable (see `.env.example`).

With nothing set, Casefile runs embedded: SQLite in WAL mode, django-q2's ORM broker and files,
all under `var/`. `DATABASE_URL` switches to PostgreSQL and `REDIS_URL` to the Redis broker.
Production differs from development by environment values only; with `CASEFILE_DEBUG` off the
process refuses to start without `CASEFILE_SECRET_KEY`.
"""

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_int_list, env_list, env_path, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = env_path("CASEFILE_DATA_DIR", BASE_DIR / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("CASEFILE_DEBUG", False)
SECRET_KEY = env_str("CASEFILE_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "CASEFILE_SECRET_KEY is required when CASEFILE_DEBUG is off "
            "(`make run` sets CASEFILE_DEBUG=true for local use)."
        )
    SECRET_KEY = "casefile-insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("CASEFILE_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CASEFILE_CSRF_TRUSTED_ORIGINS")
BASE_URL = env_str("CASEFILE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "django_q",
    "cases",
    "extraction",
    "extraction.learning",
    "extraction.realtime",
    "extraction.conversion",
    "review",
    "webhooks",
]

MIDDLEWARE = [
    # Outermost: every log line of the request carries its id (X-Request-ID in and out), also
    # on the JSON refusals the next one makes (it reads no Host, so it cannot be refused).
    "cases.apikit.logcontext.RequestIdMiddleware",
    # Next: API refusals (a disallowed Host included) answer in the JSON envelope.
    "cases.apikit.middleware.ApiErrorMiddleware",
    # Django's and the packages' own, each as it is on browser pages; on API paths the
    # browser-only ones are skipped and the others run on the event loop (config/middleware.py).
    "config.middleware.SecurityMiddleware",
    "config.middleware.WhiteNoiseMiddleware",
    "config.middleware.SessionMiddleware",
    "config.middleware.CommonMiddleware",
    "config.middleware.CsrfViewMiddleware",
    "config.middleware.AuthenticationMiddleware",
    "config.middleware.MessageMiddleware",
    "config.middleware.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",  # async already, no hop
    # Innermost: a link holding a NUL character (PostgreSQL refuses it in any text) names
    # nothing; its 404 or 400 page still gets every header above and the signed-in layout.
    "cases.apikit.nulchars.NulCharacterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
# The ASGI web process (config/asgi.py turns CASEFILE_DB_POOL on) borrows connections from a
# bounded psycopg pool per process: under ASGI every request runs in its own thread, and with
# persistent connections each thread kept one open until PostgreSQL ran out (issue 14). Other
# processes (qcluster workers, management commands) are single-threaded and keep a connection
# for CONN_MAX_AGE seconds; a pool inherited across qcluster's fork would be unsafe.
DB_POOL = env_bool("CASEFILE_DB_POOL", False)
DB_POOL_MAX = env_int("CASEFILE_DB_POOL_MAX", 8, minimum=1)
# Server-side parameter binding with prepared statements: PostgreSQL plans a statement run
# five times on a connection once, not on every run (a job-status poll's query cost 1.2 ms of
# the server's CPU planned each time, 0.2 ms prepared). Django leaves both off by default;
# behind a pooler in transaction mode that cannot keep prepared statements (PgBouncer before
# 1.21, or later without `max_prepared_statements` set above 0), set
# CASEFILE_DB_PREPARED_STATEMENTS=false.
DB_PREPARED_STATEMENTS = env_bool("CASEFILE_DB_PREPARED_STATEMENTS", True)
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0 if DB_POOL else 60)}
    if DB_PREPARED_STATEMENTS and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=5
        )
    if DB_POOL and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": DB_POOL_MAX,
            "timeout": env_int("CASEFILE_DB_POOL_TIMEOUT", 10, minimum=1),
            "max_idle": 300,
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "casefile.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "cases.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env_path("CASEFILE_MEDIA_ROOT", DATA_DIR / "files")
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_USE_FINDERS = DEBUG

MAX_UPLOAD_BYTES = env_int("CASEFILE_MAX_UPLOAD_MB", 50, minimum=1) * 1024 * 1024
MAX_FILES_PER_REQUEST = env_int("CASEFILE_MAX_FILES_PER_REQUEST", 20, minimum=1)
MAX_REQUEST_BYTES = env_int("CASEFILE_MAX_REQUEST_MB", 200, minimum=1) * 1024 * 1024
# Files in S3 or any S3-compatible store (MinIO, Ceph, R2...) through django-storages: set the
# bucket; credentials come from these variables or boto3's usual chain (instance role...).
S3_BUCKET = env_str("CASEFILE_S3_BUCKET")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("CASEFILE_S3_ENDPOINT_URL") or None,
            "region_name": env_str("CASEFILE_S3_REGION") or None,
            "access_key": env_str("CASEFILE_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("CASEFILE_S3_SECRET_ACCESS_KEY") or None,
            "location": env_str("CASEFILE_S3_PREFIX"),
            "addressing_style": env_str("CASEFILE_S3_ADDRESSING_STYLE") or None,
            "signature_version": "s3v4",
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
# Files of the files API (seed 004) expire after this; the sweep deletes them from the store.
FILES_RETENTION_HOURS = env_int("CASEFILE_FILES_RETENTION_HOURS", 24, minimum=1)
# Signed download URLs (seed 001): lifetime, and whether S3 presigns them itself (then a URL
# cannot be revoked before it expires, only by deleting the file).
SIGNED_URL_TTL_SECONDS = env_int("CASEFILE_SIGNED_URL_TTL_SECONDS", 900, minimum=10)
SIGNED_URL_MAX_TTL_SECONDS = env_int("CASEFILE_SIGNED_URL_MAX_TTL_SECONDS", 7 * 24 * 3600)
SIGNED_URLS_FROM_STORE = bool(S3_BUCKET) and env_bool("CASEFILE_S3_PRESIGNED_URLS", True)
# Non-file form fields and JSON bodies (base64 uploads are a third larger than the file).
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES * 4 // 3 + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Extraction ---------------------------------------------------------------------------
EXTRACTION_MAX_PAGES = env_int("CASEFILE_MAX_PAGES", 200, minimum=1)
EXTRACTION_MAX_PIXELS = env_int("CASEFILE_MAX_PIXELS", 40_000_000, minimum=1_000_000)
EXTRACTION_TIMEOUT = env_int("CASEFILE_EXTRACTION_TIMEOUT", 300, minimum=5)
EXTRACTION_MEMORY_MB = env_int("CASEFILE_EXTRACTION_MEMORY_MB", 2048, minimum=256)
EXTRACTION_MAX_ATTEMPTS = env_int("CASEFILE_EXTRACTION_MAX_ATTEMPTS", 3, minimum=1)
EXTRACTION_ISOLATION = env_bool("CASEFILE_EXTRACTION_ISOLATION", True)
EXTRACTION_REENQUEUE_AFTER_MINUTES = env_int("CASEFILE_REENQUEUE_AFTER_MINUTES", 15, minimum=1)

# --- Reviewers' claims and the queue's SLA (README "Reviewing documents") ---------------------
REVIEW_CLAIM_SECONDS = env_int("CASEFILE_REVIEW_CLAIM_SECONDS", 900, minimum=30)
REVIEW_SLA_HOURS = env_int("CASEFILE_REVIEW_SLA_HOURS", 24, minimum=1)

# --- Learning from reviewers (SPEC §9; README "What Casefile learns") -------------------------
LEARNING_MEMORY = env_bool("CASEFILE_LEARNING_MEMORY", True)
LEARNING_MAX_LAYOUTS = env_int("CASEFILE_LEARNING_MAX_LAYOUTS", 500, minimum=1)
LEARNING_RECALIBRATION_MIN_VERDICTS = env_int(
    "CASEFILE_RECALIBRATION_MIN_VERDICTS", 300, minimum=50
)
LEARNING_RECALIBRATION_WINDOW = env_int("CASEFILE_RECALIBRATION_WINDOW", 5000, minimum=100)
# `evaluate --learn`'s simulated reviewer: the review app's, given to extraction by name.
LEARNING_REPLAY_REVIEWER = "review.replay.truth_review"

# --- Job API (seed 003) and extract API (seed 000) ----------------------------------------
IDEMPOTENCY_KEY_TTL_HOURS = env_int("CASEFILE_IDEMPOTENCY_TTL_HOURS", 24, minimum=24)
RESULT_RETENTION_HOURS = env_int("CASEFILE_RESULT_RETENTION_HOURS", 168, minimum=1)
JOB_STATUS_POLLS_PER_MINUTE = env_int("CASEFILE_JOB_STATUS_POLLS_PER_MINUTE", 120, minimum=1)
JOB_RETRY_AFTER_MS = env_int("CASEFILE_JOB_RETRY_AFTER_MS", 5000, minimum=100)
LONG_POLL_MAX_SECONDS = env_int("CASEFILE_LONG_POLL_MAX_SECONDS", 30, minimum=1)
# Realtime (seed 002): token lifetime, how long one SSE/WebSocket stream lasts before the client
# reconnects (with Last-Event-ID), the heartbeat and how often a stream reads the event log (ms).
REALTIME_TOKEN_TTL_SECONDS = env_int("CASEFILE_REALTIME_TOKEN_TTL_SECONDS", 900, minimum=10)
REALTIME_STREAM_SECONDS = env_int("CASEFILE_REALTIME_STREAM_SECONDS", 300, minimum=1)
REALTIME_HEARTBEAT_SECONDS = env_int("CASEFILE_REALTIME_HEARTBEAT_SECONDS", 15, minimum=1)
REALTIME_POLL_MS = env_int("CASEFILE_REALTIME_POLL_MS", 500, minimum=20)
REALTIME_EVENT_RETENTION_HOURS = env_int("CASEFILE_REALTIME_EVENT_RETENTION_HOURS", 48, minimum=1)
EXTRACT_RESPONSE_DEADLINE_SECONDS = env_int("CASEFILE_EXTRACT_DEADLINE_SECONDS", 60, minimum=1)

# --- Upload by URL or base64 (seed 002) -----------------------------------------------------
# Without casetype_id/templateName, the workspace's filter of this name classifies an upload.
UPLOAD_DEFAULT_FILTER = env_str("CASEFILE_UPLOAD_DEFAULT_FILTER", "documents")
FETCH_CONNECT_TIMEOUT = env_int("CASEFILE_FETCH_CONNECT_TIMEOUT", 5, minimum=1)
FETCH_TIMEOUT = env_int("CASEFILE_FETCH_TIMEOUT", 60, minimum=1)  # whole download, redirects too
# Non-public networks a URL upload may still reach (an intranet document server), as CIDRs,
# comma-separated; empty (the default): public addresses only.
FETCH_ALLOWED_NETWORKS = env_list("CASEFILE_FETCH_ALLOWED_NETWORKS")

# --- Task queue (django-q2) ---------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
Q_CLUSTER: dict = {
    "name": "casefile",
    "workers": env_int("CASEFILE_WORKERS", 2, minimum=1),
    # A job's own lease and attempt count recover lost work; django-q2's redelivery must
    # not fire while a job is still legitimately running, so retry stays above timeout.
    "timeout": EXTRACTION_TIMEOUT + 60,
    "retry": EXTRACTION_TIMEOUT + 120,
    "max_attempts": 1,
    "ack_failures": True,
    "catch_up": False,
    "save_limit": 500,
    "label": "Task queue",
    "sync": env_bool("CASEFILE_TASKS_SYNC", False),
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
    # One Redis connection pool per process instead of a new connection per enqueue.
    Q_CLUSTER["broker_class"] = "config.taskqueue.PooledRedisBroker"
else:
    Q_CLUSTER["orm"] = "default"
    Q_CLUSTER["poll"] = 0.5

# --- Cache (per-job polling limits; shared across processes when Redis is configured) -----
if REDIS_URL:
    CACHES = {
        # Django's RedisCache with one client and connection pool per process (config/cache.py).
        # Short timeouts: a Redis that is down or hangs costs a request at most half a second
        # per call, and the API goes on without it (cases/apikit/cachedown.py).
        "default": {
            "BACKEND": "config.cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- API ----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["cases.apikit.authentication.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "cases.apikit.parsers.BoundedJSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "EXCEPTION_HANDLER": "cases.apikit.envelope.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["cases.apikit.throttling.ApiKeyRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "config.api_schema.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
API_RATE_LIMIT = env_str("CASEFILE_API_RATE_LIMIT", "1200/min")
# Seconds a web process keeps an API key it found (cases/apikit/keycache.py); revocation and
# deletion still act at once. Needs the shared (Redis) cache: off by default without it.
API_KEY_CACHE_SECONDS = env_int("CASEFILE_API_KEY_CACHE_SECONDS", 5 if REDIS_URL else 0, minimum=0)
SPECTACULAR_SETTINGS = {
    "TITLE": "Casefile API",
    "DESCRIPTION": "Document extraction with a human review gate.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Request and response bodies as separate components: uploads are binary in requests.
    "COMPONENT_SPLIT_REQUEST": True,
    # /api/docs/ serves Swagger UI from our own static files (no CDN: works offline).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Security -----------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool(
    "CASEFILE_SECURE_COOKIES", not DEBUG and BASE_URL.startswith("https")
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Bootstrap ----------------------------------------------------------------------------
CASEFILE_ADMIN_USER = env_str("CASEFILE_ADMIN_USER", "admin")
CASEFILE_ADMIN_PASSWORD = env_str("CASEFILE_ADMIN_PASSWORD")

# Logs: one JSON object per line (CASEFILE_LOG_FORMAT=json, the default without debug) or plain
# text; both carry the request id and the job id (cases/apikit/logcontext.py).
LOG_FORMAT = env_str("CASEFILE_LOG_FORMAT", "plain" if DEBUG else "json")
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured(f"CASEFILE_LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "cases.apikit.logcontext.ContextFilter"}},
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(job_id)s] %(message)s"
        },
        "json": {"()": "cases.apikit.logcontext.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["context"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("CASEFILE_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django-q": {"level": env_str("CASEFILE_QUEUE_LOG_LEVEL", "WARNING")},
    },
}

# /metrics (Prometheus): with a token, scrapes send `Authorization: Bearer <token>`; without
# one only loopback clients are served.
METRICS_TOKEN = env_str("CASEFILE_METRICS_TOKEN")

# Retry schedule and timeouts of webhook delivery (SPEC §6), shrinkable by tests.
WEBHOOKS_RETRY_SCHEDULE = env_int_list(
    "WEBHOOKS_RETRY_SCHEDULE", [30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800]
)
WEBHOOKS_TIMEOUT = env_int("WEBHOOKS_TIMEOUT", 10, minimum=1)
WEBHOOKS_ALLOW_PRIVATE_IPS = env_bool("WEBHOOKS_ALLOW_PRIVATE_IPS", False)
WEBHOOKS_DISABLE_AFTER_HOURS = env_int("WEBHOOKS_DISABLE_AFTER_HOURS", 72, minimum=1)
# Deliveries run on their own django-q2 cluster and queue, so a slow receiver never holds an
# extraction worker: `Q_CLUSTER_NAME=webhooks manage.py qcluster` (README, "Running it").
WEBHOOKS_QUEUE = "webhooks"
# `manage.py worker`: how long running tasks get to finish after SIGTERM before it kills them.
WORKER_STOP_SECONDS = env_int("CASEFILE_WORKER_STOP_SECONDS", 30, minimum=1)
Q_CLUSTER["ALT_CLUSTERS"] = {
    WEBHOOKS_QUEUE: {
        "workers": env_int("CASEFILE_WEBHOOK_WORKERS", 2, minimum=1),
        # One attempt is bounded by WEBHOOKS_TIMEOUT (total deadline); the rest is margin.
        "timeout": WEBHOOKS_TIMEOUT + 30,
        "retry": WEBHOOKS_TIMEOUT + 60,
    }
}
