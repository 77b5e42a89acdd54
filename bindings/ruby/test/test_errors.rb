# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

require "helper"

# The one error mapping, as Ruby sees it.
class TestErrors < Minitest::Test
  include ServerHelper

  def test_bad_key_is_auth_error
    open_client("not-the-key") do |client|
      error = assert_raises(CartoImport::AuthError) { client.verify }
      assert_equal 401, error.http_status
      assert_equal CartoImport::EAUTH, error.code
      assert_kind_of CartoImport::HttpError, error
      assert_kind_of StandardError, error
      refute_includes error.message, "not-the-key"
    end
  end

  def test_failed_import_is_remote_import_error
    Dir.mktmpdir do |dir|
      notes = File.join(dir, "notes.xyz")
      File.write(notes, "not a geo file\n")
      open_client do |client|
        error = assert_raises(CartoImport::RemoteImportError) do
          client.import_dataset(notes, timeout: 60)
        end
        assert_equal 1002, error.remote_code
        assert_equal CartoImport::EREMOTE, error.code
        refute_nil error.title
        assert_equal "user", error.source
        assert_includes error.to_s, "1002"

        job = client.import_file(notes)
        job.run
        assert_raises(CartoImport::RemoteImportError) { job.wait(60) }
        assert_equal 1002, job.error_code
        refute job.success?
      end
    end
  end

  def test_local_failures
    CartoImport::Options.open do |options|
      error = assert_raises(CartoImport::InvalidArgumentError) { options.set_base_url("ftp://x/") }
      assert_equal CartoImport::EINVAL, error.code
      assert_equal 0, error.http_status
      assert_equal(-1, error.retry_after)
    end
    open_client do |client|
      error = assert_raises(CartoImport::FileError) { client.import_dataset("/no/such/file.csv") }
      assert_equal CartoImport::EIO, error.code
      assert_raises(CartoImport::InvalidArgumentError) { client.attach("no-such-job") }
      assert_raises(CartoImport::NotFoundError) { client.attach("00000000-0000-4000-8000-000000000000") }
      assert_raises(ArgumentError) { client.import_dataset("x.csv", timeout: -1) }
    end
  end

  def test_block_cancels
    Dir.mktmpdir do |dir|
      csv = sample_csv(dir)
      open_client do |client|
        error = assert_raises(CartoImport::CancelledError) do
          client.import_dataset(csv, timeout: 60) { |_state, _done, _total| false }
        end
        assert_equal CartoImport::ECANCELED, error.code

        # An exception raised in the block cancels, and comes back as is.
        calls = 0
        mine = assert_raises(KeyError) do
          client.import_dataset(csv, timeout: 60) do |_state, _done, _total|
            calls += 1
            raise KeyError, "stop here"
          end
        end
        assert_equal "stop here", mine.message
        assert_equal 1, calls, "the block is not called again once it raised"

        # break leaves the call with the break's value, as for any Ruby method.
        result = client.import_dataset(csv, timeout: 60) { |state, _done, _total| break [:stopped, state] }
        assert_equal :stopped, result.first
      end
    end
  end

  # Every status code maps to a class of CartoImport, made from the shared table; codes the
  # header may append later fall into their range's class.
  def test_every_code_has_its_class
    (-99..-1).each do |code|
      stem = CartoImport.error_class_name(code)
      parent = CartoImport.error_class_parent(code)
      cls = CartoImport.const_get(stem.empty? ? "Error" : "#{stem}Error")
      superclass = stem.empty? ? StandardError : CartoImport.const_get(parent.empty? ? "Error" : "#{parent}Error")
      assert_same superclass, cls.superclass, "code #{code}"
    end
    assert_equal "Http", CartoImport.error_class_name(-27)
    assert_equal "", CartoImport.error_class_name(-70)
    assert CartoImport::RateLimitError.method_defined?(:retry_after)
    assert CartoImport::RateLimitError.method_defined?(:remaining)
  end
end
