# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""The resource classes of carto-python's import surface (carto.resources and the objects
nested in a dataset: Table, Visualization, User, Synchronization).

carto-python's AsyncResource, WarnResource and WarnAsyncResource are the bases of its job and
dataset classes; here they name ours, so that `isinstance(job, AsyncResource)` and imports
from carto.resources keep working. Ours never emit carto-python's FutureWarning.
"""

from ._resource import Nested, Resource, declare

__all__ = ["AsyncResource", "WarnResource", "WarnAsyncResource", "Manager", "Resource",
           "Table", "Visualization", "User", "Synchronization"]

AsyncResource = Resource      # FileImportJob, SyncTableJob
WarnResource = Resource       # Dataset
WarnAsyncResource = Resource


class Manager:
    """The base of the managers: holds the auth client and its carto_import.Client."""

    def __init__(self, auth_client):
        self.auth_client = auth_client
        self.client = auth_client.client


class User(Nested):
    """A user as nested in permissions (owner) and datasets."""

    FIELDS = declare("id username name last_name email avatar_url base_url description "
                     "location website twitter_username org_admin org_user viewer "
                     "table_count quota_in_bytes db_size_in_bytes")
    NAME_FIELD = "username"


class Synchronization(Nested):
    """A dataset's synchronization, as nested in it (see sync_tables for the managed one)."""

    FIELDS = declare("checksum error_code error_message id interval name retried_times "
                     "service_item_id service_name state url user_id content_guessing etag "
                     "log_id quoted_fields_guessing type_guessing from_external_source "
                     "visualization_id",
                     "created_at modified_at ran_at run_at updated_at")


class Table(Nested):
    """A dataset's table (Dataset.table): id, name, privacy, row_count, size, ..."""

    FIELDS = declare("id name privacy schema rows_counted row_count size table_size map_id "
                     "description geometry_types", "updated_at",
                     permission=".permissions.Permission", synchronization=Synchronization,
                     table_visualization=".resources.Visualization")
    NAME_FIELD = "name"


class Visualization(Nested):
    """A map or dataset visualization as nested in a dataset (dependent_visualizations)."""

    FIELDS = declare("active_child active_layer_id attributions auth_tokens children "
                     "description display_name external_source id kind license liked likes "
                     "locked map_id name next_id parent_id prev_id privacy source stats tags "
                     "title transition_options type url uses_builder_features version",
                     "created_at updated_at", permission=".permissions.Permission",
                     synchronization=Synchronization, table=Table, related_tables=[Table])
    NAME_FIELD = "name"
