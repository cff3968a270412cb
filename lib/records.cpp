#include <budgetdoc/records.hpp>

namespace budgetdoc {

Text Record::get(const std::string& name) const {
    for (const auto& f : fields)
        if (f.name == name) return f.value;
    return std::nullopt;
}

bool Record::has(const std::string& name) const {
    for (const auto& f : fields)
        if (f.name == name) return true;
    return false;
}

void Record::set(const std::string& name, Text value) {
    for (auto& f : fields)
        if (f.name == name) {
            f.value = std::move(value);
            return;
        }
    fields.push_back({name, std::move(value)});
}

const Table* Document::table(const std::string& id) const {
    for (const auto& t : tables)
        if (t.id == id) return &t;
    return nullptr;
}

const std::vector<std::string>& table_ids() {
    static const std::vector<std::string> ids = {
        "income_expenditure_summary", "income_summary", "expenditure_summary", "fiscal_grant_summary",
        "general_budget_expenditure", "basic_by_economic", "gov_fund_income", "gov_fund_expenditure",
        "state_capital", "three_public", "admin_operating", "project_current", "project_carryover",
        // 决算 (final accounts)
        "final_income_expenditure_summary", "final_income", "final_expenditure", "final_fiscal_grant_summary",
        "final_general_budget_expenditure", "final_general_budget_basic", "final_gov_fund", "final_state_capital",
        "final_three_public"};
    return ids;
}

}  // namespace budgetdoc
