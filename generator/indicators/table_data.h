#pragma once
// Builds a published table's rows: the dataset's rows, small categories merged into "Overig",
// and total rows including and excluding a named category.

#include "model/computed.h"
#include "model/edition.h"

namespace sdm {

TableData table_data(const TableSpec& spec, const Table& table, const DatasetInfo& info);

}  // namespace sdm
