"""The attacker on a published sdmonitor site (see attack.py and README.md), one concern per module.
Each module imports only modules above it in this list:

    dutch_numbers  a printed figure as its value and rounding, or a mark (<10, x, blank)
    periods        months, quarters, half years and years, in headers and in running text
    words          what a figure is about
    html_tree      HTML as a small tree
    site_reader    a site as read from disk: editions, pages, blocks, tiles, paragraphs (read_site)
    cells          cells with their true values and legends; the model of unknowns and relations
    consistency    a block's table, chart data and CSV say the same
    rates          the counts behind rates per 1.000 and their populations (i)
    grids          a block beside its twin in the truth site, as a grid of cells
    text           tiles and prose as cells, and the statements of change and rate in them
    pairing        both sites side by side as one model (build_model)
    relations      the same quantity, sums inside and across blocks, time, stock and flow (a-e)
    lists          small lists of descriptions: a year's months, a series' newest point, the same
                   figure in two lists (j)
    changes        a tile's difference with the previous monitor, changes in the prose (f, g)
    shares         the counts behind shares, hidden shares of an amount (h)
    solve          the integer programs (Program)
    report         the interval of every hidden figure, and what leaks (evaluate)
    attack         all of it in the order it runs (discover, attack)

The letters are the patterns of README.md.
"""
