"""The API kit: what every app's DRF API is built from, in one place.

The error envelope and DRF's exception handler (`envelope`), the middleware that answers in that
envelope outside DRF (`middleware`) and the ASGI body-size guard (`request_limits`), API key
authentication and the typed request helpers (`authentication`: `request_workspace`,
`request_api_key`, `api_actor`), the per-key throttle (`throttling`), limit/offset pagination
(`pagination`), the shared serializer field and success envelope (`serializers`) and their OpenAPI
declarations (`schema`).

It sits on the lowest floor, beside `cases.models`, `cases.errors`, `cases.actors` and
`cases.ids`: it may import those, Django, DRF and drf-spectacular, and nothing else of Casefile
(no case logic, no `extraction`, `review` or `webhooks`). import-linter checks it (`make imports`).
"""
