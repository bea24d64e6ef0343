"""`closer today`, `history` and `export` as printed, on a temporary data folder."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import checkin_steps

from closer_tui import cli
from closer_tui.__main__ import main as closer_main
from closer_tui.core.insights import QUICK_RECONNECT
from closer_tui.core.models import Couple, Entry, Partner, SessionRecord, Tally
from closer_tui.core.quick import built_in_plan_titles
from closer_tui.core.store import Store

COUPLE = Couple(
    first=Partner(name="Alex", colour="orange"), second=Partner(name="Sam", colour="sky")
)


def record(started: datetime, **fields: object) -> SessionRecord:
    values: dict[str, object] = {
        "kind": "hug",
        "title": "20-second hug",
        "actual_seconds": 20.0,
        "started_at": started,
        "ended_at": started + timedelta(seconds=20),
    }
    return SessionRecord.model_validate(values | fields)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A data folder with a couple and a few recent sessions."""
    root = tmp_path / "closer"
    store = Store.open(root)
    store.save_couple(COUPLE)
    now = datetime.now(UTC)
    store.save_session(record(now - timedelta(days=1)))
    store.save_session(
        record(
            now - timedelta(days=2),
            kind="guided",
            title="Weekly check-in",
            plan="weekly-checkin",
            actual_seconds=0,
            steps=checkin_steps(
                8,
                6,
                600,
                entries=[
                    Entry(who="first", prompt="What went well?", text="Our walk."),
                    Entry(who="second", prompt="What went well?", passed=True),
                ],
                tally=Tally(positive=3),
            ),
        )
    )
    return root


# -- today ---------------------------------------------------------------------------


def test_today_on_a_first_run_says_how_to_start_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "nobody-yet"
    assert cli.run_today(root) == 0
    out = capsys.readouterr()
    assert out.out == cli.FIRST_RUN + "\n"
    assert out.err == ""
    assert not root.exists()


def test_today_prints_exactly_one_suggestion_line(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run_today(home) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith("Tonight: ")
    assert any(title in out for title in built_in_plan_titles().values())


def test_today_reads_only_recent_files_and_skips_what_it_cannot_read(home: Path) -> None:
    sessions = home / "sessions"
    now = datetime.now(UTC)
    old = record(now - timedelta(days=400))
    Store.open(home).save_session(old)
    (sessions / "29991231T000000Z-broken.json").write_text("{not json")
    (sessions / "29991231T000001Z-naive.json").write_text(
        json.dumps({"kind": "hug", "started_at": "2999-12-31T00:00:01"})
    )
    found = cli.recent_sessions(sessions, since=now - timedelta(days=cli.RECENT_DAYS))
    assert sorted(s.started_at.date() for s in found) == sorted(
        (now - timedelta(days=d)).date() for d in (1, 2)
    )
    checkin = next(s for s in found if s.plan == "weekly-checkin")
    assert [step.kind for step in checkin.steps] == ["hug", "weekly_checkin"]
    # Nothing was moved aside: today only looks.
    assert (sessions / "29991231T000000Z-broken.json").exists()


def test_today_after_quiet_weeks_suggests_a_gentle_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store.open(tmp_path)
    store.save_couple(COUPLE)
    store.save_session(record(datetime.now(UTC) - timedelta(days=60)))
    cli.run_today(tmp_path)
    assert built_in_plan_titles()[QUICK_RECONNECT] in capsys.readouterr().out


def test_today_imports_neither_textual_nor_pydantic_nor_rich(home: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from closer_tui.cli import run_today;"
        f"run_today(Path({str(home)!r}));"
        "print(sorted(m for m in ('textual', 'pydantic', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "[]"


# -- history -------------------------------------------------------------------------


def test_history_prints_a_table_and_insights(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run_history(home) == 0
    out = capsys.readouterr()
    assert "Weekly check-in" in out.out
    assert "20-second hug" in out.out
    assert "10 min" in out.out  # the guided session's honest time, from its steps
    assert "2 sessions since" in out.out
    assert "together this week" in out.out or "A fresh week" in out.out
    assert out.err == ""
    assert "Our walk" not in out.out  # a summary, not what they wrote


def test_history_without_a_couple_is_friendly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run_history(tmp_path) == 0
    assert capsys.readouterr().out == cli.NOTHING_YET + "\n"


def test_history_tells_about_quarantined_files_on_stderr(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "sessions" / "20250101T000000Z-0123.json").write_text("{torn")
    assert cli.run_history(home) == 0
    out = capsys.readouterr()
    assert "One saved session could not be read" in out.err
    assert "quarantine/20250101T000000Z-0123.json." in out.err
    assert "2 sessions since" in out.out


# -- export ------------------------------------------------------------------------


def test_export_markdown_to_stdout_by_name(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run_export(home, "md", None) == 0
    out = capsys.readouterr().out
    assert out.startswith("# closer — Alex & Sam\n")
    assert "- **Alex** · _What went well?_: Our walk." in out
    assert "- **Sam** · _What went well?_: passed" in out
    assert out.index("20-second hug") < out.index("Weekly check-in")  # newest first


def test_export_json_to_a_private_file_round_trips(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "export.json"
    assert cli.run_export(home, "json", target) == 0
    assert "Wrote 2 sessions to" in capsys.readouterr().out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = json.loads(target.read_text("utf-8"))
    back = [SessionRecord.model_validate(raw) for raw in document["sessions"]]
    assert back == Store.open(home).load_history().sessions
    assert Couple.model_validate(document["couple"]).first.name == "Alex"


def test_export_to_a_missing_folder_fails_plainly(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run_export(home, "md", tmp_path / "no" / "such" / "out.md") == 1
    assert "closer could not write" in capsys.readouterr().err


def test_export_with_no_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run_export(tmp_path / "absent", "json", None) == 1
    assert "no closer data" in capsys.readouterr().err


# -- the front door: options, and folders that cannot be used ------------------------


def test_the_data_folder_option_works_before_or_after_the_command(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert closer_main(["today", "--data-dir", str(home)]) == 0
    assert capsys.readouterr().out.startswith("Tonight: ")
    assert closer_main(["--data-dir", str(home), "history"]) == 0
    assert "2 sessions since" in capsys.readouterr().out
    # Given before the command and not after it, it still holds.
    target = tmp_path / "out.md"
    assert closer_main(["--data-dir", str(home), "export", "-o", str(target)]) == 0
    assert "Our walk." in target.read_text("utf-8")


def test_help_says_how_to_open_the_app_and_what_each_format_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        closer_main(["--help"])
    assert "With no command, closer opens the app" in " ".join(capsys.readouterr().out.split())
    with pytest.raises(SystemExit):
        closer_main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "md: Markdown" in shown and "json: every detail" in shown and "--force" in shown


@pytest.mark.parametrize("command", [["today"], ["history"], ["export"], []])
def test_a_data_folder_that_is_a_file_is_called_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Not "Welcome to closer", not "Nothing here yet": the folder is a file."""
    a_file = tmp_path / "closer"
    a_file.write_text("my notes")
    assert closer_main(["--data-dir", str(a_file), *command]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert f"{a_file} is a file, not a folder" in out.err
    assert a_file.read_text() == "my notes"


def test_a_folder_in_a_place_that_makes_none_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "notes"
    a_file.write_text("")
    assert closer_main(["--data-dir", str(a_file / "closer")]) == 1
    assert f"{a_file} is a file, not a folder" in capsys.readouterr().err
    if Path("/proc/self").is_dir():  # Linux: /proc makes no folders, though it is there
        assert closer_main(["--data-dir", "/proc/closer-here"]) == 1
        err = capsys.readouterr().err
        assert "could not make its data folder /proc/closer-here" in err
        assert "no folder can be made in /proc" in err and "missing" not in err


def test_export_never_replaces_a_file_without_force(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "keep-me.md"
    target.write_text("an older export, with notes")
    assert closer_main(["export", "--data-dir", str(home), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "already there" in err and "--force" in err
    assert target.read_text() == "an older export, with notes"
    assert closer_main(["export", "--data-dir", str(home), "-o", str(target), "--force"]) == 0
    assert "Our walk." in target.read_text("utf-8")


def test_the_data_folder_is_where_the_readme_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs
    from platformdirs import macos, unix, windows

    from closer_tui.__main__ import data_dir

    monkeypatch.setenv("CLOSER_DATA_DIR", str(tmp_path / "from-env"))
    assert data_dir(None) == tmp_path / "from-env"
    assert data_dir(str(tmp_path / "given")) == tmp_path / "given"  # --data-dir wins
    monkeypatch.delenv("CLOSER_DATA_DIR")
    asked: list[tuple[object, ...]] = []
    monkeypatch.setattr(
        platformdirs, "user_data_dir", lambda *a, **k: asked.append((a, k)) or str(tmp_path)
    )
    assert data_dir(None) == tmp_path
    assert asked == [(("closer",), {"appauthor": False})]
    # What that gives on each system, as the README lists it.
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    home = Path.home()
    assert unix.Unix("closer", appauthor=False).user_data_dir == str(home / ".local/share/closer")
    mac = macos.MacOS("closer", appauthor=False).user_data_dir
    assert mac == str(home / "Library/Application Support/closer")
    monkeypatch.setattr(windows, "get_win_folder", lambda _: "C:/Users/sam/AppData/Local")
    win = windows.Windows("closer", appauthor=False).user_data_dir
    assert Path(win) == Path("C:/Users/sam/AppData/Local/closer")  # %LOCALAPPDATA%\closer
