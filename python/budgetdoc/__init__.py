"""budgetdoc: Chinese government budget and final-accounts disclosures as data.

    import budgetdoc
    doc = budgetdoc.extract("samples/shanxi-jgj-2023.pdf")   # dict, the contract JSON
    f = budgetdoc.frames(doc)                                  # pandas DataFrames
    f["figures"]            # long format: one row per printed figure, amount_fen exact
    f["forms"], f["indicators"]

Errors raise budgetdoc.Error; its .code is the library's error code
("corrupt_pdf", "not_found", ...) and .page the page it concerns (0 = whole file).
"""
import json as _json

from . import _budgetdoc

__all__ = ["Error", "extract", "extract_json", "figures", "frames", "version"]


class Error(Exception):
    """A document budgetdoc cannot read; .code is the error code, .page the page."""

    code = "internal"
    page = 0


_budgetdoc._set_error_type(Error)


def extract_json(path, threads=1, dedupe=True):
    """The contract JSON text of one disclosure (PDF or extracted text)."""
    return _budgetdoc._extract_json(str(path), int(threads), bool(dedupe))


def extract(path, threads=1, dedupe=True):
    """One disclosure as a dict per the contract (budget-disclosure/1).

    threads: PDF pages read by this many threads (0 = one per core); the GIL is
    released while extracting, so Python threads can convert files in parallel.
    """
    return _json.loads(extract_json(path, threads, dedupe))


def figures(doc, name=""):
    """The long format of a document (dict or JSON text): (columns, rows)."""
    text = doc if isinstance(doc, str) else _json.dumps(doc, ensure_ascii=False)
    return _budgetdoc._figures(text, name)


def frames(doc, name=""):
    """pandas DataFrames of a document: "figures" (long format, one row per
    printed figure, amount_fen exact in 分 as Int64), "forms" (one row per
    performance form), "indicators" (one row per indicator) and "diagnostics"."""
    import pandas as pd

    columns, rows = figures(doc, name)
    fig = pd.DataFrame(rows, columns=columns)
    for col in ("amount_fen", "level", "year", "page"):
        fig[col] = fig[col].astype("Int64")
    if isinstance(doc, str):
        doc = _json.loads(doc)
    forms, indicators = [], []
    for i, f in enumerate(doc.get("performance_forms") or []):
        funds = f.get("funds") or {}
        forms.append({
            "form": i,
            "project": f.get("project"),
            "department": f.get("department"),
            "implementer": f.get("implementer"),
            "money_unit": f.get("money_unit") or "元",
            "period_total": (funds.get("period") or {}).get("total"),
            "annual_total": (funds.get("annual") or {}).get("total"),
        })
        for ind in f.get("indicators") or []:
            row = {"form": i, "project": f.get("project")}
            row.update({k: v for k, v in ind.items() if not isinstance(v, (dict, list))})
            indicators.append(row)
    diagnostics = pd.DataFrame([{k: d.get(k) for k in ("severity", "code", "table", "side", "row", "field",
                                                       "printed", "expected", "page", "message")}
                                for d in doc.get("diagnostics") or []],
                               columns=["severity", "code", "table", "side", "row", "field", "printed", "expected",
                                        "page", "message"])
    return {
        "figures": fig,
        "diagnostics": diagnostics,
        "forms": pd.DataFrame(forms, columns=["form", "project", "department", "implementer", "money_unit",
                                              "period_total", "annual_total"]),
        "indicators": pd.DataFrame(indicators),
    }


def version():
    return _budgetdoc.version()
