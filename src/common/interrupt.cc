#include "common/interrupt.h"

#include <signal.h>

#include <atomic>

namespace tact {
namespace {

std::atomic<bool> g_interrupted{false};

void OnSignal(int sig) {
  if (g_interrupted.exchange(true)) {
    signal(sig, SIG_DFL);
    raise(sig);
  }
}

}  // namespace

void InstallInterruptHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocked read returns EINTR
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool Interrupted() { return g_interrupted.load(std::memory_order_relaxed); }

}  // namespace tact
