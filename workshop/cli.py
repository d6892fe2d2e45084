"""The `okr-workshop` command.

With no subcommand it opens the app. The other subcommands work without Qt (the CLI can
export a PDF on a machine with no display). A user error prints one line on stderr and
exits 2; it never shows a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from workshop import __version__
from workshop.errors import MAX_IMPORT_BYTES, UserError

EXIT_USER_ERROR = 2

__all__ = ["EXIT_USER_ERROR", "MAX_IMPORT_BYTES", "UserError", "build_parser", "main"]


def _db_parent() -> argparse.ArgumentParser:
    # Every subcommand accepts --db; SUPPRESS keeps a value given before the subcommand.
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="the session database (default: your data folder, or "
                             "$OKR_WORKSHOP_DB)")
    return parent


def build_parser() -> argparse.ArgumentParser:
    db = _db_parent()
    parser = argparse.ArgumentParser(
        prog="okr-workshop",
        description="Run a live, timed OKR workshop and hand out the results. "
                    "With no command, the app opens.")
    parser.add_argument("--version", action="version", version=f"okr-workshop {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="the session database (default: your data folder, or "
                             "$OKR_WORKSHOP_DB)")
    parser.add_argument("--exit-after-paint", action="store_true",
                        help="open the library window and quit after its first paint "
                             "(for start-up measurements)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", parents=[db], help="open the app (the default)")

    p = sub.add_parser("list", parents=[db], help="list the sessions, newest first")
    p.add_argument("--json", action="store_true", help="one JSON array for scripts")
    p.add_argument("--search", default=None, help="only sessions whose title, client or "
                                                  "team contains this")
    p.add_argument("--trash", action="store_true", help="list the trash instead")

    p = sub.add_parser("show", parents=[db], help="print a readable summary of a session")
    p.add_argument("id")

    p = sub.add_parser("demo", parents=[db], help="create the worked example session")
    p.add_argument("--large", action="store_true",
                   help="a benchmark-sized session: 5 objectives, 15 KRs, 60 actions")

    p = sub.add_parser("export", parents=[db],
                       help="export a session; the format follows the file's extension "
                            "(.pdf .md .csv .json .ics)")
    p.add_argument("id")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="the file to write (needed unless --per-participant is given)")
    p.add_argument("--per-participant", metavar="DIR", default=None,
                   help="(also) write one 'Your commitments' PDF per participant into DIR")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")

    p = sub.add_parser("import", parents=[db], help="import a session from a JSON export")
    p.add_argument("file")

    p = sub.add_parser("coach", parents=[db],
                       help="check key results (one per line on stdin) like the coach does")
    p.add_argument("--objectives", action="store_true",
                   help="the lines are objectives, not key results")
    p.add_argument("--json", action="store_true", help="one JSON object per line")

    p = sub.add_parser("screenshot", parents=[db],
                       help="render a window of a session to a PNG, offscreen")
    p.add_argument("id")
    p.add_argument("--stage", default=None, help="the stage to show (default: the "
                                                 "session's current stage)")
    p.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT")
    p.add_argument("--view", choices=("facilitator", "audience", "library", "title",
                                      "timer", "summary", "message", "banner"),
                   default="facilitator", help="a window, or one of the projector's "
                   "views (audience is a stage's slide)")
    p.add_argument("--theme", default=None, help="light, dark or projector")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    try:
        return _COMMANDS[command](args)
    except UserError as exc:
        print(f"okr-workshop: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
        from workshop.store import StoreError

        if isinstance(exc, StoreError):
            print(f"okr-workshop: {exc}", file=sys.stderr)
            return EXIT_USER_ERROR
        raise


# ---------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------


def _db_path(args: argparse.Namespace) -> Path:
    from workshop.paths import resolve_db_path

    return resolve_db_path(getattr(args, "db", None))


def _open_store(args: argparse.Namespace, *, read_only: bool = False):
    from workshop.store import Store

    path = _db_path(args)
    if read_only and not path.exists():
        raise UserError(f"{path} does not exist yet; create a session first "
                        f"(e.g. 'okr-workshop demo --db {path}').")
    store = Store.open(path, read_only=read_only)
    if store.ignored_wal:
        print(f"okr-workshop: note: {path.name}-wal beside {path} {store.ignored_wal}; "
              f"it was not read (nor changed).", file=sys.stderr)
    return store


def _load(store, workshop_id: str):
    from workshop.store import NotFoundError

    matches = [s.id for s in store.list() + store.list(trash=True)
               if s.id.startswith(workshop_id)] if len(workshop_id) >= 4 else []
    if workshop_id not in matches and len(matches) == 1:
        workshop_id = matches[0]  # a unique prefix of an id is enough, like git
    try:
        return store.load(workshop_id)
    except NotFoundError as exc:
        raise UserError(f"no session with id {workshop_id!r} in {store.path}") from exc


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from workshop.ui.app import run_app
    except ImportError as exc:
        raise UserError(f"the app cannot start: {exc}") from exc
    return run_app(_db_path(args), exit_after_paint=args.exit_after_paint)


def cmd_list(args: argparse.Namespace) -> int:
    if not _db_path(args).exists():
        print("[]" if args.json else "No sessions yet.")
        return 0
    with _open_store(args, read_only=True) as store:
        rows = store.list(args.search, trash=args.trash)
    if args.json:
        import json  # here, not at the top: the app's start-up has no use for it

        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No sessions yet." if not args.search else "No session matches.")
        return 0
    width = min(48, max(len(r.title) for r in rows))
    for r in rows:
        title = r.title if len(r.title) <= width else r.title[: width - 1] + "…"
        print(f"{r.id[:12]}  {title:<{width}}  {r.client[:24]:<24}  "
              f"{r.period_label[:12]:<12}  {r.updated_at[:16].replace('T', ' ')}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open_store(args, read_only=True) as store:
        ws = _load(store, args.id)
    sys.stdout.write(summary_text(ws))
    return 0


def summary_text(ws) -> str:
    """A readable plain-text summary of a session (for `show`)."""
    from workshop.model import kr_range, objective_statement

    lines = [ws.title or "(untitled session)"]
    facts = [x for x in (ws.client, ws.team, ws.period_label) if x]
    if facts:
        lines.append(" · ".join(facts))
    if ws.workshop_date:
        lines.append(f"Workshop on {ws.workshop_date.isoformat()}"
                     + (f", facilitated by {ws.facilitator}" if ws.facilitator else ""))
    lines.append(f"Id: {ws.id}")
    if ws.participants:
        lines.append("")
        lines.append("Participants: " + ", ".join(
            f"{p.name} ({p.role})" if p.role else p.name for p in ws.participants))
    if ws.context.strategies:
        lines.append("")
        lines.append("Strategies:")
        lines += [f"  - {s.text}" for s in ws.context.strategies]
    for o in ws.selected_objectives():
        lines.append("")
        lines.append(f"Objective: {o.text}")
        lines.append(f"  {objective_statement(o)}")
        for kr in o.key_results:
            rng = kr_range(kr)
            lines.append(f"  KR: {kr.text}" + (f"  [{rng}]" if rng else ""))
            if kr.rewritten_from:
                lines.append(f"      rewritten from the output: {kr.rewritten_from}")
            for a in kr.actions:
                owner = ws.participant_name(a.owner_id) or "no owner"
                due = a.deadline.isoformat() if a.deadline else "no deadline"
                lines.append(f"      - {a.text} ({owner}, {due})")
    return "\n".join(lines) + "\n"


def cmd_demo(args: argparse.Namespace) -> int:
    from workshop.demo import demo_workshop, large_workshop

    ws = large_workshop() if args.large else demo_workshop()
    with _open_store(args) as store:
        store.save(ws)
    print(ws.id)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from workshop.export import ExportError, export_file, export_per_participant

    if not args.output and not args.per_participant:
        raise UserError("say where to export: -o FILE, or --per-participant DIR")
    with _open_store(args, read_only=True) as store:
        ws = _load(store, args.id)
    try:
        written = []
        if args.output:
            written += export_file(ws, Path(args.output).expanduser(),
                                   page_size=args.page_size)
        if args.per_participant:
            written += export_per_participant(ws, Path(args.per_participant).expanduser(),
                                              page_size=args.page_size)
    except ExportError as exc:
        raise UserError(str(exc)) from exc
    for path in written:
        print(path)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from workshop.exchange import import_session, read_import_file

    path = Path(args.file).expanduser()
    read_import_file(path)  # refused before the database is created or opened
    with _open_store(args) as store:
        ws = import_session(store, path)
    print(ws.id)
    return 0


def cmd_coach(args: argparse.Namespace) -> int:
    from workshop.coach import coach_command

    return coach_command(_stdin_lines(sys.stdin), objectives=args.objectives,
                         as_json=args.json, out=sys.stdout)


def _stdin_lines(stream: TextIO):
    for line in stream:
        yield line.rstrip("\r\n")


def cmd_screenshot(args: argparse.Namespace) -> int:
    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError as exc:
        raise UserError(f"--size must look like 1920x1080, not {args.size!r}") from exc
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UserError("--size must be between 320x240 and 7680x4320")
    try:
        from workshop.ui.screenshot import render_screenshot
    except ImportError as exc:
        raise UserError(f"screenshots need the app's window code: {exc}") from exc
    with _open_store(args, read_only=True) as store:
        ws = _load(store, args.id)
    render_screenshot(ws, Path(args.output).expanduser(), view=args.view, stage=args.stage,
                      size=(width, height), theme=args.theme, db_path=_db_path(args))
    print(args.output)
    return 0


_COMMANDS = {
    "gui": cmd_gui,
    "list": cmd_list,
    "show": cmd_show,
    "demo": cmd_demo,
    "export": cmd_export,
    "import": cmd_import,
    "coach": cmd_coach,
    "screenshot": cmd_screenshot,
}
