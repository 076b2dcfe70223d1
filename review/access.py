"""Who is looking at the browser UI: the member, the workspace they work in, and their role.

Every browser view is wrapped in `member_required`: it signs people in (`login_required`),
resolves the current workspace from the session (only workspaces the user is a member of, so a
stale or forged session value falls back to the first membership) and leaves the result on
`request.access`. Detail pages look objects up across all of the member's workspaces and, when
the object lives in another one, make that workspace current (`access_follow`), so a shared link
works and the nav shows where the reader is. `admin_required` guards the settings actions.

The session is the only state kept here; nothing in this module writes to the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from cases import selectors
from cases.errors import NotFound
from cases.models import Membership, Workspace

SESSION_KEY = "casefile_workspace"

View = Callable[..., HttpResponse]


@dataclass(frozen=True)
class Access:
    """The member's current membership and all of their memberships (for the switcher)."""

    membership: Membership
    memberships: tuple[Membership, ...]

    @property
    def workspace(self) -> Workspace:
        return self.membership.workspace

    @property
    def workspaces(self) -> list[Workspace]:
        return [membership.workspace for membership in self.memberships]

    @property
    def is_admin(self) -> bool:
        return self.membership.is_admin

    @property
    def has_several_workspaces(self) -> bool:
        return len(self.memberships) > 1

    def membership_in(self, workspace: Workspace) -> Membership | None:
        return next((m for m in self.memberships if m.workspace_id == workspace.pk), None)


def access_resolve(request: HttpRequest) -> Access | None:
    """The signed-in user's access, or None when they belong to no workspace."""
    memberships = tuple(selectors.membership_list(user=request.user))
    if not memberships:
        return None
    wanted = request.session.get(SESSION_KEY)
    current = next((m for m in memberships if m.workspace.public_id == wanted), memberships[0])
    return Access(membership=current, memberships=memberships)


def workspace_select(request: HttpRequest, *, public_id: str) -> Access | None:
    """Make one of the member's workspaces current; None if they are not a member of it."""
    access = current_access(request)
    membership = next((m for m in access.memberships if m.workspace.public_id == public_id), None)
    if membership is None:
        return None
    request.session[SESSION_KEY] = membership.workspace.public_id
    return _attach(request, Access(membership=membership, memberships=access.memberships))


def access_follow(request: HttpRequest, workspace: Workspace) -> Access:
    """Make `workspace` current when an object the member opened lives there.

    Callers only pass workspaces from `Access.workspaces` (the selectors are scoped to them),
    so this never grants access; it only keeps the nav and role checks in step.
    """
    if workspace.pk != current_access(request).workspace.pk:
        workspace_select(request, public_id=workspace.public_id)
    return current_access(request)


def member_required(view: View) -> View:
    """Sign in, then require a membership; `request.access` is set for the view.

    A `NotFound` from a selector or service (an unknown or stale id, another workspace's
    object) is the browser's 404 page, as it is the API's 404 envelope."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        access = access_resolve(request)
        if access is None:
            return render(request, "review/no_workspace.html", status=403)
        _attach(request, access)
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc

    return wrapped


def admin_required(view: View) -> View:
    """Admins of the current workspace only; reviewers get 403. Use inside `member_required`."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not current_access(request).is_admin:
            raise PermissionDenied("Only workspace admins may do this.")
        return view(request, *args, **kwargs)

    return wrapped


def current_access(request: HttpRequest) -> Access:
    """`request.access`, typed, for views wrapped in `member_required`."""
    access = getattr(request, "access", None)
    if not isinstance(access, Access):
        raise RuntimeError("current_access() needs a view wrapped in member_required.")
    return access


def _attach(request: HttpRequest, access: Access) -> Access:
    request.access = access  # type: ignore[attr-defined]
    return access
