# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""carto-python compatible privacy names and permission objects (carto.permissions)."""

from ._resource import Nested, declare

__all__ = ["PUBLIC", "PRIVATE", "LINK", "Entity", "Permission"]

PUBLIC = "PUBLIC"
PRIVATE = "PRIVATE"
LINK = "LINK"


class Entity(Nested):
    """Who a permission is about (inside a Permission)."""

    FIELDS = declare("id type")


class Permission(Nested):
    """A dataset's or map's permission: its owner, entity and ACL (as the server sends it)."""

    FIELDS = declare("id acl", "created_at updated_at", entity=Entity,
                     owner=".resources.User")
