// emit/page_picture — a page rendered by Poppler with the reading drawn on it:
// every reconstructed cell, the column bands and regions of the tables, removed
// furniture (struck through) and the diagnostics' boxes.  Only rectangles and
// lines are drawn into the pixels; labels travel as PictureMarks (the HTML report
// overlays them, so CJK stays legible).
#include <budgetdoc/extract.hpp>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace budgetdoc {
namespace {

struct Canvas {
    PagePicture& pic;
    void put(int x, int y, unsigned int rgb) {
        if (x < 0 || y < 0 || x >= pic.width || y >= pic.height) return;
        pic.pixels[static_cast<size_t>(y) * static_cast<size_t>(pic.width) + static_cast<size_t>(x)] = 0xff000000u | rgb;
    }
    int px(double pt) const { return static_cast<int>(std::lround(pt * pic.scale)); }
    void hline(int x0, int x1, int y, unsigned int rgb, int dash = 0) {
        for (int x = x0; x <= x1; ++x)
            if (dash == 0 || ((x - x0) / dash) % 2 == 0) put(x, y, rgb);
    }
    void vline(int x, int y0, int y1, unsigned int rgb, int dash = 0) {
        for (int y = y0; y <= y1; ++y)
            if (dash == 0 || ((y - y0) / dash) % 2 == 0) put(x, y, rgb);
    }
    // The outline of a box, `thick` pixels inwards from its edges.
    void rect(const Box& b, unsigned int rgb, int thick = 1) {
        const int x0 = px(b.x0), y0 = px(b.y0), x1 = px(b.x1), y1 = px(b.y1);
        for (int t = 0; t < thick; ++t) {
            hline(x0, x1, y0 + t, rgb);
            hline(x0, x1, y1 - t, rgb);
            vline(x0 + t, y0, y1, rgb);
            vline(x1 - t, y0, y1, rgb);
        }
    }
};

bool inside(const Box& outer, const Box& b, double slack = 1.0) {
    return b.center_x() >= outer.x0 - slack && b.center_x() <= outer.x1 + slack && b.center_y() >= outer.y0 - slack &&
           b.center_y() <= outer.y1 + slack;
}

bool on_page(const Record& r, int page) {
    return r.bbox && !r.pages.empty() && r.pages.front() == page;
}

}  // namespace

Result<PagePicture> render_page(const std::string& path, int page_number, const Document& doc, double dpi,
                                bool annotate, std::vector<PictureMark>* marks_out) {
    // The reading: the cells the later stages saw (furniture removed), and the
    // cells as printed (furniture kept) — the difference is what was removed.
    Options kept;
    kept.threads = 1;
    Options all = kept;
    all.dedupe = false;
    auto read = read_pages(path, kept);
    if (!read) return read.error();
    auto printed = read_pages(path, all);
    if (!printed) return printed.error();
    return render_page(path, page_number, doc, read.value(), printed.value(), dpi, annotate, marks_out);
}

Result<PagePicture> render_page(const std::string& path, int page_number, const Document& doc,
                                const std::vector<Page>& read, const std::vector<Page>& printed, double dpi,
                                bool annotate, std::vector<PictureMark>* marks_out) {
    std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(path));
    if (!pdf) return Error{ErrorCode::corrupt_pdf, path, 0, "PDF cannot be opened for rendering"};
    if (pdf->is_locked()) return Error{ErrorCode::encrypted, path, 0, "PDF is encrypted"};
    if (page_number < 1 || page_number > pdf->pages())
        return Error{ErrorCode::io_error, path, page_number,
                     "no page " + std::to_string(page_number) + " (document has " + std::to_string(pdf->pages()) +
                         " pages)"};
    std::unique_ptr<poppler::page> pg(pdf->create_page(page_number - 1));
    if (!pg) return Error{ErrorCode::corrupt_pdf, path, page_number, "page cannot be read"};
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_argb32);
    poppler::image img = renderer.render_page(pg.get(), dpi, dpi);
    if (!img.is_valid()) return Error{ErrorCode::internal, path, page_number, "Poppler rendered no image"};

    PagePicture pic;
    pic.width = img.width();
    pic.height = img.height();
    pic.dpi = dpi;
    pic.scale = dpi / 72.0;
    pic.pixels.resize(static_cast<size_t>(pic.width) * static_cast<size_t>(pic.height));
    for (int y = 0; y < pic.height; ++y)
        std::memcpy(&pic.pixels[static_cast<size_t>(y) * static_cast<size_t>(pic.width)],
                    img.const_data() + static_cast<size_t>(y) * static_cast<size_t>(img.bytes_per_row()),
                    static_cast<size_t>(pic.width) * 4);
    if (!annotate && !marks_out) return pic;

    const Page* page = nullptr;
    for (const auto& p : read)
        if (p.number == page_number) page = &p;
    const Page* raw_page = nullptr;
    for (const auto& p : printed)
        if (p.number == page_number) raw_page = &p;

    std::vector<PictureMark> marks;
    // Table regions: a standard table's rows on this page, an other table's lines.
    for (const auto& t : doc.tables) {
        std::optional<Box> region;
        for (const auto* side : {&t.rows, &t.income, &t.expenditure})
            for (const auto& r : *side)
                if (on_page(r, page_number)) region = region ? box_union(*region, *r.bbox) : *r.bbox;
        if (region) marks.push_back({"table", t.id, *region, -1});
    }
    for (const auto& o : doc.other_tables)
        for (const auto& [p, b] : o.regions)
            if (p == page_number) marks.push_back({"other", "other: " + o.title, b, -1});
    // Column bands inside each table region: the extent of the cells of one column.
    std::vector<PictureMark> bands;
    if (page)
        for (const auto& m : marks) {
            std::map<int, Box> by_column;
            for (const auto& l : page->lines)
                for (const auto& c : l.cells) {
                    if (c.column < 0 || c.span > 1 || !inside(m.box, c.box)) continue;
                    auto it = by_column.find(c.column);
                    if (it == by_column.end())
                        by_column[c.column] = c.box;
                    else
                        it->second = box_union(it->second, c.box);
                }
            for (const auto& [col, b] : by_column)
                bands.push_back({"band", "column " + std::to_string(col), {b.x0, m.box.y0, b.x1, m.box.y1}, -1});
        }
    // Rows and their cells' fields (header → field: the field each printed cell went to).
    for (const auto& t : doc.tables)
        for (const auto* side : {&t.rows, &t.income, &t.expenditure})
            for (const auto& r : *side) {
                if (!on_page(r, page_number)) continue;
                for (const auto& [f, b] : r.cell_boxes) marks.push_back({"field", t.id + "." + f, b, -1});
            }
    // Header → field: over each table region, the printed header cells above the
    // fields' columns (the x extent of the cells read into each field on this page).
    if (page)
        for (const auto& t : doc.tables) {
            std::optional<Box> region;
            std::vector<std::pair<std::string, Box>> fields;  // field → x extent of its cells
            for (const auto* side : {&t.rows, &t.income, &t.expenditure})
                for (const auto& r : *side) {
                    if (!on_page(r, page_number)) continue;
                    region = region ? box_union(*region, *r.bbox) : *r.bbox;
                    for (const auto& [f, b] : r.cell_boxes) {
                        const std::string name = (side == &t.income ? "income." : side == &t.expenditure ? "expenditure." : "") + f;
                        auto it = std::find_if(fields.begin(), fields.end(), [&](const auto& x) { return x.first == name; });
                        if (it == fields.end())
                            fields.push_back({name, b});
                        else
                            it->second = box_union(it->second, b);
                    }
                }
            if (!region) continue;
            for (const auto& l : page->lines) {
                if (l.box.y1 > region->y0 + 1 || l.box.y0 < region->y0 - 90) continue;
                for (const auto& c : l.cells) {
                    if (c.box.x1 < region->x0 - 20 || c.box.x0 > region->x1 + 20) continue;
                    // 单位名称 / 单位：万元 lines and the title are no column header.
                    if (c.text.rfind("单位", 0) == 0 || c.text.rfind("编制单位", 0) == 0) continue;
                    std::string to;
                    for (const auto& [f, b] : fields)
                        if (b.center_x() >= c.box.x0 - 2 && b.center_x() <= c.box.x1 + 2) to += (to.empty() ? "" : ", ") + f;
                    if (!to.empty() && std::count(to.begin(), to.end(), ',') < 3) marks.push_back({"header", c.text + " → " + to, c.box, -1});
                }
            }
        }
    std::vector<PictureMark> cells;
    if (page)
        for (const auto& l : page->lines)
            for (const auto& c : l.cells) cells.push_back({"cell", c.text, c.box, -1});
    std::vector<PictureMark> furniture;
    if (page && raw_page)
        for (const auto& l : raw_page->lines)
            for (const auto& c : l.cells) {
                bool found = false;
                for (const auto& kl : page->lines)
                    for (const auto& kc : kl.cells)
                        if (!found && std::abs(kc.box.center_x() - c.box.center_x()) < 2 &&
                            std::abs(kc.box.center_y() - c.box.center_y()) < 2)
                            found = true;
                if (found) continue;
                // A watermark read into a cell when nothing is removed ("卫生健康支出仅供内部审核"):
                // the label is what the kept cells inside it do not print.
                std::string label = c.text;
                for (const auto& kl : page->lines)
                    for (const auto& kc : kl.cells)
                        if (!kc.text.empty() && inside(c.box, kc.box))
                            if (auto at = label.find(kc.text); at != std::string::npos) label.erase(at, kc.text.size());
                furniture.push_back({"furniture", label.empty() ? c.text : label, c.box, -1});
            }
    std::vector<PictureMark> diags;
    for (size_t i = 0; i < doc.diagnostics.size(); ++i) {
        const auto& g = doc.diagnostics[i];
        if (g.bbox && g.page == page_number) diags.push_back({"diagnostic", g.code, *g.bbox, static_cast<int>(i)});
    }

    if (annotate) {
        Canvas cv{pic};
        for (const auto& b : bands) {
            cv.vline(cv.px(b.box.x0), cv.px(b.box.y0), cv.px(b.box.y1), PictureColors::band, 4);
            cv.vline(cv.px(b.box.x1), cv.px(b.box.y0), cv.px(b.box.y1), PictureColors::band, 4);
        }
        for (const auto& m : marks)
            if (m.kind == "table" || m.kind == "other") {
                Box b = m.box;  // drawn just outside the rows so the cells stay visible
                b.x0 -= 3, b.y0 -= 3, b.x1 += 3, b.y1 += 3;
                cv.rect(b, m.kind == "table" ? PictureColors::table : PictureColors::other, 2);
            }
        for (const auto& c : cells) cv.rect(c.box, PictureColors::cell, 1);
        for (const auto& f : furniture) {
            cv.rect(f.box, PictureColors::furniture, 1);
            const int y = cv.px(f.box.center_y());
            for (int t = -1; t <= 1; ++t) cv.hline(cv.px(f.box.x0), cv.px(f.box.x1), y + t, PictureColors::furniture);
        }
        for (const auto& d : diags) {
            Box b = d.box;
            b.x0 -= 1.5, b.y0 -= 1.5, b.x1 += 1.5, b.y1 += 1.5;
            cv.rect(b, PictureColors::diagnostic, 2);
        }
    }
    if (marks_out) {
        marks_out->clear();
        for (auto* v : {&marks, &bands, &cells, &furniture, &diags})
            marks_out->insert(marks_out->end(), v->begin(), v->end());
    }
    return pic;
}

Result<std::string> encode_picture(const PagePicture& pic, const std::string& format) {
    poppler::image img(pic.width, pic.height, poppler::image::format_argb32);
    if (!img.is_valid()) return Error{ErrorCode::internal, "", 0, "no image to encode"};
    for (int y = 0; y < pic.height; ++y)
        std::memcpy(img.data() + static_cast<size_t>(y) * static_cast<size_t>(img.bytes_per_row()),
                    &pic.pixels[static_cast<size_t>(y) * static_cast<size_t>(pic.width)], static_cast<size_t>(pic.width) * 4);
    char name[] = "/tmp/budgetdoc-picture-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) return Error{ErrorCode::io_error, name, 0, "cannot create a temporary file"};
    ::close(fd);
    const bool ok = img.save(name, format, static_cast<int>(pic.dpi));
    std::string bytes;
    if (ok) {
        std::ifstream in(name, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        bytes = ss.str();
    }
    std::remove(name);
    if (!ok || bytes.empty())
        return Error{ErrorCode::internal, "", 0, "this Poppler cannot write " + format + " images"};
    return bytes;
}

}  // namespace budgetdoc
