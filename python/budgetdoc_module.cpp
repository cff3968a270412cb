// The native part of the Python module: extraction with the GIL released, the
// contract JSON as a dict, and the long format (budgetdoc/figures.hpp) as rows.
// Errors become budgetdoc.Error carrying the library's error code.
#include <budgetdoc/budgetdoc.hpp>
#include <budgetdoc/figures.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace py = pybind11;

namespace {

py::object error_type;  // budgetdoc.Error, set at import

[[noreturn]] void raise(const budgetdoc::Error& e) {
    py::object exc = error_type(e.describe());
    exc.attr("code") = budgetdoc::error_code_name(e.code);
    exc.attr("page") = e.page;
    PyErr_SetObject(error_type.ptr(), exc.ptr());
    throw py::error_already_set();
}

budgetdoc::Options options(int threads, bool dedupe) {
    budgetdoc::Options o;
    o.threads = threads;
    o.dedupe = dedupe;
    return o;
}

std::string extract_json(const std::string& path, int threads, bool dedupe) {
    budgetdoc::Result<budgetdoc::Document> doc = [&] {
        py::gil_scoped_release release;
        return budgetdoc::extract_file(path, options(threads, dedupe));
    }();
    if (!doc) raise(doc.error());
    py::gil_scoped_release release;
    return budgetdoc::to_json(doc.value(), false);
}

// The long format of a document given as its contract JSON text: columns and
// rows of Python values (amount_fen an int or None, level/year/page int or None).
py::tuple figures_of(const std::string& json_text, const std::string& name) {
    auto figures = budgetdoc::figures_from_json(json_text, name);
    if (!figures) raise(figures.error());
    const auto opt_int = [](const std::optional<int>& v) -> py::object { return v ? py::object(py::int_(*v)) : py::object(py::none()); };
    const std::vector<std::string>& columns = budgetdoc::figure_columns();
    py::list rows;
    for (const budgetdoc::Figure& f : figures.value()) {
        py::dict v;
        v["document"] = f.document;
        v["document_kind"] = f.document_kind;
        v["scope"] = f.scope;
        v["organisation"] = f.organisation;
        v["year"] = opt_int(f.year);
        v["table_id"] = f.table;
        v["title"] = f.title;
        v["side"] = f.side;
        v["row_index"] = f.row;
        v["row_kind"] = f.row_kind;
        v["level"] = opt_int(f.level);
        v["code"] = f.code;
        v["label"] = f.label;
        v["field"] = f.field;
        v["printed"] = f.printed;
        v["amount_yuan"] = f.amount_yuan.empty() ? py::object(py::none()) : py::object(py::str(f.amount_yuan));
        v["amount_fen"] = f.amount_fen ? py::object(py::int_(*f.amount_fen)) : py::object(py::none());
        v["unit"] = f.unit;
        v["page"] = opt_int(f.page);
        py::list row;
        for (const std::string& c : columns) {
            if (!v.contains(c.c_str())) throw std::logic_error("long format column without a Python value: " + c);
            row.append(v[c.c_str()]);
        }
        rows.append(py::tuple(row));
    }
    return py::make_tuple(budgetdoc::figure_columns(), rows);
}

}  // namespace

PYBIND11_MODULE(_budgetdoc, m) {
    m.doc() = "budgetdoc native extension (use the budgetdoc package)";
    error_type = py::reinterpret_borrow<py::object>(PyExc_RuntimeError);
    m.def("_set_error_type", [](py::object t) { error_type = t; });
    m.def("_extract_json", &extract_json, py::arg("path"), py::arg("threads") = 1, py::arg("dedupe") = true);
    m.def("_figures", &figures_of, py::arg("json_text"), py::arg("name") = "");
    m.def("version", [] { return std::string(BUDGETDOC_PY_VERSION); });
}
