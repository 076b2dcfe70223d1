"""ASGI entry point (uvicorn), so server-sent events stream without holding a thread.

Oversized request bodies are refused before Django reads them (`cases.apikit.request_limits`).
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The web process borrows PostgreSQL connections from a bounded pool (see settings, Database).
os.environ.setdefault("CASEFILE_DB_POOL", "true")
django_application = get_asgi_application()

from cases.apikit.request_limits import RequestSizeLimit  # noqa: E402 - needs Django set up first

application = RequestSizeLimit(django_application)
