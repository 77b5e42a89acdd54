// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The error catalogue of PROTOCOL.md §2.5: exact titles and sources, our own explanations.
#include "common/carto_codes.hpp"
#include "importer/importer.hpp"

namespace cis {
namespace {

const ErrorInfo kErrors[] = {
    {carto::kInstallError, "Install error", "The server is missing a component it needs to import files. Check the server's installation and its log.", "cartodb"},
    {carto::kFileIoError, "File I/O error", "The uploaded file could not be read on the server. Upload it again; if it keeps failing, check the server's disk.", "cartodb"},
    {carto::kDownloadError, "Download error", "The file could not be downloaded from the URL you gave. Check that the URL works from the server and try again.", "user"},
    {carto::kUnsupportedFileType, "Unsupported/Unrecognized file type", "The file's format is not supported, or it contained no data that could be imported. Use a supported format (CSV, GeoJSON, KML, GPX, GeoPackage, Shapefile, XLSX...) with the right extension.", "user"},
    {carto::kDecompressionError, "Decompression error", "The archive could not be unpacked: it is damaged, too large once unpacked, has too many entries, or holds unsafe paths. Re-create the archive and upload it again.", "user"},
    {carto::kXlsError, "XLS/XLSX Error", "The spreadsheet could not be opened. Check it opens in a spreadsheet program, or export it as CSV and import that.", "user"},
    {carto::kEmptyFile, "Empty file", "The file has no data to import. Check you uploaded the right file.", "user"},
    {carto::kInvalidShpFile, "Invalid SHP file", "The shapefile is incomplete or damaged: a .shp needs its .shx and .dbf beside it. Zip all the shapefile's files together and import the zip.", "user"},
    {carto::kTooManyNodes, "Too many nodes", "The OSM request covers too many nodes. Request a smaller area.", "user"},
    {carto::kGdriveAccessForbidden, "GDrive access forbidden", "Google denied access to the Drive file. Grant access again and retry.", "user"},
    {carto::kTwitterServerError, "Twitter Server Error", "The Twitter service failed. Try again later.", "external"},
    {carto::kDatasourceReadError, "Error retrieving data from datasource", "The datasource answered with an error or could not be read. Check its credentials and that the data still exists.", "user"},
    {carto::kDatasourceConnectionError, "Error connecting to datasource", "The server could not connect to the datasource. Check the connection parameters and that the datasource is reachable.", "external"},
    {carto::kInvalidArcgisVersion, "Invalid ArcGIS version", "The ArcGIS server is too old; version 10.1 or later is needed.", "user"},
    {carto::kInvalidName, "Invalid name", "No valid table name could be made from the name given. Use a name with letters, digits and underscores.", "user"},
    {carto::kNoResults, "No results", "The datasource query returned no rows. Check the query.", "user"},
    {carto::kDropboxPermissionRevoked, "Dropbox permission revoked", "Access to Dropbox was revoked. Connect your Dropbox account again.", "user"},
    {carto::kSourceFileDeleted, "GDrive file was deleted", "The source file no longer exists. Check the file is still there or point the sync at its new location.", "user"},
    {carto::kPasswordProtectedFile, "File is password protected", "The archive is encrypted. Upload an archive without a password.", "user"},
    {carto::kTooManyLayers, "Too Many Layers", "The file has more than 50 layers. Split it into several files with fewer layers each.", "user"},
    {carto::kDownloadTimeout, "Download timeout", "The download took longer than allowed. Check the remote server is responsive, or download the file and upload it instead.", "user"},
    {carto::kBoxPermissionRevoked, "Box permission revoked", "Access to Box was revoked. Connect your Box account again.", "user"},
    {carto::kAllTablesSkipped, "All tables were skipped", "Every table in the import already existed and the collision strategy was 'skip', so nothing was imported. Use another collision strategy to import them.", "user"},
    {carto::kArcgisMisconfiguration, "ArcGIS server misconfiguration", "The ArcGIS layer does not allow queries. Enable the 'Query' capability on the ArcGIS server.", "user"},
    {carto::kDownloadFileNotFound, "Download file not found", "The URL answered 404: there is no file there. Check the URL.", "user"},
    {carto::kForbiddenFileUrl, "Forbidden file URL", "The URL answered 401 or 403: the server needs credentials or denies access. Make the file public or use a signed URL.", "user"},
    {carto::kUnknownServerUrl, "Unknown server URL", "The URL's host name could not be resolved. Check the host name for typos.", "user"},
    {carto::kPartialFile, "Partial file error", "The download ended before the whole file arrived. Try again.", "user"},
    {carto::kConnectorError, "Connector error", "The connector failed while importing. Check its parameters and the source's availability.", "user"},
    {carto::kConnectorsDisabled, "Connectors disabled", "Connectors, or this provider, are not enabled for your account.", "user"},
    {carto::kConnectorInvalidParameters, "Connector invalid parameters", "The connector's parameters are invalid. Check the provider's required and optional parameters.", "user"},
    {carto::kUnableToLoadData, "Unable to load data", "The data could not be written into a table. Check the file's contents; if it looks right, report it with the server log.", "user"},
    {carto::kEncodingDetectionError, "Encoding detection error", "The file's character encoding could not be detected. Save it as UTF-8 and import it again.", "user"},
    {carto::kMalformedCsv, "Malformed CSV", "The CSV could not be parsed: a quote is not closed, or a row has more fields than the header. Fix the file (or export it again) and retry.", "user"},
    {carto::kTooManyColumns, "Too many columns", "The data has more than 250 columns. Remove columns you do not need and retry.", "user"},
    {carto::kDuplicatedColumn, "Duplicated column", "The header names the same column twice (names are compared ignoring case). Rename the duplicated columns and retry.", "user"},
    {carto::kEncodingError, "Encoding error", "The file contains characters that are not valid in its encoding. Save it as UTF-8 and retry.", "user"},
    {carto::kRowEncodingError, "Encoding error", "Some rows contain characters that are not valid in the file's encoding. Save it as UTF-8 and retry.", "user"},
    {carto::kMalformedXls, "Malformed XLS", "The spreadsheet is damaged or in an unexpected layout. Export it as CSV and import that.", "user"},
    {carto::kKmlWithoutStyleId, "KML without style Id", "The KML uses styles without an id. Give every style an id and retry.", "user"},
    {carto::kIncompatibleCartoTable, "Incompatible CARTO table", "The imported table could not be turned into a CARTO table. Check its columns, in particular cartodb_id and the_geom.", "user"},
    {carto::kInvalidCartodbIdColumn, "Invalid cartodb_id column", "The data has a cartodb_id column whose values are not unique, non-null integers. Rename or remove that column, or fix its values.", "user"},
    {carto::kIncompatibleSchemas, "Incompatible schemas", "The new data's columns do not match the table being overwritten. Import it as a new table.", "user"},
    {carto::kCannotOverwriteTable, "Cannot overwrite table", "The existing table could not be replaced. Try again; if it keeps failing, import under another name.", "user"},
    {carto::kInvalidGeometries, "Invalid geometries", "The data contains geometries that cannot be stored. Fix or remove the invalid geometries and retry.", "user"},
    {carto::kInvalidGeojson, "JSON may not be valid GeoJSON", "The JSON file could not be read as GeoJSON. Validate it (e.g. with a GeoJSON linter) and retry.", "user"},
    {carto::kUnknownSrid, "Unknown SRID", "The data's coordinate reference system is unknown and cannot be converted to WGS84 (EPSG:4326). Reproject the data to EPSG:4326, or add a valid .prj.", "user"},
    {carto::kShpNormalizationError, "SHP Normalization error", "The shapefile's encoding or projection could not be worked out. Add a .prj (and a .cpg for the encoding) and retry.", "user"},
    {carto::kMissingPrjFile, "Missing projection (.prj) file", "The shapefile has no .prj file, so its coordinates cannot be placed on the map. Add the .prj to the zip and retry.", "user"},
    {carto::kGeometryCollectionNotSupported, "Geometry Collection not supported", "The data mixes geometry types in a way that cannot be stored in one column. Split it by geometry type and retry.", "user"},
    {carto::kEmptyKml, "Empty KML", "The KML has no placemarks of its own (only a NetworkLink, for example). Download the linked data and import it instead.", "user"},
    {carto::kDatasetTooBig, "Dataset too big", "The file is larger than your account's import size limit. Split it into smaller files or reduce its contents.", "user"},
    {carto::kImportTimedOut, "Import timed out", "The import took longer than allowed. Split the data into smaller files and retry.", "cartodb"},
    {carto::kTooManyTableRows, "Too many table rows", "The data has more rows than your account allows in one table. Split it into several files and import each.", "user"},
    {carto::kTooManyConcurrentImports, "Too many concurrent imports", "You have reached the number of imports that can run at the same time. Wait for one to finish and retry.", "user"},
    {carto::kTooManyNamedMapTemplates, "Too many named map templates", "Your account has reached its limit of named maps. Delete some maps and retry.", "user"},
    {carto::kStuckImportJob, "Stuck import job", "The import stopped making progress and was abandoned. Start it again.", "cartodb"},
    {carto::kOverStorageLimit, "Over account storage limit, please upgrade", "Importing this data would exceed your account's storage quota. Delete tables you no longer need, or import less data.", "user"},
    {carto::kOverDatasetLimit, "You have reached the limit of datasets for your plan. Upgrade your account to get unlimited datasets", "The import would create more tables than your plan allows. Delete datasets you no longer need and retry.", "user"},
    {carto::kSqlQueryError, "Error creating table from SQL query", "The SQL query given for the import failed. Check it runs on its own.", "user"},
    {carto::kMergeColumnTypes, "Merge with unmatching column types", "The tables being merged have columns of different types. Make the column types match.", "user"},
    {carto::kMaxLayersPerMap, "Max layers per map reached", "The map already has the most layers allowed. Remove a layer and retry.", "user"},
    {carto::kNoTwitterCredits, "Not enough Twitter credits", "Your account has no Twitter credits left.", "user"},
    {carto::kOverMapsLimit, "Over account maps limit, please upgrade", "Your account has reached its limit of maps. Delete maps you no longer need, or import without creating a map.", "user"},
    {carto::kOverPublishLimit, "Over account datasets limit or publication is disabled in your account", "Your account cannot publish more datasets. Make some private or delete them.", "user"},
    {carto::kUnknownError, "Unknown", "Something unexpected went wrong during the import. Try again; if it keeps failing, check the server log.", "cartodb"},
};

}  // namespace

const ErrorInfo *error_info(int code) {
  for (const ErrorInfo &e : kErrors)
    if (e.code == code) return &e;
  return nullptr;
}

}  // namespace cis
