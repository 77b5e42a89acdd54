// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/poll.hpp"

#include <thread>

#include "carto_import.h"
#include "core/error.hpp"

namespace carto {

namespace {
constexpr long kSliceMs = 100;  // the callback is asked at least this often while waiting
}

void poll_until(const Options &opts, const Deadline &deadline, const Pollable &p,
                const ProgressSink &progress) {
  const auto ask = [&] {
    if (progress && progress(p.state(), -1, -1) != 0)
      throw Error(CARTO_IMPORT_ECANCELED, "waiting for " + p.what +
                                              " was canceled by the callback; it goes on on the "
                                              "server (wait again, or fetch it by id)");
  };
  // Poll every tenth of the time waited so far, within [initial, max]: a short job is seen
  // to end within a few tens of milliseconds, a long one costs few requests.
  const auto started = Clock::now();
  for (;;) {
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    long delay = static_cast<long>(waited / 10);
    if (delay < opts.poll_initial_ms) delay = opts.poll_initial_ms;
    if (delay > opts.poll_max_ms) delay = opts.poll_max_ms;
    p.refresh(deadline);
    ask();
    if (p.settled()) return;
    // Sleep in short slices, asking the callback between them, so cancelling is prompt.
    const auto wake = Clock::now() + std::chrono::milliseconds(delay);
    for (;;) {
      const long left = remaining_ms(deadline);
      const auto until_wake = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now()).count();
      long slice = until_wake < kSliceMs ? static_cast<long>(until_wake) : kSliceMs;
      if (slice > left) slice = left;
      if (slice <= 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(slice));
      if (Clock::now() < wake && remaining_ms(deadline) > 0) ask();
    }
    if (remaining_ms(deadline) == 0)
      throw Error(CARTO_IMPORT_ETIMEDOUT, "the deadline passed while " + p.what +
                                              " was still '" + p.state_name() +
                                              "'; it goes on: wait again, or fetch it by id");
  }
}

}  // namespace carto
