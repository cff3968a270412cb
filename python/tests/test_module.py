"""The Python module on the samples: the contract dict, the long format, the
README's pandas answers, errors and the GIL.  Figures are checked against the
reviewed samples/*.expected.json and the documents' own text, never against
what the module printed before."""
import json
import threading
import time
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import budgetdoc

SAMPLES = Path("samples")
DOCS = ["shanxi-jgj-2023", "xinzhou-jjzd-2023"]


def expected(name):
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs():
    return {n: budgetdoc.extract(SAMPLES / f"{n}.pdf") for n in DOCS}


@pytest.fixture(scope="module")
def figures(docs):
    return pd.concat([budgetdoc.frames(d)["figures"] for d in docs.values()], ignore_index=True)


def test_extract_gives_the_contract_dict(docs):
    for name, doc in docs.items():
        exp = expected(name)
        assert doc["unit"] == exp["unit"] and doc["year"] == exp["year"]
        assert set(exp["tables"]) <= set(doc["tables"])
        assert len(doc["performance_forms"]) == len(exp["performance_forms"])


def test_long_format_is_exact_in_fen(figures):
    # Every 合计 of the general-budget table, in 万元 in these documents, is the
    # expected figure × 10000 元 exactly (no float rounding anywhere).
    for name in DOCS:
        want = next(r["total"] for r in expected(name)["tables"]["general_budget_expenditure"]["rows"]
                    if r.get("name") == "合计")
        got = figures[(figures.document.str.contains(name)) & (figures.table_id == "general_budget_expenditure")
                      & (figures.label == "合计") & (figures.field == "total")]
        assert len(got) == 1
        assert got.unit.iloc[0] == "万元"
        assert int(got.amount_fen.iloc[0]) == int(Decimal(want) * 10000 * 100)


def test_readme_three_public_per_organisation(figures):
    # README: 三公经费 total per organisation and year, in 元.
    f = figures
    t = (f[(f.table_id == "three_public") & (f.row_kind == "total") & (f.field == "total")]
         .groupby(["organisation", "year"]).amount_fen.sum() / 100)
    # The documents' own text: 山西 "三公”经费预算337.50万元"; 忻州 67.00 万元.
    assert t[("山西省公安厅交通管理局", 2023)] == 3375000
    assert t[("忻州市公安局交通警察支队", 2023)] == 670000


def test_readme_projects_over_a_million(docs):
    # README: all projects over 1,000,000 元 with their indicators.
    fr = [budgetdoc.frames(d) for d in docs.values()]
    forms = pd.concat([x["forms"] for x in fr], ignore_index=True)
    inds = pd.concat([x["indicators"] for x in fr], ignore_index=True)
    big = forms[pd.to_numeric(forms.annual_total) > 1_000_000]
    big_ind = big.merge(inds, on=["form", "project"])
    want = sum(1 for n in DOCS for f in expected(n)["performance_forms"]
               if f["funds"]["annual"]["total"] and Decimal(f["funds"]["annual"]["total"]) > 1_000_000)
    assert len(big) == want and want > 0
    assert set(big_ind.project) == set(big.project)


def test_readme_sum_mismatches_largest_first(docs):
    # README: documents with a sum mismatch, largest difference first.  The samples
    # add up, so the frame is empty with its columns in place.
    d = pd.concat([budgetdoc.frames(x)["diagnostics"].assign(document=x["source"]["file"]) for x in docs.values()])
    m = d[d.code == "sum_mismatch"].copy()
    m["difference"] = (m.printed.map(Decimal) - m.expected.map(Decimal)).abs() if len(m) else []
    assert list(m.sort_values("difference", ascending=False).columns[:3]) == ["severity", "code", "table"]
    assert len(m) == 0


def test_readme_general_budget_by_function_class(figures):
    # README: general-budget expenditure by 功能 类 (level 1) across documents.
    f = figures
    by_class = (f[(f.table_id == "general_budget_expenditure") & (f.level == 1) & (f.field == "total")]
                .groupby(["organisation", "code"]).amount_fen.sum() / 100)
    for name in DOCS:
        exp = expected(name)
        for r in exp["tables"]["general_budget_expenditure"]["rows"]:
            if r.get("code") and len(r["code"]) == 3:
                assert by_class[(exp["unit"], r["code"])] == Decimal(r["total"]) * 10000


def test_errors_carry_the_code():
    with pytest.raises(budgetdoc.Error) as e:
        budgetdoc.extract(SAMPLES / "bad" / "truncated.pdf")
    assert e.value.code == "corrupt_pdf"
    assert "truncated.pdf" in str(e.value)
    with pytest.raises(budgetdoc.Error) as e:
        budgetdoc.extract(SAMPLES / "no-such-file.pdf")
    assert e.value.code == "not_found"


def test_gil_is_released_while_extracting():
    ticks = [0]
    done = threading.Event()

    def count():
        while not done.is_set():
            ticks[0] += 1
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    start = ticks[0]
    budgetdoc.extract(SAMPLES / "xinzhou-jjzd-2023.pdf", threads=1)
    during = ticks[0] - start
    done.set()
    t.join()
    assert during > 20  # the counting thread ran while the extraction did
