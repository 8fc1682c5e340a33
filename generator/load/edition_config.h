#pragma once
// editie.yaml: the edition's settings and, under `data:`, each dataset's unit, source, totals and
// number formats.

#include <string>
#include <string_view>

#include "model/edition.h"
#include "model/table.h"
#include "util/diagnostic.h"

namespace sdm {

// Reads the editie.yaml `file` of the edition `id`. Problems go to `diagnostics`; the returned
// config holds whatever could be read.
EditionConfig read_config(const std::string& id, const std::string& file, std::string_view bytes,
                          Diagnostics& diagnostics);

// Reports columns that the dataset's `kolommen:` names but `table` does not have, and a unit per
// column where the table gives its units per row.
void check_column_formats(const DatasetInfo& info, const Table& table, Diagnostics& diagnostics);

// The units a dataset can declare, for a tip: "personen, aantal, …".
std::string unit_list();

}  // namespace sdm
