#!/usr/bin/env python3
"""The figures of `arvio stats`, computed by DuckDB over the same log files (docs/statistics.md,
section 8), compared with `arvio stats --format json` and `--format csv`.

Usage: scripts/duckdb_stats.py ARVIO_BINARY [LOG_DIR]

Without LOG_DIR it builds a tree of three desks and two months from tests/fixtures/log (the old
desk-less names beside the new ones, schema 1 and schema 2 lines) in a temporary folder. Exits 1
when a figure differs. Needs DuckDB's Python package (`pip install duckdb`).
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

import duckdb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The log's shape, given rather than guessed, so that a field missing from every file of a
# schema (max_hours before schema 2) is NULL, not an error. The same statement loads a warehouse.
LOAD = """
CREATE VIEW log AS
SELECT *,
       nullif(regexp_extract(parse_filename(filename),
                             '^arvio-([A-Za-z0-9_-]+)-[0-9]{4}-[0-9]{2}', 1), '') AS desk,
       CAST(left(finished, 10) AS DATE) AS local_date
FROM read_json('{pattern}', format = 'newline_delimited', filename = true, columns = {
    'schema': 'INTEGER',
    'finished': 'VARCHAR',
    'guidance': 'STRUCT(name VARCHAR, version VARCHAR, hash VARCHAR)',
    'reasons': 'VARCHAR[]',
    'red_flags': 'STRUCT(result VARCHAR, ids VARCHAR[])',
    'proposal': 'STRUCT(timeframe VARCHAR, kind VARCHAR, max_days INTEGER, max_hours INTEGER,
                        mode VARCHAR, professional VARCHAR, rule VARCHAR, remote BOOLEAN,
                        service VARCHAR, nurse_judgement BOOLEAN)',
    'decision': 'STRUCT(timeframe VARCHAR, kind VARCHAR, max_days INTEGER, max_hours INTEGER,
                        mode VARCHAR, professional VARCHAR, remote BOOLEAN, service VARCHAR,
                        nurse_judgement BOOLEAN, overridden BOOLEAN, lowers_urgency BOOLEAN,
                        override_category VARCHAR)',
    'duration_seconds': 'BIGINT',
    'caller': 'VARCHAR',
    'channel': 'VARCHAR'
})
"""

# Each figure of docs/statistics.md section 6, over the records of the period.
QUERIES = {
    "total": "SELECT count(*) FROM period",
    "timeframes": "SELECT decision.timeframe, count(*) FROM period GROUP BY 1",
    "modes": "SELECT coalesce(decision.mode, '-'), count(*) FROM period GROUP BY 1",
    "professionals": "SELECT coalesce(decision.professional, '-'), count(*) FROM period GROUP BY 1",
    "reasons": "SELECT r, count(*) FROM (SELECT unnest(reasons) AS r FROM period) GROUP BY 1",
    "remote_proposed": """SELECT count(*) FILTER (proposal.remote), count(*)
                          FROM period WHERE proposal.mode IS NOT NULL""",
    "remote_chosen": """SELECT count(*) FILTER (decision.remote), count(*)
                        FROM period WHERE decision.mode IS NOT NULL""",
    "within_3_days": """SELECT count(*) FILTER (coalesce(decision.max_days,
                                 ceil(decision.max_hours / 24)) <= 3), count(*)
                        FROM period
                        WHERE decision.max_days IS NOT NULL OR decision.max_hours IS NOT NULL""",
    "within_7_days": """SELECT count(*) FILTER (coalesce(decision.max_days,
                                 ceil(decision.max_hours / 24)) <= 7), count(*)
                        FROM period
                        WHERE decision.max_days IS NOT NULL OR decision.max_hours IS NOT NULL""",
    "overridden": "SELECT count(*) FILTER (decision.overridden), count(*) FROM period",
}


def duckdb_figures(log_dir, first, last):
    con = duckdb.connect()
    pattern = os.path.join(log_dir, "**", "arvio-*.jsonl")
    con.execute(LOAD.replace("{pattern}", pattern.replace("'", "''")))
    where = []
    if first:
        where.append(f"local_date >= DATE '{first}'")
    if last:
        where.append(f"local_date <= DATE '{last}'")
    con.execute("CREATE VIEW period AS SELECT * FROM log WHERE " + (" AND ".join(where) or "true"))
    out = {}
    for name, sql in QUERIES.items():
        rows = con.execute(sql).fetchall()
        if name == "total":
            out[name] = rows[0][0]
        elif len(rows[0]) == 2 and name.startswith(("remote", "within", "overridden")):
            out[name] = (rows[0][0], rows[0][1])
        else:
            out[name] = {k: v for k, v in rows}
    out["desks"] = dict(con.execute("SELECT desk, count(*) FROM log GROUP BY 1").fetchall())
    return out


def arvio_figures(arvio, log_dir, first, last):
    args = [arvio, "stats", log_dir]
    if first:
        args += ["--from", first]
    if last:
        args += ["--to", last]
    run = subprocess.run(args + ["--format", "json"], capture_output=True, text=True, check=True)
    if run.stderr.strip():
        sys.exit(f"arvio stats reported problems:\n{run.stderr}")
    j = json.loads(run.stdout)
    out = {"total": j["total"]}
    for name in ("timeframes", "modes", "professionals", "reasons"):
        out[name] = {row["id"]: row["count"] for row in j[name]}
    for name in ("remote_proposed", "remote_chosen", "within_3_days", "within_7_days", "overridden"):
        out[name] = (j[name]["count"], j[name]["total"])
    # The CSV says the same (Finnish spreadsheet style: `;`, decimal comma).
    csv_run = subprocess.run(args + ["--format", "csv"], capture_output=True, text=True, check=True)
    rows = list(csv.reader(io.StringIO(csv_run.stdout), delimiter=";"))
    for row in rows:
        if row[:2] == ["summary", "overridden"]:
            assert (int(row[4]), int(row[5])) == out["overridden"], row
        if row[:2] == ["timely", "within_7_days"]:
            assert (int(row[4]), int(row[5])) == out["within_7_days"], row
    return out


def build_tree(into):
    """Three desks, two months: the fixture's lines, under old and new names, schema 1 and 2."""
    fixtures = os.path.join(ROOT, "tests", "fixtures", "log")
    for desk, sub in (("kallio-07", "2026/kallio-07"), ("vuosaari-2", "2026/vuosaari-2")):
        os.makedirs(os.path.join(into, sub))
        for month in ("10", "11"):
            shutil.copy(
                os.path.join(fixtures, f"arvio-2026-{month}.jsonl"),
                os.path.join(into, sub, f"arvio-{desk}-2026-{month}.jsonl"),
            )
    # A desk already on schema 2: the same calls, with schema 2's fields.
    with open(os.path.join(fixtures, "arvio-2026-11.jsonl"), encoding="utf-8") as f:
        lines = [json.loads(l) for l in f if l.strip()]
    with open(os.path.join(into, "arvio-malmi-2026-11.jsonl"), "w", encoding="utf-8") as f:
        for r in lines:
            r["schema"] = 2
            for part in ("proposal", "decision"):
                r[part]["service"] = None
                r[part]["nurse_judgement"] = False
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # The old name, before desk ids.
    shutil.copy(os.path.join(fixtures, "arvio-2026-10.jsonl"), os.path.join(into, "arvio-2026-10.jsonl"))


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    arvio = sys.argv[1]
    tmp = None
    if len(sys.argv) == 3:
        log_dir = sys.argv[2]
    else:
        tmp = tempfile.mkdtemp(prefix="arvio-duckdb-")
        log_dir = tmp
        build_tree(log_dir)
    failed = False
    try:
        for first, last in ((None, None), ("2026-11-01", "2026-11-30"), ("2026-10-10", None)):
            ours = arvio_figures(arvio, log_dir, first, last)
            theirs = duckdb_figures(log_dir, first, last)
            for name in ours:
                if ours[name] != theirs[name]:
                    failed = True
                    print(f"{first}..{last} {name}: arvio {ours[name]} != duckdb {theirs[name]}")
            print(f"{first or '…'}..{last or '…'}: {ours['total']} records, "
                  f"{len(QUERIES)} figures the same in arvio and DuckDB "
                  f"(desks: {theirs['desks']})")
    finally:
        if tmp:
            shutil.rmtree(tmp)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
