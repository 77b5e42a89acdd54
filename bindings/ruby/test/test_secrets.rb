# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

require "helper"

# A key and a password run through every failure path: never in the message, inspect, the
# backtrace or any field of the error.
class TestSecrets < Minitest::Test
  include ServerHelper

  PASSWORD = "Pw-3e2w-SECRET-rb"
  BAD_KEY = "K3y-rb-NOT-THE-KEY-57"

  def connector
    '  {"provider":"postgres","connection":{"server":"127.0.0.1","port":1,"username":"u",' \
      "\"password\":\"#{PASSWORD}\",\"database\":\"d\"},\"table\":\"t\"}"
  end

  def assert_no_secret(error, key)
    texts = [error.message, error.inspect, error.full_message, error.title.to_s,
             error.explanation.to_s, error.source.to_s]
    [key, PASSWORD, BAD_KEY].each do |secret|
      texts.each { |text| refute_includes text, secret }
    end
  end

  def test_no_secret_in_any_error
    key = env("CARTO_API_KEY")
    calls = [
      -> { open_client(BAD_KEY, &:verify) },
      lambda {
        CartoImport::Client.open(env("CARTO_API_URL").sub("http://", "http://u:#{PASSWORD}@"),
                                 key, &:verify)
      },
      -> { open_client { |c| c.import_dataset("gopher://u:#{PASSWORD}@h/x", timeout: 60) } },
      -> { open_client { |c| c.import_dataset("ftp://u:#{PASSWORD}@127.0.0.1:1/x", timeout: 60) } },
      lambda {
        open_client do |c|
          c.import_dataset("http://127.0.0.1:1/x.csv?api_key=#{key}&password=#{PASSWORD}",
                           timeout: 60)
        end
      },
      -> { open_client { |c| c.import_dataset(connector, timeout: 60) } },
      -> { open_client { |c| c.import_sync_dataset(connector, 900, timeout: 60) } },
      -> { open_client { |c| c.import_dataset("  {\"password\":\"#{PASSWORD}\"", timeout: 60) } }
    ]
    calls.each do |call|
      error = assert_raises(CartoImport::Error) { call.call }
      assert_no_secret(error, key)
    end
  end
end
