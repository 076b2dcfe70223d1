"""Webhook events, endpoints and signed deliveries; reached through `services.event_publish`."""
