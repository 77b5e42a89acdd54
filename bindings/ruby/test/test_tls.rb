# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

require "helper"

# TLS against carto-import-server --tls-cert (with_server.py --tls makes a throwaway CA).
class TestTls < Minitest::Test
  include ServerHelper

  def ca_bundle
    env("CARTO_CA_BUNDLE")
  end

  def test_unknown_ca_is_tls_error
    ca_bundle
    CartoImport::Client.open(env("CARTO_API_URL"), env("CARTO_API_KEY")) do |client|
      error = assert_raises(CartoImport::TlsError) { client.verify }
      assert_equal CartoImport::ETLS, error.code
      assert_kind_of CartoImport::NetworkError, error
      assert_includes error.message, "unable to get local issuer certificate"
      refute_includes error.message, env("CARTO_API_KEY")
    end
  end

  def test_ca_bundle_imports
    Dir.mktmpdir do |dir|
      csv = sample_csv(dir)
      CartoImport::Client.open(env("CARTO_API_URL"), env("CARTO_API_KEY"), ca_bundle: ca_bundle,
                               poll_interval: [0.02, 0.2]) do |client|
        client.verify
        datasets = client.import_dataset(csv, timeout: 60)
        assert_equal 1, datasets.size
      end
    end
  end

  def test_verify_tls_off_connects
    ca_bundle
    CartoImport::Client.open(env("CARTO_API_URL"), env("CARTO_API_KEY"), verify_tls: false,
                             &:verify)
  end
end
