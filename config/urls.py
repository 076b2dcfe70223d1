"""Root URLs: one include per app, the seed aliases, the OpenAPI schema and the admin."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from config import health, metrics

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("", include("config.seed_urls")),
    path("api/v1/", include("cases.urls")),
    path("api/v1/", include("review.urls")),
    path("api/v1/", include("extraction.urls")),
    path("api/v1/", include("extraction.conversion.urls")),
    path("api/v1/", include("webhooks.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    path("", include("review.urls_ui")),
]
