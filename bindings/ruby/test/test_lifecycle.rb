# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

require "helper"

# close is idempotent, closed objects raise, block forms close, the GC frees the rest.
class TestLifecycle < Minitest::Test
  include ServerHelper

  def test_block_form_closes
    outside = open_client do |client|
      refute client.closed?
      client.verify
      client
    end
    assert outside.closed?
    error = assert_raises(CartoImport::InvalidHandleError) { outside.verify }
    assert_equal "this Client is closed", error.message
    assert_equal CartoImport::EBADHANDLE, error.code
    assert_raises(CartoImport::InvalidHandleError) { outside.username }
    assert_match(/closed/, outside.to_s)
  end

  def test_close_twice
    options = CartoImport::Options.new
    options.close
    options.close
    assert options.closed?
    assert_raises(CartoImport::InvalidHandleError) { options.set_api_key("k") }
    # A closed object as an argument raises too (nil means "none").
    assert_raises(CartoImport::InvalidHandleError) { CartoImport::Client.new(options) }
    params = CartoImport::Params.new
    params.close
    open_client do |client|
      assert_raises(CartoImport::InvalidHandleError) { client.import_file("x.csv", params) }
    end
  end

  def test_objects_outlive_their_parents
    client = open_client
    jobs = client.import_jobs
    client.close
    assert_kind_of Array, jobs.to_a
    jobs.close
  end

  def test_unclosed_objects_are_collected
    2000.times { |i| CartoImport::Params.new.set_type_guessing(i.even?) }
    GC.start
    assert_match(/\A\d+\.\d+\.\d+/, CartoImport.version)
    assert_operator CartoImport.version_num, :>=, 0x000100
  end
end
