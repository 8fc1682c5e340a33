#pragma once
// The disclosure policy in numbers. docs/onthulling.md explains and justifies them.

namespace sdm {

// A count of persons below this is published as "<10" (primary suppression). A zero counts too:
// a published 0 beside a "<10" would narrow it.
constexpr double kThreshold = 10;

// The tightest interval a reader can derive for a suppressed cell must be at least this many
// persons wide (or, where the cell allows less, as wide as the cell allows): half the 0–9 that
// "<10" itself says, so the published figures never halve what a reader may know of a small count.
constexpr double kProtectionWidth = 5;

}  // namespace sdm
