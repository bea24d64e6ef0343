"""The ``closer`` command: open the app, or print for ``today``, ``history``, ``export``."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from closer_tui import __version__

if TYPE_CHECKING:
    import argparse

    from closer_tui.core.quick import QuickCouple


def data_dir(cli_value: str | None) -> Path:
    """``--data-dir``, else ``CLOSER_DATA_DIR``, else the platform's user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    if env := os.environ.get("CLOSER_DATA_DIR"):
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("closer", appauthor=False))


def parser() -> argparse.ArgumentParser:
    import argparse  # only when there are arguments: plain ``closer`` needs none

    parser = argparse.ArgumentParser(
        prog="closer",
        description=(
            "Small practices for two people who want to feel closer. With no command, "
            "closer opens the app; the commands below work without it."
        ),
    )
    _everywhere(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # After a command too; left out there, they must not undo what came before it.
    after = argparse.SUPPRESS
    _everywhere(commands.add_parser("today", help="print tonight's suggestion in one line"), after)
    _everywhere(commands.add_parser("history", help="print a summary of your history"), after)
    export = commands.add_parser("export", help="write your whole history as Markdown or JSON")
    _everywhere(export, after)
    export.add_argument(
        "--format",
        choices=["md", "json"],
        default="md",
        help="md: Markdown, to read or print (the default); json: every detail, as closer keeps it",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of the screen")
    export.add_argument("--force", action="store_true", help="replace FILE if it is already there")
    return parser


def _everywhere(parser: argparse.ArgumentParser, default: str | None) -> None:
    """The options that hold for every command, whether given before or after it."""
    parser.add_argument("--version", action="version", version=f"closer {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where your data lives (default: $CLOSER_DATA_DIR or your user data folder)",
    )


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if not arguments:
        # Plain ``closer``, by far the most common: open at once, no parser to build.
        return open_app(data_dir(None))
    args = parser().parse_args(arguments)
    root = data_dir(args.data_dir)
    if args.command == "today":
        from closer_tui.cli import run_today

        return run_today(root)
    if args.command == "history":
        from closer_tui.cli import run_history

        return run_history(root)
    if args.command == "export":
        from closer_tui.cli import run_export

        output = Path(args.output).expanduser() if args.output else None
        return run_export(root, args.format, output, force=args.force)
    return open_app(root)


def open_app(root: Path) -> int:
    """Open the app on the data folder ``root``; 1 if the folder cannot be used."""
    # Collecting garbage while a few hundred modules load only slows the start
    # (by a tenth): paused until the first frame is on screen, when the app
    # resumes it, and in any case once the app has ended.
    gc.disable()
    try:
        from closer_tui.core.basics import COUPLE_FILE
        from closer_tui.core.quick import read_couple

        quick = read_couple(root)
        if quick is not None:
            # An ordinary evening: home first, then the store opens behind it.
            return _run_first_frame_first(root, quick)
        if not os.path.lexists(root / COUPLE_FILE):
            # A first run: the welcome first, then the store opens behind it.
            return _run_first_frame_first(root, None)
    finally:
        gc.enable()

    # A couple.json only the store can judge.
    from closer_tui.app import CloserApp
    from closer_tui.core.store import Store

    try:
        store = Store.open(root)
    except OSError as error:
        from closer_tui.cli import cannot_use_folder

        print(cannot_use_folder(root, error), file=sys.stderr)
        return 1
    CloserApp(store).run()
    return 0


def _run_first_frame_first(root: Path, quick: QuickCouple | None) -> int:
    """Run the app with the store opened after the first frame; 1 if it could not be."""
    from closer_tui.app import CloserApp

    app = CloserApp(data_dir=root, quick=quick)
    app.run()
    if app.open_error is not None:
        from closer_tui.cli import cannot_use_folder

        print(cannot_use_folder(root, app.open_error), file=sys.stderr)
        return 1
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
