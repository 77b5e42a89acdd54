# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Security (issue 10, item 5): private stays private.

An anonymous GET /api/v1/viz/:id?with_dependent_visualizations=N, and the anonymous listing,
showed the id, name and auth_tokens of the owner's private maps; a public map showed its private
tables under related_tables. Non-owners now see public items only, and auth_tokens are the
owner's alone. About 2 s.
"""
from conftest import USERS, csv_bytes


def set_privacy(server, viz_id, privacy):
    r = server.request("PUT", "api/v1/viz/" + viz_id, json_body={"id": viz_id, "privacy": privacy})
    assert r.status == 200, r


def dataset_of(server, job):
    return server.get("api/v1/tables/" + job["table_id"]).json()["table_visualization"]


def test_private_maps_of_a_public_dataset_stay_hidden(server):
    job = server.import_file("shared.csv", csv_bytes(2), params={"privacy": "public", "create_vis": "true"})
    dataset = dataset_of(server, job)
    secret_map = server.get("api/v1/viz/" + job["visualization_id"]).json()
    set_privacy(server, secret_map["id"], "private")
    secret_map = server.get("api/v1/viz/" + secret_map["id"]).json()
    token = secret_map["auth_tokens"][0]

    deps = {"with_dependent_visualizations": "5"}
    # The owner sees the map, its token included.
    own = server.get("api/v1/viz/" + dataset["id"], params=deps).json()
    assert own["dependent_visualizations_count"] == 1
    assert own["dependent_visualizations"][0]["auth_tokens"] == [token]

    for key in (False, "wrong-key", USERS["bob"]):  # anonymous, a bad key, another user's key
        anon = server.get("api/v1/viz/" + dataset["id"], key=key, params=deps)
        assert anon.status == 200, anon
        listing = server.get("api/v1/viz", key=key, params=dict(deps, type="table"))
        assert listing.status == 200, listing
        assert [v["id"] for v in listing.json()["visualizations"]] == [dataset["id"]]
        for r in (anon, listing):
            text = r.body.decode()
            assert secret_map["id"] not in text and secret_map["name"] not in text and token not in text
        assert anon.json()["dependent_visualizations_count"] == 0
        assert anon.json()["dependent_visualizations"] == []


def test_a_public_map_does_not_show_its_private_tables(server):
    job = server.import_file("hidden.csv", csv_bytes(2), params={"create_vis": "true"})  # private
    dataset = dataset_of(server, job)
    set_privacy(server, job["visualization_id"], "public")
    own = server.get("api/v1/viz/" + job["visualization_id"]).json()
    assert [t["name"] for t in own["related_tables"]] == ["hidden"]

    anon = server.get("api/v1/viz/" + job["visualization_id"], key=False)
    assert anon.status == 200, anon
    assert anon.json()["related_tables"] == []
    text = anon.body.decode()
    assert job["table_id"] not in text and dataset["id"] not in text and '"hidden"' not in text


def test_public_dependents_are_shown_without_tokens(server):
    job = server.import_file("open.csv", csv_bytes(2), params={"privacy": "public", "create_vis": "true"})
    dataset = dataset_of(server, job)
    anon = server.get("api/v1/viz/" + dataset["id"], key=False,
                      params={"with_dependent_visualizations": "5"}).json()
    assert anon["dependent_visualizations_count"] == 1
    dep = anon["dependent_visualizations"][0]
    assert dep["id"] == job["visualization_id"] and dep["auth_tokens"] == []
    assert "auth_tokens" not in anon
