import json
import subprocess
import sys

from click.testing import CliRunner

from treatywatch.cli import cli

from .conftest import SEED


def run(*args, db=None, input=None):
    runner = CliRunner()
    full = (["--db", str(db)] if db else []) + list(args)
    return runner.invoke(cli, full, input=input, catch_exceptions=False)


def test_cli_extract_seed_jsonl():
    result = run("extract", str(SEED), "--format", "jsonl")
    assert result.exit_code == 0
    claims = [json.loads(line) for line in result.output.splitlines()]
    notified = {c["state"] for c in claims if c["action"] == "notified" and c["modality"] == "asserted"}
    assert notified == {"LTU", "EST"}
    assert set(claims[0]) >= {"article", "state", "treaty", "action", "date", "effective", "modality",
                              "confidence", "evidence", "actor"}
    assert claims[0]["article"] == SEED.stem
    ltu = next(c for c in claims if c["state"] == "LTU" and c["action"] == "notified")
    assert ltu["effective"] == "2025-12-28"  # the rules' six months from the day the text gives


def test_cli_ingest_bad_inputs_one_line_each(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x00")
    (tmp_path / "noheader.txt").write_text("Just one line of text.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Titre\nSource\n2025-06-28\n\nCaf\xe9 cr\xe8me".encode("latin-1"))
    db = tmp_path / "t.db"
    result = subprocess.run(
        [sys.executable, "-m", "treatywatch", "--db", str(db), "ingest", str(SEED), str(tmp_path),
         str(tmp_path / "missing.txt")], capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    rejected = [line for line in lines if line.startswith("rejected ")]
    assert len(rejected) == 4
    for name, reason in [("empty.txt", "empty file"), ("binary.txt", "binary file"),
                         ("noheader.txt", "missing header lines"), ("missing.txt", "no such file")]:
        assert any(name in line and reason in line for line in rejected), (name, rejected)
    assert lines[-1].startswith("ingested 2, rejected 4")  # latin1.txt: its encoding is detected
    status = subprocess.run([sys.executable, "-m", "treatywatch", "--db", str(db), "rejects"],
                            capture_output=True, text=True, timeout=60)
    assert len(status.stdout.strip().splitlines()) == 4


def test_cli_status_json_after_seed(tmp_path):
    db = tmp_path / "t.db"
    assert run("ingest", str(SEED), db=db).exit_code == 0
    result = run("status", "apmbc", "--as-of", "2026-01-15", "--format", "json", db=db)
    rows = {r["state"]: r for r in json.loads(result.output)}
    assert rows["LTU"]["status"] == "withdrawn"
    assert set(rows["LTU"]) == {"state", "status", "since", "effective", "note", "events", "basis"}
    assert rows["LTU"]["basis"].startswith("status table status:apmbc.csv complete to ")
    july = {r["state"]: r for r in json.loads(run("status", "apmbc", "--as-of", "2025-07-01", "--format", "json", db=db).output)}
    assert july["LTU"]["status"] == "withdrawing" and july["LTU"]["effective"] == "2025-12-27"


def test_cli_status_csv_and_table(tmp_path):
    db = tmp_path / "t.db"
    out = run("status", "apmbc", "--as-of", "2026-03-01", "--format", "csv", db=db).output
    assert out.splitlines()[0] == "state,status,since,effective,note,events,basis"
    assert "POL,withdrawn,2026-02-20" in out
    table = run("status", "apmbc", "--as-of", "2026-03-01", "--state", "pol", db=db).output
    assert "withdrawn" in table and "POL" in table
    assert "basis: status table status:apmbc.csv complete to" in table.splitlines()[0]


def test_cli_unknown_treaty_lists_known(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "status", "ottawa"])
    assert result.exit_code == 2
    assert "Unknown treaty 'ottawa'. Known: abm, apmbc" in result.output


def test_cli_bad_date_says_format(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "status", "apmbc", "--as-of", "15/01/2026"])
    assert result.exit_code == 2 and "use YYYY-MM-DD" in result.output


def test_cli_events_count_diff_timeline(tmp_path):
    db = tmp_path / "t.db"
    run("ingest", str(SEED), db=db)
    events = json.loads(run("events", "--treaty", "apmbc", "--state", "LTU", "--format", "json", db=db).output)
    notified = [e for e in events if e["action"] == "notified"]
    assert notified[0]["date"] == "2025-06-27" and SEED.stem in notified[0]["sources"]
    counts = json.loads(run("count", "apmbc", "--from", "2025-11-30", "--to", "2026-02-20", "--every", "day",
                            "--format", "json", db=db).output)
    by_day = {c["date"]: c["bound"] for c in counts}
    assert (by_day["2025-11-30"], by_day["2025-12-01"], by_day["2025-12-27"], by_day["2026-01-10"],
            by_day["2026-02-20"]) == (165, 166, 163, 162, 161)
    diff = json.loads(run("diff", "apmbc", "--from", "2025-06-01", "--to", "2026-03-01", "--format", "json", db=db).output)
    assert sorted(s["state"] for s in diff["left"]) == ["EST", "FIN", "LTU", "LVA", "POL"]
    timeline = json.loads(run("timeline", "LTU", "--format", "json", db=db).output)
    assert any(s["treaty"] == "apmbc" and s["status"] == "withdrawn" and s["since"] == "2025-12-27" for s in timeline)


def test_cli_import_status_reports_lines(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("iso3,signed,ratified_or_acceded,kind\nLTU,2008-12-03,2011-03-24,ratification\nLT,,,\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "t.db"), "import-status", str(table), "--treaty", "ccm"])
    assert result.exit_code == 1
    assert f"skipped {table}:3: iso3 'LT'" in result.output
    assert "imported 1 rows for ccm, skipped 1" in result.output


def test_cli_ingest_stdin(tmp_path):
    db = tmp_path / "t.db"
    result = run("ingest", "-", db=db, input=SEED.read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert "ingested 1, rejected 0" in result.output


def test_cli_quotes_lists_speaker_and_channel(tmp_path):
    db = tmp_path / "t.db"
    run("ingest", str(SEED), db=db)
    found = json.loads(run("quotes", "--state", "LTU", "--format", "json", db=db).output)
    assert found[0]["speaker"] == "Kęstutis Budrys"
    assert found[0]["channel"] == "X" and found[0]["state"] == "LTU"
    assert found[0]["text"].startswith("“Today, Lithuania has formally notified")
    assert "LTU apmbc notified (asserted)" in found[0]["claims"]


def test_cli_ingest_counts_unsupported_languages(tmp_path):
    (tmp_path / "lt.txt").write_text(
        "Lietuva pasitraukia\nLRT\n2025-06-27T10:00:00+03:00\n\nLietuva pranešė Jungtinėms Tautoms, kad pasitraukia "
        "iš Otavos konvencijos, ir tai yra valstybės sprendimas dėl saugumo.\n", encoding="utf-8")
    result = run("ingest", str(tmp_path / "lt.txt"), db=tmp_path / "t.db")
    assert result.exit_code == 0
    assert "ingested 1, rejected 0, 1 in an unsupported language (no claims), 0 claims" in result.output


def test_cli_evaluate_scores_only_the_split(tmp_path):
    from .conftest import write_article

    texts = tmp_path / "texts"
    texts.mkdir()
    write_article(texts, "a1", "Lithuania ratified the Convention on Cluster Munitions on Monday, 23 March 2009.")
    write_article(texts, "a2", "Estonia signed the Ottawa Treaty on Tuesday, 3 December 1997.")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(row) for row in [
        {"article": "a1", "state": "LTU", "treaty": "ccm", "action": "ratified", "date": "2009-03-23",
         "modality": "asserted", "background": False, "language": "en"},
        {"article": "a2", "state": "EST", "treaty": "apmbc", "action": "signed", "date": "1997-12-03",
         "modality": "asserted", "background": False, "language": "en"}]) + "\n")
    locators = tmp_path / "locators.jsonl"
    locators.write_text("\n".join(json.dumps({"id": i, "url": f"https://example.org/{i}", "split": s})
                                  for i, s in [("a1", "dev"), ("a2", "test")]) + "\n")
    result = run("evaluate", str(gold), str(texts), "--locators", str(locators), "--split", "dev",
                 "--format", "json")
    figures = json.loads(result.stdout)["all"]
    assert figures["articles"] == 1
    assert figures["strict"]["tp"] == 1 and figures["strict"]["fn"] == 0
    assert "in-sample" not in result.stderr
    filtered = run("--set", "claim_filter=true", "evaluate", str(gold), str(texts), "--locators", str(locators),
                   "--split", "dev", "--format", "json")
    assert "in-sample" in filtered.stderr  # the filter has seen its training sets: evaluate says so
