// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// One worker thread of the concurrency test: `calls` failing synchronous calls, each error
// taken through call() on this thread; reports how many were not the call's own.
'use strict';
const { workerData, parentPort } = require('node:worker_threads');
const { C, E, call, newClient } = require('./carto_import.cjs');

const { url, key, worker, calls } = workerData;
const client = newClient(url, key);
let wrong = 0;
for (let i = 0; i < calls; i++) {
  const tag = `missing_${worker}_${i}`;
  try {
    call(C.dataset_get([null], client, tag));
    wrong++;
  } catch (e) {
    if (e.code !== E.ENOTFOUND || !e.message.includes(tag)) wrong++;
  }
}
C.client_free(client);
parentPort.postMessage({ wrong, calls });
