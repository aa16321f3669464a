"""Role profiles in exchange files: a ``framewheel/role@1`` file on its own, and the ``roles`` section of the bundle.

An institution hands out its role profiles as role files; ``framewheel import`` checks each in
full (every field, every target against the loaded framework) before anything is written::

    {"format": "framewheel/role@1", "framework": {"id": "ahep", "version": "2024"},
     "name": "Team leader", "targets": {"working-together": 8, "professional-development": "member"},
     "created": "2026-11-22T10:15:00+00:00", "updated": "2026-11-22T10:15:00+00:00"}

A target is a value on the framework's scale or one of its level ids. ``example`` (true or
false) marks the demo's example roles.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.core import exchange
from tui.core.frameworks import FrameworkCatalog
from tui.core.roles import RoleProfile, Target, ordered_targets, target_problem
from tui.core.timestamps import timestamp_problems
from tui.core.wheels import now_iso

ROLE_FORMAT = "framewheel/role@1"
"""The ``format`` of one role profile, in a file of its own or in a bundle."""

KEYS = {"format", "framework", "name", "targets", "example", "created", "updated"}
"""The fields of a role in an exchange file."""


def role_to_dict(role: RoleProfile, version: str = "") -> dict[str, Any]:
    """One role in its exchange form."""
    reference = {"id": role.framework_id, **({"version": version} if version else {})}
    document: dict[str, Any] = {"format": ROLE_FORMAT, "framework": reference, "name": role.name,
                                "targets": dict(role.targets)}
    if role.example:
        document["example"] = True
    if role.created:
        document["created"] = role.created
    if role.updated:
        document["updated"] = role.updated
    return document


def fingerprint(role: RoleProfile) -> str:
    """What makes two roles the same import: framework, name and targets."""
    return f"role:{role.framework_id}:{role.name.strip().casefold()}:{json.dumps(dict(role.targets), sort_keys=True)}"


def check_role_document(doc: object, catalog: FrameworkCatalog) -> tuple[list[exchange.Problem], RoleProfile | None]:
    """Problems of one role document (field, message), and the role when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    problems, framework = exchange.check_named_record(doc, KEYS, ROLE_FORMAT, "a role", catalog)
    problems.extend(timestamp_problems(doc))
    if "example" in doc and not isinstance(doc["example"], bool):
        problems.append(("example", "must be true or false"))
    found = doc.get("targets")
    targets: dict[str, Target] = {}
    if not isinstance(found, dict) or not found:
        problems.append(("targets", "must be an object of at least one area id -> a value on the scale or a level id"))
        found = {}
    for area_id, target in found.items():
        if framework is None:
            break
        problem = target_problem(framework, area_id, target)
        if problem:
            problems.append((f"targets.{area_id}", problem))
        else:
            targets[area_id] = target
    if problems or framework is None:
        return problems, None
    created = str(doc.get("created") or now_iso())
    role = RoleProfile(0, str(doc["name"]).strip(), framework.id, ordered_targets(framework, targets),
                       example=doc.get("example") is True, created=created, updated=str(doc.get("updated") or created))
    return [], role


def check_roles(items: list[Any], prefix: str, seen: set[str], stored: Sequence[RoleProfile],
                catalog: FrameworkCatalog) -> exchange.Checked[RoleProfile]:
    """Check roles for import; duplicates of stored or already-read roles are set apart.

    A role with the name of another role of its framework (the file's own, a stored one, or one
    earlier in this import) but other targets is refused: names pick roles on the command line.
    """
    taken: dict[tuple[str, str], str] = {(r.framework_id, r.name.strip().casefold()): r.key for r in stored}
    same = {fingerprint(r) for r in stored}
    for framework in catalog.frameworks.values():
        taken.update({(framework.id, r.title.strip().casefold()): r.id for r in framework.roles})

    def check_one(doc: Any) -> tuple[list[exchange.Problem], RoleProfile | None]:
        """The document's own checks, then its name against the roles already there."""
        problems, role = check_role_document(doc, catalog)
        if role is None or fingerprint(role) in same or fingerprint(role) in seen:
            return problems, role
        name = (role.framework_id, role.name.casefold())
        if name in taken:
            return [("name", f"a role named “{role.name}” already exists ({taken[name]}) with other targets; "
                     "rename this one in the file")], None
        taken[name] = "in this import"
        return problems, role

    return exchange.check_records(items, prefix, seen, same, check_one, fingerprint, lambda r: f"the role '{r.name}'")


ROLES = exchange.DataSection("roles", role_to_dict, check_roles, "role", standalone_format=ROLE_FORMAT)
"""The roles made in the app: their section of the "all data" bundle, and a role file on its own."""
