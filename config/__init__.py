"""Casefile's wiring: settings, root URLs, ASGI and WSGI entry points."""
