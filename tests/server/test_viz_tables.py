# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Datasets and maps: GET/PUT/DELETE /api/v1/viz and GET /api/v1/tables (PROTOCOL.md §5)."""
import time

import pytest

from conftest import csv_bytes

VIZ_KEYS = ["id", "name", "display_name", "map_id", "active_layer_id", "type", "tags",
            "description", "privacy", "created_at", "updated_at", "locked", "source", "title",
            "license", "attributions", "kind", "external_source", "url", "version", "prev_id",
            "next_id", "parent_id", "transition_options", "active_child", "children"]
TABLE_BLOCK_KEYS = ["id", "name", "geometry_types", "privacy", "updated_at", "synchronization",
                    "size", "row_count", "permission"]
TABLE_KEYS = ["id", "name", "privacy", "schema", "updated_at", "rows_counted", "table_size",
              "map_id", "description", "geometry_types", "table_visualization",
              "dependent_visualizations", "non_dependent_visualizations", "synchronization"]


def dataset_id(server, job, user="alice"):
    return server.get("api/v1/tables/" + job["table_id"], user=user).json()["table_visualization"]["id"]


@pytest.fixture
def datasets(server):
    """Five datasets with distinct sizes, imported in order (so updated_at increases)."""
    jobs = []
    for name, rows in (("charlie", 3), ("alpha", 10), ("echo", 1), ("bravo", 30), ("delta", 5)):
        jobs.append(server.import_file(name + ".csv", csv_bytes(rows)))
        time.sleep(0.01)
    return jobs


def names(body):
    return [v["name"] for v in body["visualizations"]]


def test_list_item_shape(server, datasets):
    body = server.get("api/v1/viz", params={"type": "table", "exclude_shared": "true",
                                            "with_dependent_visualizations": "1"}).json()
    assert list(body.keys()) == ["visualizations", "total_entries", "total_user_entries",
                                 "total_locked", "total_likes", "total_shared"]
    assert body["total_entries"] == 5 and body["total_user_entries"] == 5
    item = body["visualizations"][0]
    assert list(item.keys())[:len(VIZ_KEYS)] == VIZ_KEYS
    assert "related_tables" not in item
    for k in ("synchronization", "uses_builder_features", "dependent_visualizations_count",
              "dependent_visualizations", "liked", "permission", "stats", "auth_tokens", "table"):
        assert k in item, k
    assert item["stats"] == {} and item["synchronization"] is None
    assert item["type"] == "table" and item["privacy"] == "PRIVATE" and item["kind"] == "geom"
    assert item["dependent_visualizations_count"] == 0 and item["dependent_visualizations"] == []
    assert list(item["table"].keys()) == TABLE_BLOCK_KEYS
    assert item["table"]["name"] == item["name"] and item["table"]["synchronization"] is None
    assert item["table"]["row_count"] > 0 and item["table"]["size"] > 0
    assert item["table"]["permission"]["entity"] == {"id": item["id"], "type": "vis"}
    assert item["url"].endswith("/user/alice/tables/" + item["name"])
    # default type is "derived": no maps yet
    assert server.get("api/v1/viz").json()["total_entries"] == 0
    body = server.get("api/v1/viz", params={"type": "table", "load_totals": "false"}).json()
    assert list(body.keys()) == ["visualizations", "total_entries"]


def test_pagination(server, datasets):
    seen = []
    for page in (1, 2, 3):
        body = server.get("api/v1/viz", params={"type": "table", "per_page": "2", "page": str(page),
                                                "order": "name", "order_direction": "asc"}).json()
        assert body["total_entries"] == 5
        seen += names(body)
    assert seen == ["alpha", "bravo", "charlie", "delta", "echo"]
    body = server.get("api/v1/viz", params={"type": "table", "page": "4", "per_page": "2"}).json()
    assert body["visualizations"] == [] and body["total_entries"] == 5
    # default page size is 20
    assert len(server.get("api/v1/viz", params={"type": "table"}).json()["visualizations"]) == 5


@pytest.mark.parametrize("params,error", [
    ({"page": "0"}, "Wrong 'page' parameter value."),
    ({"page": "-1"}, "Wrong 'page' parameter value."),
    ({"page": "abc"}, "Wrong 'page' parameter value."),
    ({"per_page": "0"}, "Wrong 'per_page' parameter value."),
])
def test_bad_page_parameters(server, params, error):
    r = server.get("api/v1/viz", params=dict(params, type="table"))
    assert r.status == 400 and r.json() == {"error": error}


def test_bad_order(server):
    r = server.get("api/v1/viz", params={"type": "table", "order": "color"})
    assert r.status == 400
    assert r.json()["error"].startswith("Wrong 'order' parameter value. Valid values are one of [")


def test_ordering(server, datasets):
    def order(o, d=None):
        p = {"type": "table", "order": o}
        if d:
            p["order_direction"] = d
        return names(server.get("api/v1/viz", params=p).json())
    assert order("updated_at") == ["delta", "bravo", "echo", "alpha", "charlie"]
    assert order("updated_at", "asc") == ["charlie", "alpha", "echo", "bravo", "delta"]
    assert order("name", "desc") == ["echo", "delta", "charlie", "bravo", "alpha"]
    assert order("estimated_row_count") == ["bravo", "alpha", "delta", "charlie", "echo"]
    items = server.get("api/v1/viz", params={"type": "table", "order": "size",
                                             "order_direction": "asc"}).json()["visualizations"]
    sizes = [v["table"]["size"] for v in items]
    assert sizes == sorted(sizes)


def test_filters(server, datasets):
    p = {"type": "table"}
    assert names(server.get("api/v1/viz", params=dict(p, q="HA")).json()) == ["alpha", "charlie"]
    assert server.get("api/v1/viz", params=dict(p, privacy="public")).json()["total_entries"] == 0
    assert server.get("api/v1/viz", params=dict(p, privacy="PRIVATE")).json()["total_entries"] == 5
    both = server.get("api/v1/viz", params={"types": "table,derived"}).json()
    assert both["total_entries"] == 5


def test_show_by_id_and_name(server, datasets):
    vid = dataset_id(server, datasets[0])
    by_id = server.get("api/v1/viz/" + vid).json()
    by_name = server.get("api/v1/viz/charlie").json()
    by_schema = server.get("api/v1/viz/alice.charlie").json()
    assert by_id["id"] == by_name["id"] == by_schema["id"] == vid
    assert by_id["related_tables"] == []
    assert by_id["stats"] == {} and "liked" not in by_id and "permission" not in by_id
    assert "dependent_visualizations_count" not in by_id
    assert by_id["auth_tokens"] and all(isinstance(t, str) for t in by_id["auth_tokens"])
    r = server.get("api/v1/viz/" + "12345678-1234-4234-8234-123456789012")
    assert r.status == 404
    assert r.json() == {"errors": "Visualization does not exist", "errors_cause": None}
    assert server.get("api/v1/viz/nope").status == 404


def test_put_whitelist(server, datasets):
    vid = dataset_id(server, datasets[1])
    before = server.get("api/v1/viz/" + vid).json()
    body = dict(before)
    body.update({"privacy": "public", "license": "mit", "attributions": "test", "title": "T",
                 "description": "about", "tags": ["a", "b"], "locked": True,
                 "display_name": "Alpha!", "type": "derived", "map_id": "x", "created_at": "1999",
                 "api_key": "ignored", "client": "cps", "stats": None, "source": "src"})
    r = server.request("PUT", "api/v1/viz/" + vid, key=False, json_body=dict(body, api_key="alice-master-key"))
    assert r.status == 200, r
    after = r.json()
    assert after["privacy"] == "PUBLIC" and after["license"] == "mit"
    assert after["attributions"] == "test" and after["title"] == "T" and after["source"] == "src"
    assert after["description"] == "about" and after["tags"] == ["a", "b"]
    assert after["locked"] is True and after["display_name"] == "Alpha!"
    assert after["type"] == "table" and after["map_id"] == before["map_id"]
    assert after["created_at"] == before["created_at"]
    assert "liked" in after and "permission" in after and "related_tables" in after
    fresh = server.get("api/v1/viz/" + vid).json()
    assert fresh["privacy"] == "PUBLIC" and fresh["license"] == "mit"
    assert server.get("api/v1/tables/" + datasets[1]["table_id"]).json()["privacy"] == "PUBLIC"
    # anonymous users now see it
    assert server.get("api/v1/viz/" + vid, key=False).status == 200


def test_put_id_mismatch_and_errors(server, datasets):
    vid = dataset_id(server, datasets[0])
    r = server.request("PUT", "api/v1/viz/" + vid, json_body={"id": dataset_id(server, datasets[1]), "name": "x"})
    assert (r.status, r.body) == (403, b"")
    r = server.request("PUT", "api/v1/viz/" + vid, json_body={"name": "x"})
    assert (r.status, r.body) == (403, b"")
    r = server.request("PUT", "api/v1/viz/" + vid, json_body={"id": vid, "privacy": "secret"})
    assert r.status == 400 and isinstance(r.json()["errors"], list)
    r = server.request("PUT", "api/v1/viz/" + vid, json_body={"id": vid, "tags": "notalist"})
    assert r.status == 400
    assert server.get("api/v1/viz/" + vid).json()["name"] == "charlie"


def test_rename_renames_the_table(server, datasets):
    job = datasets[2]
    vid = dataset_id(server, job)
    r = server.request("PUT", "api/v1/viz/" + vid, json_body={"id": vid, "name": "Renamed Echo"})
    assert r.status == 200, r
    assert r.json()["name"] == "renamed_echo"
    t = server.get("api/v1/tables/" + job["table_id"]).json()
    assert t["name"] == "renamed_echo" and t["rows_counted"] == 1
    assert server.get("api/v1/tables/renamed_echo").status == 200
    assert server.get("api/v1/tables/echo").status == 404
    # a name that is taken gets a suffix
    r = server.request("PUT", "api/v1/viz/" + vid, json_body={"id": vid, "name": "alpha"})
    assert r.json()["name"] == "alpha_1"
    # the freed name can be imported again
    assert server.import_file("echo.csv", csv_bytes(1))["table_name"] == "echo"


def test_table_show(server):
    job = server.import_file("shown.csv", csv_bytes(4), params={"create_vis": "true"})
    t = server.get("api/v1/tables/" + job["table_id"]).json()
    assert list(t.keys()) == TABLE_KEYS
    assert t["id"] == job["table_id"] and t["name"] == "shown" and t["privacy"] == "PRIVATE"
    assert t["rows_counted"] == 4 and t["table_size"] > 0
    assert t["schema"][0] == ["cartodb_id", "number"]
    assert t["schema"][1][:3] == ["the_geom", "geometry", "geometry"]
    assert t["geometry_types"] == ["ST_Point"]
    assert t["table_visualization"]["type"] == "table" and t["table_visualization"]["id"]
    assert t["table_visualization"]["map_id"] == t["map_id"]
    assert [d["id"] for d in t["dependent_visualizations"]] == [job["visualization_id"]]
    assert t["non_dependent_visualizations"] == [] and t["synchronization"] is None
    assert server.get("api/v1/tables/shown").json()["id"] == t["id"]
    r = server.get("api/v1/tables/missing")
    assert (r.status, r.body) == (404, b"")


def test_delete_dataset_removes_table_and_dependent_map(server):
    job = server.import_file("gone.csv", csv_bytes(2), params={"create_vis": "true"})
    keep = server.import_file("kept.csv", csv_bytes(2), params={"create_vis": "true"})
    vid = dataset_id(server, job)
    maps = names(server.get("api/v1/viz").json())
    assert sorted(maps) == ["gone map", "kept map"]
    r = server.request("DELETE", "api/v1/viz/" + vid)
    assert (r.status, r.body) == (204, b"")
    r = server.get("api/v1/viz/" + vid)
    assert r.status == 404 and r.json()["errors"] == "Visualization does not exist"
    assert server.get("api/v1/tables/" + job["table_id"]).status == 404
    assert server.get("api/v1/viz/" + job["visualization_id"]).status == 404
    assert names(server.get("api/v1/viz").json()) == ["kept map"]
    assert names(server.get("api/v1/viz", params={"type": "table"}).json()) == ["kept"]
    assert server.request("DELETE", "api/v1/viz/" + vid).status == 404
    # the name is free again
    assert server.import_file("gone.csv", csv_bytes(1))["table_name"] == "gone"
    # deleting a map leaves its dataset
    assert server.request("DELETE", "api/v1/viz/" + keep["visualization_id"]).status == 204
    kept = server.get("api/v1/viz/kept", params={"with_dependent_visualizations": "3"}).json()
    assert kept["dependent_visualizations_count"] == 0
