"""The ``closer`` command: open the app, or print for ``today``, ``history``, ``export``."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    # No abbreviations where a passphrase file is named: ``--passphrase X``
    # must fail, not read X as a file (and a passphrase is never an argument).
    history = commands.add_parser(
        "history", help="print a summary of your history", allow_abbrev=False
    )
    _everywhere(history, after)
    _passphrase(history)
    export = commands.add_parser(
        "export", help="write your whole history as Markdown or JSON", allow_abbrev=False
    )
    _everywhere(export, after)
    _passphrase(export)
    lock = commands.add_parser(
        "lock",
        help="lock your data with a passphrase for each of you, and print a recovery code",
        allow_abbrev=False,
    )
    _everywhere(lock, after)
    _passphrase(lock, "the first partner's passphrase, read from FILE (else asked for)")
    lock.add_argument(
        "--second-passphrase-file",
        metavar="FILE",
        help="the second partner's passphrase, read from FILE (else asked for)",
    )
    unlock = commands.add_parser(
        "unlock", help="turn the lock off: your data becomes plain JSON again", allow_abbrev=False
    )
    _everywhere(unlock, after)
    _passphrase(unlock)
    export.add_argument(
        "--format",
        choices=["md", "json"],
        default="md",
        help="md: Markdown, to read or print (the default); json: every detail, as closer keeps it",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of the screen")
    export.add_argument("--force", action="store_true", help="replace FILE if it is already there")
    _deck_commands(commands, after)
    _keepsake_command(commands, after)
    return parser


def _deck_commands(commands: Any, after: str) -> None:
    """``closer deck list|export|import``: share a deck of cards, or take one in."""
    deck = commands.add_parser("deck", help="list your decks, or share one as a deck pack")
    _everywhere(deck, after)
    verbs = deck.add_subparsers(dest="deck_command", metavar="ACTION", required=True)
    _everywhere(verbs.add_parser("list", help="every deck, with how many cards it holds"), after)
    out = verbs.add_parser("export", help="write one of your own decks as a deck pack (TOML)")
    _everywhere(out, after)
    out.add_argument("deck", metavar="DECK", help="the deck's id (see `closer deck list`)")
    out.add_argument("-o", "--output", metavar="FILE", required=True, help="the pack to write")
    out.add_argument("--force", action="store_true", help="replace FILE if it is already there")
    take = verbs.add_parser("import", help="take in a deck pack someone shared with you")
    _everywhere(take, after)
    take.add_argument("file", metavar="FILE", help="the deck pack (a .toml file)")
    take.add_argument(
        "--replace", action="store_true", help="replace a deck imported before with the same id"
    )


def _keepsake_command(commands: Any, after: str) -> None:
    """``closer keepsake``: one HTML page of a year together, to keep or print."""
    from datetime import date

    keepsake = commands.add_parser(
        "keepsake",
        help="write a keepsake of your year as one HTML page, to keep or print",
        allow_abbrev=False,
    )
    _everywhere(keepsake, after)
    keepsake.add_argument("--year", type=int, metavar="YYYY", help="the year (default: this one)")
    keepsake.add_argument(
        "--from",
        dest="start",
        type=date.fromisoformat,
        metavar="DATE",
        help="first day, 2026-03-01",
    )
    keepsake.add_argument(
        "--to", dest="end", type=date.fromisoformat, metavar="DATE", help="last day, 2027-02-28"
    )
    keepsake.add_argument(
        "-o", "--output", metavar="FILE", help="where (default: closer-keepsake-YEAR.html here)"
    )
    keepsake.add_argument(
        "--force", action="store_true", help="replace FILE if it is already there"
    )
    _passphrase(keepsake)


def _passphrase(
    parser: argparse.ArgumentParser,
    help: str = "when closer is locked: a passphrase or the recovery code, read from FILE",
) -> None:
    """A passphrase comes from a file or hidden typing, never as an argument others can see."""
    parser.add_argument("--passphrase-file", metavar="FILE", help=help)


def _file(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None


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

        return run_history(root, _file(args.passphrase_file))
    if args.command == "export":
        from closer_tui.cli import run_export

        output = Path(args.output).expanduser() if args.output else None
        return run_export(
            root, args.format, output, force=args.force, passphrase_file=_file(args.passphrase_file)
        )
    if args.command == "deck":
        from closer_tui.cli import run_deck

        return run_deck(root, args)
    if args.command == "keepsake":
        from closer_tui.cli import run_keepsake

        if args.year is not None and (args.start or args.end):
            print("Give a --year, or --from and --to, not both.", file=sys.stderr)
            return 2
        output = Path(args.output).expanduser() if args.output else None
        return run_keepsake(
            root,
            output,
            year=args.year,
            start=args.start,
            end=args.end,
            force=args.force,
            passphrase_file=_file(args.passphrase_file),
        )
    if args.command == "lock":
        from closer_tui.cli import run_lock

        return run_lock(root, _file(args.passphrase_file), _file(args.second_passphrase_file))
    if args.command == "unlock":
        from closer_tui.cli import run_unlock

        return run_unlock(root, _file(args.passphrase_file))
    return open_app(root)


def open_app(root: Path) -> int:
    """Open the app on the data folder ``root``; 1 if the folder cannot be used."""
    # Collecting garbage while a few hundred modules load only slows the start
    # (by a tenth): paused until the first frame is on screen, when the app
    # resumes it, and in any case once the app has ended.
    gc.disable()
    try:
        from closer_tui.core.basics import COUPLE_FILE
        from closer_tui.core.files import folder_problem, is_locked
        from closer_tui.core.quick import read_couple

        quick = read_couple(root)
        if quick is not None or is_locked(root):
            # An ordinary evening: home first (or the lock screen, when the
            # couple locked closer), then the store opens behind it.
            return _run_first_frame_first(root, quick)
        if not os.path.lexists(root / COUPLE_FILE):
            problem = folder_problem(root)
            if problem is not None:
                # No welcome for a folder that can never hold closer: one plain sentence.
                print(problem, file=sys.stderr)
                return 1
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
