"""`closer lock`, `unlock`, and `today`, `history`, `export` on a locked folder."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from helpers import one_question

from closer_tui import cli
from closer_tui.__main__ import main as closer_main
from closer_tui.core.files import is_locked
from closer_tui.core.models import Couple, Partner, utc_now
from closer_tui.core.store import Store

SECRET_WORDS = "the night we missed the last train"


pytestmark = pytest.mark.usefixtures("quick_lock")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    root = tmp_path / "closer"
    store = Store.open(root)
    store.save_couple(
        Couple(
            first=Partner(name="Alexandra", colour="orange"),
            second=Partner(name="Samuel", colour="sky"),
        )
    )
    store.save_session(one_question(SECRET_WORDS, utc_now()))
    return root


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n")
    return str(path)


def _lock(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    first = _file(tmp_path, "first", "our first passphrase")
    second = _file(tmp_path, "second", "our second passphrase")
    assert (
        closer_main(
            [
                "lock",
                "--data-dir",
                str(home),
                "--passphrase-file",
                first,
                "--second-passphrase-file",
                second,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    [code] = re.findall(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}", out)
    assert "shown only this once" in out
    return code


def test_lock_then_today_is_neutral_and_history_asks(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = _lock(home, tmp_path, capsys)
    assert is_locked(home)
    assert closer_main(["today", "--data-dir", str(home)]) == 0
    out = capsys.readouterr().out
    assert out == cli.LOCKED_TODAY + "\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    assert closer_main(["history", "--data-dir", str(home)]) == 1
    assert "--passphrase-file" in capsys.readouterr().err
    wrong = _file(tmp_path, "wrong", "not ours at all")
    assert closer_main(["history", "--data-dir", str(home), "--passphrase-file", wrong]) == 1
    assert cli.WRONG_PASSPHRASE in capsys.readouterr().err
    recovery = _file(tmp_path, "recovery", code)
    assert closer_main(["history", "--data-dir", str(home), "--passphrase-file", recovery]) == 0
    assert "One question" in capsys.readouterr().out


def test_export_from_a_locked_folder_says_the_file_is_not_locked(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _lock(home, tmp_path, capsys)
    second = _file(tmp_path, "second", "our second passphrase")
    out = tmp_path / "all.json"
    argv = ["export", "--data-dir", str(home), "--format", "json", "-o", str(out)]
    assert closer_main([*argv, "--passphrase-file", second]) == 0
    assert SECRET_WORDS in json.dumps(json.loads(out.read_text()))
    assert "is not locked" in capsys.readouterr().err
    for path in home.rglob("*"):
        if path.is_file():
            assert SECRET_WORDS.encode() not in path.read_bytes()


def test_unlock_gives_plain_json_back(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _lock(home, tmp_path, capsys)
    first = _file(tmp_path, "first", "our first passphrase")
    assert closer_main(["unlock", "--data-dir", str(home), "--passphrase-file", first]) == 0
    assert not is_locked(home)
    [session] = (home / "sessions").iterdir()
    assert SECRET_WORDS in session.read_text()
    assert closer_main(["unlock", "--data-dir", str(home), "--passphrase-file", first]) == 1


def test_lock_refuses_twice_and_short_passphrases(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = _file(tmp_path, "short", "tiny")
    argv = ["lock", "--data-dir", str(home), "--passphrase-file", short]
    assert closer_main([*argv, "--second-passphrase-file", short]) == 1
    assert "at least" in capsys.readouterr().err
    assert not is_locked(home)
    _lock(home, tmp_path, capsys)
    assert closer_main([*argv, "--second-passphrase-file", short]) == 1
    assert "already locked" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["lock", "unlock", "history", "export"])
def test_a_passphrase_is_never_an_argument(command: str, home: Path) -> None:
    with pytest.raises(SystemExit):
        closer_main([command, "--data-dir", str(home), "--passphrase", "visible to everyone"])
