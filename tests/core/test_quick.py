"""The first frame's quick reads: they agree with the store and the library, or say None."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import get_args

import pytest
from helpers import imported_from
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from closer_tui.core import basics, models, quick
from closer_tui.core.content import library
from closer_tui.core.files import MAX_FILE_BYTES
from closer_tui.core.models import Couple, Partner, Preferences
from closer_tui.core.quick import Catalog, QuickCouple, QuickPartner, built_in_catalog, read_couple
from closer_tui.core.store import Store


def saved(root: Path, couple: Couple) -> Path:
    Store.open(root).save_couple(couple)
    return root


def write(root: Path, data: object) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "couple.json").write_text(json.dumps(data), "utf-8")
    return root


def good() -> dict[str, object]:
    return {
        "schema": 1,
        "first": {"name": "Alex", "colour": "orange"},
        "second": {"name": "Sam", "colour": "sky"},
        "preferences": {"theme": "textual-light"},
    }


# --- the same rules as the models and the store ---------------------------------------


def test_constants_match_the_models_and_the_store() -> None:
    assert set(basics.PALETTE) == set(get_args(models.ColourName))
    assert Preferences().theme == basics.DEFAULT_THEME
    Partner(name="x" * basics.NAME_MAX, colour="sky")
    with pytest.raises(ValidationError):
        Partner(name="x" * (basics.NAME_MAX + 1), colour="sky")


def test_a_saved_couple_reads_back(tmp_path: Path) -> None:
    couple = Couple(
        first=Partner(name=" Alex ", colour="orange"),
        second=Partner(name="Sam", colour="pink"),
        preferences=Preferences(theme="nord"),
    )
    assert read_couple(saved(tmp_path, couple)) == QuickCouple(
        QuickPartner("Alex", "orange"), QuickPartner("Sam", "pink"), "nord"
    )
    assert QuickPartner("Sam", "pink").hex == models.PALETTE["pink"]


names = st.text(min_size=1, max_size=40).filter(lambda n: 1 <= len(n.strip()) <= 40)


def test_names_are_stripped_as_the_model_strips_them(tmp_path: Path) -> None:
    # Python's str.strip() also takes U+001C-1F, which pydantic keeps.
    for name in ["\x1cAlex\x1f", "\u3000Alex\u00a0", " \tAlex\n"]:
        couple = Couple(first=Partner(name=name, colour="sky"), second=good_partner())
        view = read_couple(saved(Path(tempfile.mkdtemp(dir=tmp_path)), couple))
        assert view is not None and view.first.name == couple.first.name


def test_the_white_space_list_is_unicodes() -> None:
    assert set(quick._WHITE_SPACE) == {
        chr(c) for c in range(0x110000) if chr(c).isspace() and not 0x1C <= c <= 0x1F
    }


def good_partner() -> Partner:
    return Partner(name="Sam", colour="orange")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=names, second=names, colours=st.permutations(list(models.PALETTE)))
def test_whatever_the_store_writes_reads_the_same(
    tmp_path: Path, first: str, second: str, colours: list[str]
) -> None:
    couple = Couple.model_validate(
        {
            "first": {"name": first, "colour": colours[0]},
            "second": {"name": second, "colour": colours[1]},
        }
    )
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    Store.open(root).save_couple(couple)
    view = read_couple(root)
    assert view is not None
    assert (view.first.name, view.first.colour) == (couple.first.name, couple.first.colour)
    assert (view.second.name, view.second.colour) == (couple.second.name, couple.second.colour)
    assert view.theme == couple.preferences.theme


def test_no_file_no_folder(tmp_path: Path) -> None:
    assert read_couple(tmp_path) is None
    assert read_couple(tmp_path / "missing") is None


@pytest.mark.parametrize(
    "change",
    [
        {"schema": 2},  # newer: the store leaves it alone
        {"schema": 0},  # older: the store migrates it
        {"schema": None},
        {"schema": True},
        {"first": {"name": "   ", "colour": "orange"}},
        {"first": {"name": "x" * 41, "colour": "orange"}},
        {"first": {"name": "Alex", "colour": "teal"}},
        {"second": "Sam"},
        {"preferences": {"theme": 3}},
        {"preferences": []},
    ],
)
def test_anything_unexpected_is_left_to_the_store(
    tmp_path: Path, change: dict[str, object]
) -> None:
    assert read_couple(write(tmp_path, good() | change)) is None


def test_not_json_not_a_dict_or_too_deep(tmp_path: Path) -> None:
    tmp_path.joinpath("couple.json").write_bytes(b"\xff{ nope")
    assert read_couple(tmp_path) is None
    assert read_couple(write(tmp_path, [good()])) is None
    tmp_path.joinpath("couple.json").write_text("[" * 100_000, "utf-8")
    assert read_couple(tmp_path) is None


def test_no_schema_is_left_to_the_store(tmp_path: Path) -> None:
    data = good()
    del data["schema"]
    assert read_couple(write(tmp_path, data)) is None


def test_a_link_a_folder_or_a_huge_file_is_left_to_the_store(tmp_path: Path) -> None:
    elsewhere = write(tmp_path / "elsewhere", good()) / "couple.json"
    root = tmp_path / "data"
    root.mkdir()
    (root / "couple.json").symlink_to(elsewhere)
    assert read_couple(root) is None
    (root / "couple.json").unlink()
    (root / "couple.json").mkdir()
    assert read_couple(root) is None
    (root / "couple.json").rmdir()
    with open(root / "couple.json", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    assert read_couple(root) is None


def test_reading_changes_nothing(tmp_path: Path) -> None:
    root = write(tmp_path, good())
    os.chmod(root / "couple.json", 0o644)
    before = (root / "couple.json").read_bytes()
    assert read_couple(root) is not None
    assert (root / "couple.json").read_bytes() == before
    assert os.stat(root / "couple.json").st_mode & 0o777 == 0o644
    assert sorted(p.name for p in root.iterdir()) == ["couple.json"]


# --- the catalog -----------------------------------------------------------------------


def test_the_built_in_catalog_is_the_validated_librarys() -> None:
    assert built_in_catalog() == Catalog.of(library())


def test_an_unclean_cut_falls_back_to_the_whole_file(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        '[[practices]]\nid = "a"\nnote = """\n[practices.why]\nnot a header"""\n'
        "[practices.why]\nsummary = 'x'\n"
        '[[practices]]\nid = "b"\n'
    )
    monkeypatch.setattr(quick, "_content_text", lambda name: text)
    items = quick._section("practices")
    assert [item["id"] for item in items] == ["a", "b"]
    assert items[0]["note"] == "[practices.why]\nnot a header"
    assert items[0]["why"] == {"summary": "x"}


def test_a_clean_cut_keeps_only_the_items_own_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        '[[plans]]\nid = "a"\nsteps = [\n  { x = 1 },\n]\n[plans.why]\ns = 1\n[[plans]]\nid = "b"\n'
    )
    monkeypatch.setattr(quick, "_content_text", lambda name: text)
    assert quick._section("plans") == [{"id": "a", "steps": [{"x": 1}]}, {"id": "b"}]


# --- the point of it all -----------------------------------------------------------------


def test_the_first_frame_imports_no_pydantic() -> None:
    first_frame = (
        "import closer_tui.__main__, closer_tui.app, closer_tui.screens.home, "
        "closer_tui.screens.catalog, closer_tui.commands, closer_tui.core.quick"
    )
    slow = ("closer_tui.core.models", "closer_tui.core.store", "closer_tui.core.content")
    packages = ("pydantic", "pydantic_core", "tomllib")
    assert imported_from(packages, after=first_frame, or_modules=slow) == []
