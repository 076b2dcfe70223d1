"""The base of Casefile's own middleware: sync or async as the handler it wraps, so under ASGI
it runs on the event loop (no thread hop) and under WSGI or the test client in the thread."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest


class DualModeMiddleware(ABC):
    """Subclasses implement `__call__`, returning `self.get_response(request)`'s result (a
    coroutine in async mode) or a coroutine of their own when `self.async_mode`."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self.async_mode = iscoroutinefunction(get_response)
        if self.async_mode:
            markcoroutinefunction(self)

    @abstractmethod
    def __call__(self, request: HttpRequest) -> Any: ...
