// util/sha256 — document identity for `source.sha256` and batch resumption.
#pragma once
#include <string>
namespace budgetdoc::util {
std::string sha256_hex(const std::string& bytes);
}
