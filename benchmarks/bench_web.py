"""Load benchmark of the REST API: concurrent clients on the status and event endpoints.

    python benchmarks/bench_web.py                      # 20,000-article ledger, 20 clients, 30 s
    python benchmarks/bench_web.py --articles 2000 --duration 10 --workdir bench-work/web

Builds a ledger the way a user would (the synthetic corpus of ``gen_corpus.py``, then
``treatywatch ingest``), serves it with ``treatywatch serve`` in a child process on a free
loopback port, and runs ``--clients`` clients for ``--duration`` seconds, all in this one process on
asyncio, each over its own keep-alive HTTP/1.1 connection.  The clients share the machine's cores
with the server, so they are kept lean: ``--client raw`` (the default) speaks HTTP/1.1 directly on
an asyncio stream (about 0.15 ms of CPU a request); ``--client httpx`` uses ``httpx.AsyncClient``
(1.1 to 1.3 ms a request, which the server then lacks).  Each client loops, picking at random one of:

- ``status``: ``GET /api/v1/treaties/{treaty}/status?as_of={date}`` (a random treaty of the
  registry, a random date from 1990 to 2026);
- ``events``: ``GET /api/v1/events?...`` (a random treaty or state filter, a random page);
- ``event``: ``GET /api/v1/events/{id}`` (a random event with news sources: evidence spans,
  sources, statements and audit log).

It prints the count, p50, p95, p99 and maximum latency and the errors (any non-200 answer, a
failed or timed-out request, an answer cut short or not framed by Content-Length or chunks),
overall and per endpoint, and the CPU seconds the clients and the server used during the load.
Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
GEN = Path(__file__).resolve().parent / "gen_corpus.py"
STATES = ["LTU", "LVA", "EST", "FIN", "POL", "UKR", "USA", "RUS", "FRA", "DEU", "HUN", "BDI", "TUR", "GBR", "CHN"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=20000, help="corpus size (default 20000)")
    p.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    p.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30)")
    p.add_argument("--workdir", type=Path, help="work here and keep everything (a ledger already there is reused)")
    p.add_argument("--treatywatch", type=Path, default=ROOT / ".venv" / "bin" / "treatywatch")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--client", choices=["raw", "httpx"], default="raw",
                   help="raw: HTTP/1.1 on asyncio streams (lean, the default); httpx: httpx.AsyncClient")
    return p.parse_args(argv)


def build_ledger(work: Path, articles: int, exe: Path) -> Path:
    db = work / f"ledger-{articles}.db"
    if db.exists():
        print(f"reusing {db}")
        return db
    corpus = work / f"corpus-{articles}"
    t0 = time.monotonic()
    subprocess.run([sys.executable, str(GEN), str(corpus), "--articles", str(articles), "--force"], check=True,
                   stdout=subprocess.DEVNULL)
    t1 = time.monotonic()
    tmp = db.with_suffix(".tmp.db")
    for leftover in work.glob(tmp.name + "*"):
        leftover.unlink()
    subprocess.run([str(exe), "--db", str(tmp), "ingest", str(corpus / "*.txt"), "--quiet"], check=True)
    tmp.rename(db)
    print(f"corpus {articles:,} articles in {t1 - t0:.0f} s, ingest in {time.monotonic() - t1:.0f} s")
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(exe: Path, db: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([str(exe), "--db", str(db), "serve", "--port", str(port)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/treaties", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


TIMEOUT = 30.0  # seconds a request may take before it counts as an error


def pick(rng: random.Random, treaties: list[str], events: list[str]) -> tuple[str, str]:
    """A random request: (endpoint kind, URL path and query)."""
    kind = rng.choice(["status", "events", "event"])
    if kind == "status":
        day = f"{rng.randint(1990, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return kind, f"/api/v1/treaties/{rng.choice(treaties)}/status?as_of={day}"
    if kind == "events":
        filt = rng.choice([f"treaty={rng.choice(treaties)}", f"state={rng.choice(STATES)}", "source=news"])
        return kind, f"/api/v1/events?{filt}&limit=50&offset={rng.choice([0, 0, 50, 100])}"
    return kind, f"/api/v1/events/{rng.choice(events)}"


class RawHTTP:
    """One keep-alive HTTP/1.1 connection on an asyncio stream: GET and read the whole answer
    (Content-Length or chunked); any fault closes it, and the next request opens a new one."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.stream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, url: str) -> tuple[int, bytes]:
        try:
            async with asyncio.timeout(TIMEOUT):
                if self.stream is None:
                    self.stream = await asyncio.open_connection(self.host, self.port)
                reader, writer = self.stream
                writer.write(f"GET {url} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("ascii"))
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
                status = int(head[0].split(" ", 2)[1])
                headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in head[1:] if line)}
                if "content-length" in headers:
                    body = await reader.readexactly(int(headers["content-length"]))
                elif headers.get("transfer-encoding", "").lower() == "chunked":
                    body = await self._chunks(reader)
                else:
                    raise ValueError("an answer with neither Content-Length nor chunks")
                if headers.get("connection", "").lower() == "close":
                    self.close()
                return status, body
        except BaseException:
            self.close()
            raise

    @staticmethod
    async def _chunks(reader: asyncio.StreamReader) -> bytes:
        parts = []
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        await reader.readuntil(b"\r\n")  # no trailers are sent: the empty line after the last chunk
        return b"".join(parts)

    def close(self) -> None:
        if self.stream is not None:
            self.stream[1].close()
            self.stream = None


async def client(base: str, rng: random.Random, treaties: list[str], events: list[str], stop_at: float,
                 results: dict[str, list[float]], errors: dict[str, list[str]], how: str) -> None:
    """One client: request after request until ``stop_at``, each timed and checked (200 or an error)."""
    if how == "httpx":
        async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as http:
            while time.monotonic() < stop_at:
                kind, url = pick(rng, treaties, events)
                t0 = time.perf_counter()
                try:
                    status = (await http.get(url)).status_code
                    why = f"HTTP {status} {url}"
                except httpx.HTTPError as exc:
                    status, why = 0, f"{type(exc).__name__} {url}"
                results[kind].append(time.perf_counter() - t0)
                if status != 200:
                    errors[kind].append(why)
        return
    host, port = base.removeprefix("http://").rsplit(":", 1)
    conn = RawHTTP(host, int(port))
    try:
        while time.monotonic() < stop_at:
            kind, url = pick(rng, treaties, events)
            t0 = time.perf_counter()
            try:
                status = (await conn.get(url))[0]
                why = f"HTTP {status} {url}"
            except Exception as exc:  # a refused or dropped connection, a timeout, an answer cut short or garbled
                status, why = 0, f"{type(exc).__name__} {url}"
            results[kind].append(time.perf_counter() - t0)
            if status != 200:
                errors[kind].append(why)
    finally:
        conn.close()


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds of process ``pid`` so far (Linux: /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000 if len(values) > 1 else (values[0] * 1000 if values else 0.0)


def report(results: dict[str, list[float]], errors: dict[str, list[str]], duration: float) -> None:
    print(f"{'endpoint':8} {'requests':>9} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
    everything = [v for vs in results.values() for v in vs]
    for name, values in [*results.items(), ("all", everything)]:
        errs = sum(len(e) for e in errors.values()) if name == "all" else len(errors[name])
        print(f"{name:8} {len(values):9,} {len(values) / duration:7.1f} {pct(values, 50):8.1f} {pct(values, 95):8.1f} "
              f"{pct(values, 99):8.1f} {max(values, default=0) * 1000:8.1f} {errs:7}")
    for name, errs in errors.items():
        for line in errs[:5]:
            print(f"error ({name}): {line}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.treatywatch.exists():
        print(f"{args.treatywatch} is missing: run `make install` first", file=sys.stderr)
        return 2
    work = args.workdir or Path(tempfile.mkdtemp(prefix="treatywatch-web-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        db = build_ledger(work, args.articles, args.treatywatch)
        port = free_port()
        server = start_server(args.treatywatch, db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            treaties = [t["id"] for t in httpx.get(f"{base}/api/v1/treaties", timeout=30).json()["treaties"]]
            news = httpx.get(f"{base}/api/v1/events", params={"source": "news", "limit": 500}, timeout=30).json()
            events = [e["id"] for e in news["events"]]
            articles = httpx.get(f"{base}/api/v1/articles", params={"limit": 1}, timeout=30).json()["total"]
            print(f"ledger: {articles:,} articles, {news['total']:,} events with news sources, {len(treaties)} treaties")
            print(f"load: {args.clients} clients ({args.client}) for {args.duration:.0f} s on status, events and event endpoints")
            results: dict[str, list[float]] = {"status": [], "events": [], "event": []}
            errors: dict[str, list[str]] = {"status": [], "events": [], "event": []}
            stop_at = time.monotonic() + args.duration

            async def run() -> None:
                await asyncio.gather(*(client(base, random.Random(args.seed + i), treaties, events, stop_at, results,
                                              errors, args.client) for i in range(args.clients)))

            mine, theirs = resource.getrusage(resource.RUSAGE_SELF), cpu_seconds(server.pid)
            asyncio.run(run())
            after = resource.getrusage(resource.RUSAGE_SELF)
            report(results, errors, args.duration)
            used = after.ru_utime + after.ru_stime - mine.ru_utime - mine.ru_stime
            served = cpu_seconds(server.pid)
            print(f"CPU during the load: clients {used:.1f} s" + (f", server {served - theirs:.1f} s"
                                                                   if served is not None and theirs is not None else ""))
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
