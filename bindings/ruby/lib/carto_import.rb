# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# frozen_string_literal: true

# CartoImport: import data into CARTO (Import API v1) through libcarto_import.
#
#   require "carto_import"
#   CartoImport::Client.open("https://USER.carto.com/", api_key) do |client|
#     client.import_dataset("cities.csv", timeout: 600) do |state, done, total|
#       puts CartoImport.state_string(state)
#     end.each { |dataset| puts "#{dataset.name}: #{dataset.row_count} rows" }
#   end
#
# Failures raise CartoImport::Error subclasses (AuthError, NotFoundError, RemoteImportError...),
# chosen by the mapping shared by every binding of the library. Objects hold C handles: close
# them (or use the block forms); the GC frees the rest.
require "carto_import/core"

module CartoImport
  # The native classes and constants (EINVAL, STATE_COMPLETE, FORCE_TOO_SOON...), here.
  Core.constants.each { |name| const_set(name, Core.const_get(name)) unless const_defined?(name, false) }

  class << self
    %i[version version_num strerror state_string state_final? error_class_name
       error_class_parent].each do |name|
      define_method(name) { |*args| Core.public_send(name, *args) }
    end

    # Seconds (nil: no limit) as the C API's milliseconds (0: no limit).
    def milliseconds(seconds, what = "timeout")
      return 0 if seconds.nil?
      raise ArgumentError, "#{what} must be positive or nil, not #{seconds.inspect}" unless seconds.positive?

      [(seconds * 1000).round, 1].max
    end

    # Runs the block with obj, then closes obj; without a block, returns obj.
    def with_closing(obj)
      return obj unless block_given?

      begin
        yield obj
      ensure
        obj.close
      end
    end
  end

  [Options, Params, Client, ImportJob, Dataset, DatasetList, SyncTable, SyncList,
   StringList].each do |cls|
    cls.alias_method(:closed?, :is_closed)
  end

  class Error
    def to_s
      text = super
      if remote_code.to_i != 0 && !text.include?(remote_code.to_s)
        text += " (CARTO error #{remote_code}#{title ? ": #{title}" : ''})"
      end
      text
    end
  end

  # The list handles are Enumerable; each item is its own object.
  [DatasetList, SyncList, StringList].each do |list|
    list.include(Enumerable)
    list.define_method(:each) do |&block|
      return enum_for(:each) { size } unless block

      size.times { |i| block.call(get(i)) }
      self
    end
  end

  class Options
    # Options from keywords: base_url:, api_key:, verify_tls:, ca_bundle: (a PEM file of CA
    # certificates), allow_insecure_http:, poll_interval: [initial_seconds, max_seconds],
    # connect_timeout: seconds, upload_compression: :auto (default), :gzip or :none,
    # request_timeout: seconds for one attempt of a request without a file (default 30),
    # call_timeout: seconds for all the requests without a file of one call (default 90)
    # (0: no limit, for both), max_list_entries: the most entries a listing may claim
    # (default 100000).
    def self.build(base_url: nil, api_key: nil, verify_tls: nil, ca_bundle: nil,
                   allow_insecure_http: nil, poll_interval: nil, connect_timeout: nil,
                   upload_compression: nil, request_timeout: nil, call_timeout: nil,
                   max_list_entries: nil)
      options = new
      options.set_base_url(base_url) if base_url
      options.set_api_key(api_key) if api_key
      options.set_verify_tls(verify_tls) unless verify_tls.nil?
      options.set_ca_bundle(ca_bundle) if ca_bundle
      options.set_allow_insecure_http(allow_insecure_http) unless allow_insecure_http.nil?
      if poll_interval
        first, top = poll_interval
        options.set_poll_interval_ms(CartoImport.milliseconds(first, "poll_interval"),
                                     CartoImport.milliseconds(top, "poll_interval"))
      end
      options.set_connect_timeout_ms(CartoImport.milliseconds(connect_timeout)) if connect_timeout
      options.set_upload_compression(compression_mode(upload_compression)) if upload_compression
      options.set_request_timeout_ms(limit_ms(request_timeout, "request_timeout")) if request_timeout
      options.set_call_timeout_ms(limit_ms(call_timeout, "call_timeout")) if call_timeout
      options.set_max_list_entries(max_list_entries) if max_list_entries
      options
    rescue StandardError
      options&.close
      raise
    end

    # A limit in seconds (0: none) as milliseconds (0: none).
    def self.limit_ms(seconds, what)
      CartoImport.milliseconds(seconds.zero? ? nil : seconds, what)
    end

    COMPRESSIONS = { auto: COMPRESSION_AUTO, gzip: COMPRESSION_GZIP, none: COMPRESSION_NONE }.freeze

    def self.compression_mode(mode)
      COMPRESSIONS.fetch(mode.to_sym) do
        raise ArgumentError, "upload_compression: #{mode.inspect} is not one of :auto, :gzip or :none"
      end
    end
  end

  class Client
    # A client for the account at base_url with its master API key (settings: Options.build).
    # With a block: yields it and closes it afterwards, returning the block's value.
    def self.open(base_url, api_key, **settings, &block)
      options = Options.build(base_url: base_url, api_key: api_key, **settings)
      client = begin
        new(options)
      ensure
        options.close
      end
      CartoImport.with_closing(client, &block)
    end

    # Imports a file, URL or connector JSON and waits: the datasets it created (an Array).
    # The block, if any, is told the progress: |state, done, total|.
    def import_dataset(source, params: nil, timeout: nil, &progress)
      list = _import_dataset(source.to_s, params, CartoImport.milliseconds(timeout), &progress)
      CartoImport.with_closing(list, &:to_a)
    end

    # Creates a sync table from a URL or connector JSON, waits for its first run: its datasets.
    def import_sync_dataset(source, interval, params: nil, timeout: nil, &progress)
      list = _import_sync_dataset(source.to_s, interval, params, CartoImport.milliseconds(timeout),
                                  &progress)
      CartoImport.with_closing(list, &:to_a)
    end

    def to_s
      closed? ? "#<CartoImport::Client closed>" : "#<CartoImport::Client #{base_url}>"
    end
  end

  class ImportJob
    # Waits until the job is final (timeout in seconds, nil: none); raises when it failed.
    def wait(timeout = nil, &progress)
      _wait(CartoImport.milliseconds(timeout), &progress)
      self
    end

    def success?
      success == 1
    end

    def final?
      CartoImport.state_final?(state)
    end

    def to_s
      closed? ? "#<CartoImport::ImportJob closed>" : "#<CartoImport::ImportJob #{id} #{state_name}>"
    end
  end

  class SyncTable
    # Waits until the sync table is neither created, queued nor syncing.
    def wait(timeout = nil, &progress)
      _wait(CartoImport.milliseconds(timeout), &progress)
      self
    end

    def syncing?
      _is_syncing != 0
    end

    def interval
      get_int("interval", -1)
    end

    def url
      get_string("url")
    end

    def to_s
      closed? ? "#<CartoImport::SyncTable closed>" : "#<CartoImport::SyncTable #{id} #{state_name}>"
    end
  end

  class Dataset
    def name
      get_string("name")
    end

    def id
      get_string("id")
    end

    def row_count
      get_int("row_count", -1)
    end

    def to_s
      closed? ? "#<CartoImport::Dataset closed>" : name.to_s
    end
  end

  # Block forms: yield the object and close it afterwards.
  [Options, Params].each do |cls|
    cls.define_singleton_method(:open) do |*args, &block|
      CartoImport.with_closing(new(*args), &block)
    end
  end
end
