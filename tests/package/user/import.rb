# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
gem "carto_import" # this gem, ahead of any other copy on the load path
require "carto_import"
CartoImport::Client.open(ENV.fetch("CARTO_API_URL"), ENV.fetch("CARTO_API_KEY")) do |client|
  client.import_dataset("#{ENV.fetch("CARTO_IMPORT_SAMPLES")}/world_cities.csv", timeout: 300).each { |d| puts "imported #{d.name} #{d.row_count} rows" }
end
puts "carto_import #{CartoImport.version}"
