// Pages built cell by cell for the recognizer tests: each line is
// {y, {text, x0, x1[, band, span]}...}, every cell 10 pt tall at font size 10.
// A cell without a band gets its index in the line (tests that place by
// geometry); tests of band-based readers give the bands the source layer would.
#pragma once

#include <budgetdoc/layout.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace budgetdoc::test {

struct PlacedCell {
    std::string text;
    double x0, x1;
    int column = -1;  // band index; -1: the cell's index in its line
    int span = 1;
};

inline Page page_of(const std::vector<std::pair<double, std::vector<PlacedCell>>>& rows, int number = 9) {
    Page p;
    p.number = number;
    p.width = 842;
    p.height = 595;
    for (const auto& [y, cells] : rows) {
        Line l;
        l.page = number;
        l.box = {1e9, y, 0, y + 10};
        for (const auto& c : cells) {
            Cell cell;
            cell.raw = cell.text = c.text;
            cell.box = {c.x0, y, c.x1, y + 10};
            cell.font_size = 10;
            cell.column = c.column >= 0 ? c.column : static_cast<int>(l.cells.size());
            cell.span = c.span;
            l.box.x0 = std::min(l.box.x0, c.x0);
            l.box.x1 = std::max(l.box.x1, c.x1);
            l.cells.push_back(cell);
        }
        p.lines.push_back(l);
    }
    return p;
}

}  // namespace budgetdoc::test
