# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""Connector imports and syncs (PROTOCOL.md §3) against a throwaway PostgreSQL cluster
(tests/support/pg_cluster.py; Debian package postgresql). Only the postgres provider is
enabled: every other provider fails with 1501, parameter errors with 1502, connection and query
failures with 1500."""
import json
import os
import sys
import time

import pytest

from synclib import SCALE, SPAN, create_sync, get_sync, sync_now, table_of, ts, wait_next_run, wait_settled

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
import pg_cluster  # noqa: E402

pytestmark = pytest.mark.skipif(not pg_cluster.available(),
                                reason="PostgreSQL not installed (Debian package postgresql)")


@pytest.fixture(scope="module")
def pg():
    # A password with a quote, a backslash and a space: the connection string must quote it.
    with pg_cluster.PgCluster(password="s3'cret \\pw") as cluster:
        cluster.psql("""
            CREATE TABLE roads (id serial PRIMARY KEY, name text, lanes int, lat float8, lon float8);
            INSERT INTO roads (name, lanes, lat, lon) VALUES
              ('Gran Via', 4, 40.42, -3.70), ('Castellana', 6, 40.45, -3.69), ('Alcala', 4, 40.43, -3.66);
            CREATE SCHEMA other;
            CREATE TABLE other.roads (name text, the_geom text);
            INSERT INTO other.roads VALUES ('M-30', 'POINT(-3.68 40.40)');
            CREATE TABLE places (cartodb_id int PRIMARY KEY, place text, wkt text);
            INSERT INTO places VALUES (7, 'Sol', 'POINT(-3.7038 40.4168)'), (9, 'Retiro', 'POINT(-3.6823 40.4153)');
        """)
        # A database whose text is stored in Latin-1 bytes, undeclared (SQL_ASCII).
        cluster.admin("CREATE DATABASE legacy OWNER %s ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' "
                      "TEMPLATE template0" % cluster.ident(cluster.user))
        cluster.psql(b"CREATE TABLE towns (name text, lat float8, lon float8);"
                     b"INSERT INTO towns VALUES ('C\xe1diz', 36.53, -6.29), ('M\xe1laga', 36.72, -4.42);",
                     database="legacy")
        yield cluster


@pytest.fixture
def server(make_server):
    return make_server("--time-scale", str(SCALE))


def connector(pg, **kw):
    c = {"provider": "postgres", "connection": pg.connection()}
    c.update(kw)
    return c


def run_import(server, conn, user="alice"):
    r = server.request("POST", "api/v1/imports", user=user, json_body={"connector": conn})
    assert r.status == 200, r
    return server.wait(r.json()["item_queue_id"], user=user)


def rows_of(server, name):
    return table_of(server, name)["rows_counted"]


# ---- imports ----
def test_import_a_table(server, pg):
    job = run_import(server, connector(pg, table="roads"))
    assert job["state"] == "complete", job
    assert job["data_type"] == "datasource"
    assert job["display_name"] == job["id"]
    assert job["table_name"] == "roads" and job["table_names"] == ["roads"]
    t = table_of(server, "roads")
    assert t["rows_counted"] == 3
    assert t["geometry_types"] == ["ST_Point"]  # from the lat/lon columns
    cols = [c[0] for c in t["schema"]]
    assert cols[:2] == ["cartodb_id", "the_geom"]
    assert {"name", "lanes", "lat", "lon"} <= set(cols)
    assert pg.password not in json.dumps(job)
    # Collisions are handled like files': a second import gets roads_1.
    again = run_import(server, connector(pg, table="roads"))
    assert again["table_name"] == "roads_1"


def test_import_a_query_with_import_as(server, pg):
    job = run_import(server, connector(pg, sql_query="SELECT name, lat, lon FROM roads WHERE lanes = 4",
                                       import_as="Four Lanes"))
    assert job["state"] == "complete", job
    assert job["table_name"] == "four_lanes"
    assert rows_of(server, "four_lanes") == 2


def test_schema_is_honoured(server, pg):
    job = run_import(server, connector(pg, schema="other", table="roads", import_as="ring"))
    assert job["state"] == "complete", job
    t = table_of(server, "ring")
    assert t["rows_counted"] == 1 and t["geometry_types"] == ["ST_Point"]  # from the_geom WKT


def test_primary_key_cartodb_id_is_kept(server, pg):
    job = run_import(server, connector(pg, table="places"))
    assert job["state"] == "complete", job
    # The SQL API is not emulated: the ids are checked through the engine's GeoPackage.
    gpkg = os.path.join(server.data_dir, "users", "alice", "tables.gpkg")
    import sqlite3
    with sqlite3.connect(gpkg) as db:
        assert sorted(db.execute("SELECT cartodb_id, place FROM places")) == [(7, "Sol"), (9, "Retiro")]


def test_encoding_is_honoured(server, pg):
    conn = pg.connection()
    conn["database"] = "legacy"
    job = run_import(server, {"provider": "postgres", "connection": conn, "table": "towns",
                              "encoding": "LATIN1"})
    assert job["state"] == "complete", job
    gpkg = os.path.join(server.data_dir, "users", "alice", "tables.gpkg")
    import sqlite3
    with sqlite3.connect(gpkg) as db:
        assert sorted(r[0] for r in db.execute("SELECT name FROM towns")) == ["Cádiz", "Málaga"]


@pytest.mark.parametrize("conn,message", [
    ({}, "The table parameter is required if no sql_query parameter is provided"),
    ({"table": ""}, "The table parameter is required if no sql_query parameter is provided"),
    ({"sql_query": "SELECT 1"}, "The import_as parameter is required to name the sql_query results"),
    ({"table": "roads", "color": "red"}, "Invalid parameters: color"),
    ({"table": "roads", "connection": {"server": "x", "database": "d", "username": "u", "host": "h"}},
     "Invalid connection parameters: host"),
    ({"table": "roads", "connection": {"server": "x", "password": "p"}},
     "Missing required connection parameters: database, username"),
    ({"table": "roads", "connection": "x"}, "The connection parameter is required"),
    ({"table": "roads", "connection": {"server": "x", "database": "d", "username": "u", "sslmode": "verify"}},
     "Invalid sslmode 'verify': use require, prefer, disable"),
    ({"table": "roads", "connection": {"server": "x", "database": "d", "username": "u", "port": "p"}},
     "Invalid port: it must be a number from 1 to 65535"),
])
def test_parameter_errors_1502(server, pg, conn, message):
    c = connector(pg)
    c.update(conn)
    job = run_import(server, c)
    assert job["state"] == "failure" and job["error_code"] == 1502, job
    assert job["get_error_text"]["title"] == "Connector invalid parameters"
    assert job["get_error_text"]["what_about"].startswith(message)
    assert pg.password not in json.dumps(job)


def test_connection_failures_1500(server, pg):
    bad = pg.connection()
    bad["password"] = "wrong-pass-xyz"
    job = run_import(server, {"provider": "postgres", "connection": bad, "table": "roads"})
    assert job["state"] == "failure" and job["error_code"] == 1500, job
    text = job["get_error_text"]
    assert text["title"] == "Connector error"
    assert "password authentication failed" in text["what_about"]
    assert "wrong-pass-xyz" not in json.dumps(job)
    closed = pg.connection()
    closed["port"] = pg.port + 1 if pg.port < 65535 else 1
    job = run_import(server, {"provider": "postgres", "connection": closed, "table": "roads"})
    assert job["error_code"] == 1500 and pg.password not in json.dumps(job)
    job = run_import(server, connector(pg, table="no_such_table"))
    assert job["error_code"] == 1500 and "no_such_table" in job["get_error_text"]["what_about"]
    job = run_import(server, connector(pg, sql_query="SELECT nope FROM roads", import_as="x"))
    assert job["error_code"] == 1500 and "nope" in job["get_error_text"]["what_about"]


def test_server_log_never_holds_the_password(make_server, pg):
    s = make_server(quiet=False)
    bad = pg.connection()
    bad["password"] = "leaky-secret-42"
    run_import(s, {"provider": "postgres", "connection": bad, "table": "roads"})
    run_import(s, connector(pg, table="roads"))
    s.stop()
    assert "leaky-secret-42" not in s.stderr_text and pg.password not in s.stderr_text
    assert "import " in s.stderr_text  # the log was on


@pytest.mark.parametrize("provider", ["mysql", "sqlserver", "hive", "bigquery", "redshift", "snowflake",
                                      "odbc", "oracle-nope"])
def test_other_providers_1501(server, pg, provider):
    job = run_import(server, {"provider": provider, "connection": {"server": "x", "password": "pw-1501"},
                              "table": "t"})
    assert job["state"] == "failure" and job["error_code"] == 1501, job
    assert job["get_error_text"]["title"] == "Connectors disabled"
    assert "'%s'" % provider in job["get_error_text"]["what_about"]
    assert "pw-1501" not in json.dumps(job)


def test_missing_provider_400(server):
    for body in ({"connector": {"table": "t"}}, {"connector": "{\"table\": 1}"}, {"connector": "garbage"}):
        for path in ("api/v1/imports", "api/v1/synchronizations"):
            r = server.request("POST", path, json_body=body)
            assert r.status == 400 and r.json() == {"errors": {"imports": "Provider not defined"}}, (path, r)


# ---- syncs ----
def test_connector_sync(server, pg):
    pg.psql("CREATE TABLE stations (name text, lat float8, lon float8);"
            "INSERT INTO stations VALUES ('Atocha', 40.406, -3.690), ('Chamartin', 40.472, -3.682);")
    conn = connector(pg, table="stations")
    created = create_sync(server, {"connector": conn, "interval": 900})
    assert created["state"] == "queued"
    assert created["url"] is None and created["service_name"] == "connector"
    item = json.loads(created["service_item_id"])
    assert item["provider"] == "postgres" and item["table"] == "stations"
    assert item["connection"]["server"] == "127.0.0.1" and item["connection"]["port"] == pg.port
    assert "password" not in item["connection"] and pg.password not in json.dumps(created)
    job = server.wait(created["data_import"]["item_queue_id"])
    assert job["state"] == "complete" and job["synchronization_id"] == created["id"], job
    s = wait_settled(server, created["id"])
    assert s["state"] == "success" and s["name"] == "stations" and len(s["checksum"]) == 64
    assert rows_of(server, "stations") == 2
    t0 = table_of(server, "stations")

    # A scheduled run with nothing new: no rewrite.
    same = wait_next_run(server, s["id"], s["ran_at"], timeout=SPAN + 10)
    assert same["state"] == "success" and same["checksum"] == s["checksum"]
    assert table_of(server, "stations")["updated_at"] == t0["updated_at"]

    # A new remote row: the next run re-imports it.
    pg.psql("INSERT INTO stations VALUES ('Principe Pio', 40.421, -3.720)")
    grown = wait_next_run(server, s["id"], same["ran_at"], timeout=SPAN + 10)
    assert grown["state"] == "success" and grown["checksum"] != s["checksum"]
    t1 = table_of(server, "stations")
    assert t1["rows_counted"] == 3 and t1["id"] == t0["id"]
    assert pg.password not in json.dumps(get_sync(server, s["id"]))
    listed = server.get("api/v1/synchronizations").json()
    assert pg.password not in json.dumps(listed)

    # The remote table dropped: the run fails with the connector's code, the data stays.
    pg.psql("DROP TABLE stations")
    gone = wait_next_run(server, s["id"], grown["ran_at"], timeout=SPAN + 10)
    assert gone["state"] == "failure" and gone["error_code"] == 1500 and gone["retried_times"] == 1
    assert gone["error_message"].startswith("Connector error ")
    assert rows_of(server, "stations") == 3


def test_connector_sync_with_a_query_and_sync_now(server, pg):
    pg.psql("CREATE TABLE counters (n int, lat float8, lon float8); INSERT INTO counters VALUES (1, 40, -3);")
    conn = connector(pg, sql_query="SELECT n, lat, lon FROM counters", import_as="counted")
    created = create_sync(server, {"connector": conn, "interval": 3600})
    s = wait_settled(server, created["id"])
    assert s["state"] == "success" and s["name"] == "counted", s
    assert sync_now(server, s["id"]) is False
    pg.psql("INSERT INTO counters VALUES (2, 41, -4)")
    time.sleep(max(0, ts(s["ran_at"]) + SPAN - time.time()) + 0.2)
    assert sync_now(server, s["id"]) is True
    done = wait_next_run(server, s["id"], s["ran_at"])
    assert done["state"] == "success" and rows_of(server, "counted") == 2


def test_connector_sync_with_bad_parameters_fails(server, pg):
    created = create_sync(server, {"connector": connector(pg, sql_query="SELECT 1"), "interval": 900})
    s = wait_settled(server, created["id"])
    assert s["state"] == "failure" and s["error_code"] == 1502
    assert s["error_message"] == ("Connector invalid parameters The import_as parameter is required to "
                                  "name the sql_query results")
    assert pg.password not in json.dumps(s)
