"""The extraction pipeline: the pure engine, extraction jobs, their worker tasks and API."""
