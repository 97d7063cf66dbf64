// Work shared among threads, for the commands that go through large files (`rehearse replay`).
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace rehearse::app {

// How many threads to share such work among: one per core, at most 8.
inline std::size_t worker_count() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8); }

// Runs work(0) ... work(count - 1) at once, the first on this thread, and waits for all.
// `work` must not throw.
template <class Work>
void in_parallel(std::size_t count, const Work& work) {
  std::vector<std::jthread> others;
  for (std::size_t i = 1; i < count; ++i) others.emplace_back([&work, i] { work(i); });
  if (count > 0) work(0);
}

}  // namespace rehearse::app
