#!/usr/bin/env python3
"""budgetdoc benchmark driver (called by bench/run.sh; stdlib only).

Runs every tool over the whole corpus, interleaved (A B C D ... A B C D ...)
after one warm-up pass, N repetitions. Per tool and repetition it records the
wall time for the whole corpus, user/system CPU and the peak RSS of the largest
single process (os.wait4 rusage of each child; for a process that forks its own
workers the figure covers the largest of them). Writes results.md + results.csv.
"""
import argparse
import csv
import datetime
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

STAGES = ["source", "layout+normalize", "recognize", "dedupe"]
STAGE_RE = re.compile(r"stages ms: source ([\d.eE+-]+), layout\+normalize ([\d.eE+-]+), "
                      r"recognize ([\d.eE+-]+), dedupe ([\d.eE+-]+)")


def log(*a):
    print("bench:", *a, file=sys.stderr, flush=True)


def run_proc(argv, stderr_path):
    """Run one process; return (exit code, wall s, user s, sys s, maxrss KiB)."""
    with open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


def find_pdf2txt():
    for name in ("pdf2txt", "pdf2txt.py"):
        p = shutil.which(name)
        if p:
            return p
    return None


def batch_available(bdoc):
    """True when `budgetdoc batch --help` succeeds AND is the batch subcommand's help.
    (CLI11 prints the top-level help with exit 0 for an unknown word before --help,
    so the exit status alone is not enough.)"""
    try:
        r = subprocess.run([bdoc, "batch", "--help"], capture_output=True, text=True, timeout=30)
    except Exception:
        return False
    text = r.stdout + r.stderr
    return r.returncode == 0 and re.search(r"Usage:.*\bbatch\b", text) is not None and "--jobs" in text


def extract_has_threads(bdoc):
    r = subprocess.run([bdoc, "extract", "--help"], capture_output=True, text=True)
    return "--threads" in r.stdout + r.stderr


def version_of(argv, pattern=None):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        text = (r.stdout + r.stderr).strip()
    except Exception:
        return "?"
    if pattern:
        m = re.search(pattern, text)
        return m.group(1) if m else text.splitlines()[0] if text else "?"
    return text.splitlines()[0] if text else "?"


def npm_version(work, pkg):
    for base in (os.path.join(work, "node_modules", pkg),
                 os.path.join(work, "node_modules", "pdf-table-extractor", "node_modules", pkg)):
        try:
            with open(os.path.join(base, "package.json")) as f:
                return json.load(f)["version"]
        except Exception:
            pass
    return "?"


def machine_info():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except Exception:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f"{kb / 1048576:.1f} GiB"
    except Exception:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem": mem, "kernel": platform.release()}


def make_corpus_dir(pdfs, dest, copies=1):
    """A flat folder for `budgetdoc batch DIR`. Copy k>0 gets a PDF comment appended
    after %%EOF, so every copy has different bytes (a batch that skips documents by
    content hash still processes all of them) while parsing the same."""
    if os.path.isdir(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    for k in range(copies):
        for i, src in enumerate(pdfs):
            name = f"{k:02d}-{i:02d}-{os.path.basename(src)}"
            path = os.path.join(dest, name)
            if k == 0:
                os.symlink(os.path.abspath(src), path)
            else:
                with open(src, "rb") as a, open(path, "wb") as b:
                    shutil.copyfileobj(a, b)
                    b.write(f"\n%budgetdoc-bench copy {k}\n".encode())
    return dest


class Tool:
    def __init__(self, name, label, commands, parse_stages=False, pre=None):
        self.name, self.label = name, label
        self.commands = commands          # callable(outdir) -> list of argv
        self.parse_stages = parse_stages
        self.pre = pre                    # callable(outdir), untimed (e.g. remove old db)


def run_tool(tool, outdir, errdir):
    os.makedirs(outdir, exist_ok=True)
    if tool.pre:
        tool.pre(outdir)
    cmds = tool.commands(outdir)
    res = {"wall": 0.0, "user": 0.0, "sys": 0.0, "rss_kib": 0, "failed": 0, "codes": [],
           "stages": {s: 0.0 for s in STAGES}, "timed_wall": 0.0, "untimed_wall": 0.0, "timed_docs": 0}
    t0 = time.perf_counter()
    for j, argv in enumerate(cmds):
        errpath = os.path.join(errdir, f"{tool.name}-{j}.err")
        code, wall, user, sys_, rss = run_proc(argv, errpath)
        res["user"] += user
        res["sys"] += sys_
        res["rss_kib"] = max(res["rss_kib"], rss)
        res["codes"].append(code)
        if code != 0:
            res["failed"] += 1
        if tool.parse_stages:
            with open(errpath, errors="replace") as f:
                m = STAGE_RE.search(f.read())
            if m:
                for s, v in zip(STAGES, m.groups()):
                    res["stages"][s] += float(v)
                res["timed_wall"] += wall
                res["timed_docs"] += 1
            else:
                res["untimed_wall"] += wall
    res["wall"] = time.perf_counter() - t0
    return res


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budgetdoc", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--scale", type=int, default=10, help="copies for the RSS-growth batch run (0: skip)")
    ap.add_argument("--no-scale", action="store_true")
    ap.add_argument("--out", default=None, help="results folder (default bench/results)")
    ap.add_argument("--only", default=None, help="comma-separated tool names (debugging)")
    ap.add_argument("--build-note", default="Release build")
    ap.add_argument("corpus", nargs="*")
    a = ap.parse_args()

    root, work, bdoc = a.root, os.path.abspath(a.work), os.path.abspath(a.budgetdoc)
    outres = os.path.abspath(a.out or os.path.join(root, "bench", "results"))
    corpus_args = a.corpus
    if not corpus_args:
        corpus_args = [os.path.join(root, "samples"), os.path.join(root, "samples", "variants")]
        shared = os.path.join(root, "..", "shared", "corpus", "real")
        if os.path.isdir(shared):
            corpus_args.append(shared)
    pdfs = []
    for c in corpus_args:
        if os.path.isdir(c):
            pdfs += sorted(glob.glob(os.path.join(c, "*.pdf")) + glob.glob(os.path.join(c, "*.PDF")))
        elif os.path.isfile(c):
            pdfs.append(c)
        else:
            sys.exit(f"bench: no such corpus file or folder: {c}")
    pdfs = [os.path.abspath(p) for p in pdfs]
    if not pdfs:
        sys.exit("bench: empty corpus")
    pages = {p: pages_of(p) for p in pdfs}
    total_pages = sum(pages.values())
    corpus_labels = [os.path.relpath(os.path.realpath(c), os.path.realpath(root)) for c in corpus_args]
    log(f"corpus: {len(pdfs)} PDFs, {total_pages} pages, from {', '.join(corpus_labels)}")

    runs = os.path.join(work, "runs")
    if os.path.isdir(runs):
        shutil.rmtree(runs)
    errdir = os.path.join(runs, "stderr")
    os.makedirs(errdir)
    corpus_dir = make_corpus_dir(pdfs, os.path.join(work, "corpus"))

    pdf2txt = find_pdf2txt()
    driver = os.path.join(root, "bench", "pte_driver.js")
    tools = [
        Tool("pdftotext", "pdftotext -layout (Poppler)",
             lambda o: [["pdftotext", "-layout", p, os.path.join(o, os.path.basename(p) + ".txt")] for p in pdfs]),
    ]
    # The machine's own parallel capacity, measured in the same run: the same
    # pdftotext work one file at a time and two at a time (xargs -P).  On a
    # shared virtual machine two busy vCPUs do not always give 2× (seen here:
    # anywhere from 1.1× to 2×), so batch --jobs 2 is read against this.
    listfile = os.path.join(work, "corpus-list.txt")
    with open(listfile, "w") as f:
        f.write("\n".join(pdfs) + "\n")
    for par in (1, 2):
        tools.append(Tool(f"pdftotext-P{par}", f"pdftotext -layout, {par} file(s) at a time (xargs -P {par})",
                          lambda o, par=par: [["xargs", "-a", listfile, "-d", "\n", "-P", str(par), "-I", "{}",
                                               "pdftotext", "-layout", "{}", "/dev/null"]]))
    if pdf2txt:
        # One process for the whole corpus: the peer's best case (Python start-up paid once).
        tools.append(Tool("pdfminer", "pdfminer.six pdf2txt (LAParams)",
                          lambda o: [[pdf2txt, "-o", os.path.join(o, "all.txt")] + pdfs]))
    else:
        log("pdf2txt not found: pdfminer skipped")
    if os.path.isdir(os.path.join(work, "node_modules", "pdf-table-extractor")):
        tools.append(Tool("pdf-table-extractor", "pdf-table-extractor (pdf.js, node)",
                          lambda o: [["node", driver, o] + pdfs]))
    else:
        log("pdf-table-extractor not installed: skipped")
    mt = extract_has_threads(bdoc)
    # Like for like: one thread, as pdftotext and pdfminer use.  The stage
    # breakdown comes from this run (with page threads the stages overlap).
    tools.append(Tool("budgetdoc-extract", "budgetdoc extract --threads 1 (full pipeline, JSON)",
                      lambda o: [[bdoc, "extract", p, "-o", os.path.join(o, os.path.basename(p) + ".json"),
                                  "--times"] + (["--threads", "1"] if mt else []) for p in pdfs],
                      parse_stages=True))
    if mt:
        # What a user gets by default: pages read by one thread per core.
        tools.append(Tool("budgetdoc-extract-mt", "budgetdoc extract (default: page threads, one per core)",
                          lambda o: [[bdoc, "extract", p, "-o", os.path.join(o, os.path.basename(p) + ".json")]
                                     for p in pdfs]))

    has_batch = batch_available(bdoc)

    def batch_tool(jobs, cdir, name):
        def pre(o):
            for f in glob.glob(os.path.join(o, "out.sqlite*")):
                os.remove(f)
        return Tool(name, f"budgetdoc batch --jobs {jobs}",
                    lambda o: [[bdoc, "batch", cdir, "--db", os.path.join(o, "out.sqlite"), "--jobs", str(jobs)]],
                    pre=pre)

    if has_batch:
        tools.append(batch_tool(1, corpus_dir, "budgetdoc-batch-j1"))
        tools.append(batch_tool(2, corpus_dir, "budgetdoc-batch-j2"))
    else:
        log("budgetdoc has no batch subcommand yet: batch runs skipped")
    if a.only:
        keep = set(a.only.split(","))
        tools = [t for t in tools if t.name in keep]

    info = machine_info()
    load_start = os.getloadavg()
    if load_start[0] > 0.5 * (os.cpu_count() or 1):
        log(f"WARNING: load average {load_start[0]:.2f} on {os.cpu_count()} CPUs: other work competes; "
            "wall times will be noisy (CPU-time ratios are more robust)")
    started = datetime.datetime.now(datetime.timezone.utc)

    log("warm-up pass")
    for t in tools:
        run_tool(t, os.path.join(runs, "warmup", t.name), errdir)

    results = {t.name: [] for t in tools}
    for rep in range(a.reps):
        for t in tools:
            r = run_tool(t, os.path.join(runs, f"rep{rep}", t.name), errdir)
            results[t.name].append(r)
            log(f"rep {rep + 1}/{a.reps} {t.name}: {r['wall']:.3f} s, peak RSS {r['rss_kib'] / 1024:.1f} MiB"
                + (f", {r['failed']} non-zero exits" if r["failed"] else ""))

    scale = {}
    if has_batch and a.scale > 0 and not a.no_scale:
        big = make_corpus_dir(pdfs, os.path.join(work, f"corpus{a.scale}x"), copies=a.scale)
        for jobs in (1, 2):
            t = batch_tool(jobs, big, f"budgetdoc-batch-j{jobs}-x{a.scale}")
            r = run_tool(t, os.path.join(runs, "scale", t.name), errdir)
            scale[jobs] = r
            log(f"{a.scale}x corpus batch --jobs {jobs}: {r['wall']:.3f} s, peak RSS {r['rss_kib'] / 1024:.1f} MiB")
    load_end = os.getloadavg()

    # ---------------- summaries
    summ = {}
    for t in tools:
        rs = results[t.name]
        walls = [r["wall"] for r in rs]
        summ[t.name] = {
            "label": t.label,
            "wall": med(walls), "wall_min": min(walls), "wall_max": max(walls),
            "user": med([r["user"] for r in rs]), "sys": med([r["sys"] for r in rs]),
            "rss": max(r["rss_kib"] for r in rs) / 1024,
            "pps": total_pages / med(walls),
            "failed": rs[0]["failed"], "codes": rs[0]["codes"],
        }

    def ratio(a_, b_):
        if a_ in summ and b_ in summ:
            return summ[a_]["wall"] / summ[b_]["wall"]
        return None

    def paired(a_, b_):
        if a_ in results and b_ in results:
            return med([x["wall"] / y["wall"] for x, y in zip(results[a_], results[b_])])
        return None

    def cpu_ratio(a_, b_):
        if a_ in results and b_ in results:
            cpu = lambda n: med([r["user"] + r["sys"] for r in results[n]])
            return cpu(a_) / cpu(b_)
        return None

    r_bd_pt = ratio("budgetdoc-extract", "pdftotext")
    r_pm_bd = ratio("pdfminer", "budgetdoc-extract")
    r_pte_bd = ratio("pdf-table-extractor", "budgetdoc-extract")
    r_j2_j1 = ratio("budgetdoc-batch-j1", "budgetdoc-batch-j2")
    r_mt_pt = ratio("budgetdoc-extract-mt", "pdftotext")
    r_pm_mt = ratio("pdfminer", "budgetdoc-extract-mt")
    # Throughput is judged on the larger corpus when it ran: with 6 documents
    # of 12–63 pages, --jobs 2 waits for the largest one at the end.
    r_j2_j1_scale = scale[1]["wall"] / scale[2]["wall"] if 1 in scale and 2 in scale else None
    r_pt_p2_p1 = ratio("pdftotext-P1", "pdftotext-P2")
    r_bt_pt = ratio("budgetdoc-batch-j1", "pdftotext")

    stage_rows = []
    if "budgetdoc-extract" in results:
        rs = results["budgetdoc-extract"]
        st = {s: med([r["stages"][s] for r in rs]) for s in STAGES}
        timed = med([r["timed_wall"] for r in rs]) * 1000
        untimed = med([r["untimed_wall"] for r in rs]) * 1000
        rest = timed - sum(st.values())
        total = timed + untimed
        for s in STAGES:
            stage_rows.append((s, st[s]))
        stage_rows.append(("rest (emit JSON + start-up + file I/O)", rest))
        if untimed > 0:
            stage_rows.append(("documents that failed (no --times line)", untimed))
        timed_docs = rs[0]["timed_docs"]
    # ---------------- CSV
    os.makedirs(outres, exist_ok=True)
    with open(os.path.join(outres, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["tool", "rep", "files", "pages", "wall_s", "user_s", "sys_s", "peak_rss_mib", "pages_per_s",
                    "nonzero_exits"] + [f"stage_{s}_ms" for s in STAGES])
        for t in tools:
            for i, r in enumerate(results[t.name]):
                w.writerow([t.name, i + 1, len(pdfs), total_pages, f"{r['wall']:.4f}", f"{r['user']:.4f}",
                            f"{r['sys']:.4f}", f"{r['rss_kib'] / 1024:.1f}", f"{total_pages / r['wall']:.1f}",
                            r["failed"]] + ([f"{r['stages'][s]:.2f}" for s in STAGES] if t.parse_stages else
                                            [""] * len(STAGES)))
        for jobs, r in scale.items():
            w.writerow([f"budgetdoc-batch-j{jobs}-x{a.scale}", 1, len(pdfs) * a.scale, total_pages * a.scale,
                        f"{r['wall']:.4f}", f"{r['user']:.4f}", f"{r['sys']:.4f}", f"{r['rss_kib'] / 1024:.1f}",
                        f"{total_pages * a.scale / r['wall']:.1f}", r["failed"]] + [""] * len(STAGES))

    # ---------------- Markdown
    git = lambda *c: subprocess.run(["git", "-C", root] + list(c), capture_output=True, text=True).stdout.strip()
    rev = git("rev-parse", "--short", "HEAD")
    dirty = " (+ uncommitted changes in the work tree)" if git("status", "--porcelain", "--untracked-files=no",
                                                              "--", "lib", "include", "tools") else ""
    versions = [
        ("budgetdoc", f"{version_of([bdoc, '--version'])}, commit {rev}{dirty}, {a.build_note}"),
        ("pdftotext", version_of(["pdftotext", "-v"], r"version ([\d.]+)")),
        ("pdfminer.six", version_of([pdf2txt, "--version"], r"([\d]{6,}|[\d.]+)$") if pdf2txt else "absent"),
        ("pdf-table-extractor", f"{npm_version(work, 'pdf-table-extractor')} (pdfjs-dist "
                                f"{npm_version(work, 'pdfjs-dist')}, node {version_of(['node', '--version'])})"),
    ]
    L = []
    L.append("# budgetdoc benchmark results\n")
    L.append(f"Generated by `bench/run.sh` on {started:%Y-%m-%d %H:%M} UTC. "
             "See `doc/performance.md` for how to reproduce and what each figure means.\n")
    L.append("## Machine and corpus\n")
    L.append(f"- CPU: {info['cpu']}; nproc {info['nproc']}; memory {info['mem']}; Linux {info['kernel']}")
    L.append(f"- load average (1 min) at start {load_start[0]:.2f}, at end {load_end[0]:.2f} "
             "(other work on the machine inflates all tools alike: runs are interleaved)")
    L.append(f"- corpus: {len(pdfs)} PDFs, {total_pages} pages, {sum(os.path.getsize(p) for p in pdfs) / 1e6:.1f} MB "
             f"({', '.join(corpus_labels)})")
    for p in pdfs:
        L.append(f"  - `{os.path.basename(p)}`: {pages[p]} pages")
    L.append(f"- {a.reps} repetitions after one warm-up pass, tools interleaved in the order of the table")
    for k, v in versions:
        L.append(f"- {k}: {v}")
    L.append("")
    L.append("## Whole corpus, per tool (median of the repetitions)\n")
    L.append("| tool | wall s (median) | min–max s | pages/s | user CPU s | sys s | peak RSS MiB | non-zero exits |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for t in tools:
        s = summ[t.name]
        L.append(f"| {s['label']} | {s['wall']:.3f} | {s['wall_min']:.3f}–{s['wall_max']:.3f} | {s['pps']:.1f} | "
                 f"{s['user']:.3f} | {s['sys']:.3f} | {s['rss']:.1f} | {s['failed']} |")
    L.append("")
    L.append("Peak RSS is the largest single process (one process per file for pdftotext and budgetdoc extract; "
             "one process for the whole corpus for pdfminer, pdf-table-extractor and batch).\n")
    L.append("## Ratios and targets\n")
    L.append("| figure | wall, ratio of medians | wall, paired median | CPU (user+sys), ratio of medians "
             "| target | met? (wall / CPU) |")
    L.append("|---|---:|---:|---:|---|---|")

    def row(name, val, pair, cpu, target, ok):
        if val is None:
            L.append(f"| {name} | n/a | n/a | n/a | {target} | not measured |")
        else:
            yn = lambda v: "yes" if ok(v) else "**no**"
            met = "—" if ok is None else yn(val) + ("" if cpu is None else " / " + yn(cpu))
            cpu_s = "—" if cpu is None else f"{cpu:.2f}×"
            L.append(f"| {name} | {val:.2f}× | {pair:.2f}× | {cpu_s} | {target} | {met} |")

    row("budgetdoc extract / pdftotext -layout (time)", r_bd_pt, paired("budgetdoc-extract", "pdftotext"),
        cpu_ratio("budgetdoc-extract", "pdftotext"),
        "≤ 1.3×", lambda v: v <= 1.3)
    row("pdfminer / budgetdoc extract (time)", r_pm_bd, paired("pdfminer", "budgetdoc-extract"),
        cpu_ratio("pdfminer", "budgetdoc-extract"),
        "≥ 6×", lambda v: v >= 6)
    if r_mt_pt is not None:
        row("budgetdoc extract, page threads / pdftotext -layout (time)", r_mt_pt,
            paired("budgetdoc-extract-mt", "pdftotext"), cpu_ratio("budgetdoc-extract-mt", "pdftotext"),
            "≤ 1.3×", lambda v: v <= 1.3)
        row("pdfminer / budgetdoc extract, page threads (time)", r_pm_mt, paired("pdfminer", "budgetdoc-extract-mt"),
            cpu_ratio("pdfminer", "budgetdoc-extract-mt"),
            "≥ 6×", lambda v: v >= 6)
    if r_pte_bd is not None:
        row("pdf-table-extractor / budgetdoc extract (time)", r_pte_bd,
            paired("pdf-table-extractor", "budgetdoc-extract"), cpu_ratio("pdf-table-extractor", "budgetdoc-extract"),
            "(information)", None)
    if has_batch:
        row("batch --jobs 1 / pdftotext -layout (time)", r_bt_pt, paired("budgetdoc-batch-j1", "pdftotext"),
            cpu_ratio("budgetdoc-batch-j1", "pdftotext"),
            "(information)", None)
    row("batch throughput --jobs 2 / --jobs 1 (corpus ×1)", r_j2_j1,
        paired("budgetdoc-batch-j1", "budgetdoc-batch-j2"), None,
        "≥ 1.8×" if r_j2_j1_scale is None else "(information)",
        (lambda v: v >= 1.8) if r_j2_j1_scale is None else None)
    if r_pt_p2_p1 is not None:
        row("reference: pdftotext 2 at a time / 1 at a time (machine's parallel capacity)", r_pt_p2_p1,
            paired("pdftotext-P1", "pdftotext-P2"), None, "(information)", None)
    if r_j2_j1_scale is not None:
        L.append(f"| batch throughput --jobs 2 / --jobs 1 (corpus ×{a.scale}, one run each) | "
                 f"{r_j2_j1_scale:.2f}× | | | ≥ 1.8× | {'yes' if r_j2_j1_scale >= 1.8 else '**no**'} |")
    bd_rss = summ.get("budgetdoc-batch-j1", summ.get("budgetdoc-extract", {})).get("rss")
    if bd_rss is not None:
        src = "batch --jobs 1" if has_batch else "extract, largest document"
        L.append(f"| peak RSS per worker ({src}) | {bd_rss:.1f} MiB | | | ≤ 150 MiB | "
                 f"{'yes' if bd_rss <= 150 else '**no**'} |")
    if scale:
        g = scale[1]["rss_kib"] / 1024
        base = summ["budgetdoc-batch-j1"]["rss"]
        grows = g > base * 1.10 + 5
        L.append(f"| peak RSS, batch --jobs 1 over the corpus ×{a.scale} vs ×1 | {g:.1f} vs {base:.1f} MiB | | | "
                 f"not growing | {'**no** (grows)' if grows else 'yes'} |")
    else:
        L.append("| peak RSS growth with number of documents | n/a | | | not growing | not measured: "
                 + ("`budgetdoc batch` does not exist yet |" if not has_batch else "skipped (--no-scale) |"))
    L.append("")
    if scale:
        L.append(f"## Batch over the corpus copied {a.scale}× ({len(pdfs) * a.scale} documents, "
                 f"{total_pages * a.scale} pages, one run each)\n")
        L.append("| run | wall s | pages/s | user CPU s | peak RSS MiB | non-zero exits |")
        L.append("|---|---:|---:|---:|---:|---:|")
        for jobs, r in scale.items():
            L.append(f"| batch --jobs {jobs} | {r['wall']:.3f} | {total_pages * a.scale / r['wall']:.1f} | "
                     f"{r['user']:.3f} | {r['rss_kib'] / 1024:.1f} | {r['failed']} |")
        L.append("")
    if stage_rows:
        tot = sum(v for _, v in stage_rows)
        L.append("## budgetdoc extract, per stage (`--times`, summed over the corpus, median of the repetitions)\n")
        L.append(f"Stage times come from {timed_docs} of {len(pdfs)} documents (`extract` prints `--times` only "
                 "when it succeeds; a rejected document's whole time is one line). "
                 "`rest` is the process wall time minus the four stages: JSON emit, start-up, reading the file.\n")
        L.append("| stage | ms | share |")
        L.append("|---|---:|---:|")
        for n, v in stage_rows:
            L.append(f"| {n} | {v:.1f} | {100 * v / tot:.1f}% |")
        L.append(f"| total (sum of per-process wall) | {tot:.1f} | 100% |")
        L.append("")
        codes = summ["budgetdoc-extract"]["codes"]
        bad = [(os.path.basename(p), c) for p, c in zip(pdfs, codes) if c != 0]
        if bad:
            L.append("budgetdoc extract exit codes other than 0: "
                     + ", ".join(f"`{n}` → {c}" for n, c in bad) + ".\n")
    with open(os.path.join(outres, "results.md"), "w") as f:
        f.write("\n".join(L).rstrip() + "\n")
    print("\n".join(L))
    log(f"wrote {os.path.relpath(outres, root)}/results.md and results.csv")


if __name__ == "__main__":
    main()
