// page_picture: a page of each producer family in samples/ rendered by Poppler with
// the reading drawn on it (render_page, what `inspect --png` writes).  The cells
// are drawn where the words are: every cell box holds ink on the bare page, its
// corners have the cell colour on the drawn one, and a pixel far from any box is
// left as rendered.  Diagnostics' boxes are red.
#define BOOST_TEST_MODULE page_picture
#include <boost/test/unit_test.hpp>

#include <budgetdoc/extract.hpp>

#include "cli_support.hpp"

#include <cmath>

using namespace budgetdoc;
namespace fs = std::filesystem;

namespace {

unsigned int rgb(unsigned int argb) { return argb & 0xffffffu; }

bool dark(unsigned int argb) {
    const unsigned r = (argb >> 16) & 255, g = (argb >> 8) & 255, b = argb & 255;
    return (r * 299 + g * 587 + b * 114) / 1000 < 160;
}

int px(const PagePicture& p, double pt) { return static_cast<int>(std::lround(pt * p.scale)); }

bool near_box(const Box& b, double x, double y, double slack) {
    return x >= b.x0 - slack && x <= b.x1 + slack && y >= b.y0 - slack && y <= b.y1 + slack;
}

// The page to draw: the first page of the first table read (else page 1).
int page_of(const Document& d) {
    for (const auto& t : d.tables)
        if (!t.no_data && !t.pages.empty()) return t.pages.back();
    return 1;
}

void check_file(const fs::path& pdf) {
    BOOST_TEST_CONTEXT(pdf.string()) {
        auto doc = extract_file(pdf.string());
        BOOST_REQUIRE(doc);
        const int page = page_of(doc.value());
        std::vector<PictureMark> marks;
        auto bare = render_page(pdf.string(), page, doc.value(), 110, false);
        auto drawn = render_page(pdf.string(), page, doc.value(), 110, true, &marks);
        BOOST_REQUIRE(bare);
        BOOST_REQUIRE(drawn);
        BOOST_TEST(drawn->width == bare->width);
        BOOST_TEST(drawn->height == bare->height);
        BOOST_TEST(drawn->width >= 800);  // >= 110 dpi of an A4 side (595 pt → 909 px)

        std::vector<Box> covered;  // drawn over cells: furniture, diagnostics
        int cells = 0, inked = 0, corners_ok = 0, corners = 0;
        for (const auto& m : marks)
            if (m.kind == "furniture" || m.kind == "diagnostic") covered.push_back(m.box);
        for (const auto& m : marks) {
            if (m.kind != "cell") continue;
            ++cells;
            // Ink inside the cell box on the bare page: the box is where the words are.
            bool ink = false;
            for (int y = px(bare.value(), m.box.y0) + 1; y < px(bare.value(), m.box.y1) && !ink; ++y)
                for (int x = px(bare.value(), m.box.x0) + 1; x < px(bare.value(), m.box.x1) && !ink; ++x)
                    ink = dark(bare->at(x, y));
            inked += ink;
            bool under = false;
            for (const auto& c : covered) under = under || near_box(c, m.box.x0, m.box.y0, 4) || near_box(c, m.box.x1, m.box.y1, 4);
            if (under) continue;
            for (auto [x, y] : {std::pair{m.box.x0, m.box.y0}, {m.box.x1, m.box.y0}, {m.box.x0, m.box.y1}, {m.box.x1, m.box.y1}}) {
                ++corners;
                corners_ok += rgb(drawn->at(px(drawn.value(), x), px(drawn.value(), y))) == PictureColors::cell;
            }
        }
        BOOST_TEST_MESSAGE(pdf.filename().string() << " page " << page << ": " << cells << " cells, " << inked
                                                   << " with ink, corners " << corners_ok << "/" << corners);
        BOOST_TEST(cells >= 10);
        BOOST_TEST(inked >= cells * 95 / 100);  // words drawn inside their boxes
        BOOST_TEST(corners >= 40);
        BOOST_TEST(corners_ok == corners);      // every cell drawn at its box
        // A pixel far from any box is left as rendered (and the page is not all drawn over).
        int far = 0, changed = 0;
        for (int y = 2; y < drawn->height; y += 37)
            for (int x = 2; x < drawn->width; x += 41) {
                const double X = x / drawn->scale, Y = y / drawn->scale;
                bool close = false;
                for (const auto& m : marks) close = close || near_box(m.box, X, Y, 8);
                if (close) continue;
                ++far;
                changed += drawn->at(x, y) != bare->at(x, y);
            }
        BOOST_TEST(far > 50);
        BOOST_TEST(changed == 0);
        // Table regions drawn green just outside their rows.
        for (const auto& m : marks)
            if (m.kind == "table") {
                BOOST_TEST(rgb(drawn->at(px(drawn.value(), m.box.x0 - 3), px(drawn.value(), m.box.center_y()))) == PictureColors::table);
            }
    }
}


}  // namespace

BOOST_AUTO_TEST_CASE(cells_drawn_where_the_words_are_in_every_producer_family) {
    const auto files = test::sample_pdfs();
    BOOST_TEST(files.size() >= 10u);
    for (const auto& f : files) check_file(f);
}

BOOST_AUTO_TEST_CASE(diagnostics_drawn_red_at_their_box) {
    // xinzhou's form_name_mismatch has no box; the Skia re-print's tables give
    // row diagnostics.  Any sample diagnostic with a box will do: find one.
    int checked = 0;
    for (const auto& f : test::sample_pdfs()) {
        auto doc = extract_file(f.string());
        BOOST_REQUIRE(doc);
        for (const auto& g : doc->diagnostics) {
            if (!g.bbox || g.page <= 0) continue;
            auto pic = render_page(f.string(), g.page, doc.value(), 110, true);
            BOOST_REQUIRE(pic);
            // drawn 1.5 pt outside the box
            BOOST_TEST(rgb(pic->at(px(pic.value(), g.bbox->x0 - 1.5), px(pic.value(), g.bbox->center_y()))) == PictureColors::diagnostic);
            ++checked;
            break;
        }
    }
    BOOST_TEST_MESSAGE("diagnostic boxes checked: " << checked);
    BOOST_TEST(checked >= 1);
}

BOOST_AUTO_TEST_CASE(png_and_jpeg_written_and_inspect_png) {
    const fs::path pdf = test::source_dir() / "samples/xinzhou-jjzd-2023.pdf";
    auto doc = extract_file(pdf.string());
    BOOST_REQUIRE(doc);
    auto pic = render_page(pdf.string(), 6, doc.value());
    BOOST_REQUIRE(pic);
    auto png = encode_picture(pic.value(), "png");
    BOOST_REQUIRE(png);
    BOOST_TEST(png->substr(0, 4) == "\x89PNG");
    auto jpeg = encode_picture(pic.value(), "jpeg");
    BOOST_REQUIRE(jpeg);
    BOOST_TEST(jpeg->substr(0, 2) == "\xff\xd8");
    BOOST_TEST(jpeg->size() < 600u * 1024);

    test::TempDir tmp;
    std::string out;
    BOOST_TEST(test::run_cli({"inspect", pdf.string(), "--page", "6", "--png", (tmp.path / "p6.png").string()}, &out) == 0);
    BOOST_TEST(test::read_file(tmp.path / "p6.png").substr(0, 4) == "\x89PNG");
    BOOST_TEST(out.find("cell ") != std::string::npos);
    BOOST_TEST(test::run_cli({"inspect", pdf.string(), "--png", (tmp.path / "x.png").string()}, &out) == 2);  // needs --page
    BOOST_TEST(test::run_cli({"inspect", pdf.string(), "--page", "999", "--png", (tmp.path / "x.png").string()}, &out) == 2);
}

BOOST_AUTO_TEST_CASE(boxes_only_when_asked) {
    const fs::path pdf = test::source_dir() / "samples/shanxi-jgj-2023.pdf";
    auto doc = extract_file(pdf.string());
    BOOST_REQUIRE(doc);
    BOOST_TEST(to_json(doc.value()).find("\"bbox\"") == std::string::npos);
    const std::string boxed = to_json(doc.value(), true, true);
    BOOST_TEST(boxed.find("\"bbox\"") != std::string::npos);
    BOOST_TEST(boxed.find("\"cell_bbox\"") != std::string::npos);
    // The text input has no geometry: no boxes even when asked.
    auto txt = extract_file((test::source_dir() / "samples/shanxi-jgj-2023.txt").string());
    BOOST_REQUIRE(txt);
    BOOST_TEST(to_json(txt.value(), true, true).find("\"bbox\"") == std::string::npos);
}
