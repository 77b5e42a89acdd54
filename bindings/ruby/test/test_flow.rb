# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

require "helper"

# import file, poll, dataset get, sync table create/poll/force sync, delete.
class TestFlow < Minitest::Test
  include ServerHelper

  def test_import_poll_get_delete
    Dir.mktmpdir do |dir|
      csv = sample_csv(dir)
      table = File.basename(csv, ".csv")
      states = []
      open_client do |client|
        assert_equal "demo", client.username
        job = client.import_file(csv)
        job.run { |state, _done, _total| states << state }
        refute_nil job.id
        deadline = Time.now + 60
        until job.final?
          assert_operator Time.now, :<, deadline, "the import did not finish: #{job}"
          sleep 0.05
          job.refresh
        end
        assert_equal CartoImport::STATE_COMPLETE, job.state, job.json
        assert_equal "complete", job.state_name
        assert job.success?
        assert_same job, job.wait(5)
        assert_includes states, CartoImport::STATE_SENDING
        assert_match(/complete/, job.to_s)

        datasets = job.datasets.to_a
        assert_equal 1, datasets.size
        dataset = datasets.first
        assert_equal table, dataset.name
        assert_equal table, dataset.to_s
        assert_equal 10, dataset.row_count

        again = client.get_dataset(table)
        assert_equal dataset.id, again.id
        again.delete
        error = assert_raises(CartoImport::NotFoundError) { client.get_dataset(table) }
        assert_equal 404, error.http_status
        job.close
      end
    end
  end

  def test_upload_compression
    Dir.mktmpdir do |dir|
      csv = sample_csv(dir)
      { gzip: CartoImport::COMPRESSION_GZIP, none: CartoImport::COMPRESSION_NONE }.each do |mode, sent|
        CartoImport::Client.open(env("CARTO_API_URL"), env("CARTO_API_KEY"),
                                 poll_interval: [0.02, 0.2], upload_compression: mode) do |client|
          done = []
          job = client.import_file(csv)
          job.run { |_state, bytes, _total| done << bytes }
          job.wait(60)
          assert_equal sent, job.upload_compression
          name = File.basename(csv)
          assert_equal(mode == :gzip ? "#{name}.gz" : name, job.get_string("display_name"))
          assert_equal File.size(csv), done.last if mode == :gzip
          assert_operator job.upload_bytes_sent, :>, 0
          dataset = job.datasets.first
          assert_equal 10, dataset.row_count
          dataset.delete
          job.close
        end
      end
      assert_raises(ArgumentError) { CartoImport::Options.build(upload_compression: :zstd) }
    end
  end

  def test_timeouts_and_list_limit
    CartoImport::Client.open(env("CARTO_API_URL"), env("CARTO_API_KEY"), request_timeout: 10,
                             call_timeout: 30, max_list_entries: 1000, &:verify)
    CartoImport::Options.build(request_timeout: 0, call_timeout: 0).close # 0: no limit
    assert_raises(ArgumentError) { CartoImport::Options.build(call_timeout: -1) }
    assert_raises(CartoImport::InvalidArgumentError) { CartoImport::Options.build(max_list_entries: 0) }
  end

  def test_import_dataset_with_a_block
    Dir.mktmpdir do |dir|
      csv = sample_csv(dir)
      states = []
      open_client do |client|
        datasets = client.import_dataset(csv, timeout: 60) { |state, _done, _total| states << state }
        assert_equal 1, datasets.size
        assert_equal 10, datasets.first.row_count
        assert_equal CartoImport::STATE_COMPLETE, states.last
        datasets.first.delete
        datasets.each(&:close)
      end
    end
  end

  # Creates the sync table, or skips when the server does not serve synchronizations.
  def create_sync_or_skip(client, url)
    client.create_sync(url, CartoImport::SYNC_MIN_INTERVAL)
  rescue CartoImport::NotFoundError => e
    skip "the server has no sync tables yet (404 on /api/v1/synchronizations): #{e.message}"
  end

  def test_sync_table_poll_force_delete
    url = "#{env('SAMPLES_URL')}world_cities.csv"
    open_client do |client|
      sync = create_sync_or_skip(client, url)
      id = sync.id
      refute_nil id
      assert_equal CartoImport::SYNC_MIN_INTERVAL, sync.interval
      deadline = Time.now + 60
      until [CartoImport::STATE_SUCCESS, CartoImport::STATE_FAILURE].include?(sync.state)
        assert_operator Time.now, :<, deadline, "the sync did not run: #{sync}"
        sleep 0.05
        sync.refresh
      end
      sync.wait(60)
      assert_equal CartoImport::STATE_SUCCESS, sync.state, sync.json
      assert_equal "success", sync.state_name
      assert_equal url, sync.url
      dataset = sync.dataset
      assert_equal 10, dataset.row_count
      assert_equal id, dataset.get_string("synchronization_id")
      table = dataset.name

      # Less than 15 minutes after its run: not enqueued.
      assert_equal CartoImport::FORCE_TOO_SOON, sync.force
      refute sync.syncing?
      # The next automatic run an hour away: only a forced sync runs it in this test.
      sync.set_interval(3600)
      sync.refresh
      assert_equal 3600, sync.interval

      scale = ENV.fetch("CARTO_IMPORT_TIME_SCALE", "")
      unless scale.empty?
        # The server's 15-minute rule times the scale: then forcing enqueues a run.
        ran_at = sync.get_string("ran_at")
        sleep(CartoImport::SYNC_MIN_INTERVAL * Float(scale) + 1.5)
        assert_equal CartoImport::FORCE_ENQUEUED, sync.force
        sync.wait(60)
        assert_equal CartoImport::STATE_SUCCESS, sync.state, sync.json
        sync.refresh
        refute_equal ran_at, sync.get_string("ran_at")
      end

      assert_raises(CartoImport::InvalidArgumentError) { sync.set_interval(10) }
      sync.delete
      assert_raises(CartoImport::NotFoundError) { client.get_sync(id) }
      client.get_dataset(table).delete # the table stays, as a normal dataset
      sync.close
    end
  end
end
