"""Every file format closer ever wrote loads forever, and unknown fields survive."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from safety_kit import couple, record

from closer_tui.core.models import COUPLE_SCHEMA, DRAFT_SCHEMA, KEEPSAKES_SCHEMA, SESSION_SCHEMA
from closer_tui.core.store import Store

DATA = Path(__file__).parents[1] / "data"


def test_there_is_an_example_of_every_schema_version() -> None:
    for kind, newest in (
        ("couple", COUPLE_SCHEMA),
        ("session", SESSION_SCHEMA),
        ("draft", DRAFT_SCHEMA),
        ("keepsakes", KEEPSAKES_SCHEMA),
    ):
        for version in range(1, newest + 1):
            assert (DATA / f"{kind}_v{version}.json").is_file(), (
                f"keep an example of {kind} v{version}"
            )


@pytest.fixture
def examples(tmp_path: Path) -> Store:
    store = Store.open(tmp_path)
    for example in sorted(DATA.glob("couple_v*.json")):
        shutil.copy(example, store.couple_path)  # only the newest stays: each is checked below
    for example in DATA.glob("session_v*.json"):
        shutil.copy(example, store.sessions_dir / f"{example.stem}.json")
    for example in DATA.glob("draft_v*.json"):
        shutil.copy(example, store.drafts_dir / f"{example.stem}.json")
    return store


def test_every_example_file_loads(examples: Store) -> None:
    for example in sorted(DATA.glob("couple_v*.json")):
        shutil.copy(example, examples.couple_path)
        loaded = examples.load_couple()
        assert loaded is not None, example.name
        assert (loaded.first.name, loaded.second.name) == ("Ana", "Sam")
    history = examples.load_history()
    assert history.notices == []
    assert len(history.sessions) == len(list(DATA.glob("session_v*.json")))
    evening = history.sessions[0]
    assert evening.steps[1].entries[0].text == "You made tea when I was tired. ☕"
    assert evening.steps[1].entries[2].parts["request"] == "a walk on Sunday"
    drafts = examples.load_drafts()
    assert [d.step_index for d in drafts] == [1]
    for example in sorted(DATA.glob("keepsakes_v*.json")):
        shutil.copy(example, examples.keepsakes_path)
        kept = examples.load_keepsakes()
        assert kept.recall("digital", "zones") == ["The dinner table", "The bedroom after 10"]
    assert examples.notices == []


def test_keepsakes_a_first_closer_kept_in_couple_json_move_to_their_own_file(
    tmp_path: Path,
) -> None:
    store = Store.open(tmp_path)
    shutil.copy(DATA / "couple_v1.json", store.couple_path)
    old = json.loads((DATA / "couple_v1.json").read_text())["keepsakes"]
    assert store.load_keepsakes().sections == old
    kept = store.remember("digital", "zones", ["The sofa"])
    assert kept.sections == {**old, "digital": {"zones": ["The sofa"]}}
    settings = store.load_couple()
    assert settings is not None and settings.revision == 3  # remembering is no settings change
    store.save_couple(settings)
    assert "keepsakes" not in json.loads(store.couple_path.read_text())
    assert Store.open(tmp_path).load_keepsakes() == kept


def test_a_settings_save_carries_old_keepsakes_over_before_dropping_them(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    shutil.copy(DATA / "couple_v1.json", store.couple_path)
    old = json.loads((DATA / "couple_v1.json").read_text())["keepsakes"]
    settings = store.load_couple()
    assert settings is not None
    store.save_couple(settings.model_copy(update={"second": settings.first}))
    assert "keepsakes" not in json.loads(store.couple_path.read_text())
    assert json.loads(store.keepsakes_path.read_text())["sections"] == old
    assert Store.open(tmp_path).load_keepsakes().sections == old


def test_unknown_fields_survive_a_settings_update(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.save_couple(couple())
    raw = json.loads(store.couple_path.read_text())
    raw["from_the_future"] = {"kept": [1, "two"]}
    raw["first"]["pronouns"] = "she/her"
    raw["preferences"]["night_mode"] = "auto"
    store.couple_path.write_text(json.dumps(raw))

    store.update_couple(
        lambda c: c.model_copy(
            update={"preferences": c.preferences.model_copy(update={"bell": False})}
        )
    )
    rewritten = json.loads(store.couple_path.read_text())
    assert rewritten["from_the_future"] == {"kept": [1, "two"]}
    assert rewritten["first"]["pronouns"] == "she/her"
    assert rewritten["preferences"]["night_mode"] == "auto"
    assert rewritten["preferences"]["bell"] is False


def test_unknown_fields_survive_a_session_saved_again(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    path = store.save_session(record("hello"))
    raw = json.loads(path.read_text())
    raw["mood"] = "sunny"
    raw["entries"][0]["voice_note"] = {"seconds": 3}
    raw["steps"] = [{"kind": "hug", "title": "Hug", "pressure": "firm"}]
    path.write_text(json.dumps(raw))

    [loaded] = store.load_history().sessions
    path.unlink()
    store.save_session(loaded)
    again = json.loads(path.read_text())
    assert again["mood"] == "sunny"
    assert again["entries"][0]["voice_note"] == {"seconds": 3}
    assert again["steps"][0]["pressure"] == "firm"
