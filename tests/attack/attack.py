#!/usr/bin/env python3
"""An outsider's attack on a published sdmonitor site.

The attacker reads the final published site exactly as a reader can (every HTML page, the chart
data, the CSV downloads, the tiles and the prose), takes the relations between the published
figures that hold in reality (learned from a second build of the same content without any
suppression, the "truth site"), and computes with integer programming how far every hidden count
under 10 can be narrowed down. It shares no code with the generator's disclosure control.

    attack.py PUBLISHED_SITE TRUTH_SITE

Prints one line per recovered cell and per inconsistency, then "attack: N passed, M failed".
Exit status 0 when nothing leaks, 1 when something does, 2 when the attacker itself failed.

The attack itself is the package attacker/, whose modules read in the order the attack runs (see
attacker/__init__.py): Dutch numbers and periods; the HTML of both sites (read_site); cells with
their true values and what their legend says (build_model); the check that a chart's table, data
and CSV agree; the relations (discover, patterns a-i of README.md); the integer programs
(Program); the report (evaluate).
"""

import argparse
import sys

# Run from the source tree (run.sh, ctest): leave no __pycache__ beside the package.
sys.dont_write_bytecode = True

from attacker.attack import attack  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("published", help="the site as built by sdmonitor")
    parser.add_argument("truth", help="the same site without suppression (sdm_truth_site)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list every relation found and every interval computed")
    args = parser.parse_args(argv)
    return attack(args.published, args.truth, verbose=args.verbose)[2]


if __name__ == "__main__":
    sys.exit(main())
