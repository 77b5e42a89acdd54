# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
import os, carto_import
client = carto_import.Client(os.environ["CARTO_API_URL"], os.environ["CARTO_API_KEY"])
for dataset in client.import_dataset(os.environ["CARTO_IMPORT_SAMPLES"] + "/world_cities.csv", timeout=300):
    print("imported", dataset.name, dataset.row_count, "rows")
print("carto_import", carto_import.__version__)
