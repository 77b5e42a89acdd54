// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The whole flow with koffi against carto-import-server (CARTO_API_URL, CARTO_API_KEY; CTest
// ffi_node), and the concurrency checks: 16 worker threads x 150 failing synchronous calls,
// and 16 x 10 concurrent .async calls whose errors are read from their job handles.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { Worker } = require('node:worker_threads');
const { C, E, call, jobError, guarded, newClient, newJob, names } = require('./carto_import.cjs');

const url = process.env.CARTO_API_URL, key = process.env.CARTO_API_KEY;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'carto-ffi-node-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

// A CSV of a few MB, so that an upload reports progress many times.
function bigCSV() {
  const file = path.join(tmp, 'points.csv');
  const rows = ['name,latitude,longitude'];
  for (let i = 0, size = 0; size < 4 << 20; i++) {
    const row = `point ${i},${i % 80}.5,${i % 170}.25`;
    rows.push(row);
    size += row.length + 1;
  }
  fs.writeFileSync(file, rows.join('\n') + '\n');
  return file;
}

function run(job, fn) {
  const g = guarded(fn);
  try {
    jobError(job, C.job_run(job, g.cb, null));
  } finally {
    g.rethrow();
  }
}

function tables(job) {
  const list = [null];
  jobError(job, C.job_datasets(list, job));
  try {
    return names(list[0]);
  } finally {
    C.dataset_list_free(list[0]);
  }
}

function cancelled(fn) {
  try {
    fn();
  } catch (e) {
    assert.strictEqual(e.code, E.ECANCELED, e.message);
    return e;
  }
  assert.fail('not canceled');
}

test('the whole flow', () => {
  const client = newClient(url, key);
  const file = bigCSV();
  const created = [];
  const jobs = [];
  try {
    // Import with progress.
    const job = newJob(client, file);
    jobs.push(job);
    let calls = 0;
    run(job, (state) => { assert.strictEqual(state, 2); calls++; });
    jobError(job, C.job_wait(job, 120000, null, null));
    created.push(...tables(job));
    assert.ok(calls > 1, `${calls} progress calls`);

    // Cancel early: no job is created; a throwing callback cancels too, and its exception
    // comes back once the call returned; the job runs fine afterwards.
    const early = newJob(client, file);
    jobs.push(early);
    let e = cancelled(() => run(early, (s, done, total) => done >= total));
    assert.strictEqual(e.jobId, null);
    assert.throws(() => run(early, () => { throw new RangeError('boom'); }), RangeError);
    assert.strictEqual(C.job_id(early), null);

    // Cancel late, once every byte was sent: the error says so and names the job.
    const late = newJob(client, file);
    jobs.push(late);
    e = cancelled(() => run(late, (s, done, total) => done < total));
    assert.ok(e.jobId && e.jobId === C.job_id(late), e.message);
    assert.match(e.message, /too late/);
    assert.ok(e.message.includes(e.jobId));
    jobError(late, C.job_wait(late, 120000, null, null));
    created.push(...tables(late));

    run(early, () => true);
    jobError(early, C.job_wait(early, 120000, null, null));
    created.push(...tables(early));

    // List, get, delete.
    const list = [null];
    call(C.dataset_list_all(list, client));
    const all = names(list[0]);
    C.dataset_list_free(list[0]);
    for (const name of created) {
      assert.ok(all.includes(name), name);
      const d = [null];
      call(C.dataset_get(d, client, name));
      assert.ok(C.dataset_get_int(d[0], 'row_count', -1) > 0);
      const rc = C.dataset_force_delete(d[0]);
      const err = [null];
      C.dataset_last_error(d[0], err);  // NULL: the delete succeeded
      assert.strictEqual(rc, 0);
      assert.strictEqual(err[0], null);
      C.dataset_free(d[0]);
      assert.throws(() => call(C.dataset_get([null], client, name)), { code: E.ENOTFOUND });
    }
  } finally {
    jobs.forEach((j) => C.job_free(j));
    C.client_free(client);
  }

  // A wrong key: EAUTH, with the HTTP status.
  const bad = newClient(url, 'wrong-key');
  try {
    assert.throws(() => call(C.client_verify(bad)), { code: E.EAUTH, httpStatus: 401 });
  } finally {
    C.client_free(bad);
  }
});

test('16 worker threads x 150 failing calls read 0 wrong errors', async () => {
  const results = await Promise.all(Array.from({ length: 16 }, (_, worker) => new Promise(
    (resolve, reject) => {
      const w = new Worker(path.join(__dirname, 'errors_worker.cjs'),
                           { workerData: { url, key, worker, calls: 150 } });
      w.once('message', resolve);
      w.once('error', reject);
    })));
  const wrong = results.reduce((n, r) => n + r.wrong, 0);
  const calls = results.reduce((n, r) => n + r.calls, 0);
  console.log(`worker threads: ${calls} failing calls, ${wrong} wrong errors`);
  assert.strictEqual(calls, 2400);
  assert.strictEqual(wrong, 0);
});

test('concurrent .async calls read their errors from the job handle', async () => {
  const client = newClient(url, key);
  const runAsync = promisify(C.job_run.async);
  let wrong = 0, naiveWrong = 0, calls = 0;
  try {
    for (let round = 0; round < 10; round++) {
      // 16 jobs whose files are gone by the time they run: EIO naming each file.
      const jobs = Array.from({ length: 16 }, (_, i) => {
        const file = path.join(tmp, `gone_${round}_${i}.csv`);
        fs.writeFileSync(file, 'a,b\n1,2\n');
        const job = newJob(client, file);
        fs.unlinkSync(file);
        return { job, file };
      });
      await Promise.all(jobs.map(async ({ job, file }) => {
        const rc = await runAsync(job, null, null);
        calls++;
        // The thread's record is another thread's: reading it here is wrong (for contrast).
        if (!C.last_error_message().includes(file)) naiveWrong++;
        try {
          jobError(job, rc);
          wrong++;
        } catch (e) {
          if (e.code !== E.EIO || !e.message.includes(file)) wrong++;
        }
      }));
      jobs.forEach(({ job }) => C.job_free(job));
    }
  } finally {
    C.client_free(client);
  }
  console.log(`.async: ${calls} failing calls, ${wrong} wrong errors ` +
              `(the thread's record after .async: ${naiveWrong} wrong)`);
  assert.strictEqual(calls, 160);
  assert.strictEqual(wrong, 0);
});
