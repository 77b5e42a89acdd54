# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

# The account of the carto-import-server that tests/support/with_server.py started
# (CARTO_API_URL, CARTO_API_KEY; SAMPLES_URL serves examples/data).
require "minitest/autorun"
require "fileutils"
require "securerandom"
require "tmpdir"
require "carto_import"

module ServerHelper
  def env(name)
    value = ENV.fetch(name, "")
    skip "#{name} is not set: run under tests/support/with_server.py" if value.empty?
    value
  end

  def open_client(api_key = env("CARTO_API_KEY"), &block)
    CartoImport::Client.open(env("CARTO_API_URL"), api_key, poll_interval: [0.02, 0.2], &block)
  end

  # A copy of world_cities.csv (10 rows) under a name of its own (its table's name).
  def sample_csv(dir)
    path = File.join(dir, "cities_#{SecureRandom.hex(6)}.csv")
    FileUtils.cp(File.join(env("CARTO_IMPORT_SAMPLES"), "world_cities.csv"), path)
    path
  end
end
