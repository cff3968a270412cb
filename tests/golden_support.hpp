// Shared by golden_test and golden_forms_test: extract a sample in-process and
// load its expected JSON.
#pragma once

#include "validate/compare.hpp"

#include <budgetdoc/extract.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace budgetdoc::test {

struct Golden {
    nlohmann::json expected, actual;
    std::string error;  // non-empty when the sample could not be read or extracted
};

inline Golden golden(const std::string& sample, const std::string& ext) {
    Golden g;
    const std::string dir = std::string(BUDGETDOC_SOURCE_DIR) + "/samples/";
    std::ifstream in(dir + sample + ".expected.json", std::ios::binary);
    if (!in) {
        g.error = "cannot read " + dir + sample + ".expected.json";
        return g;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    g.expected = nlohmann::json::parse(ss.str(), nullptr, false);
    if (g.expected.is_discarded()) g.error = sample + ".expected.json: invalid JSON";
    auto doc = extract_file(dir + sample + ext);
    if (!doc) {
        g.error = doc.error().describe();
        return g;
    }
    g.actual = nlohmann::json::parse(to_json(doc.value(), false));
    return g;
}

}  // namespace budgetdoc::test
