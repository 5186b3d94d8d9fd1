"""`python -m ingest [SOURCE ...] [--out DIR]`: FOI returns -> the canonical figures table.
`python -m ingest inspect FILE`: the tables of labelled cells a file holds (stage 1).
`python -m ingest kit ...`: the request kit for a new round.
`python -m ingest round DIR_OR_ZIP [--into RAW_DIR]`: a round of answers named anything -> source folders.
`python -m ingest review SOURCE_DIR [--table T ...]`: the doubtful tables of a source; a decision about one.

Exit status: 0 all sources ingested; 1 some sources failed (the rest are written, the
failures are in issues.csv and on stderr); 2 usage error; 3 all read, but some need review
(a doubtful reading: see issues.csv, severity 'review').
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.output.write import write_outputs
from ingest.pipeline import run, summary_lines, validated

ROOT = Path(__file__).resolve().parent.parent


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m ingest",
        description="Read FOI returns (source folders with a source.yml) into data/processed: "
        "figures.parquet, figures.csv, issues.csv, datapackage.json.",
    )
    p.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                   help="a source folder, or a folder of them (default: data/raw)")
    p.add_argument("--out", type=Path, default=None, metavar="DIR", help="output folder (default: data/processed)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no per-source summary")
    return p


# `python -m ingest COMMAND ...`: each a module with `main(argv) -> exit status`
SUBCOMMANDS = {"kit": "editorial.kit", "inspect": "ingest.inspect", "round": "ingest.round", "review": "ingest.review"}


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list else ""
    if command in SUBCOMMANDS:
        import importlib

        sub_main = importlib.import_module(SUBCOMMANDS[command]).main
        try:
            return int(sub_main(args_list[1:]))
        except Exception as exc:  # last resort: one clear line, never a traceback
            print(f"python -m ingest {command}: internal error ({type(exc).__name__}: {str(exc)[:300]})", file=sys.stderr)
            return 1
    parser = build_parser()
    args = parser.parse_args(args_list)
    sources = args.sources or [ROOT / "data" / "raw"]
    missing = [str(s) for s in sources if not s.is_dir()]
    if missing:
        parser.print_usage(sys.stderr)
        print(f"python -m ingest: error: not a folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    out = args.out or ROOT / "data" / "processed"
    try:
        result = run(sources, err=sys.stderr, progress=not args.quiet)
        if not result.summaries:
            print(f"python -m ingest: error: no source folders (with {'source.yml'}) under {', '.join(map(str, sources))}", file=sys.stderr)
            return 2
        figures, issues = validated(result)
        write_outputs(figures, issues, out, [s.meta for s in result.summaries if s.meta])
    except KeyboardInterrupt:
        print("interrupted: previous output left as it was", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: one clear line, never a traceback
        print(f"python -m ingest: internal error, nothing written ({type(exc).__name__}: {str(exc)[:500]})", file=sys.stderr)
        return 1
    if not args.quiet:
        for line in summary_lines(result):
            print(line, file=sys.stderr)
    print(f"wrote {out}", file=sys.stderr)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
