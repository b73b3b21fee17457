"""Hardening figure 2: each hostile input ends within its limit with a reject.

A 1 MB gzip bomb named .warc.gz, /dev/zero, a FIFO, a loopback server sending one byte a second,
and a news text file whose body is one 1 MB line without a sentence end; each through
``treatywatch ingest`` (defaults, except a 10 s fetch deadline for the slow server).
Usage: python benchmarks/harden_limits.py
"""

from __future__ import annotations

import gzip
import http.server
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BIN = Path(sys.executable).parent


class _OneByteASecond(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(3600):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass

    def log_message(self, *args: object) -> None:
        pass


def run(label: str, db: str, target: str, *extra: str) -> None:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    proc = subprocess.run([str(BIN / "treatywatch"), "--db", db, "--no-baseline", *extra, "ingest", "-q", target],
                          capture_output=True, text=True, errors="replace", timeout=900)
    seconds = time.monotonic() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    lines = [x for x in proc.stderr.splitlines() if x.startswith("rejected")]
    print(f"{label}: {seconds:.1f} s, exit {proc.returncode}, peak memory so far {peak:.0f} MiB, "
          f"traceback: {'Traceback' in proc.stderr}\n    {lines[0][:200] if lines else proc.stderr[-300:]}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "limits.db")
        bomb = Path(tmp) / "bomb.warc.gz"
        with gzip.open(bomb, "wb", compresslevel=9) as out:
            chunk = b"\0" * (1 << 24)
            for _ in range(64):  # 1 GiB of zeros: about 1 MB compressed
                out.write(chunk)
        print(f"gzip bomb: {bomb.stat().st_size:,} bytes compressed, 1,073,741,824 inflated")
        run("gzip bomb (.warc.gz)", db, str(bomb))
        run("/dev/zero", db, "/dev/zero")
        fifo = Path(tmp) / "pipe.txt"
        os.mkfifo(fifo)
        run("FIFO", db, str(fifo))
        line = Path(tmp) / "line.txt"
        words = " ".join(["treaty mines Lithuania withdraw convention"] * 24_000)[:1_000_000]
        line.write_text(f"One long line\nWire\n2025-06-28\n\n{words}\n", encoding="utf-8")
        run("1 MB line without a sentence end", db, str(line))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _OneByteASecond)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/slow"
        run("one byte a second (fetch_deadline=10)", db, url, "--set", "allow_private_addresses=true",
            "--set", "fetch_deadline=10")
        server.shutdown()


if __name__ == "__main__":
    main()
