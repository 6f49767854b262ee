#!/usr/bin/env python3
"""Write a setting folder (setting.toml + CSV files) as one setting.yaml.

    python3 examples/tools/setting_to_yaml.py examples/sunflower > examples/sunflower-yaml/setting.yaml

The YAML holds the same content (DESIGN.md section 2, "setting.yaml"): the tables of
setting.toml as maps, and each CSV file as a list of maps under the file's name, one
row per line. Empty CSV cells are left out of the row's map, except an empty start and
end on a dated row ("absent that day"), which are written as "". Times and yes/no
values are quoted so that no YAML reader takes them for numbers or booleans.

Needs Python 3.11 or later (tomllib); no other packages. Column mappings ([import.*])
are not supported: convert a setting whose CSV files use attune's own column names.
"""

import csv
import re
import sys
import tomllib
from datetime import date
from pathlib import Path

TABLES = ["children", "staff", "shifts", "attendance", "care_log", "allocations"]
# Plain scalars that YAML 1.1 readers might turn into something other than text.
RISKY = re.compile(
    r"""^(|~|null|true|false|yes|no|on|off|y|n)$|^\d{1,2}:\d{2}$|^[-+.\d]|[:#,\[\]{}&*!|>'"%@`]|^\s|\s$""",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def scalar(value):
    """One value as YAML text: dates and numbers plain, risky text double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if ISO_DATE.match(text) or (NUMBER.match(text) and not text.startswith("0")):
        return text
    if RISKY.search(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def flow(value):
    """A value as YAML flow text: { k: v, ... } for maps, [ ... ] for lists."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[ " + ", ".join(flow(v) for v in value) + " ]"
    return scalar(value)


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def row_map(table, row):
    out = {}
    for key, value in row.items():
        value = (value or "").strip()
        absent = table in ("attendance", "shifts") and key in ("start", "end")
        if value or absent:
            out[key] = value
    return out


def convert(folder):
    folder = Path(folder)
    toml_path = folder / "setting.toml" if folder.is_dir() else folder
    with open(toml_path, "rb") as f:
        config = tomllib.load(f)
    if "import" in config:
        sys.exit("setting_to_yaml: [import] column mappings are not supported")
    base = toml_path.parent
    data = config.get("data", {})

    lines = [
        f"# {config['setting']['name']}, as one setting.yaml.",
        f"# Written by examples/tools/setting_to_yaml.py from {base.as_posix()}; edit that folder",
        "# and convert again rather than editing this file by hand.",
        "",
        f"setting: {flow(config['setting'])}",
    ]
    if "period" in config:
        lines.append(f"period: {flow(config['period'])}")
    lines.append("")
    lines.append("rooms:")
    for room in config.get("rooms", []):
        lines.append(f"  - {flow(room)}")
    if "policy" in config:
        lines.append("")
        lines.append("policy:")
        for key, value in config["policy"].items():
            lines.append(f"  {key}: {flow(value)}")
    for table in TABLES:
        path = base / data.get(table, f"{table}.csv")
        if not path.exists():
            continue
        lines.append("")
        lines.append(f"{table}:")
        for row in read_rows(path):
            lines.append(f"  - {flow(row_map(table, row))}")
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    sys.stdout.write(convert(argv[1]))


if __name__ == "__main__":
    main(sys.argv)
