"""The attack: read both sites, find the relations that hold, solve, and report."""

import sys

from .changes import change_statements, tile_changes
from .lists import list_latest, list_period_sums, list_twins
from .means import amounts_per_client
from .merges import merged_categories
from .pairing import build_model
from .rates import rates
from .relations import (all_series, block_sums, breakdowns, changes_table_relations,
                        cross_block_sums, edition_spans, merge_same_quantities, stock_and_flow,
                        sub_sums, time_aggregation)
from .report import evaluate
from .shares import shares
from .site_reader import read_site
from .weighted import weighted_sums
from .solve import Program


def discover(model, views, statements, prose_cells):
    rates(model, statements)
    for view in views:
        block_sums(model, view)
        changes_table_relations(model, view)
    merge_same_quantities(model, prose_cells)
    list_twins(model, views)
    series = all_series(model, views)
    flow_views = stock_and_flow(model, views, series)
    sums = breakdowns(views, flow_views)
    cross_block_sums(model, sums + sub_sums(views), series)
    time_aggregation(model, series)
    merged_categories(model, views)
    edition_spans(model, views, series)
    list_period_sums(model, views, series)
    list_latest(model, views, series + sums)
    tile_changes(model, statements)
    change_statements(model, statements, views)
    shares(model, views, series, sums)
    weighted_sums(model, views, series, sums)
    amounts_per_client(model, views, series, sums)


def attack(published, truth, out=sys.stdout, verbose=False):
    """Attack one site; returns (passed, failed, exit status)."""
    model, views, statements, prose_cells = build_model(read_site(published), read_site(truth))
    discover(model, views, statements, prose_cells)
    program = Program(model)
    if verbose:
        for rel in model.relations:
            print("relation %s" % rel.why, file=out)
    passed, failed = evaluate(model, program, out, verbose)
    labels = {"legend": "LEGEND", "mismatch": "MISMATCH", "error": "ERROR"}
    for finding in model.findings:
        print("%s %s" % (labels[finding.kind], finding.text), file=out)
    errors = sum(f.kind == "error" for f in model.findings)
    problems = len(model.findings) - errors
    if problems:
        print("consistency: %d problems" % problems, file=out)
    print("attack: %d passed, %d failed" % (passed, failed), file=out)
    status = 2 if errors else 1 if failed or problems else 0
    return passed, failed, status
