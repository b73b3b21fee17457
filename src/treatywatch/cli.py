"""The ``treatywatch`` command: a thin layer over the library (see ``treatywatch --help``)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import signal
import sys
import threading
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import TreatywatchError
from .models import ACTIONS, REASONS, STANCES, Reject, Statement, Status
from .output import csv_text
from .settings import CONFIG_FILE, SECRET_SETTINGS, SETTINGS, load_settings

# Modules that only some commands need are imported where they are used, so that `--version`
# and `status` start fast (spaCy, the readers and the extractors are not loaded for them).
if TYPE_CHECKING:
    from . import api
    from .extract import Extractor
    from .ledger import Ledger
    from .sources import ReadOptions

DEFAULT_DB = "treatywatch.db"  # as ledger.DEFAULT_DB (a test checks they agree)

FORMATS = click.Choice(["table", "json", "csv"])


class _State:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    @property
    def db(self) -> str:
        return str(self.settings["db"])

    def registry(self) -> Any:
        from .registry import load_registry

        dirs = [d for d in str(self.settings["registry"]).split(os.pathsep) if d]
        return load_registry(*dirs)

    def ledger(self, path: str | None = None, repair: bool = True) -> Ledger:
        from .baselines import Ledger

        s = self.settings
        return Ledger(path or self.db, registry=self.registry(), baseline=bool(s["baseline"]),
                      min_confidence=float(s["min_confidence"]), merge_window_days=int(s["merge_window_days"]),
                      repair=repair)

    def extractor(self, gate: bool = True) -> Extractor:
        from .extract import ExtractOptions, Extractor
        from .gate import Lexicon

        return Extractor(ExtractOptions.from_settings(self.settings, gate), lexicon=Lexicon(self.registry()))

    def read_options(self) -> ReadOptions:
        from .sources import ReadOptions

        s = self.settings
        return ReadOptions(max_bytes=int(s["max_article_bytes"]), timeout=float(s["fetch_timeout"]),
                           retries=int(s["fetch_retries"]), backoff=float(s["fetch_backoff"]),
                           allow_private_addresses=bool(s["allow_private_addresses"]),
                           deadline=float(s["fetch_deadline"]), max_depth=int(s["max_depth"]),
                           max_line_chars=int(s["max_line_chars"]),
                           max_decompressed_bytes=int(s["max_decompressed_bytes"]))


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def _treaty(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    state: _State = ctx.find_object(_State)  # type: ignore[assignment]
    try:
        return str(state.registry().get(value).id)
    except TreatywatchError as exc:
        raise click.BadParameter(str(exc)) from None


def _treaties(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> list[str]:
    return [str(_treaty(ctx, param, v)) for v in value]


def _iso3(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.upper()
    if len(value) != 3 or not value.isalpha():
        raise click.BadParameter(f"{value!r} is not an ISO 3166-1 alpha-3 code (e.g. LTU)")
    return value


# The options of the command itself (before the subcommand); also accepted after it, as most
# tools do: ``treatywatch status apmbc --db x.db``.  Options taking a value, then flags.
_GLOBAL_VALUED = ("--db", "--registry", "--config", "--set")
_GLOBAL_FLAGS = ("--baseline", "--no-baseline", "--verbose")


class _Group(click.Group):
    """A group whose own options may also follow the subcommand."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _hoist_globals(args, set(self.commands)))


def _hoist_globals(args: list[str], commands: set[str]) -> list[str]:
    """``args`` with the group's options found after the subcommand moved before it."""
    i = 0
    while i < len(args):  # find the subcommand: the first word that is not a group option or its value
        arg = args[i]
        if arg in commands:
            break
        i += 2 if arg in _GLOBAL_VALUED else 1
    else:
        return args
    head, sub, tail = args[:i], args[i], args[i + 1:]
    moved: list[str] = []
    rest: list[str] = []
    j = 0
    while j < len(tail):
        arg = tail[j]
        if arg == "--":
            rest.extend(tail[j:])
            break
        name = arg.split("=", 1)[0]
        if name in _GLOBAL_VALUED and "=" not in arg and j + 1 < len(tail):
            moved.extend(tail[j:j + 2])
            j += 2
            continue
        if name in _GLOBAL_VALUED or arg in _GLOBAL_FLAGS or re.fullmatch(r"-v+", arg):
            moved.append(arg)
        else:
            rest.append(arg)
        j += 1
    return head + moved + [sub] + rest


@click.group(cls=_Group)
@click.version_option(version=__version__, prog_name="treatywatch")
@click.option("--db", help=f"SQLite ledger file (default {DEFAULT_DB}) or postgresql:// URL (env TREATYWATCH_DB).")
@click.option("--registry", "registry_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Extra directory of treaty files (repeatable; env TREATYWATCH_REGISTRY).")
@click.option("--baseline/--no-baseline", default=None,
              help="Load the bundled official status tables into a new ledger (default: yes).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False),
              help=f"Settings file (default ./{CONFIG_FILE} when present).")
@click.option("--set", "assignments", multiple=True, metavar="NAME=VALUE",
              help="Override any setting (see `treatywatch settings`).")
@click.option("-v", "--verbose", count=True, help="-v for progress messages, -vv for debugging.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, registry_dirs: tuple[str, ...], baseline: bool | None,
        config: str | None, assignments: tuple[str, ...], verbose: int) -> None:
    """Which state is bound by which treaty, on any date, and how we know.

    Example:

    \b
        treatywatch ingest articles/
        treatywatch status apmbc --as-of 2026-01-15
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    overrides: dict[str, Any] = {}
    for item in assignments:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--set")
        overrides[name.strip()] = value.strip()
    overrides.update({"db": db, "baseline": baseline,
                      "registry": os.pathsep.join(registry_dirs) if registry_dirs else None})
    try:
        ctx.obj = _State(load_settings(config, overrides))
    except TreatywatchError as exc:
        raise click.UsageError(str(exc)) from None


def _run(fn: Any) -> Any:
    try:
        return fn()
    except TreatywatchError as exc:
        raise click.ClickException(str(exc)) from None


def _count_inputs(paths: Sequence[str]) -> int:
    from .ingest import count_inputs

    return count_inputs(paths)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-gate", is_flag=True, help="Parse every sentence with the full pipeline (slow; for comparison).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the number of cores",
              help="Processes that read, gate and extract (one writer stores, in the order of the inputs).")
@click.pass_obj
def ingest(obj: _State, paths: tuple[str, ...], no_gate: bool, quiet: bool, workers: int) -> None:
    """Read articles into the ledger: news text (.txt), HTML pages (.html, .htm), JSON and JSONL,
    RSS/Atom feeds (.rss, .atom, .xml), WARC archives (.warc, .warc.gz), directories, glob
    patterns, http(s) URLs of pages or feeds, and - for standard input (news text).

    Bad inputs are reported one line each on standard error and recorded in the ledger;
    the rest of the batch is ingested.  Exit status 1 when any input was rejected.

    Example:

    \b
        treatywatch --db ledger.db ingest articles/ extra.txt
    """
    ledger = _run(lambda: obj.ledger())
    extractor = _run(lambda: obj.extractor(gate=not no_gate))
    show = not quiet and sys.stderr.isatty() and "-" not in paths
    total = _count_inputs(paths) if show else 0
    with click.progressbar(length=total, label="ingesting", file=sys.stderr,
                           hidden=not show) as bar:
        def on_item(item: Any) -> None:
            if isinstance(item, Reject):
                click.echo(f"rejected {item.source}: {item.reason}", err=True)
            if bar.pos < total:
                bar.update(1)

        from . import api
        report = _run(lambda: api.ingest(paths, ledger, extractor, on_item=on_item, options=obj.read_options(),
                                         workers=workers))
    click.echo(report.summary(), err=True)
    if report.rejected:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--scheduler", default="processes", show_default=True, metavar="processes|threads|tcp://HOST:PORT",
              help="Dask scheduler: a local pool of processes or threads, or a distributed scheduler's address.")
@click.option("--partitions", type=click.IntRange(min=1), help="Partitions of the input files (default: 4 a worker).")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="the number of cores", help="Local processes or threads (not with a cluster).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_obj
def backfill(obj: _State, paths: tuple[str, ...], scheduler: str, partitions: int | None, workers: int,
             quiet: bool) -> None:
    """Ingest a large archive through Dask: WARC and WARC.gz shards, JSONL files, directories.

    Reading, the gate and extraction run on Dask's workers; this process stores the results in
    order, one transaction a partition.  A killed backfill, run again with the same inputs and
    partitions, computes only the partitions it had not stored.  Exit status 1 when any input was
    rejected.

    Example:

    \b
        treatywatch backfill archive/*.warc.gz --scheduler tcp://127.0.0.1:8786 --partitions 40
    """
    from .backfill import SCHEDULERS, Job, backfill as run_backfill

    if scheduler not in SCHEDULERS and not scheduler.startswith("tcp://"):
        raise click.BadParameter("use processes, threads or tcp://HOST:PORT", param_hint="--scheduler")
    ledger = _run(lambda: obj.ledger())
    s = obj.settings
    dirs = tuple(d for d in str(s["registry"]).split(os.pathsep) if d)
    job = Job(options=obj.extractor().options, registry_dirs=dirs, read=obj.read_options())

    def on_item(item: Any) -> None:
        if isinstance(item, Reject):
            click.echo(f"rejected {item.source}: {item.reason}", err=True)

    report = _run(lambda: run_backfill(paths, ledger, job, scheduler=scheduler, partitions=partitions,
                                       workers=workers, progress=not quiet, on_item=on_item))
    click.echo(report.summary(), err=True)
    sent = _deliver(obj, ledger)
    if sent:
        click.echo(f"webhooks: {sum(d.ok for d in sent)} of {len(sent)} deliveries ok", err=True)
    if report.rejected:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Table: include claims that are not asserted.")
@click.option("--no-gate", is_flag=True, help="Parse every sentence with the full pipeline.")
@click.pass_obj
def extract(obj: _State, paths: tuple[str, ...], fmt: str, show_all: bool, no_gate: bool) -> None:
    """Print the claims of each article, without touching a database.

    Example:

    \b
        treatywatch extract article.txt --format jsonl
    """
    rejected = 0
    rows = []
    extractor = _run(lambda: obj.extractor(gate=not no_gate))
    from . import api
    for item, claims in _run(lambda: list(api.extract(paths, extractor=extractor, options=obj.read_options()))):
        if isinstance(item, Reject):
            click.echo(f"rejected {item.source}: {item.reason}", err=True)
            rejected += 1
            continue
        for claim in claims:
            if fmt == "jsonl":
                click.echo(json.dumps(claim.to_export(), ensure_ascii=False))
            elif show_all or claim.modality == "asserted":
                rows.append({"article": claim.article, "state": claim.state, "treaty": claim.treaty,
                             "action": claim.action, "date": _s(claim.date), "basis": claim.date_basis,
                             "effective": _s(claim.effective), "modality": claim.modality,
                             "conf": f"{claim.confidence:.2f}", "actor": claim.actor or ""})
    if fmt == "table":
        click.echo(_table(rows, ["article", "state", "treaty", "action", "date", "basis", "effective",
                                 "modality", "conf", "actor"]))
    if rejected:
        sys.exit(1)


@cli.command()
@click.argument("treaty", callback=_treaty)
@click.option("--as-of", callback=_date, help="Date (YYYY-MM-DD); default today.")
@click.option("--state", callback=_iso3, help="Only this state (ISO3).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def status(obj: _State, treaty: str, as_of: dt.date | None, state: str | None, fmt: str) -> None:
    """Every state's status under TREATY on a date.

    Example:

    \b
        treatywatch status apmbc --as-of 2026-01-15 --format json
    """
    day = as_of or dt.date.today()
    ledger = _run(obj.ledger)
    from .status import basis, status_as_of
    statuses = _run(lambda: status_as_of(ledger, treaty, day, state=state))
    title = f"{treaty} as of {day.isoformat()}; basis: {basis(ledger, treaty)}"
    if ledger.record_table(treaty) is None and not state:
        title += " (states not listed: unknown)"
    _print_statuses(statuses, fmt, title=title)


def _print_statuses(statuses: Iterable[Status], fmt: str, title: str | None = None) -> None:
    records = [{k: v for k, v in s.to_dict().items() if k != "treaty"} for s in statuses]
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(csv_text(records, ["state", "status", "since", "effective", "note", "events", "basis"]), nl=False)
    else:
        rows = [{**r, "events": len(r["events"]), "note": _short(r["note"])} for r in records]
        if title:
            click.echo(title)
        click.echo(_table(rows, ["state", "status", "since", "effective", "events", "note"]))


@cli.command()
@click.option("--treaty", callback=_treaty, help="Only this treaty.")
@click.option("--state", callback=_iso3, help="Only this state (ISO3).")
@click.option("--source", type=click.Choice(["all", "news", "records"]), default="all", show_default=True,
              help="Events supported by news articles, by status tables, or either.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def events(obj: _State, treaty: str | None, state: str | None, source: str, fmt: str) -> None:
    """Consolidated events (one per act), with their sources.

    Example:

    \b
        treatywatch events --treaty apmbc --state LTU
    """
    evs = _run(lambda: obj.ledger().events(treaty=treaty, state=state))
    if source == "news":
        evs = [e for e in evs if any(not s.startswith("status:") for s in e.sources)]
    elif source == "records":
        evs = [e for e in evs if any(s.startswith("status:") for s in e.sources)]
    records = [e.to_dict() for e in evs]
    cols = ["id", "state", "treaty", "action", "date", "date_basis", "bound", "confidence", "sources", "conflicts", "note"]
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(csv_text(records, cols), nl=False)
    else:
        rows = [{**r, "sources": ", ".join(r["sources"]), "conflicts": len(r["conflicts"]),
                 "date": r["date"] or f"≤{r['bound']}"} for r in records]
        click.echo(_table(rows, ["state", "treaty", "action", "date", "date_basis", "confidence", "conflicts", "sources"]))


@cli.command("import-status")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--treaty", required=True, callback=_treaty, help="Treaty id the table is for.")
@click.option("--as-of", callback=_date, help="The date the table describes (default today).")
@click.pass_obj
def import_status(obj: _State, file: str, treaty: str, as_of: dt.date | None) -> None:
    """Import an official-style status table (CSV) as the depositary's record.

    Columns: iso3, signed, ratified_or_acceded, kind (ratification, acceptance, approval,
    accession, succession) and optionally entry_into_force_for_state, withdrawal_notified,
    withdrawal_effective, deratified, suspended, predecessor, note, sources (see
    docs/data.md).  A table imported again under the same file name replaces the earlier one.
    Rows that cannot be used are listed with their line numbers.

    Example:

    \b
        treatywatch import-status ccm_parties.csv --treaty ccm --as-of 2025-03-06
    """
    from . import baselines
    used, rejects = _run(lambda: baselines.import_status(obj.ledger(), file, treaty, as_of=as_of))
    for r in rejects:
        click.echo(f"skipped {r.source}: {r.reason}", err=True)
    click.echo(f"imported {used} rows for {treaty}, skipped {len(rejects)}", err=True)
    if rejects:
        sys.exit(1)


@cli.command("refresh-status")
@click.argument("treaties", nargs=-1, callback=_treaties)
@click.option("--url", "urls", multiple=True, metavar="TREATY=URL",
              help="Fetch TREATY's record from URL instead of the depositary's address (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def refresh_status(obj: _State, treaties: list[str], urls: tuple[str, ...], fmt: str) -> None:
    """Fetch the depositaries' current records and record what changed.

    Each treaty's table is replaced only when the new record reads; a failed fetch or a page
    of another shape keeps the previous table and says so (exit 1).  Changes since the last
    table (new parties, withdrawals, corrected dates) are stored and listed.

    Example:

    \b
        treatywatch refresh-status apmbc ccm
    """
    from . import records

    where = {}
    for item in urls:
        treaty, sep, url = item.partition("=")
        if not sep or not url:
            raise click.BadParameter(f"{item!r} is not TREATY=URL", param_hint="--url")
        where[_run(lambda: obj.registry().get(treaty).id)] = url
    ledger = _run(obj.ledger)
    reports = _run(lambda: records.refresh_status(ledger, treaties or list(where), urls=where,
                                                  options=obj.read_options()))
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2, ensure_ascii=False))
    else:
        for report in reports:
            click.echo(report.summary())
            for change in report.changes:
                click.echo(f"  {change.describe()}")
    if any(r.outcome == "kept" for r in reports):
        sys.exit(1)


@cli.command()
@click.argument("treaty", callback=_treaty)
@click.option("--since", callback=_date, help="Only acts on or after this date (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(["all", "news_ahead", "dates_differ", "record_only"]), default="all",
              show_default=True, help="Only this kind of difference.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def reconcile(obj: _State, treaty: str, since: dt.date | None, kind: str, fmt: str) -> None:
    """Compare what news reports with the depositary's record of TREATY.

    news_ahead: acts news reports that the record does not show yet (the early warning);
    dates_differ: the same act dated differently; record_only: acts no news reported.

    Example:

    \b
        treatywatch reconcile apmbc --since 2025-01-01 --kind news_ahead
    """
    from . import records

    found = _run(lambda: records.reconcile(obj.ledger(), treaty, since=since))
    rows = [d.to_dict() for d in found if kind in ("all", d.kind)]
    cols = ["kind", "state", "action", "news_date", "record_date", "sources", "note"]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(csv_text([{**r, "sources": "|".join(r["sources"])} for r in rows], cols), nl=False)
    else:
        click.echo(_table([{**r, "sources": ", ".join(r["sources"]), "note": _short(r["note"])} for r in rows], cols))


@cli.command()
@click.argument("state", callback=_iso3)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def timeline(obj: _State, state: str, fmt: str) -> None:
    """One state's status changes across every treaty, then the statements about its acts in order.

    JSON and CSV hold the status changes only; `treatywatch statements --state STATE` gives the
    statements in those formats.

    Example:

    \b
        treatywatch timeline LTU
    """
    ledger = _run(obj.ledger)
    from .status import state_timeline
    statuses = _run(lambda: state_timeline(ledger, state))
    # date: the day this row's change took hold (a new status, or a note or pending change added)
    records = [{"date": _s(s.valid_from or s.since), **s.to_dict()} for s in statuses]
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(csv_text(records, ["date", "treaty", "status", "since", "effective", "note", "events"]), nl=False)
    else:
        rows = [{**r, "note": _short(r["note"])} for r in records]
        click.echo(_table(rows, ["date", "treaty", "status", "since", "effective", "note"]))
        said = _run(lambda: ledger.statements(state=state))
        if said:
            click.echo(f"\nstatements about {state}'s acts ({len(said)}):")
            _print_statements(said, "table")


@cli.command()
@click.argument("treaty", callback=_treaty)
@click.option("--from", "start", required=True, callback=_date, help="First date (YYYY-MM-DD).")
@click.option("--to", "end", required=True, callback=_date, help="Last date (YYYY-MM-DD).")
@click.option("--every", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def count(obj: _State, treaty: str, start: dt.date, end: dt.date, every: str, fmt: str) -> None:
    """How many parties are bound by TREATY on each date (withdrawals pending included).

    Organisations (the European Union) count among the parties, as depositaries count them,
    and are shown in a column of their own.

    Example:

    \b
        treatywatch count apmbc --from 2025-06-01 --to 2026-03-01 --every month
    """
    if end < start:
        raise click.BadParameter("--to is before --from", param_hint="--to")
    ledger = _run(obj.ledger)
    from . import api
    from .status import count_parties
    dates = api.date_range(start, end, every)
    counts = _run(lambda: count_parties(ledger, treaty, dates))
    records = [{"date": d.isoformat(), "bound": n} for d, n in counts]
    cols = ["date", "bound"]
    organisations = count_parties(ledger, treaty, dates, parties="organisations")
    if any(n for _, n in organisations):  # the EU: counted among the parties, as depositaries do, and shown apart
        cols += ["states", "organisations"]
        records = [{**r, "states": r["bound"] - o, "organisations": o} for r, (_, o) in zip(records, organisations)]
    if fmt == "json":
        click.echo(json.dumps(records, indent=2))
    elif fmt == "csv":
        click.echo(csv_text(records, cols), nl=False)
    else:
        click.echo(_table(records, cols))


@cli.command()
@click.argument("treaty", callback=_treaty)
@click.option("--from", "start", required=True, callback=_date, help="Earlier date (YYYY-MM-DD).")
@click.option("--to", "end", required=True, callback=_date, help="Later date (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def diff(obj: _State, treaty: str, start: dt.date, end: dt.date, fmt: str) -> None:
    """Who became bound and who stopped being bound by TREATY between two dates.

    Example:

    \b
        treatywatch diff apmbc --from 2025-06-01 --to 2026-03-01
    """
    if end < start:
        raise click.BadParameter(f"--to {end} is before --from {start}", param_hint="--to")
    from .status import party_changes
    result = _run(lambda: party_changes(obj.ledger(), treaty, start, end))
    if fmt == "json":
        click.echo(json.dumps({k: [s.to_dict() for s in v] for k, v in result.items()}, indent=2, ensure_ascii=False))
        return
    for key, statuses in result.items():
        click.echo(f"{key} ({len(statuses)}):")
        rows = [{"state": s.state, "status": s.status, "since": _s(s.since), "note": _short(s.note)} for s in statuses]
        if rows:
            click.echo(_table(rows, ["state", "status", "since", "note"]))


@cli.command()
@click.option("--state", callback=_iso3, help="Only quotes supporting claims about this state.")
@click.option("--treaty", callback=_treaty, help="Only quotes supporting claims about this treaty.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def quotes(obj: _State, state: str | None, treaty: str | None, fmt: str) -> None:
    """Direct quotations (speaker, role, state, channel) and the claims they support.

    Example:

    \b
        treatywatch quotes --state LTU --treaty apmbc
    """
    found = _run(lambda: obj.ledger().quotes(state=state, treaty=treaty))
    if fmt == "json":
        click.echo(json.dumps(found, indent=2, ensure_ascii=False))
        return
    rows = [{"article": q["article"], "speaker": q["speaker"] or "", "role": q["role"] or "",
             "state": q["state"] or "", "channel": q["channel"] or "", "quote": _short(q["text"], 60),
             "supports": "; ".join(q["claims"])} for q in found]
    click.echo(_table(rows, ["article", "speaker", "role", "state", "channel", "quote", "supports"]))


STATEMENT_COLUMNS = ["date", "article", "kind", "speaker", "role", "state", "body", "speaker_kind", "channel",
                     "treaty", "about", "action", "event", "other", "stance", "reasons", "start", "end", "text"]


def _statement_records(found: Iterable[Statement]) -> list[dict[str, Any]]:
    return [st.to_dict() for st in found]


def _print_statements(found: list[Statement], fmt: str) -> None:
    records = _statement_records(found)
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        flat = [{**r, "reasons": "|".join(f"{x['code']}:{x['words']}" for x in r["reasons"])} for r in records]
        click.echo(csv_text(flat, STATEMENT_COLUMNS), nl=False)
    else:
        rows = [{"date": r["date"], "speaker": r["speaker"] or r["body"] or "", "for": r["state"] or r["body"] or "",
                 "channel": r["channel"] or "", "act": f"{r['about'] or '?'} {r['treaty'] or '?'}"
                 + (" (other)" if r["other"] else ""), "stance": r["stance"],
                 "reasons": ", ".join(dict.fromkeys(x["code"] for x in r["reasons"])),
                 "said": _short(r["text"], 60)} for r in records]
        click.echo(_table(rows, ["date", "speaker", "for", "channel", "act", "stance", "reasons", "said"]))


def _reason(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    for code, label in REASONS:
        if value in (code, label):
            return code
    raise click.BadParameter(f"{value!r} is not a reason; one of: " + ", ".join(c for c, _ in REASONS))


@cli.command()
@click.option("--treaty", callback=_treaty, help="Only statements about this treaty.")
@click.option("--state", callback=_iso3, help="Only statements about this state's acts or speaking for it.")
@click.option("--event", "event_id", help="Only statements about this event (an id of `treatywatch events`).")
@click.option("--stance", type=click.Choice(list(STANCES)), help="Only this stance on the act.")
@click.option("--reason", callback=_reason, help="Only statements giving this reason (code or label).")
@click.option("--refresh", is_flag=True, help="First read the statements of every stored article again.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@click.pass_obj
def statements(obj: _State, treaty: str | None, state: str | None, event_id: str | None, stance: str | None,
               reason: str | None, refresh: bool, fmt: str) -> None:
    """Who said what about each act, on which channel, for or against it, and why.

    Direct and reported statements by officials, government bodies and organisations, in the
    order they were made.  Reasons: security_threat, military_flexibility, sovereignty,
    domestic_law, cost, humanitarian, alliance, reciprocity, other.  Statements marked
    (other) are by someone who does not speak for the acting state (an NGO, the UN, another
    state); they never count as the state's act.

    Example:

    \b
        treatywatch statements --state LTU --treaty apmbc
        treatywatch statements --reason "security threat named" --format json
    """
    ledger = _run(obj.ledger)
    if refresh:
        from . import api
        n = _run(lambda: api.refresh_statements(ledger, obj.extractor()))
        click.echo(f"read {n} statements again", err=True)
    found = _run(lambda: ledger.statements(treaty=treaty, state=state, event=event_id, stance=stance, reason=reason))
    _print_statements(found, fmt)


@cli.command()
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def event(obj: _State, event_id: str, fmt: str) -> None:
    """One event in detail: the act, its sources and the statements about it, in order.

    Example:

    \b
        treatywatch event LTU-apmbc-notified-2025-06-27
    """
    ledger = _run(obj.ledger)
    found = next((e for e in _run(ledger.events) if e.id == event_id), None)
    if found is None:
        raise click.ClickException(f"no event {event_id!r}; see `treatywatch events`")
    said = _run(lambda: ledger.statements(event=event_id))
    if fmt == "json":
        click.echo(json.dumps({"event": found.to_dict(), "statements": _statement_records(said)},
                              indent=2, ensure_ascii=False))
        return
    d = found.to_dict()
    for key in ("id", "state", "treaty", "action", "date", "date_basis", "bound", "stated_effective", "confidence",
                "independent", "note", "reviewed"):
        if d.get(key) is not None:
            click.echo(f"{key:17} {d[key]}")
    click.echo(f"{'sources':17} {', '.join(found.sources)}")
    for conflict in found.conflicts:
        click.echo(f"{'conflict':17} {conflict}")
    click.echo(f"\nstatements ({len(said)}):")
    _print_statements(said, "table")


@cli.group(invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def review(ctx: click.Context, fmt: str) -> None:
    """Events that need a person (conflicting dates, low confidence, a single source), and verdicts.

    Verdicts (confirm, reject, edit) override the machine, are kept in an audit log and survive
    re-ingest and re-consolidation.

    Example:

    \b
        treatywatch review
        treatywatch review edit LTU-apmbc-notified-2025-06-28 --date 2025-06-27 --by ana --reason "UN depositary notice"
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: _State = ctx.obj
    pending = _run(lambda: obj.ledger().needs_review())
    if fmt == "json":
        click.echo(json.dumps([{**e.to_dict(), "reasons": r} for e, r in pending], indent=2, ensure_ascii=False))
        return
    rows = [{"event": e.id, "date": _s(e.date) or f"≤{_s(e.bound)}", "confidence": f"{e.confidence:.2f}",
             "sources": len(e.sources), "independent": e.independent, "why": "; ".join(r)} for e, r in pending]
    click.echo(_table(rows, ["event", "date", "confidence", "sources", "independent", "why"]))


def _verdict(verdict: str) -> Any:
    @click.argument("event_id")
    @click.option("--by", required=True, help="Who reviews (name or initials).")
    @click.option("--reason", required=True, help="Why: the evidence the reviewer relied on.")
    @click.pass_obj
    def command(obj: _State, /, event_id: str, by: str, reason: str, **changes: Any) -> None:
        from .consolidate import review

        event = _run(lambda: review(obj.ledger(), event_id, verdict, by, reason,
                                    **{k: v for k, v in changes.items() if v is not None}))
        click.echo(f"{verdict}: {event_id}" + (f" -> {event.id} ({event.note})" if event else " (removed from the ledger)"))
    return command


_confirm = _verdict("confirm")
_confirm.__doc__ = """Confirm an event as the machine has it.

    Example:

    \b
        treatywatch review confirm FIN-apmbc-notified-2025-07-10 --by ana --reason "UN notice C.N.123"
    """
review.command("confirm")(_confirm)
_reject = _verdict("reject")
_reject.__doc__ = """Reject an event: it no longer counts for any status.

    Example:

    \b
        treatywatch review reject EST-apmbc-took_effect-2025-06-27 --by ana --reason "misread headline"
    """
review.command("reject")(_reject)
_edit = _verdict("edit")
_edit.__doc__ = """Correct an event's date, action or effective date.

    Example:

    \b
        treatywatch review edit LTU-apmbc-notified-2025-06-28 --date 2025-06-27 --by ana --reason "depositary"
    """
_edit = click.option("--date", callback=_date, help="The act's correct date.")(_edit)
_edit = click.option("--action", type=click.Choice(list(ACTIONS)), help="The correct action.")(_edit)
_edit = click.option("--effective", callback=_date, help="The date the act takes effect, if stated.")(_edit)
review.command("edit")(_edit)


@review.command("log")
@click.option("--event", "event_id", help="Only this event.")
@click.pass_obj
def review_log(obj: _State, event_id: str | None) -> None:
    """The audit log: every verdict, who gave it, why, and the event before and after.

    Example:

    \b
        treatywatch review log --event LTU-apmbc-notified-2025-06-27
    """
    click.echo(json.dumps(_run(lambda: obj.ledger().audit_log(event_id)), indent=2, ensure_ascii=False))


@cli.command()
@click.argument("what", type=click.Choice(["events", "claims", "status", "statements"]))
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "parquet"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (required for parquet).")
@click.option("--treaty", callback=_treaty, help="Only this treaty (required for status).")
@click.option("--state", callback=_iso3, help="Only this state.")
@click.option("--as-of", callback=_date, help="Status: the date (default today).")
@click.pass_obj
def export(obj: _State, what: str, fmt: str, output: str | None, treaty: str | None, state: str | None,
           as_of: dt.date | None) -> None:
    """Export events, claims, statements or the status table as CSV, JSON or Parquet.

    Example:

    \b
        treatywatch export status --treaty apmbc --as-of 2026-01-15 --format parquet -o apmbc.parquet
    """
    if fmt == "parquet" and not output:
        raise click.UsageError("parquet is binary: give a file with --output")
    ledger = _run(obj.ledger)
    if what == "events":
        records = [e.to_dict() for e in ledger.events(treaty=treaty, state=state)]
    elif what == "claims":
        records = [c.to_export() for c in ledger.claims(state=state, treaty=treaty)]
    elif what == "statements":
        records = _statement_records(ledger.statements(treaty=treaty, state=state))
    else:
        if not treaty:
            raise click.UsageError("export status needs --treaty")
        from .status import status_as_of
        records = [x.to_dict() for x in status_as_of(ledger, treaty, as_of or dt.date.today(), state=state)]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        flat = [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in r.items()}
                for r in records]
        write_table: Any = pq.write_table  # typed in some pyarrow releases, not in others
        _writable(str(output))
        write_table(pa.Table.from_pylist(flat), str(output))
        click.echo(f"wrote {len(records)} {what} to {output}", err=True)
        return
    text = (json.dumps(records, indent=2, ensure_ascii=False) + "\n" if fmt == "json"
            else csv_text([{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict) or (
                isinstance(v, list) and any(isinstance(x, dict) for x in v)) else v) for k, v in r.items()}
                       for r in records], list(records[0]) if records else []))
    if output:
        _writable(output)
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
        click.echo(f"wrote {len(records)} {what} to {output}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.pass_obj
def rejects(obj: _State) -> None:
    """Inputs that could not be read, with the reason.

    Example:

    \b
        treatywatch rejects
    """
    for r in _run(lambda: obj.ledger().rejects()):
        click.echo(f"{r.source}\t{r.reason}")


@cli.command()
@click.pass_obj
def treaties(obj: _State) -> None:
    """The treaties the registry knows, with their joining and leaving rules.

    Example:

    \b
        treatywatch treaties
    """
    rows = []
    for t in _run(obj.registry):
        rows.append({"id": t.id, "name": t.short_name, "in force": _s(t.entry_into_force) or "no",
                     "joining": f"{t.joining.rule} {_params(t.joining.params)}",
                     "leaving": f"{t.leaving.rule} {_params(t.leaving.params)}"})
    click.echo(_table(rows, ["id", "name", "in force", "joining", "leaving"]))


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("articles", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--errors", is_flag=True, help="Also list every false, missed and mis-dated claim.")
@click.option("--locators", type=click.Path(exists=True, dir_okay=False),
              help="JSONL of the articles' locators (id, url, split, ...), for --split.")
@click.option("--split", help="Score only the articles of this split of --locators (e.g. dev or test).")
@click.option("--all-languages", is_flag=True,
              help="Also score articles in languages the tool does not read (their acts count as missed).")
@click.option("--statements", "of_statements", is_flag=True,
              help="GOLD holds labelled statements: score statements (speaker, state, stance, reasons).")
@click.pass_obj
def evaluate(obj: _State, gold: str, articles: str, fmt: str, errors: bool, locators: str | None,
             split: str | None, all_languages: bool, of_statements: bool) -> None:
    """Precision and recall of extraction against labelled GOLD claims (or, with --statements,
    labelled statements) for the ARTICLES.

    Example:

    \b
        treatywatch evaluate tests/data/demo_gold.jsonl src/treatywatch/samples
        treatywatch evaluate --statements tests/data/statements_gold.jsonl tests/data/corpus
        treatywatch evaluate tests/data/realnews/gold.jsonl tests/data/realnews/texts \\
            --locators tests/data/realnews/locators.jsonl --split dev --all-languages
    """
    if bool(split) != bool(locators):
        raise click.UsageError("--split and --locators go together")
    from . import api
    from .evaluate import evaluate_corpus, format_evaluation, read_gold, read_split
    from .extract.claim_filter import load_filter
    keep = _run(lambda: read_split(locators, split)) if locators and split else None
    if of_statements:
        _evaluate_statements(obj, gold, articles, fmt, errors, keep)
        return
    gold_rows = _run(lambda: read_gold(gold))
    extractor = _run(obj.extractor)
    claim_filter = load_filter(extractor.options.claim_filter) if extractor.options.claim_filter else None
    if claim_filter:
        click.echo(f"note: the claim filter was trained on {claim_filter.trained_on}: figures on those articles "
                   "are in-sample (--set claim_filter=false scores the rules alone)", err=True)
    read, claims = [], []
    only = (lambda article: article.id in keep) if keep is not None else None  # only the split's articles are extracted
    for item, found in _run(lambda: list(api.extract([articles], extractor=extractor, only=only))):
        if isinstance(item, Reject):
            click.echo(f"rejected {item.source}: {item.reason}", err=True)
            continue
        read.append(item)
        claims.extend(found)
    results = evaluate_corpus(gold_rows, read, claims, min_confidence=float(obj.settings["min_confidence"]),
                              all_languages=all_languages)
    shown = {k: v for k, v in results.items() if k in ("all", "non-English") or len(k) == 2}
    if fmt == "json":
        click.echo(json.dumps({k: v.to_dict() for k, v in shown.items()}, indent=2))
    else:
        click.echo("\n\n".join(format_evaluation(v, k if k != "all" else "all articles") for k, v in shown.items()))
    if errors:
        click.echo("\n".join(results["all"].errors))


def _evaluate_statements(obj: _State, gold: str, articles: str, fmt: str, errors: bool, keep: set[str] | None) -> None:
    from .statements import evaluate_statements, format_statement_scores, read_statement_gold

    rows = _run(lambda: read_statement_gold(gold))
    found: dict[str, list[Statement]] = {}
    texts: dict[str, str] = {}
    from . import api
    for item, said in _run(lambda: list(api.statements([articles], extractor=obj.extractor()))):
        if isinstance(item, Reject):
            click.echo(f"rejected {item.source}: {item.reason}", err=True)
            continue
        if keep is not None and item.id not in keep:
            continue
        texts[item.id] = item.text
        found[item.id] = said
    try:
        scores, wrong = evaluate_statements(rows, found, texts)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps({k: v.to_dict() for k, v in scores.items()}, indent=2))
    else:
        click.echo(format_statement_scores(scores, len({g["article"] for g in rows} & set(texts))))
    if errors:
        click.echo("\n".join(wrong))


@cli.command()
@click.pass_obj
def settings(obj: _State) -> None:
    """The effective settings, where each can be set, and what it does.

    Example:

    \b
        treatywatch --set min_confidence=0.6 settings
    """
    rows = [{"name": s.name, "value": ("***" if s.name in SECRET_SETTINGS and obj.settings[s.name] else obj.settings[s.name]),
             "default": s.default, "env": s.env, "help": s.help} for s in SETTINGS]
    click.echo(_table(rows, ["name", "value", "default", "env", "help"]))


@cli.command()
@click.argument("db", default="treatywatch-demo.db")
@click.option("--as-of", callback=_date, help="Date of the table (default today).")
@click.option("--serve/--no-serve", "serve_after", default=None,
              help="Then serve the dashboard (default: when standard input is a terminal).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to serve on.")
@click.pass_obj
def demo(obj: _State, db: str, as_of: dt.date | None, serve_after: bool | None, port: int) -> None:
    """Ingest the bundled sample articles into DB, print the Ottawa Convention ledger, then serve the dashboard.

    Example:

    \b
        treatywatch demo treatywatch-demo.db
    """
    ledger = _run(lambda: obj.ledger(db))
    samples = resources.files("treatywatch").joinpath("samples")
    with resources.as_file(samples) as folder:
        from . import api
        report = _run(lambda: api.ingest([str(folder)], ledger, obj.extractor()))
    click.echo(f"{db}: {report.summary()}", err=True)
    day = as_of or dt.date.today()
    news = {e.state for e in ledger.events(treaty="apmbc") if any(not s.startswith("status:") for s in e.sources)}
    from .status import basis, count_parties, status_as_of
    statuses = [s for s in status_as_of(ledger, "apmbc", day) if s.state in news or s.status != "party"]
    bound = count_parties(ledger, "apmbc", [day])[0][1]
    click.echo(f"Ottawa Convention (apmbc) on {day.isoformat()}: {bound} states bound "
               f"(basis: {basis(ledger, 'apmbc')}). States with news events or not a plain party:")
    _print_statuses(statuses, "table")
    click.echo(f"\nNext: treatywatch --db {db} events --treaty apmbc --source news")
    click.echo(f"      treatywatch --db {db} reconcile apmbc --kind news_ahead")
    click.echo(f"      treatywatch --db {db} status npt --state FRA   (every treaty starts from its depositary's record)")
    click.echo(f"      treatywatch --db {db} review")
    if serve_after is None:
        serve_after = sys.stdin.isatty()
    if serve_after:
        ledger.close()
        click.echo("")
        _serve(obj, "127.0.0.1", port, db=db)


def _web() -> Any:
    try:
        from . import web
    except ImportError as exc:
        raise click.ClickException(f"the dashboard needs the web extra ({exc.name} is missing): "
                                   "pip install 'treatywatch[web]'") from None
    return web


def _serve(obj: _State, host: str, port: int, db: str | None = None) -> None:
    web = _web()
    settings = dict(obj.settings)
    if db:
        settings["db"] = db
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}, reachable from other machines", err=True)

    def ready(url: str) -> None:
        click.echo(f"Serving the dashboard at {url} (API docs at {url}api/v1/docs); Ctrl-C stops it.")
        if not settings.get("token"):
            click.echo("Writes (ingest, review) are off: start with TREATYWATCH_TOKEN=<secret> to allow them.")

    try:
        web.serve(settings, host=host, port=port, on_ready=ready)
    except TreatywatchError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.pass_obj
def serve(obj: _State, host: str, port: int) -> None:
    """Serve the dashboard and the REST API (/api/v1, docs at /api/v1/docs) over the ledger.

    Reads are public; writes need the token of the `token` setting (TREATYWATCH_TOKEN).

    Example:

    \b
        TREATYWATCH_TOKEN=s3cret treatywatch --db ledger.db serve --port 8000
    """
    _serve(obj, host, port)


@cli.group()
def webhooks() -> None:
    """Webhooks: a signed JSON POST to a URL for each new or changed event.

    Example:

    \b
        treatywatch webhooks add https://example.org/hook --treaty apmbc
        treatywatch webhooks list
    """


@webhooks.command("add")
@click.argument("url")
@click.option("--treaty", callback=_treaty, help="Only this treaty's events.")
@click.option("--state", callback=_iso3, help="Only this state's events.")
@click.option("--secret", help="Secret to sign payloads with (default: a new random one, printed once).")
@click.pass_obj
def webhooks_add(obj: _State, url: str, treaty: str | None, state: str | None, secret: str | None) -> None:
    """Subscribe URL to events new or changed from now on.

    Each POST carries the header X-Treatywatch-Signature-256: sha256=HMAC-SHA256(secret, body).

    Example:

    \b
        treatywatch webhooks add https://example.org/hook --state LTU
    """
    from .alerts import new_secret

    hook = _run(lambda: obj.ledger().add_webhook(url, secret or new_secret(), treaty=treaty, state=state))
    click.echo(f"webhook {hook['id']}: {hook['url']}" + (f" treaty {treaty}" if treaty else "") + (f" state {state}" if state else ""))
    if not secret:
        click.echo(f"secret: {hook['secret']}")


@webhooks.command("list")
@click.pass_obj
def webhooks_list(obj: _State) -> None:
    """The webhooks, with their filters and the last change each has had.

    Example:

    \b
        treatywatch webhooks list
    """
    rows = [{"id": h["id"], "url": h["url"], "treaty": h["treaty"], "state": h["state"], "after change": h["after_change"],
             "created": h["created_at"]} for h in _run(lambda: obj.ledger().webhooks())]
    click.echo(_table(rows, ["id", "url", "treaty", "state", "after change", "created"]))


@webhooks.command("remove")
@click.argument("webhook_id", type=int)
@click.pass_obj
def webhooks_remove(obj: _State, webhook_id: int) -> None:
    """Remove a webhook.

    Example:

    \b
        treatywatch webhooks remove 1
    """
    if not _run(lambda: obj.ledger().remove_webhook(webhook_id)):
        raise click.ClickException(f"no webhook {webhook_id}; see `treatywatch webhooks list`")
    click.echo(f"removed webhook {webhook_id}")


@webhooks.command("deliver")
@click.pass_obj
def webhooks_deliver(obj: _State) -> None:
    """Send every change each webhook has not had yet (the server does this by itself).

    Example:

    \b
        treatywatch webhooks deliver
    """
    for d in _deliver(obj):
        click.echo(f"webhook {d.webhook} change {d.change} {d.event}: {'ok' if d.ok else 'failed'} "
                   f"after {d.attempts} attempt(s){'' if d.ok else f' ({d.error})'}")


@webhooks.command("log")
@click.option("--webhook", "webhook_id", type=int, help="Only this webhook.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.pass_obj
def webhooks_log(obj: _State, webhook_id: int | None, limit: int) -> None:
    """Every delivery attempt, newest first: webhook, change, event, attempt, answer.

    Example:

    \b
        treatywatch webhooks log --webhook 1
    """
    rows = _run(lambda: obj.ledger().deliveries(webhook_id, limit))
    click.echo(_table(rows, ["at", "webhook_id", "change_id", "event_id", "attempt", "ok", "status", "error"]))


def _deliver(obj: _State, ledger: Ledger | None = None) -> list[Any]:
    from .alerts import deliver_webhooks

    led = ledger or _run(obj.ledger)
    if not led.webhooks():
        return []
    s = obj.settings
    return list(deliver_webhooks(led, base_url=str(s["public_url"]) or None, timeout=float(s["webhook_timeout"]),
                                 retries=int(s["webhook_retries"]), backoff=float(s["webhook_backoff"])))


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])", re.I)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _duration(ctx: click.Context, param: click.Parameter, value: str) -> float:
    text = value.strip().lower().replace(" ", "")
    if text and _DURATION.sub("", text) == "":
        seconds = sum(float(n) * _SECONDS[unit] for n, unit in _DURATION.findall(text))
        if seconds > 0:
            return seconds
    raise click.BadParameter(f"{value!r} is not a duration; use e.g. 30s, 15m, 1h or 1h30m")


@cli.command()
@click.argument("feeds", type=click.Path(exists=True, dir_okay=False))
@click.option("--every", default="15m", show_default=True, callback=_duration,
              help="Time between polls: 30s, 15m, 1h, 1h30m.")
@click.option("--once", is_flag=True, help="Poll once and exit.")
@click.pass_obj
def watch(obj: _State, feeds: str, every: float, once: bool) -> None:
    """Poll the feeds listed in FEEDS and ingest what is new; print each new event.

    FEEDS lists one feed a line (an http(s) URL or a file; # starts a comment) and is read
    again before each poll.  Feeds are fetched conditionally (ETag, Last-Modified) and an
    entry whose link was already ingested is not fetched again.  Ctrl-C or SIGTERM stops
    after the article in hand and prints a summary.

    Example:

    \b
        treatywatch --db ledger.db watch feeds.txt --every 15m
    """
    ledger = _run(lambda: obj.ledger())
    extractor = _run(obj.extractor)
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        click.echo("stopping after the article in hand (again to abort)", err=True)

    def on_item(item: Any) -> None:
        if isinstance(item, Reject):
            click.echo(f"rejected {item.source}: {item.reason}", err=True)

    from . import api

    def on_poll(poll: api.PollReport) -> None:
        for e in poll.new_events:
            click.echo(f"new event {e.id}: {e.state} {e.treaty} {e.action} {_s(e.date) or f'≤{_s(e.bound)}'}"
                       f" ({len(e.sources)} source(s))")
        click.echo(poll.summary(), err=True)
        _deliver(obj, ledger)

    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[signum] = signal.signal(signum, on_signal)
        except ValueError:  # not the main thread: no signal handling
            pass
    try:
        totals = _run(lambda: api.watch(feeds, ledger, every, extractor, obj.read_options(), once=once,
                                        stop=stop, on_poll=on_poll, on_item=on_item))
    except KeyboardInterrupt:
        click.echo("aborted", err=True)
        sys.exit(130)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    click.echo(f"watch ended: {totals.summary()}", err=True)


@cli.command()
@click.option("--fix", is_flag=True, help="Repair what can be repaired (missing tables, events not consolidated).")
@click.pass_obj
def check(obj: _State, fix: bool) -> None:
    """Verify the ledger: SQLite integrity, the bundled status tables and their events, events
    awaiting consolidation after a stopped run.  Exit 1 when a problem remains.

    Example:

    \b
        treatywatch --db ledger.db check --fix
    """
    from .baselines import check_ledger

    ledger = _run(lambda: obj.ledger(repair=False))
    problems = _run(lambda: check_ledger(ledger, fix=fix))
    for problem in problems:
        click.echo(f"{'fixed' if fix else 'problem'}: {problem}")
    remaining = _run(lambda: check_ledger(ledger)) if fix and problems else problems
    if fix and remaining:
        for problem in remaining:
            click.echo(f"not fixed: {problem}")
    click.echo(f"{obj.db}: " + ("ok" if not remaining else f"{len(remaining)} problem(s)"), err=True)
    if remaining:
        sys.exit(1)


# -- output helpers -------------------------------------------------------------------------


def _writable(output: str) -> None:
    """Refuse an output file whose folder does not exist, with a message (not a traceback)."""
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise click.ClickException(f"cannot write {output}: the folder {os.path.dirname(output) or '.'} does not exist")


def _s(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _params(params: Any) -> str:
    return ", ".join(f"{k}={v}" for k, v in dict(params).items())


def _short(note: str | None, width: int = 70) -> str:
    if not note:
        return ""
    return note if len(note) <= width else note[: width - 1] + "…"


def _table(rows: list[dict[str, Any]], cols: list[str]) -> str:
    if not rows:
        return "(none)"
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)
