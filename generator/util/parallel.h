#pragma once
// One way to spread independent work over the cores, shared by every stage that does so.

#include <cstddef>
#include <functional>

namespace sdm {

// Runs `work(i)` for every i below `count`, each exactly once, on up to
// std::thread::hardware_concurrency() threads (the caller is one of them). Called from inside
// such a worker it runs inline: the outer loop already keeps every core busy, and nesting would
// start cores² threads. The first exception thrown by `work` is rethrown after all threads end.
void parallel_for(size_t count, const std::function<void(size_t)>& work);

}  // namespace sdm
