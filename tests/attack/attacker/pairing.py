"""Reading both sites side by side: each published block, tile and paragraph beside its twin in
the truth site, as the cells and statements of one model."""

from .cells import Model
from .consistency import check_block_agrees
from .grids import add_block_cells
from .text import add_paragraph, add_tile


def _twin_block(pub_block, truth_page):
    for b in truth_page.blocks:
        if b.ordinal == pub_block.ordinal and b.name == pub_block.name:
            return b
    return next((b for b in truth_page.blocks if b.name == pub_block.name), None)


def build_model(pub_editions, truth_editions):
    model = Model()
    views, statements, prose_cells = [], [], []
    truth_by_folder = {e.folder: e for e in truth_editions}
    for edition in pub_editions:
        tedition = truth_by_folder.get(edition.folder)
        if tedition is None:
            model.report("error", "edition %s missing in the truth site" % edition.folder)
            continue
        tpages = {p.path: p for p in tedition.pages}
        for page in edition.pages:
            tpage = tpages.get(page.path)
            if tpage is None:
                model.report("error", "%s missing in the truth site" % page.path)
                continue
            for block in page.blocks:
                tblock = _twin_block(block, tpage)
                if tblock is None:
                    model.report("error", "%s · %s missing in the truth site"
                                 % (page.path, block.name))
                    continue
                check_block_agrees(model, block)
                views.append(add_block_cells(model, edition.index, block, tblock, page.notes))
            # By title: "Wat is er veranderd" lists only the tiles whose change is published,
            # which may be fewer than in the truth site.
            twins = list(tpage.tiles)
            for tile in page.tiles:
                ttile = next((t for t in twins if t.title == tile.title), None)
                if ttile is None:
                    model.report("error", "%s: tile '%s' missing in the truth site"
                                 % (page.path, tile.title))
                    continue
                twins.remove(ttile)
                add_tile(model, edition.index, tile, ttile, statements)
            if len(page.paragraphs) != len(tpage.paragraphs):
                model.report("error", "%s: paragraphs differ from the truth site" % page.path)
                continue
            for para, tpara in zip(page.paragraphs, tpage.paragraphs):
                add_paragraph(model, edition.index, para, tpara, statements, prose_cells)
    return model, views, statements, prose_cells
