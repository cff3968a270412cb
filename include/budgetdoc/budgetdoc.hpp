// budgetdoc/budgetdoc.hpp — the whole public API in one include.
//
// budgetdoc turns Chinese government budget-disclosure documents (部门预算公开,
// as PDF or as already-extracted tab-separated text) into typed records and
// into the contract JSON "budget-disclosure/1".
//
// -----------------------------------------------------------------------------
// OVERVIEW
//
//   #include <budgetdoc/budgetdoc.hpp>
//
//   budgetdoc::Result<budgetdoc::Document> doc =
//       budgetdoc::extract_file("xinzhou-jjzd-2023.pdf");
//   if (!doc) {
//     std::cerr << doc.error().describe() << "\n";   // "file.pdf: page 3: message"
//     return 1;
//   }
//   if (const budgetdoc::Table* t = doc->table("three_public")) {   // 三公经费
//     for (const budgetdoc::Record& row : t->rows)
//       std::cout << row.get("item").value_or("") << "\t"
//                 << row.get("total").value_or("-") << "\n";
//   }
//   std::string json = budgetdoc::to_json(doc.value());  // contract JSON, UTF-8
//
// Link with the CMake target budgetdoc::budgetdoc (find_package(budgetdoc)) or
// with `pkg-config --cflags --libs --static budgetdoc`.  The library is C++17.
//
// -----------------------------------------------------------------------------
// OPENING INPUT
//
// Three entry points, all with the same pipeline (source → normalize →
// recognize → dedupe):
//
//   extract_file(path, options)                a file on disk
//   extract_memory(bytes, name, options)       bytes already in memory; `name`
//                                              is used in messages, source.file
//                                              and to recognise a ".pdf" name
//   read_pages(path) / read_pages_from_memory  only the layout (Pages of Lines
//                                              of Cells), no table recognition;
//                                              pages_to_json() prints it
//
// Options::kind chooses the reader: InputKind::automatic (default) picks the
// PDF reader when the bytes start with "%PDF" (or the name ends in ".pdf"),
// otherwise the tab-separated text reader; InputKind::pdf / InputKind::text
// force one.  Options also switch off deduplication, table or form recognition,
// bound the page count (max_pages, default 2000) and read a PDF's pages in
// several threads (threads, default 1; 0 = one per core — worth it on one large
// document, not when the caller already runs one extraction per core).  Pass a
// StageTimes* to get per-stage wall times.
//
//   budgetdoc::Options opt;
//   opt.kind = budgetdoc::InputKind::text;
//   auto doc = budgetdoc::extract_memory(text_bytes, "upload.txt", opt);
//
// -----------------------------------------------------------------------------
// READING A DOCUMENT (records.hpp)
//
//   doc.source                 file name, page count, sha256, "pdf" or "text"
//   doc.unit, doc.year         document-level metadata (optional)
//   doc.tables                 the recognised standard tables in printed order;
//                              doc.table(id) finds one (nullptr when absent);
//                              table_ids() lists the table ids in contract order (the 13 budget tables, then the 决算 ones)
//                              ("income_summary", …, "three_public", …)
//   Table::rows                one-sided tables; Table::two_sided tables
//                              (income/expenditure summary) use Table::income
//                              and Table::expenditure instead
//   Record                     ordered (field, value) pairs; get("total")
//                              returns std::optional<std::string>, nullopt for
//                              an empty cell.  Amounts are exact decimal
//                              strings ("67.00"), never floating point.
//                              Use the constants of budgetdoc::field
//                              (get(field::total)) rather than literals, and
//                              table_fields(id) for a table's fields with their
//                              kind (text/code/amount), side and extra flag,
//                              as the templates describe them.
//   doc.performance_forms      项目支出绩效目标申报表, one Form per project
//   doc.other_tables           ruled tables that are none of the 13 (cell grid)
//   doc.diagnostics            what the library noticed and worked around:
//                              severity ("info"/"warning"/"error"), a stable
//                              code ("duplicate_fragment", "poppler", …), a
//                              message and the pages concerned;
//                              diagnostic_code(d) gives the code as an enum
//                              (DiagnosticCode::sum_mismatch, …, other), and a
//                              diagnostic about a table names it: table, row
//                              (index into rows/income/expenditure), side, field
//
// -----------------------------------------------------------------------------
// FIGURES FOR ANALYSIS (figures.hpp)
//
//   Amount::parse(printed, table.unit)   an amount with its unit; fen() the
//                              exact int64 in 分, yuan() the exact decimal string
//                              in 元 ("6673.43" 万元 → "66734300"); both nullopt
//                              when the unit is unknown — never a guessed number.
//                              Forms are in 元 unless Form::money_unit says 万元.
//   classify_rows(id, rows, organisation)  per row: RowKind total / subtotal /
//                              detail and the 类/款/项 level (1/2/3); the rule
//                              is in README "Row kind and level".  to_json()
//                              writes them as row keys row_kind and level.
//   form_project_rows(doc)     per form, the 项目支出 row (RowRef: table, row)
//                              with the same name and amount in 元, or nullopt;
//                              to_json() writes it as the form's project_row.
//   figures(doc)               the long format: one Figure per printed figure
//                              (tables, form funds, indicators) with document,
//                              table, row, kind, level, code, label, field,
//                              printed string, amount_fen / amount_yuan, unit,
//                              page.  figures_from_json(text) does the same
//                              from contract JSON; figure_columns() and
//                              figure_cells() give it as text cells (what
//                              `budgetdoc export` and the batch database's
//                              long_figures view hold).
//
// -----------------------------------------------------------------------------
// SERIALIZING
//
//   to_json(doc, pretty = true)   the contract JSON of a Document (what
//                                 `budgetdoc extract` prints)
//   pages_to_json(pages)          the layout JSON (what `budgetdoc inspect
//                                 --json` prints)
//   to_json(doc, pretty, true)    the same with "bbox" / "cell_bbox" keys
//                                 (`extract --boxes`; PDF points, top-left)
//   render_page(path, page, doc)  a page rendered by Poppler with the reading
//                                 drawn on it (`inspect --png`, `report`);
//                                 encode_picture() gives PNG or JPEG bytes
//
// Output is deterministic: the same input bytes and Options give byte-identical
// JSON, whichever thread runs the extraction.
//
// -----------------------------------------------------------------------------
// ERRORS (error.hpp)
//
// No exception crosses the API.  Every fallible call returns Result<T>: test it
// with ok() / operator bool, then use value() or operator->; on failure error()
// is an Error with a stable ErrorCode (error_code_name() gives its lower-case
// name, e.g. "corrupt_pdf", "encrypted", "no_text_layer", "not_a_disclosure"),
// the file, the page (0 = whole file) and a message; describe() formats all of
// it.  Calling value() on a failed Result (or error() on a successful one) is
// undefined behaviour, as with std::optional.  extract_file/extract_memory turn
// an exception from inside the pipeline (a bug, or std::bad_alloc) into
// ErrorCode::internal.
//
// -----------------------------------------------------------------------------
// THREAD SAFETY
//
// * All free functions (extract_*, read_pages*, to_json, pages_to_json,
//   table_ids, table_fields, error_code_name, the figures.hpp functions) are safe to call concurrently from any number
//   of threads, on different or identical inputs.  The library keeps no
//   mutable global state of its own; its process-wide setup (compiled regular
//   expressions, the ICU normalizer, Poppler's error hook) is initialised once,
//   thread-safely.
// * Result, Document, Page and the other records are plain values: const
//   access from several threads is fine; mutation needs external locking, as
//   for any standard container.
// * Poppler messages are collected per calling thread into that extraction's
//   diagnostics.  budgetdoc installs Poppler's process-global error callback
//   (poppler::set_debug_error_function) on first PDF use; an application that
//   installs its own callback as well will replace budgetdoc's (or vice
//   versa) and lose the "poppler" diagnostics.
//
// -----------------------------------------------------------------------------
// LINKING AND ABI
//
// The public headers use only the standard library; Poppler, ICU, RE2,
// OpenSSL and nlohmann::json are private dependencies.  With the static
// library (default build) a consumer must be able to link them too:
// find_package(budgetdoc) and budgetdoc.pc (Requires.private) take care of it.
// A shared build (-DBUILD_SHARED_LIBS=ON) exports only the declarations
// marked BUDGETDOC_API (export.hpp).  There is no ABI stability promise
// before 1.0: rebuild consumers when budgetdoc changes.
#pragma once

#include <budgetdoc/error.hpp>
#include <budgetdoc/export.hpp>
#include <budgetdoc/extract.hpp>
#include <budgetdoc/figures.hpp>
#include <budgetdoc/layout.hpp>
#include <budgetdoc/records.hpp>
