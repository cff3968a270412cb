#include "source/text_reader.hpp"

#include "normalize/text.hpp"

#include <unicode/utf8.h>

namespace budgetdoc::source {
namespace {

bool valid_utf8(const std::string& s) {
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0 || c == 0) return false;
    }
    return true;
}

void erase_all(std::string& s, const std::string& what) {
    for (size_t pos; (pos = s.find(what)) != std::string::npos;) s.erase(pos, what.size());
}

// Remove the producing tool's markup from one line.
std::string clean_line(std::string line) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    erase_all(line, "<b>");
    erase_all(line, "</b>");
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes > 0 && hashes < line.size() && line[hashes] == ' ') line.erase(0, hashes + 1);
    return line;
}

}  // namespace

Result<std::vector<Page>> read_text(const std::string& bytes, const std::string& name) {
    if (bytes.empty()) return Error{ErrorCode::empty_file, name, 0, "file is empty (0 bytes)"};
    if (!valid_utf8(bytes))
        return Error{ErrorCode::unknown_layout, name, 0, "not UTF-8 text (binary file?) and not a PDF"};
    std::vector<Page> pages(1);
    pages[0].number = 1;
    size_t start = 0;
    int y = 0;
    while (start <= bytes.size()) {
        size_t nl = bytes.find('\n', start);
        std::string line = bytes.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        start = nl == std::string::npos ? bytes.size() + 1 : nl + 1;
        // A form feed starts a new page (text after it belongs to the new page).
        for (size_t ff; (ff = line.find('\f')) != std::string::npos;) {
            line.erase(0, ff + 1);
            Page p;
            p.number = static_cast<int>(pages.size()) + 1;
            pages.push_back(p);
            y = 0;
        }
        line = clean_line(line);
        Line out;
        out.page = pages.back().number;
        int column = 0;
        size_t cs = 0;
        while (cs <= line.size()) {
            size_t tab = line.find('\t', cs);
            std::string raw = line.substr(cs, tab == std::string::npos ? std::string::npos : tab - cs);
            std::string text = normalize::normalize_text(raw);
            if (!text.empty()) {
                Cell c;
                c.raw = raw;
                c.text = std::move(text);
                c.column = column;
                c.box = {column * 100.0, y * 10.0, column * 100.0 + 90.0, y * 10.0 + 9.0};
                c.font_size = 9;
                out.cells.push_back(std::move(c));
            }
            ++column;
            if (tab == std::string::npos) break;
            cs = tab + 1;
        }
        if (!out.cells.empty()) {
            out.box = {out.cells.front().box.x0, y * 10.0, out.cells.back().box.x1, y * 10.0 + 9.0};
            pages.back().lines.push_back(std::move(out));
        }
        ++y;
    }
    for (auto& p : pages) {
        p.width = 10000;
        p.height = y * 10.0;
    }
    return pages;
}

}  // namespace budgetdoc::source
