# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
"""No outbound request during an import but the source download (issue 10, item 1): GDAL's
network access is off, so references inside the data (a GeoJSON "crs" of type link or url, in a
file or in a CSV cell; KML NetworkLink, styleUrl and Icon hrefs; XML external entities) never
reach the loopback server that counts requests, and the import still gives its table."""
import json

import pytest

WKT = b'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],' \
      b'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]'


def link_crs(base, kind):
    if kind == "link":
        return {"type": "link", "properties": {"href": base + "/crs-link", "type": "ogcwkt"}}
    return {"type": "url", "properties": {"url": base + "/crs-url"}}


def geojson(base, kind):
    feats = [{"type": "Feature", "properties": {"name": "p%d" % i},
              "geometry": {"type": "Point", "coordinates": [1 + i, 2], "crs": link_crs(base, kind)}}
             for i in range(3)]
    return json.dumps({"type": "FeatureCollection", "crs": link_crs(base, kind),
                       "features": feats}).encode()


def csv_with_geojson_cells(base):
    rows = ["name,the_geom"]
    for i in range(4):  # each row used to cost one fetch (up to 10 s each)
        geom = {"type": "Point", "coordinates": [1 + i, 2], "crs": link_crs(base, "link")}
        rows.append('p%d,"%s"' % (i, json.dumps(geom).replace('"', '""')))
    return ("\n".join(rows) + "\n").encode()


def kml_with_links(base):
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Style id="local"><IconStyle><Icon><href>%(b)s/icon.png</href></Icon></IconStyle></Style>
<NetworkLink><name>more</name><Link><href>%(b)s/network.kml</href></Link></NetworkLink>
<Placemark><name>one</name><styleUrl>%(b)s/styles.kml#remote</styleUrl>
<Point><coordinates>-3.7,40.4,0</coordinates></Point></Placemark>
<Placemark><name>two</name><styleUrl>#local</styleUrl>
<Point><coordinates>-3.8,40.5,0</coordinates></Point></Placemark>
</Document></kml>
""" % {"b": base}).encode()


def kml_with_entity(base):
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE kml [ <!ENTITY remote SYSTEM "%s/xxe-kml"> ]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>&remote;</name><Point><coordinates>-3.7,40.4,0</coordinates></Point></Placemark>
<Placemark><name>two</name><Point><coordinates>-3.8,40.5,0</coordinates></Point></Placemark>
</Document></kml>
""" % base).encode()


def gpx_with_entity(base):
    return ("""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE gpx [ <!ENTITY remote SYSTEM "%s/xxe-gpx"> ]>
<gpx version="1.1" creator="tests" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="40.4" lon="-3.7"><name>&remote;</name></wpt>
<wpt lat="40.5" lon="-3.8"><name>b</name></wpt>
</gpx>
""" % base).encode()


CASES = {
    "crs_link.geojson": lambda b: geojson(b, "link"),
    "crs_url.geojson": lambda b: geojson(b, "url"),
    "geojson_cells.csv": csv_with_geojson_cells,
    "links.kml": kml_with_links,
    "entity.kml": kml_with_entity,
    "entity.gpx": gpx_with_entity,
}


@pytest.fixture
def counter(file_server):
    """The loopback server the files point at; it answers every path with a WKT text."""
    for path in ("/crs-link", "/crs-url", "/icon.png", "/network.kml", "/styles.kml",
                 "/xxe-kml", "/xxe-gpx"):
        file_server.add(path, WKT)
    return file_server


def hits(fs):
    return [p for p in ("/crs-link", "/crs-url", "/icon.png", "/network.kml", "/styles.kml",
                        "/xxe-kml", "/xxe-gpx") for _ in fs.requests(p)]


@pytest.mark.parametrize("name", sorted(CASES))
def test_import_makes_no_request(server, counter, name):
    job = server.import_file(name, CASES[name](counter.base))
    assert hits(counter) == []
    # The table is there; an XML file whose entity cannot be read may fail instead, with 1002
    # (Unsupported/Unrecognized file type) and no table.
    if job["state"] == "failure":
        assert name.startswith("entity.") and job["error_code"] == 1002, job
        return
    assert job["state"] == "complete", job
    table = server.get("api/v1/tables/" + job["table_name"]).json()
    assert table["rows_counted"] >= 2, table
    if name.endswith(".csv"):
        assert table["rows_counted"] == 4
        assert table["geometry_types"] == ["ST_Point"], table


def test_url_import_fetches_only_its_source(server, counter):
    url = counter.add("/source.geojson", geojson(counter.base, "link"))
    job = server.import_url(url)
    assert job["state"] == "complete", job
    assert len(counter.requests("/source.geojson")) == 1
    assert hits(counter) == []
