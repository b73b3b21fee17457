"""Benchmark `treatywatch ingest`: gated (the default) against ungated (--no-gate).

    python benchmarks/bench_ingest.py [--articles 20000] [--ungated-limit N]
                                      [--workdir DIR] [--keep] [--treatywatch PATH]

Generates a synthetic corpus with gen_corpus.py (or reuses one in --workdir made with the
same parameters and the same generator), then runs, each as its own child process on a
fresh SQLite database:

    treatywatch --db gated.db    ingest CORPUS --quiet --workers 1
    treatywatch --db gated-2w.db ingest CORPUS --quiet --workers 2
    treatywatch --db ungated.db  ingest CORPUS --quiet --no-gate --workers 1

and reports wall-clock seconds, articles per second and the peak resident memory of each
child (os.wait4, ru_maxrss), the speed ratio gated/ungated, and the machine.  See
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT_ROOT = HERE.parent
DEFAULT_CLI = PROJECT_ROOT / ".venv" / "bin" / "treatywatch"
STDERR_TAIL = 25

sys.path.insert(0, str(HERE))
import gen_corpus  # noqa: E402  (sibling script, standard library only)


class BenchError(Exception):
    """A failure that ends the benchmark with a message and a non-zero exit."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


@dataclass
class Run:
    mode: str
    articles: int
    seconds: float
    peak_mb: float
    counts: dict[str, int | None]
    command: list[str]
    tree_peak_mb: float = 0.0  # the largest sum of resident sets over the process and its workers (sampled)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else float("inf")


# --------------------------------------------------------------------------------------
# Corpus


def corpus_matches(corpus: Path, articles: int, share: float, seed: int) -> bool:
    """True if ``corpus`` holds a complete corpus made with these parameters by this generator."""
    try:
        m = json.loads((corpus / gen_corpus.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = {"format": gen_corpus.FORMAT_VERSION, "generator": gen_corpus.generator_hash(),
              "articles": articles, "treaty_share": share, "seed": seed}
    if any(m.get(k) != v for k, v in wanted.items()):
        return False
    return sum(1 for _ in corpus.glob("*.txt")) == articles


def prepare_corpus(workdir: Path, articles: int, share: float, seed: int) -> tuple[Path, dict[str, object]]:
    corpus = workdir / f"corpus-{articles}-seed{seed}-share{share:g}"
    if corpus_matches(corpus, articles, share, seed):
        log(f"reusing corpus {corpus}")
    else:
        log(f"generating {articles:,} articles into {corpus} ...")
        start = time.perf_counter()
        gen_corpus.generate(corpus, articles, share, seed, force=True)
        log(f"  done in {time.perf_counter() - start:.1f} s")
    manifest = json.loads((corpus / gen_corpus.MANIFEST).read_text(encoding="utf-8"))
    return corpus, manifest


def first_files(corpus: Path, limit: int, dest: Path) -> Path:
    """Copy the first ``limit`` *.txt files (name order) of ``corpus`` into a fresh ``dest``."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for path in sorted(corpus.glob("*.txt"))[:limit]:
        shutil.copyfile(path, dest / path.name)
    return dest


# --------------------------------------------------------------------------------------
# Running the CLI


def check_cli(cli: Path) -> None:
    if not cli.exists():
        raise BenchError(
            f"treatywatch CLI not found at {cli}.\n"
            "Install the project into .venv first (e.g. `python -m venv .venv && .venv/bin/pip install -e .`), "
            "or point to it with --treatywatch PATH.", code=2)
    if not os.access(cli, os.X_OK):
        raise BenchError(f"{cli} is not executable; pass the treatywatch executable with --treatywatch PATH.", code=2)
    try:
        out = subprocess.run([str(cli), "ingest", "--help"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BenchError(f"cannot run `{cli} ingest --help`: {exc}", code=2) from None
    if out.returncode != 0:
        raise BenchError(f"`{cli} ingest --help` failed (exit {out.returncode}):\n{tail(out.stderr)}", code=2)
    if "--no-gate" not in out.stdout:
        raise BenchError(f"`{cli} ingest --help` does not list --no-gate; this CLI cannot run the ungated "
                         "comparison.", code=2)


def reset_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def tree_rss_mb(root: int) -> float:
    """The resident sets (MiB) of ``root`` and its descendants, summed (copy-on-write pages
    shared by forked workers count in each: an upper bound)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry}/statm", "rb") as f:
                rss[int(entry)] = int(f.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        parents[int(entry)] = int(fields[1])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total / (1024 * 1024)


def run_ingest(cli: Path, mode: str, inputs: Path, articles: int, db: Path, logs: Path,
               workers: int | None = 1) -> Run:
    """Run one ingest as a child process; measure wall clock, that child's peak RSS and the peak
    of the summed RSS of it and its workers."""
    reset_db(db)
    cmd = [str(cli), "--db", str(db), "ingest", str(inputs / "*.txt"), "--quiet"]  # not the manifest
    if mode == "ungated":
        cmd.append("--no-gate")
    if workers is not None:
        cmd += ["--workers", str(workers)]
    out_path, err_path = logs / f"{mode}.stdout", logs / f"{mode}.stderr"
    log(f"running {mode} ingest of {articles:,} articles: {' '.join(cmd)}")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        tree_peak = [0.0]
        finished = threading.Event()

        def sample() -> None:
            while not finished.wait(0.25):
                tree_peak[0] = max(tree_peak[0], tree_rss_mb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            # wait4 gives this child's own rusage (its peak RSS, or that of a process it
            # waited for), unlike RUSAGE_CHILDREN, which keeps the maximum over all children.
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        seconds = time.perf_counter() - start
        finished.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        raise BenchError(f"{mode} ingest failed (exit {proc.returncode}) after {seconds:.1f} s: {' '.join(cmd)}\n"
                         f"last lines of its stderr:\n{tail(stderr) or '(empty)'}")
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return Run(mode, articles, seconds, peak, db_counts(db), cmd, tree_peak[0])


def db_counts(db: Path) -> dict[str, int | None]:
    """Stored articles, claims drawn from those articles, and rejects, as far as the schema shows.

    A sanity check, not part of the measurement: the claims table also holds rows imported
    from official status tables, so only claims whose article is in ``articles`` count.
    """
    counts: dict[str, int | None] = {"articles": None, "claims": None, "rejects": None}
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            for name in ("articles", "rejects"):
                if name in tables:
                    counts[name] = conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            if {"articles", "claims"} <= tables:
                cols = [r[1] for r in conn.execute("PRAGMA table_info(claims)")]
                col = next((c for c in ("article_id", "article") if c in cols), None)
                if col:
                    counts["claims"] = conn.execute(
                        f"SELECT count(*) FROM claims WHERE {col} IN (SELECT id FROM articles)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    return counts


# --------------------------------------------------------------------------------------
# Reporting


def tail(text: str, lines: int = STDERR_TAIL) -> str:
    return "\n".join("    " + line for line in text.rstrip().splitlines()[-lines:])


def duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return "RAM unknown"


def cli_python(cli: Path) -> str:
    """Python version of the interpreter in the CLI script's shebang, if it has one."""
    try:
        with open(cli, "rb") as f:
            first = f.readline().decode("utf-8", "replace").strip()
        if not first.startswith("#!") or "python" not in first:
            return ""
        words = first[2:].split()
        interp = words[1] if Path(words[0]).name == "env" and len(words) > 1 else words[0]
        out = subprocess.run([interp, "-c", "import platform; print(platform.python_version())"],
                             capture_output=True, text=True, timeout=30)
        return out.stdout.strip()
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return ""


def machine_lines(cli: Path) -> list[str]:
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    core_text = f"{cores} cores" + (f" ({usable} usable)" if usable != cores else "")
    py_cli = cli_python(cli)
    return [
        f"date:     {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"machine:  {platform.platform()}; {cpu_model()}; {core_text}; {memory_total()}",
        f"python:   {platform.python_version()} (harness)" + (f", {py_cli} (treatywatch)" if py_cli else ""),
        f"cli:      {cli}",
    ]


def report(runs: list[Run], manifest: dict[str, object], corpus: Path, limit: int | None,
           total: int, cli: Path, reference: Path | None = None) -> str:
    labels = manifest.get("treaty_labels", {})
    lines = ["", "treatywatch ingest benchmark", ""] + machine_lines(cli)
    lines.append(f"corpus:   {total:,} articles ({manifest.get('treaty_articles')} about treaty actions, "
                 f"{int(manifest.get('body_words', 0)):,} body words), seed {manifest.get('seed')}, {corpus}")
    lines.append("")
    header = (f"{'mode':<10} {'articles':>9} {'seconds':>9} {'articles/s':>11} {'peak MB':>8} {'tree MB':>8}"
              f"   {'stored':>7} {'claims':>7}")
    lines += [header, "-" * len(header)]
    for r in runs:
        mark = "*" if r.mode == "ungated" and limit is not None else ""
        fmt = lambda v: "?" if v is None else f"{v:,}"  # noqa: E731
        lines.append(f"{r.mode + mark:<10} {r.articles:>9,} {r.seconds:>9.1f} {r.rate:>11.1f} {r.peak_mb:>8.0f}"
                     f" {r.tree_peak_mb:>8.0f}"
                     f"   {fmt(r.counts['articles']):>7} {fmt(r.counts['claims']):>7}")
    lines.append("")
    if limit is not None:
        subset = {p.stem for p in sorted(corpus.glob("*.txt"))[:limit]}
        in_subset = len(subset & set(labels))
        lines.append(f"* UNGATED RUN ON A SUBSET: the ungated pipeline ran on the first {limit:,} of the {total:,} "
                     f"articles only (--ungated-limit {limit}; {in_subset} of them about treaty actions).")
        lines.append("  Its seconds are for those articles; compare articles/s, not seconds. Its stored and claims "
                     "counts are for the subset too.")
    by_mode = {r.mode: r for r in runs}
    if "gated" in by_mode and "ungated" in by_mode:
        ratio = by_mode["gated"].rate / by_mode["ungated"].rate
        lines.append(f"speed ratio gated/ungated (articles/s): {ratio:.1f}x"
                     + (" (ungated rate measured on the subset)" if limit is not None else ""))
    if "gated" in by_mode and "gated-2w" in by_mode:
        lines.append(f"speed ratio 2 workers / 1 worker (gated, articles/s): "
                     f"{by_mode['gated-2w'].rate / by_mode['gated'].rate:.2f}x")
    if "gated" in by_mode and "reference" in by_mode:
        share = by_mode["gated"].rate / by_mode["reference"].rate
        lines.append(f"gated speed against the reference ({reference}): {share:.1%} "
                     f"({by_mode['gated'].rate:.1f} vs {by_mode['reference'].rate:.1f} articles/s)")
    rejects = [f"{r.mode}: {r.counts['rejects']}" for r in runs if r.counts.get("rejects")]
    if rejects:
        lines.append("WARNING: rejected inputs recorded in the database: " + ", ".join(rejects))
    lines.append("seconds = wall clock of the whole command, start-up and model loading included.")
    lines.append("peak MB = largest resident set (MiB) of the treatywatch process, or of any process it waited "
                 "for; not a sum over processes.  tree MB = the largest sum over the process and its workers,")
    lines.append("sampled every 0.25 s (pages that forked workers share count once in each: an upper bound).")
    lines.append("stored = rows in the articles table; claims = claims drawn from those articles (a sanity "
                 "check, not a quality measure).")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark `treatywatch ingest`, gated against ungated (--no-gate), on a synthetic corpus.",
        epilog="The ungated run of 20,000 articles takes 15-45 minutes on a 2-core machine; "
               "--ungated-limit N measures its rate on the first N articles instead.")
    parser.add_argument("--articles", type=int, default=20000, help="corpus size (default 20000)")
    parser.add_argument("--treaty-share", type=float, default=0.01,
                        help="share of articles about treaty actions (default 0.01)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--ungated-limit", type=int, metavar="N",
                        help="run the ungated pipeline on the first N files only (the report says so)")
    parser.add_argument("--workdir", type=Path, metavar="DIR",
                        help="work in DIR and leave everything there; a corpus already in DIR with the same "
                             "parameters is reused (default: a temporary directory)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary directory (corpus, databases, logs) and print its path")
    parser.add_argument("--compare", type=Path, metavar="PATH",
                        help="another treatywatch executable (e.g. a checkout of an earlier commit): its gated run "
                             "is made in the same run, on the same corpus, and the report gives the speed ratio")
    parser.add_argument("--gated-only", action="store_true", help="skip the ungated run")
    parser.add_argument("--treatywatch", type=Path, metavar="PATH", default=DEFAULT_CLI,
                        help=f"the treatywatch executable (default: {DEFAULT_CLI.relative_to(PROJECT_ROOT)} "
                             "in the project root)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if not 0.0 <= args.treaty_share <= 1.0:
        parser.error("--treaty-share must be between 0 and 1")
    if args.ungated_limit is not None and args.ungated_limit < 1:
        parser.error("--ungated-limit must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    limit = args.ungated_limit
    if limit is not None and limit >= args.articles:
        log(f"--ungated-limit {limit} covers the whole corpus of {args.articles:,}; running ungated on all of it")
        limit = None
    cli = args.treatywatch if args.treatywatch.is_absolute() else Path.cwd() / args.treatywatch
    temporary = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="treatywatch-bench-")) if temporary else args.workdir.resolve()
    try:
        check_cli(cli)
        workdir.mkdir(parents=True, exist_ok=True)
        corpus, manifest = prepare_corpus(workdir, args.articles, args.treaty_share, args.seed)
        logs = workdir / "logs"
        logs.mkdir(exist_ok=True)
        runs = [run_ingest(cli, "gated", corpus, args.articles, workdir / "gated.db", logs)]
        log(f"  {runs[-1].seconds:.1f} s, {runs[-1].rate:.1f} articles/s")
        runs.append(run_ingest(cli, "gated-2w", corpus, args.articles, workdir / "gated-2w.db", logs, workers=2))
        log(f"  {runs[-1].seconds:.1f} s, {runs[-1].rate:.1f} articles/s")
        if args.compare is not None:
            other = args.compare if args.compare.is_absolute() else Path.cwd() / args.compare
            check_cli(other)
            runs.append(run_ingest(other, "reference", corpus, args.articles, workdir / "reference.db", logs,
                                   workers=None))
            log(f"  {runs[-1].seconds:.1f} s, {runs[-1].rate:.1f} articles/s")
        if args.gated_only:
            print(report(runs, manifest, corpus, None, args.articles, cli, args.compare))
            return 0
        ungated_in, ungated_n = corpus, args.articles
        if limit is not None:
            ungated_in = first_files(corpus, limit, workdir / f"{corpus.name}-first{limit}")
            ungated_n = limit
        log(f"the ungated run parses every sentence; at 8-20 articles/s (2 cores) expect about "
            f"{duration(ungated_n / 20)} to {duration(ungated_n / 8)}")
        runs.append(run_ingest(cli, "ungated", ungated_in, ungated_n, workdir / "ungated.db", logs))
        log(f"  {runs[-1].seconds:.1f} s, {runs[-1].rate:.1f} articles/s")
        print(report(runs, manifest, corpus, limit, args.articles, cli, args.compare))
        return 0
    except BenchError as exc:
        print(f"bench_ingest: {exc}", file=sys.stderr)
        if temporary and not args.keep and exc.code == 1:
            print("bench_ingest: rerun with --keep (or --workdir DIR) to keep the full logs", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("bench_ingest: interrupted", file=sys.stderr)
        return 130
    finally:
        if temporary and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        elif temporary:
            log(f"kept work directory {workdir}")


if __name__ == "__main__":
    sys.exit(main())
