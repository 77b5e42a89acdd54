// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The error catalogue of PROTOCOL.md §2.5: exact titles and sources, our own explanations.
#include "importer/importer.hpp"

namespace cis {
namespace {

const ErrorInfo kErrors[] = {
    {1, "Install error", "The server is missing a component it needs to import files. Check the server's installation and its log.", "cartodb"},
    {1000, "File I/O error", "The uploaded file could not be read on the server. Upload it again; if it keeps failing, check the server's disk.", "cartodb"},
    {1001, "Download error", "The file could not be downloaded from the URL you gave. Check that the URL works from the server and try again.", "user"},
    {1002, "Unsupported/Unrecognized file type", "The file's format is not supported, or it contained no data that could be imported. Use a supported format (CSV, GeoJSON, KML, GPX, GeoPackage, Shapefile, XLSX...) with the right extension.", "user"},
    {1003, "Decompression error", "The archive could not be unpacked: it is damaged, too large once unpacked, has too many entries, or holds unsafe paths. Re-create the archive and upload it again.", "user"},
    {1004, "XLS/XLSX Error", "The spreadsheet could not be opened. Check it opens in a spreadsheet program, or export it as CSV and import that.", "user"},
    {1005, "Empty file", "The file has no data to import. Check you uploaded the right file.", "user"},
    {1006, "Invalid SHP file", "The shapefile is incomplete or damaged: a .shp needs its .shx and .dbf beside it. Zip all the shapefile's files together and import the zip.", "user"},
    {1007, "Too many nodes", "The OSM request covers too many nodes. Request a smaller area.", "user"},
    {1008, "GDrive access forbidden", "Google denied access to the Drive file. Grant access again and retry.", "user"},
    {1009, "Twitter Server Error", "The Twitter service failed. Try again later.", "external"},
    {1011, "Error retrieving data from datasource", "The datasource answered with an error or could not be read. Check its credentials and that the data still exists.", "user"},
    {1012, "Error connecting to datasource", "The server could not connect to the datasource. Check the connection parameters and that the datasource is reachable.", "external"},
    {1013, "Invalid ArcGIS version", "The ArcGIS server is too old; version 10.1 or later is needed.", "user"},
    {1014, "Invalid name", "No valid table name could be made from the name given. Use a name with letters, digits and underscores.", "user"},
    {1015, "No results", "The datasource query returned no rows. Check the query.", "user"},
    {1016, "Dropbox permission revoked", "Access to Dropbox was revoked. Connect your Dropbox account again.", "user"},
    {1017, "GDrive file was deleted", "The source file no longer exists. Check the file is still there or point the sync at its new location.", "user"},
    {1018, "File is password protected", "The archive is encrypted. Upload an archive without a password.", "user"},
    {1019, "Too Many Layers", "The file has more than 50 layers. Split it into several files with fewer layers each.", "user"},
    {1020, "Download timeout", "The download took longer than allowed. Check the remote server is responsive, or download the file and upload it instead.", "user"},
    {1021, "Box permission revoked", "Access to Box was revoked. Connect your Box account again.", "user"},
    {1022, "All tables were skipped", "Every table in the import already existed and the collision strategy was 'skip', so nothing was imported. Use another collision strategy to import them.", "user"},
    {1023, "ArcGIS server misconfiguration", "The ArcGIS layer does not allow queries. Enable the 'Query' capability on the ArcGIS server.", "user"},
    {1100, "Download file not found", "The URL answered 404: there is no file there. Check the URL.", "user"},
    {1101, "Forbidden file URL", "The URL answered 401 or 403: the server needs credentials or denies access. Make the file public or use a signed URL.", "user"},
    {1102, "Unknown server URL", "The URL's host name could not be resolved. Check the host name for typos.", "user"},
    {1103, "Partial file error", "The download ended before the whole file arrived. Try again.", "user"},
    {1500, "Connector error", "The connector failed while importing. Check its parameters and the source's availability.", "user"},
    {1501, "Connectors disabled", "Connectors, or this provider, are not enabled for your account.", "user"},
    {1502, "Connector invalid parameters", "The connector's parameters are invalid. Check the provider's required and optional parameters.", "user"},
    {2001, "Unable to load data", "The data could not be written into a table. Check the file's contents; if it looks right, report it with the server log.", "user"},
    {2002, "Encoding detection error", "The file's character encoding could not be detected. Save it as UTF-8 and import it again.", "user"},
    {2003, "Malformed CSV", "The CSV could not be parsed: a quote is not closed, or a row has more fields than the header. Fix the file (or export it again) and retry.", "user"},
    {2004, "Too many columns", "The data has more than 250 columns. Remove columns you do not need and retry.", "user"},
    {2005, "Duplicated column", "The header names the same column twice (names are compared ignoring case). Rename the duplicated columns and retry.", "user"},
    {2006, "Encoding error", "The file contains characters that are not valid in its encoding. Save it as UTF-8 and retry.", "user"},
    {2007, "Encoding error", "Some rows contain characters that are not valid in the file's encoding. Save it as UTF-8 and retry.", "user"},
    {2008, "Malformed XLS", "The spreadsheet is damaged or in an unexpected layout. Export it as CSV and import that.", "user"},
    {2009, "KML without style Id", "The KML uses styles without an id. Give every style an id and retry.", "user"},
    {2010, "Incompatible CARTO table", "The imported table could not be turned into a CARTO table. Check its columns, in particular cartodb_id and the_geom.", "user"},
    {2011, "Invalid cartodb_id column", "The data has a cartodb_id column whose values are not unique, non-null integers. Rename or remove that column, or fix its values.", "user"},
    {2012, "Incompatible schemas", "The new data's columns do not match the table being overwritten. Import it as a new table.", "user"},
    {2013, "Cannot overwrite table", "The existing table could not be replaced. Try again; if it keeps failing, import under another name.", "user"},
    {2014, "Invalid geometries", "The data contains geometries that cannot be stored. Fix or remove the invalid geometries and retry.", "user"},
    {3007, "JSON may not be valid GeoJSON", "The JSON file could not be read as GeoJSON. Validate it (e.g. with a GeoJSON linter) and retry.", "user"},
    {3008, "Unknown SRID", "The data's coordinate reference system is unknown and cannot be converted to WGS84 (EPSG:4326). Reproject the data to EPSG:4326, or add a valid .prj.", "user"},
    {3009, "SHP Normalization error", "The shapefile's encoding or projection could not be worked out. Add a .prj (and a .cpg for the encoding) and retry.", "user"},
    {3101, "Missing projection (.prj) file", "The shapefile has no .prj file, so its coordinates cannot be placed on the map. Add the .prj to the zip and retry.", "user"},
    {3201, "Geometry Collection not supported", "The data mixes geometry types in a way that cannot be stored in one column. Split it by geometry type and retry.", "user"},
    {3202, "Empty KML", "The KML has no placemarks of its own (only a NetworkLink, for example). Download the linked data and import it instead.", "user"},
    {6666, "Dataset too big", "The file is larger than your account's import size limit. Split it into smaller files or reduce its contents.", "user"},
    {6667, "Import timed out", "The import took longer than allowed. Split the data into smaller files and retry.", "cartodb"},
    {6668, "Too many table rows", "The data has more rows than your account allows in one table. Split it into several files and import each.", "user"},
    {6669, "Too many concurrent imports", "You have reached the number of imports that can run at the same time. Wait for one to finish and retry.", "user"},
    {6670, "Too many named map templates", "Your account has reached its limit of named maps. Delete some maps and retry.", "user"},
    {6671, "Stuck import job", "The import stopped making progress and was abandoned. Start it again.", "cartodb"},
    {8001, "Over account storage limit, please upgrade", "Importing this data would exceed your account's storage quota. Delete tables you no longer need, or import less data.", "user"},
    {8002, "You have reached the limit of datasets for your plan. Upgrade your account to get unlimited datasets", "The import would create more tables than your plan allows. Delete datasets you no longer need and retry.", "user"},
    {8003, "Error creating table from SQL query", "The SQL query given for the import failed. Check it runs on its own.", "user"},
    {8004, "Merge with unmatching column types", "The tables being merged have columns of different types. Make the column types match.", "user"},
    {8005, "Max layers per map reached", "The map already has the most layers allowed. Remove a layer and retry.", "user"},
    {8006, "Not enough Twitter credits", "Your account has no Twitter credits left.", "user"},
    {8007, "Over account maps limit, please upgrade", "Your account has reached its limit of maps. Delete maps you no longer need, or import without creating a map.", "user"},
    {8008, "Over account datasets limit or publication is disabled in your account", "Your account cannot publish more datasets. Make some private or delete them.", "user"},
    {99999, "Unknown", "Something unexpected went wrong during the import. Try again; if it keeps failing, check the server log.", "cartodb"},
};

}  // namespace

const ErrorInfo *error_info(int code) {
  for (const ErrorInfo &e : kErrors)
    if (e.code == code) return &e;
  return nullptr;
}

}  // namespace cis
