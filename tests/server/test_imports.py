# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""POST/GET /api/v1/imports: input modes, formats, parameters, job states (PROTOCOL.md §2)."""
import io
import json
import time
import zipfile

import pytest

from conftest import USERS, csv_bytes, geojson_bytes, gpx_bytes, kml_bytes, multipart, ogr2ogr

COMPLETE_KEYS = ["id", "user_id", "table_id", "data_type", "table_name", "state", "error_code",
                 "queue_id", "tables_created_count", "synchronization_id", "type_guessing",
                 "quoted_fields_guessing", "content_guessing", "create_visualization",
                 "visualization_id", "user_defined_limits", "get_error_text", "display_name",
                 "success", "original_url", "warnings", "is_raster", "any_table_raster",
                 "derived_visualization_id", "table_names"]


def table(server, table_id, user="alice"):
    r = server.get("api/v1/tables/" + table_id, user=user)
    assert r.status == 200, r
    return r.json()


def test_csv_import_complete_shape(server):
    job = server.import_file("Madrid Points.csv", csv_bytes(5))
    assert list(job.keys()) == COMPLETE_KEYS
    assert job["state"] == "complete" and job["success"] is True
    assert job["error_code"] is None and job["get_error_text"] is None
    assert job["queue_id"] == job["id"]
    assert job["data_type"] == "file"
    assert job["display_name"] == "Madrid_Points.csv"  # spaces become '_'
    assert job["table_name"] == "madrid_points"
    assert job["tables_created_count"] == 1
    assert job["table_names"] == ["madrid_points"]  # our extension: every table created
    assert job["user_defined_limits"] == '{"twitter_credits_limit":0}'
    assert job["type_guessing"] is True and job["quoted_fields_guessing"] is True
    assert job["content_guessing"] is False and job["create_visualization"] is False
    assert job["visualization_id"] is None and job["derived_visualization_id"] is None
    assert job["is_raster"] is False and job["any_table_raster"] is False
    t = table(server, job["table_id"])
    assert t["name"] == "madrid_points"
    assert t["rows_counted"] == 5
    assert t["privacy"] == "PRIVATE"
    assert t["geometry_types"] == ["ST_Point"]
    cols = [c[0] for c in t["schema"]]
    assert cols[:2] == ["cartodb_id", "the_geom"]
    assert "name" in cols


def test_states_are_observable_and_success_only_when_final(make_server):
    s = make_server("--step-delay-ms", "150")
    r = s.upload("slow.csv", csv_bytes(3))
    job_id = r.json()["item_queue_id"]
    seen = []
    while True:
        j = s.job(job_id)
        if not seen or seen[-1] != j["state"]:
            seen.append(j["state"])
        if j["state"] in ("complete", "failure"):
            break
        assert "success" not in j
        assert "any_table_raster" not in j and "derived_visualization_id" not in j
        assert j["tables_created_count"] is None and j["get_error_text"] is None
        time.sleep(0.02)
    assert seen[0] == "pending"
    assert "uploading" in seen and "importing" in seen
    assert seen[-1] == "complete"
    assert seen[1] == "uploading"
    assert set(seen[2:-1]) <= {"unpacking", "importing", "guessing"}  # guessing <-> importing


@pytest.mark.parametrize("name,maker,rows", [
    ("points.geojson", geojson_bytes, 2),
    ("places.kml", kml_bytes, 2),
    ("track.gpx", gpx_bytes, 2),
])
def test_text_formats(server, name, maker, rows):
    job = server.import_file(name, maker())
    assert job["state"] == "complete", job
    assert table(server, job["table_id"])["rows_counted"] == rows


def test_gpkg(server, tmp_path):
    out = ogr2ogr(tmp_path, "GPKG", "src.geojson", geojson_bytes(4), "layer.gpkg")
    job = server.import_file("layer.gpkg", out.read_bytes())
    assert job["state"] == "complete", job
    assert table(server, job["table_id"])["rows_counted"] == 4


def test_zipped_shapefile(server, tmp_path):
    ogr2ogr(tmp_path, "ESRI Shapefile", "src.geojson", geojson_bytes(3), "roads.shp")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for ext in ("shp", "shx", "dbf", "prj"):
            p = tmp_path / ("roads." + ext)
            if p.exists():
                z.write(p, "roads." + ext)
    job = server.import_file("roads.zip", buf.getvalue())
    assert job["state"] == "complete", job
    assert job["table_name"] == "roads"
    assert table(server, job["table_id"])["rows_counted"] == 3


def test_xlsx(server, tmp_path):
    out = ogr2ogr(tmp_path, "XLSX", "src.csv", csv_bytes(6), "sheet.xlsx")
    job = server.import_file("sheet.xlsx", out.read_bytes())
    assert job["state"] == "complete", job
    assert table(server, job["table_id"])["rows_counted"] == 6


def test_zip_with_two_files_creates_two_tables(server):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("one.csv", csv_bytes(2))
        z.writestr("two.csv", csv_bytes(3))
    job = server.import_file("both.zip", buf.getvalue())
    assert job["state"] == "complete", job
    assert job["tables_created_count"] == 2
    assert job["table_names"] == ["one", "two"]  # in order; table_name is the first
    assert job["table_name"] == "one"
    for name, rows in (("one", 2), ("two", 3)):
        assert table(server, name)["rows_counted"] == rows


def test_raw_body_upload_with_filename_param(server):
    r = server.request("POST", "api/v1/imports", params={"filename": "raw data.csv"},
                       body=csv_bytes(2), content_type="application/octet-stream")
    assert r.status == 200, r
    job = server.wait(r.json()["item_queue_id"])
    assert job["state"] == "complete", job
    assert job["display_name"] == "raw_data.csv"


def test_multipart_field_named_filename(server):
    job = server.import_file("field.csv", csv_bytes(2), field="filename")
    assert job["state"] == "complete", job
    assert job["table_name"] == "field"


def test_api_key_as_multipart_field(server):
    ct, body = multipart(fields=[("api_key", USERS["alice"]), ("privacy", "public")],
                         files=[("file", "formkey.csv", csv_bytes(2))])
    r = server.request("POST", "api/v1/imports", key=False, body=body, content_type=ct)
    assert r.status == 200, r
    job = server.wait(r.json()["item_queue_id"])
    assert job["state"] == "complete"
    assert table(server, job["table_id"])["privacy"] == "PUBLIC"


def test_collisions_rename_skip_overwrite(server):
    first = server.import_file("dup.csv", csv_bytes(2))
    second = server.import_file("dup.csv", csv_bytes(2))
    assert (first["table_name"], second["table_name"]) == ("dup", "dup_1")
    skipped = server.import_file("dup.csv", csv_bytes(2), params={"collision_strategy": "skip"})
    assert skipped["state"] == "complete" and skipped["error_code"] == 1022
    assert skipped["get_error_text"]["title"] == "All tables were skipped"
    over = server.import_file("dup.csv", csv_bytes(7), params={"collision_strategy": "overwrite"})
    assert over["state"] == "complete", over
    assert over["table_name"] == "dup"
    assert table(server, over["table_id"])["rows_counted"] == 7
    names = [v["name"] for v in server.get("api/v1/viz", params={"type": "table"}).json()["visualizations"]]
    assert sorted(names) == ["dup", "dup_1"]


@pytest.mark.parametrize("params,expected", [
    ({}, (True, True, False, False)),
    ({"type_guessing": "false", "quoted_fields_guessing": "false"}, (False, False, False, False)),
    ({"type_guessing": "False", "quoted_fields_guessing": "0"}, (True, True, False, False)),
    ({"content_guessing": "true", "create_vis": "true"}, (True, True, True, True)),
    ({"content_guessing": "True", "create_vis": "1"}, (True, True, False, False)),
])
def test_boolean_parameters(server, params, expected):
    job = server.import_file("b.csv", csv_bytes(2), params=params)
    got = (job["type_guessing"], job["quoted_fields_guessing"], job["content_guessing"],
           job["create_visualization"])
    assert got == expected


def test_json_booleans_and_url_in_json_body(server, file_server):
    url = file_server.add("/json.csv", csv_bytes(2))
    r = server.request("POST", "api/v1/imports", key=False, json_body={
        "api_key": USERS["alice"], "url": url, "type_guessing": False, "create_vis": True,
        "privacy": "LINK", "client": "test"})
    assert r.status == 200, r
    job = server.wait(r.json()["item_queue_id"])
    assert job["state"] == "complete", job
    assert job["type_guessing"] is False and job["create_visualization"] is True
    assert job["data_type"] == "url" and job["original_url"] == url
    assert job["display_name"] == "json.csv"
    assert job["visualization_id"] and job["derived_visualization_id"] == job["visualization_id"]
    viz = server.get("api/v1/viz/" + job["visualization_id"]).json()
    assert viz["type"] == "derived" and viz["privacy"] == "LINK"


def test_a_query_pair_splits_at_its_first_equals_sign(server, file_server):
    """A client that leaves its url parameter unencoded: as Rails, everything after the pair's
    first '=' is the value (the query used to be parsed by cpp-httplib, which kept only what
    followed the last '=', while form bodies split at the first)."""
    url = file_server.add("/v=1.csv", csv_bytes(2))
    r = server.request("POST", "api/v1/imports?url=" + url)
    assert r.status == 200, r
    job = server.wait(r.json()["item_queue_id"])
    assert job["data_type"] == "url" and job["original_url"] == url, job
    assert job["state"] == "complete", job


def test_a_raw_upload_file_name_keeps_its_equals_signs(server):
    """The raw upload's ?filename= is read by the same parser (cpp-httplib gave '1.csv')."""
    r = server.request("POST", "api/v1/imports?filename=v=1.csv", body=csv_bytes(2),
                       content_type="application/octet-stream")
    assert r.status == 200, r
    job = server.wait(r.json()["item_queue_id"])
    assert job["state"] == "complete", job
    assert job["display_name"] == "v=1.csv", job


def test_create_vis_makes_dependent_map(server):
    job = server.import_file("deps.csv", csv_bytes(2), params={"create_vis": "true"})
    t = table(server, job["table_id"])
    dataset_id = t["table_visualization"]["id"]
    viz = server.get("api/v1/viz/" + dataset_id, params={"with_dependent_visualizations": "1"}).json()
    assert viz["dependent_visualizations_count"] == 1
    assert viz["dependent_visualizations"][0]["id"] == job["visualization_id"]
    assert [d["id"] for d in t["dependent_visualizations"]] == [job["visualization_id"]]


@pytest.mark.parametrize("params,message", [
    ({"privacy": "secret"},
     "Unknown value 'secret' for 'privacy'. Allowed values are: private, public and link"),
    ({"collision_strategy": "replace"}, "collision_strategy Invalid collision strategy"),
    ({"url": "file:///etc/passwd"}, "Invalid URL, cannot connect dataset: file:///etc/passwd"),
    ({"url": "gopher://example.com/x.csv"},
     "Invalid URL, cannot connect dataset: gopher://example.com/x.csv"),
])
def test_invalid_parameters_400(server, params, message):
    r = server.upload("x.csv", csv_bytes(1), params=params)
    assert r.status == 400
    assert r.json() == {"errors": {"imports": message}}


def test_service_item_id_must_be_a_string(server):
    r = server.request("POST", "api/v1/imports", json_body={"service_item_id": {"a": 1}})
    assert r.status == 400
    assert r.json() == {"errors": {"imports": "service_item_id field should be empty or a string"}}


def test_connectors(server):
    r = server.request("POST", "api/v1/imports", json_body={"connector": {"table": "t"}})
    assert r.status == 400
    assert r.json() == {"errors": {"imports": "Provider not defined"}}
    r = server.request("POST", "api/v1/imports", json_body={
        "connector": {"provider": "mysql", "connection": {"server": "db", "password": "pw"},
                      "table": "t"}})
    assert r.status == 200, r
    job = server.wait(r.json()["item_queue_id"])
    assert job["state"] == "failure" and job["error_code"] == 1501
    assert job["data_type"] == "datasource"
    assert job["display_name"] == job["id"]
    assert job["get_error_text"]["title"] == "Connectors disabled"
    assert "pw" not in json.dumps(job)
    # postgres is enabled: its parameters are checked when the job runs (test_connectors.py).


def test_phantom_import_fails_quickly(server):
    r = server.request("POST", "api/v1/imports", key=False,
                       json_body={"api_key": USERS["alice"], "client": "cps-1.11.3"})
    assert r.status == 200, r
    body = r.json()
    assert list(body.keys()) == ["item_queue_id", "success"] and body["success"] is True
    job = server.wait(body["item_queue_id"], timeout=10)
    assert job["state"] == "failure" and job["success"] is False
    assert job["error_code"] is not None and job["tables_created_count"] is None
    assert job["data_type"] == "datasource" and job["display_name"] == job["id"]
    assert job["original_url"] == ""


def test_upload_limit_413(make_server):
    s = make_server("--max-upload-bytes", "2000")
    r = s.upload("big.csv", csv_bytes(500))
    assert r.status == 413
    assert "errors" in r.json() and "2000" in r.json()["errors"]["imports"]
    r = s.request("POST", "api/v1/imports", params={"filename": "big.csv"}, body=csv_bytes(500),
                  content_type="text/csv")
    assert r.status == 413
    # the server is still fine afterwards
    assert s.import_file("small.csv", csv_bytes(2))["state"] == "complete"


def test_show_not_found_and_no_delete_route(server):
    r = server.get("api/v1/imports/not-a-uuid")
    assert (r.status, r.body) == (404, b"")
    r = server.get("api/v1/imports/" + "ABCDEF01-1234-4234-8234-123456789012")
    assert (r.status, r.body) == (404, b"")
    r = server.get("api/v1/imports/12345678-1234-4234-8234-123456789012")
    assert (r.status, r.body) == (404, b"")
    job = server.import_file("d.csv", csv_bytes(1))
    r = server.request("DELETE", "api/v1/imports/" + job["id"])
    assert r.status == 404
    assert r.json() == {"status": 404, "error": "Not Found"}
    r = server.get("api/v1/nothing/here")
    assert r.status == 404 and r.json() == {"status": 404, "error": "Not Found"}


def test_list_returns_unfinished_jobs_newest_first(make_server):
    s = make_server("--step-delay-ms", "400", "--max-concurrent-imports", "5")
    ids = [s.upload("l%d.csv" % i, csv_bytes(1)).json()["item_queue_id"] for i in range(3)]
    r = s.get("api/v1/imports", params={"page": "1"})
    assert r.status == 200
    body = r.json()
    assert list(body.keys()) == ["imports", "success"] and body["success"] is True
    listed = [i for i in body["imports"] if i in ids]
    assert listed == list(reversed(ids))
    assert s.get("api/v1/imports", user="bob").json()["imports"] == []
    for i in ids:
        s.wait(i)
    assert s.get("api/v1/imports").json()["imports"] == []


def test_concurrent_import_slots_429(make_server):
    s = make_server("--step-delay-ms", "3000", "--max-concurrent-imports", "2")
    for i in range(2):
        assert s.upload("c%d.csv" % i, csv_bytes(1)).status == 200
    r = s.upload("c3.csv", csv_bytes(1))
    assert r.status == 429
    assert r.json() == {"errors": {"imports":
                                   "We're sorry but you're already using your allowed 2 import slots"}}
    for h in ("Retry-After", "Carto-Rate-Limit-Limit", "Carto-Rate-Limit-Remaining",
              "Carto-Rate-Limit-Reset"):
        assert r.headers.get(h) is None
    # the phantom (empty) import consumes a slot too, and other users are not affected
    assert s.request("POST", "api/v1/imports", json_body={}).status == 429
    assert s.upload("other.csv", csv_bytes(1), user="bob").status == 200
