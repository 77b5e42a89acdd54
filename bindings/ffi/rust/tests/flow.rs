// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
//! The whole flow against carto-import-server (CARTO_API_URL, CARTO_API_KEY; CTest ffi_rust),
//! and 16 tokio tasks x 150 failing calls that read 0 wrong errors across `.await`s.

use carto_import_ffi_example::*;
use std::sync::Arc;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set (run under with_server.py)"))
}

fn client() -> Client {
    Client::new(&env("CARTO_API_URL"), &env("CARTO_API_KEY")).expect("client")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("carto-ffi-rust-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A CSV of a few MB, so that an upload reports progress many times.
fn big_csv(dir: &std::path::Path) -> String {
    let mut text = String::from("name,latitude,longitude\n");
    let mut i = 0;
    while text.len() < 4 << 20 {
        text.push_str(&format!("point {i},{}.5,{}.25\n", i % 80, i % 170));
        i += 1;
    }
    let path = dir.join("points.csv");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn whole_flow() {
    let c = client();
    let dir = temp_dir("flow");
    let file = big_csv(&dir);
    let mut created = Vec::new();

    // Import with progress.
    let mut job = c.file_job(&file).unwrap();
    let mut calls = 0;
    job.run(Some(&mut |state, _, _| {
        assert_eq!(state, CARTO_IMPORT_STATE_SENDING);
        calls += 1;
        true
    }))
    .unwrap();
    job.wait(120_000).unwrap();
    created.extend(job.table_names().unwrap());
    assert!(calls > 1, "{calls} progress calls");

    // Cancel early: no job; a panicking callback cancels too, and the panic is resumed on the
    // Rust side once the call returned; the job runs fine afterwards.
    let mut early = c.file_job(&file).unwrap();
    let e = early.run(Some(&mut |_, done, total| done >= total)).unwrap_err();
    assert_eq!(e.code, CARTO_IMPORT_ECANCELED);
    assert_eq!((e.job_id, early.id()), (None, None));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = early.run(Some(&mut |_, _, _| panic!("boom")));
    }));
    assert!(caught.is_err(), "the callback's panic was not resumed");
    assert_eq!(early.id(), None);

    // Cancel late, once every byte was sent: the error says so and names the job.
    let mut late = c.file_job(&file).unwrap();
    let e = late.run(Some(&mut |_, done, total| done < total)).unwrap_err();
    assert_eq!(e.code, CARTO_IMPORT_ECANCELED);
    let id = e.job_id.clone().expect("the late cancel's job id");
    assert_eq!(late.id().as_deref(), Some(id.as_str()));
    assert!(e.message.contains("too late") && e.message.contains(&id), "{}", e.message);
    late.wait(120_000).unwrap();
    created.extend(late.table_names().unwrap());

    early.run(None).unwrap();
    early.wait(120_000).unwrap();
    created.extend(early.table_names().unwrap());

    // List, get, delete.
    let all = c.dataset_names().unwrap();
    for name in &created {
        assert!(all.contains(name), "{name} not listed");
        assert!(c.dataset_rows(name).unwrap() > 0);
        c.delete_dataset(name).unwrap();
        assert_eq!(c.dataset_rows(name).unwrap_err().code, CARTO_IMPORT_ENOTFOUND);
    }

    // A wrong key: EAUTH with the HTTP status.
    let bad = Client::new(&env("CARTO_API_URL"), "wrong-key").unwrap();
    let e = bad.verify().unwrap_err();
    assert_eq!((e.code, e.http_status), (CARTO_IMPORT_EAUTH, 401));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn tokio_tasks_read_their_own_errors() {
    const TASKS: usize = 16;
    const CALLS: usize = 150;
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(4).build().unwrap();
    let c = Arc::new(client());
    let dir = Arc::new(temp_dir("tasks"));
    let (wrong, naive_wrong, total) = rt.block_on(async {
        let tasks: Vec<_> = (0..TASKS)
            .map(|t| {
                let (c, dir) = (c.clone(), dir.clone());
                tokio::spawn(async move {
                    let (mut wrong, mut naive, mut calls) = (0, 0, 0);
                    for i in 0..CALLS {
                        let tag = format!("missing_{t}_{i}");
                        let (result, want) = if i % 2 == 0 {
                            // The snapshot is taken inside the call's own synchronous code,
                            // then crosses the .await below.
                            (c.dataset_rows(&tag).map(|_| ()), CARTO_IMPORT_ENOTFOUND)
                        } else {
                            // A job whose file is gone by the time it runs (EIO naming it),
                            // run in spawn_blocking; its error read later, from the job.
                            let path = dir.join(format!("{tag}.csv"));
                            std::fs::write(&path, "a,b\n1,2\n").unwrap();
                            let mut job = c.file_job(path.to_str().unwrap()).unwrap();
                            std::fs::remove_file(&path).unwrap();
                            let (job, rc) = tokio::task::spawn_blocking(move || {
                                let rc = job.run_status();
                                (job, rc)
                            })
                            .await
                            .unwrap();
                            tokio::task::yield_now().await;
                            (job.error(rc), CARTO_IMPORT_EIO)
                        };
                        tokio::task::yield_now().await;
                        match result {
                            Err(e) if e.code == want && e.message.contains(&tag) => {}
                            _ => wrong += 1,
                        }
                        if i % 10 == 0 {
                            // The wrong way: the thread's record, read after an .await.
                            c.dataset_get_status(&format!("{tag}_naive"));
                            tokio::task::yield_now().await;
                            if !last_error_message().contains(&format!("{tag}_naive")) {
                                naive += 1;
                            }
                        }
                        calls += 1;
                    }
                    (wrong, naive, calls)
                })
            })
            .collect();
        let mut sums = (0, 0, 0);
        for task in tasks {
            let (w, n, c) = task.await.unwrap();
            sums = (sums.0 + w, sums.1 + n, sums.2 + c);
        }
        sums
    });
    println!("tokio tasks: {total} failing calls, {wrong} wrong errors \
              (the thread's record read after an .await: {naive_wrong} wrong of {})",
             total / 10);
    std::fs::remove_dir_all(&*dir).ok();
    assert_eq!(total, TASKS * CALLS);
    assert_eq!(wrong, 0);
}
