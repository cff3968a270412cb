// The contract travels with the project (doc/records.md, a copy of the output
// contract): its table of ids and row fields must agree with the templates
// (templates/*.yaml) — every contract field of a table is a column of its
// template, and every column of a template that is not an extra key is a
// contract field.
#define BOOST_TEST_MODULE contract
#include <boost/test/unit_test.hpp>

#include "recognize/templates.hpp"

#include <re2/re2.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace budgetdoc::recognize;

namespace {

using Fields = std::map<std::string, std::set<std::string>>;  // side ("" for grids) → fields

// The `| `id` | title | fields |` rows of doc/records.md.
std::map<std::string, Fields> contract_tables() {
    std::ifstream in(std::string(BUDGETDOC_SOURCE_DIR) + "/doc/records.md");
    BOOST_REQUIRE_MESSAGE(in, "cannot read doc/records.md");
    std::map<std::string, Fields> out;
    std::map<std::string, std::string> same_as;
    static const RE2 row(R"(^\| `([a-z_]+)` \| [^|]+ \| (.*) \|$)");
    static const RE2 side_list(R"((income|expenditure): \[\{([^}]*)\}\])");
    static const RE2 as(R"(^as `([a-z_]+)`)");
    std::string line;
    while (std::getline(in, line)) {
        std::string id, fields;
        if (!RE2::FullMatch(line, row, &id, &fields)) continue;
        Fields f;
        std::string other;
        if (RE2::PartialMatch(fields, as, &other)) {
            same_as[id] = other;
        } else if (fields.find("[{") != std::string::npos) {
            re2::StringPiece rest(fields);
            std::string side, names;
            while (RE2::FindAndConsume(&rest, side_list, &side, &names)) {
                std::stringstream ss(names);
                for (std::string n; std::getline(ss, n, ',');) f[side].insert(n.substr(n.find_first_not_of(' ')));
            }
        } else {
            const std::string first = fields.substr(1, fields.find('`', 1) - 1);  // the first `…` run
            std::stringstream ss(first);
            for (std::string n; std::getline(ss, n, ',');) f[""].insert(n.substr(n.find_first_not_of(' ')));
        }
        out[id] = f;
    }
    for (const auto& [id, other] : same_as) out[id] = out[other];
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(contract_table_ids_and_fields_agree_with_the_templates) {
    const auto contract = contract_tables();
    BOOST_TEST(contract.size() >= 22u);
    // Contract tables no template describes yet, so none is read: the list must
    // shrink when one is added.
    const std::set<std::string> not_yet = {};
    std::map<std::string, const TableSpec*> described;
    for (const auto& t : builtin_templates().tables) described[t.id] = &t;
    for (const auto& [id, fields] : contract) {
        BOOST_TEST_CONTEXT(id) {
            auto it = described.find(id);
            if (not_yet.count(id)) {
                BOOST_TEST((it == described.end()), id << " is described now: drop it from not_yet");
                continue;
            }
            BOOST_REQUIRE_MESSAGE(it != described.end(), id << " has no template");
            Fields all, contract_only;
            for (const auto& c : it->second->columns) {
                const std::string side = c.side == Side::income ? "income" : c.side == Side::expenditure ? "expenditure" : "";
                all[side].insert(c.field);
                if (!c.extra) contract_only[side].insert(c.field);
            }
            // A grouped table's rows carry the field `group` (the run's heading).
            if (it->second->grouped) all[""].insert("group"), contract_only[""].insert("group");
            // A measures table's rows name the item they add up to.
            if (it->second->measures) all[""].insert("part_of"), contract_only[""].insert("part_of");
            for (const auto& [side, names] : fields)
                for (const auto& n : names) BOOST_TEST(all[side].count(n) > 0, id << " " << side << ": contract field " << n << " has no column");
            for (const auto& [side, names] : contract_only)
                for (const auto& n : names)
                    BOOST_TEST((fields.count(side) > 0 && fields.at(side).count(n) > 0),
                               id << " " << side << ": column " << n << " is neither a contract field nor marked extra");
        }
    }
    for (const auto& [id, spec] : described) BOOST_TEST(contract.count(id) > 0, id << " is described but not in doc/records.md");
}
