// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors

package cartoimport

// The whole flow against carto-import-server (CARTO_API_URL, CARTO_API_KEY; CTest ffi_go), and
// the concurrency check: 16 goroutines x 150 failing calls read 0 wrong errors.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func newClient(t *testing.T) *Client {
	t.Helper()
	c, err := NewClient(os.Getenv("CARTO_API_URL"), os.Getenv("CARTO_API_KEY"))
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

// bigCSV writes a CSV of a few MB, so that an upload reports progress many times.
func bigCSV(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "points.csv")
	var b strings.Builder
	b.WriteString("name,latitude,longitude\n")
	for i := 0; b.Len() < 4<<20; i++ {
		fmt.Fprintf(&b, "point %d,%d.5,%d.25\n", i, i%80, i%170)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func asError(t *testing.T, err error, code int) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Code != code {
		t.Fatalf("want status %d, got %v", code, err)
	}
	return e
}

func TestFlow(t *testing.T) {
	c := newClient(t)
	file := bigCSV(t)
	var created []string

	// Import with progress.
	job, err := c.NewFileJob(file)
	if err != nil {
		t.Fatal(err)
	}
	defer job.Close()
	calls := 0
	if err := job.Run(func(state int, done, total int64) bool {
		calls++
		return true
	}); err != nil {
		t.Fatal(err)
	}
	if err := job.Wait(120000, nil); err != nil {
		t.Fatal(err)
	}
	names, err := job.TableNames()
	if err != nil || len(names) != 1 {
		t.Fatalf("tables: %v %v", names, err)
	}
	created = append(created, names...)
	t.Logf("imported %s with %d progress calls", names[0], calls)

	// Cancel early: the job is as before (no id) and can run again.
	early, _ := c.NewFileJob(file)
	defer early.Close()
	err = early.Run(func(state int, done, total int64) bool { return done >= total })
	e := asError(t, err, ECANCELED)
	if e.JobID != "" || early.ID() != "" {
		t.Fatalf("an early cancel created a job: %q %q", e.JobID, early.ID())
	}

	// A panic in the callback is recovered inside it (never unwinding through C), cancels the
	// call, and is raised again on the Go side; the job is unchanged.
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Fatalf("the callback's panic was not re-raised: %v", r)
			}
		}()
		_ = early.Run(func(int, int64, int64) bool { panic("boom") })
	}()
	if early.ID() != "" {
		t.Fatal("a panicking callback left a job behind")
	}

	// Cancel late, once every byte was sent: the server has the job; the error says so and
	// carries its id, read from the job handle.
	late, _ := c.NewFileJob(file)
	defer late.Close()
	err = late.Run(func(state int, done, total int64) bool { return done < total })
	e = asError(t, err, ECANCELED)
	if e.JobID == "" || e.JobID != late.ID() || !strings.Contains(e.Message, e.JobID) ||
		!strings.Contains(e.Message, "too late") {
		t.Fatalf("a late cancel does not name its job: %+v (job %q)", e, late.ID())
	}
	if err := late.Wait(120000, nil); err != nil {
		t.Fatal(err)
	}
	if names, err = late.TableNames(); err != nil {
		t.Fatal(err)
	}
	created = append(created, names...)

	// The early-canceled job runs fine afterwards.
	if err := early.Run(nil); err != nil {
		t.Fatal(err)
	}
	if err := early.Wait(120000, nil); err != nil {
		t.Fatal(err)
	}
	if names, err = early.TableNames(); err != nil {
		t.Fatal(err)
	}
	created = append(created, names...)

	// List, get, delete.
	all, err := c.DatasetNames()
	if err != nil || len(all) < len(created) {
		t.Fatalf("list: %v %v", all, err)
	}
	for _, name := range created {
		if rows, err := c.DatasetRowCount(name); err != nil || rows <= 0 {
			t.Fatalf("get %s: %d %v", name, rows, err)
		}
		if err := c.DeleteDataset(name); err != nil {
			t.Fatal(err)
		}
		asError(t, c.GetDatasetError(name), ENOTFOUND)
	}

	// A wrong key: EAUTH with the HTTP status.
	bad, err := NewClient(os.Getenv("CARTO_API_URL"), "wrong-key")
	if err != nil {
		t.Fatal(err)
	}
	defer bad.Close()
	if e := asError(t, bad.Verify(), EAUTH); e.HTTPStatus != 401 {
		t.Fatalf("wrong key: HTTP %d", e.HTTPStatus)
	}
}

// 16 goroutines x 150 failing calls, half read through call() (the thread's record, taken
// while pinned), half through the job handle: every error must be the call's own.
func TestConcurrentErrors(t *testing.T) {
	const goroutines, calls = 16, 150
	c := newClient(t)
	dir := t.TempDir()
	var wrong, naiveWrong, total int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			bad, naive := 0, 0
			for i := 0; i < calls; i++ {
				tag := fmt.Sprintf("missing_%d_%d", g, i)
				var err error
				want := ENOTFOUND
				if i%2 == 0 {
					err = c.GetDatasetError(tag)
				} else {
					// A job whose file is gone by the time it runs: EIO naming the file.
					path := filepath.Join(dir, tag+".csv")
					if werr := os.WriteFile(path, []byte("a,b\n1,2\n"), 0o644); werr != nil {
						panic(werr)
					}
					job, jerr := c.NewFileJob(path)
					if jerr != nil {
						panic(jerr)
					}
					os.Remove(path)
					err = job.Run(nil)
					job.Close()
					want = EIO
				}
				var e *Error
				if !errors.As(err, &e) || e.Code != want || !strings.Contains(e.Message, tag) {
					bad++
				}
				if i%10 == 0 && !strings.Contains(c.NaiveGetDatasetMessage(tag), tag) {
					naive++
				}
			}
			mu.Lock()
			wrong += bad
			naiveWrong += naive
			total += calls
			mu.Unlock()
		}(g)
	}
	wg.Wait()
	t.Logf("%d failing calls, %d wrong errors (the unpinned last_error_message: %d wrong of %d)",
		total, wrong, naiveWrong, total/10)
	if wrong != 0 || total != goroutines*calls {
		t.Fatalf("%d wrong errors in %d calls", wrong, total)
	}
}
