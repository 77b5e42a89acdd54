#include "core/poll.hpp"

#include <thread>

#include "carto_import.h"
#include "core/error.hpp"

namespace carto {

void poll_until(const Options &opts, const Deadline &deadline, const Pollable &p,
                const ProgressSink &progress) {
  long delay = opts.poll_initial_ms;
  int reported = -1;
  for (;;) {
    p.refresh(deadline);
    if (p.state() != reported) {
      reported = p.state();
      if (progress && progress(reported, -1, -1) != 0)
        throw Error(CARTO_IMPORT_ECANCELED, "waiting for " + p.what +
                                                " was canceled by the callback; it goes on "
                                                "on the server (wait again, or fetch it by id)");
    }
    if (p.settled()) return;
    const long left = remaining_ms(deadline);
    if (left > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay < left ? delay : left));
    if (remaining_ms(deadline) == 0)
      throw Error(CARTO_IMPORT_ETIMEDOUT, "the deadline passed while " + p.what +
                                              " was still '" + p.state_name() +
                                              "'; it goes on: wait again, or fetch it by id");
    delay = delay * 3 / 2 < opts.poll_max_ms ? delay * 3 / 2 : opts.poll_max_ms;
  }
}

}  // namespace carto
