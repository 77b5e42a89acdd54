# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

require "helper"

# Blocking calls release the GVL: another Ruby thread runs while an import waits. The server
# runs with a step delay (bindings/ruby/CMakeLists.txt), so an import spans many polls.
class TestThreads < Minitest::Test
  include ServerHelper

  # The import is called without a block, so it never runs Ruby code until it returns: the
  # second thread can see its job unfinished only if it ran while the import was waiting.
  def test_a_second_thread_runs_while_an_import_waits
    Dir.mktmpdir do |dir|
      csv = sample_csv(dir)
      open_client do |client|
        seen = nil
        finished = false
        watcher = Thread.new do
          open_client do |other|
            until finished || seen
              seen = CartoImport.with_closing(other.import_jobs, &:first)
              sleep 0.01
            end
          end
        end
        datasets = client.import_dataset(csv, timeout: 120)
        finished = true
        watcher.join
        assert_equal 1, datasets.size
        refute_nil seen, "the second thread never ran while the import was in flight"
      end
    end
  end

  # Two threads import at once, each with its own progress block (called with the GVL taken
  # back, on its own thread).
  def test_progress_blocks_on_two_threads
    Dir.mktmpdir do |dir|
      open_client do |client|
        threads = Array.new(2) do
          csv = sample_csv(dir)
          Thread.new do
            callers = []
            datasets = client.import_dataset(csv, timeout: 120) { |*| callers << Thread.current }
            [datasets.size, callers.uniq]
          end
        end
        threads.each do |t|
          size, callers = t.value
          assert_equal 1, size
          assert_equal [t], callers
        end
      end
    end
  end
end
