"""Workspaces, API keys, case types, cases, documents and stored files; the case HTTP API."""
