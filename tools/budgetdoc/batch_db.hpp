// batch_db — the SQLite sink of `budgetdoc batch`.
//
// One database holds many documents; a document is identified by the SHA-256
// of its bytes (UNIQUE), so the same file under two paths is stored once and a
// re-run skips documents already stored with status 'ok'.  Every document is
// written in one transaction (delete of an earlier attempt + insert of all its
// rows), so killing the batch at any moment loses at most the documents in
// flight and never leaves a half-written or duplicated document.
//
// Only the batch parent process uses this class (never the forked workers).
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace budgetdoc::cli {

// The result of converting one input file, whatever happened.
struct Outcome {
    std::string path;
    std::optional<std::string> sha256;  // nullopt when the file could not be read
    std::string kind;                   // "pdf" or "text" (by content or extension)
    std::string status;                 // ok | failed | timeout | crashed
    std::string error_code;             // error_code_name(…) for failed, empty otherwise
    std::string error;                  // Error::describe() or the reason of the kill
    std::string started;                // ISO 8601 UTC
    double seconds = 0;
    int pages = 0;
    nlohmann::ordered_json document;    // contract JSON when status == ok
};

// The schema as SQL (also printed by `budgetdoc batch --print-schema`).
std::string batch_schema_sql();

class BatchDb {
public:
    BatchDb() = default;
    ~BatchDb();
    BatchDb(const BatchDb&) = delete;
    BatchDb& operator=(const BatchDb&) = delete;

    // Open or create; applies the schema.  Returns an error message or "".
    std::string open(const std::string& path);
    bool is_open() const { return db_ != nullptr; }

    // True when a document with this content is stored with status 'ok'.
    bool has_ok(const std::string& sha256);
    // Remember that `path` has this content (for documents skipped as done).
    void note_path(const std::string& path, const std::string& sha256);
    // Replace any earlier record of the document and store this one, in one
    // transaction.  Returns an error message or "".
    std::string write(const Outcome& outcome);

private:
    sqlite3* db_ = nullptr;
    std::string exec(const char* sql);
    std::string last_error() const;
};

}  // namespace budgetdoc::cli
