"""Document status and realtime updates (seed 002): the status read, the status-event log, the
short-lived realtime token, and the SSE and WebSocket streams that serve the log."""
