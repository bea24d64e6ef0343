"""Deck packs: shared as TOML, taken in only after every card is checked, data only, and
never able to write anywhere but closer's own ``decks`` folder in the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from closer_tui.__main__ import main as closer_main
from closer_tui.core.basics import OWN_CONTENT_FILE
from closer_tui.core.content import library, load_library
from closer_tui.core.packs import (
    MAX_PACK_BYTES,
    PACK_EXAMPLE,
    PackError,
    exported,
    parse_pack,
    read_pack,
)
from closer_tui.core.store import Store

GOOD = """\
schema = 1

[[decks]]
id = "from-robin"
title = "From Robin"

[[questions]]
id = "robin-1"
depth = "light"
text = "What is a smell that takes you straight back somewhere?"
gentle = true

[[this_or_that]]
id = "robin-2"
text = "Sunrise or sunset?"
options = ["Sunrise", "Sunset"]
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "closer"
    Store.open(folder)
    return folder


def closer(root: Path, *args: str) -> int:
    """The ``closer`` command on the data folder ``root``."""
    return closer_main(["--data-dir", str(root), *args])


def write(tmp_path: Path, text: str, name: str = "pack.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_the_example_pack_is_a_valid_pack() -> None:
    pack = parse_pack(PACK_EXAMPLE, "example.toml")
    assert pack.deck.id == "sunday-mornings"
    assert {card.deck for card in pack.all_cards()} == {"sunday-mornings"}
    assert len(pack.all_cards()) == 3


def test_import_then_play_then_export_round_trips(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert closer(root, "deck", "import", str(write(tmp_path, GOOD))) == 0
    assert "Imported 'From Robin': 2 cards" in capsys.readouterr().out
    assert [p.name for p in (root / "decks").iterdir()] == ["from-robin.toml"]
    lib, problems = load_library(root / OWN_CONTENT_FILE)
    assert problems == []
    assert [card.id for card in lib.deck_cards("from-robin")] == ["robin-1", "robin-2"]
    out = tmp_path / "shared.toml"
    assert closer(root, "deck", "export", "from-robin", "-o", str(out)) == 0
    again = read_pack(out)
    assert again.deck == lib.deck_info("from-robin")
    assert [c.model_dump() for c in again.all_cards()] == [
        c.model_dump() for c in lib.deck_cards("from-robin")
    ]


def test_a_second_import_of_the_same_deck_asks_for_replace(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = str(write(tmp_path, GOOD))
    assert closer(root, "deck", "import", pack) == 0
    assert closer(root, "deck", "import", pack) == 1
    assert "Add --replace" in capsys.readouterr().err
    changed = write(tmp_path, GOOD.replace("Sunrise or sunset?", "Dawn or dusk?"), "v2.toml")
    assert closer(root, "deck", "import", "--replace", str(changed)) == 0
    lib, _ = load_library(root / OWN_CONTENT_FILE)
    assert lib.deck_cards("from-robin")[-1].text == "Dawn or dusk?"


def test_a_built_in_deck_is_not_exported(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.toml"
    assert closer(root, "deck", "export", "our-days", "-o", str(out)) == 1
    assert not out.exists()


def test_export_never_replaces_a_file_without_force(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    closer(root, "deck", "import", str(write(tmp_path, GOOD)))
    out = write(tmp_path, "mine", "keep.txt")
    assert closer(root, "deck", "export", "from-robin", "-o", str(out)) == 1
    assert out.read_text("utf-8") == "mine"


# --- hostile packs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (GOOD.replace('id = "from-robin"', 'id = "../../etc/passwd"'), "[[decks]]"),
        (GOOD.replace('id = "from-robin"', 'id = "/tmp/evil"'), "[[decks]]"),
        (GOOD.replace('id = "from-robin"', 'id = "Robin.toml"'), "[[decks]]"),
        (GOOD.replace('text = "Sunrise or sunset?"', "text = 5"), "line 13"),
        (GOOD.replace('["Sunrise", "Sunset"]', '["Sunrise", "Sunset", "Noon"]'), "line 13"),
        (GOOD.replace('depth = "light"', 'depth = "medium"'), "line 7"),
        (GOOD.replace('id = "robin-2"', 'id = "robin-1"'), "robin-1"),
        (GOOD.replace('id = "robin-1"', 'id = "light-01"'), "already taken"),
        (GOOD + '\n[[plans]]\nid = "p"\n', "not plans"),
        (GOOD + '\n[[intimacy]]\nid = "c"\ndepth = "light"\ntext = "Hi"\n', "not intimacy"),
        (GOOD + "\n[[decks]]\nid = 'two'\ntitle = 'Two'\n", "exactly one deck"),
        (GOOD.replace("schema = 1", "schema = 9"), "version 9"),
        (GOOD.replace("gentle = true", 'gentle = "yes, very"'), "line 7"),
        (GOOD + '\n[[questions]]\ndepth = "light"\ntext = "Hi"\ndeck = "our-days"\n', "our-days"),
        ("[[decks]\nid = ", "not a TOML file"),
        ('[[decks]]\nid = "empty"\ntitle = "Empty"\n', "no cards"),
        (GOOD.replace("[[questions]]", "questions = 3\n[[x]]"), "not x"),
    ],
)
def test_a_hostile_or_broken_pack_is_refused_whole_with_its_reason(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, said: str
) -> None:
    path = write(tmp_path, text)
    taken = {card.id for card in library().all_cards()}
    with pytest.raises(PackError) as refused:
        read_pack(path, taken)
    assert said in str(refused.value)
    assert closer(root, "deck", "import", str(path)) == 1
    assert "Nothing was imported" in capsys.readouterr().err
    assert not (root / "decks").exists() or list((root / "decks").iterdir()) == []


def test_a_huge_file_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"#" * (MAX_PACK_BYTES + 1))
    with pytest.raises(PackError, match="too big"):
        read_pack(path)


def test_not_text_a_link_and_a_folder_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(PackError, match="UTF-8"):
        read_pack(binary)
    link = tmp_path / "link.toml"
    link.symlink_to(write(tmp_path, GOOD))
    with pytest.raises(PackError, match="not a deck pack"):
        read_pack(link)
    with pytest.raises(PackError, match="not a deck pack"):
        read_pack(tmp_path)


def test_too_many_cards_are_refused() -> None:
    many = "\n".join(
        f'[[this_or_that]]\nid = "p-{n}"\ntext = "One {n} or two?"\noptions = ["One", "Two"]'
        for n in range(2001)
    )
    with pytest.raises(PackError, match="2000 at most"):
        parse_pack('[[decks]]\nid = "many"\ntitle = "Many"\n' + many, "many.toml")


def test_a_link_where_the_decks_folder_belongs_is_never_followed(
    root: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "decks").symlink_to(outside, target_is_directory=True)
    assert closer(root, "deck", "import", str(write(tmp_path, GOOD))) == 0
    assert list(outside.iterdir()) == [], "nothing was written outside the data folder"
    assert (root / "decks" / "from-robin.toml").is_file()
    assert not (root / "decks").is_symlink()


def test_a_broken_pack_in_the_folder_is_left_out_and_said_the_others_load(
    root: Path, tmp_path: Path
) -> None:
    closer(root, "deck", "import", str(write(tmp_path, GOOD)))
    (root / "decks" / "broken.toml").write_text("[[decks]\n", "utf-8")
    lib, problems = load_library(root / OWN_CONTENT_FILE)
    assert lib.deck_info("from-robin").title == "From Robin"
    assert len(problems) == 1 and "broken.toml" in problems[0]


def test_a_couples_own_cards_can_join_an_imported_deck(root: Path, tmp_path: Path) -> None:
    closer(root, "deck", "import", str(write(tmp_path, GOOD)))
    (root / OWN_CONTENT_FILE).write_text(
        '[[scales]]\ntext = "Mornings…"\nends = ["Slow", "Quick"]\ndeck = "from-robin"\n', "utf-8"
    )
    lib, problems = load_library(root / OWN_CONTENT_FILE)
    assert problems == []
    kinds = [type(c).__name__ for c in lib.deck_cards("from-robin")]
    assert kinds == ["Question", "Pick", "ScaleCard"]


def test_export_writes_only_the_decks_cards(tmp_path: Path) -> None:
    pack = parse_pack(GOOD, "good.toml")
    text = exported(pack.deck, [*pack.all_cards(), *library().questions[:3]])
    assert parse_pack(text, "again.toml").all_cards() == pack.all_cards()
