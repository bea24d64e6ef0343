"""The content library: everything loads, there is enough of it, it is honest and inclusive,
and a couple's own file can add to it without ever breaking it."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from helpers import imported_from
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from closer_tui.core import content
from closer_tui.core.content import (
    OWN_CONTENT_EXAMPLE,
    Claim,
    Library,
    Plan,
    PlanStep,
    Source,
    Why,
    library,
    load_library,
    package_files,
)

LIB = library()

# --- helpers ------------------------------------------------------------------------


def walk(value: object, path: str = "library") -> Iterator[tuple[str, object]]:
    """Every model, list item and string in the library, with a readable path."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            label = getattr(item, "id", index)
            yield from walk(item, f"{path}[{label}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# --- loading ------------------------------------------------------------------------


def test_every_package_file_parses_and_names_only_library_fields() -> None:
    names = package_files()
    assert "hug.toml" in names and "safety.toml" in names and "plans.toml" in names
    seen: set[str] = set()
    for name in names:
        text = resources.files("closer_tui.content").joinpath(name).read_text("utf-8")
        data = tomllib.loads(text)
        assert data, f"{name} is empty"
        assert set(data) <= set(Library.model_fields), f"{name} has unknown sections"
        assert not (set(data) & seen), f"{name} repeats a section"
        seen |= set(data)
    required = {name for name, field in Library.model_fields.items() if field.is_required()}
    # A deck whose file is not written yet (dates, this or that…) is simply empty.
    assert required <= seen <= set(Library.model_fields), "every required field has a file"


def test_library_is_built_once_and_frozen() -> None:
    assert library() is LIB
    with pytest.raises(ValidationError):
        LIB.hug.seconds = 3  # type: ignore[misc]


def test_a_section_defined_twice_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(content, "package_files", lambda: ["a.toml", "b.toml"])
    monkeypatch.setattr(content, "_read_package_file", lambda name: {"hug": {}})
    with pytest.raises(ValueError, match="defines hug again"):
        content.library.__wrapped__()


# --- enough for months ---------------------------------------------------------------


def test_each_depth_and_theme_is_enough_for_months() -> None:
    # The totals are the models' own minimums (Field(min_length=…)); what they cannot say is
    # that every depth and every theme has enough of its own, and every starter week is there.
    for depth in ("light", "deeper", "deep"):
        assert len(LIB.questions_at(depth)) >= 35, depth
    for theme in ("hopes", "fears", "memories", "gratitude", "struggles", "needs"):
        assert sum(p.theme == theme for p in LIB.inner_world) >= 6, theme
    assert {step.when for step in LIB.starter_plan} == {
        "tonight",
        "tomorrow",
        "this-week",
        "this-month",
    }


def test_questions_escalate_light_to_deep_in_file_order() -> None:
    order = {"light": 0, "deeper": 1, "deep": 2}
    ranks = [order[q.depth] for q in LIB.questions]
    assert ranks == sorted(ranks)


def test_seven_practices_in_order() -> None:
    assert [p.id for p in LIB.practices] == [
        "daily-connection",
        "affection",
        "questions",
        "safety",
        "inner-world",
        "digital",
        "appreciation",
    ]


def test_five_exercises() -> None:
    assert [e.id for e in LIB.exercises] == [
        "eye-gazing",
        "appreciation-ritual",
        "temperature-reading",
        "love-maps",
        "weekly-checkin",
    ]
    assert LIB.exercise("weekly-checkin").minutes == 30
    assert LIB.eye_gazing.min_minutes <= 3 == LIB.eye_gazing.default_minutes


def test_dtr_has_five_steps_in_order_and_only_complaints_need_a_request() -> None:
    assert [s.id for s in LIB.dtr] == [
        "appreciations",
        "new-information",
        "puzzles",
        "complaints",
        "wishes",
    ]
    assert [s.id for s in LIB.dtr if s.needs_request] == ["complaints"]
    assert "rebut" in LIB.dtr_listener
    assert "not affiliated with or endorsed by" in LIB.dtr_credit


def test_the_four_patterns_beside_their_antidotes() -> None:
    pairs = {p.id: p.antidote for p in LIB.horsemen}
    assert pairs == {
        "criticism": "Gentle start-up",
        "contempt": "A culture of appreciation",
        "defensiveness": "Taking responsibility",
        "stonewalling": "Self-soothing",
    }
    assert "Gottman" in LIB.horsemen_credit
    assert "not affiliated with or endorsed by" in LIB.horsemen_credit


def test_small_fixed_shapes() -> None:
    assert len(LIB.weekly_checkin.questions) == 3
    assert LIB.stress_talk.minutes_options == [20, 30]
    assert "outside" in LIB.stress_talk.outside_only
    assert "not a diagnosis" in LIB.attachment.disclaimer
    leanings = [item.leans for item in LIB.attachment.quiz]
    for style in LIB.attachment.styles:
        assert leanings.count(style.id) >= 3, style.id
    assert {g.id for g in LIB.guides} >= {"rebuilding", "barriers", "therapy", "evidence"}


# --- plans ----------------------------------------------------------------------------


def test_built_in_plans_are_as_specified_and_add_up() -> None:
    expected = {
        "tonight-30": (
            30,
            [
                ("phones_away", 2),
                ("hug", 1),
                ("appreciations", 4),
                ("stress_talk", 10),
                ("question", 5),
                ("eye_gazing", 3),
                ("needs", 5),
            ],
        ),
        "weekly-checkin": (30, [("hug", 1), ("dtr", 15), ("weekly_checkin", 14)]),
        "quick-reconnect": (10, [("hug", 1), ("question", 5), ("appreciations", 4)]),
        "after-a-hard-moment": (
            35,
            [
                ("settle_in", 3),
                ("feelings", 5),
                ("hard_moment", 10),
                ("hard_moment", 5),
                ("hard_moment", 4),
                ("hard_moment", 4),
                ("appreciations", 4),
            ],
        ),
    }
    assert [p.id for p in LIB.plans] == list(expected)
    for plan in LIB.plans:
        minutes, steps = expected[plan.id]
        assert plan.minutes == minutes == sum(step.minutes for step in plan.steps)
        assert [(s.activity, s.minutes) for s in plan.steps] == steps
    assert LIB.plan("tonight-30").steps[4].options == {"depth": "deeper"}
    assert LIB.plan("quick-reconnect").steps[1].options == {"depth": "light"}
    assert LIB.plan("quick-reconnect").steps[2].options == {"count": 1}


def test_a_plan_whose_minutes_do_not_add_up_is_refused() -> None:
    with pytest.raises(ValidationError, match="add up to 3 minutes but the plan says 5"):
        Plan(
            id="short",
            title="Short",
            minutes=5,
            summary="Too short.",
            steps=[PlanStep(activity="hug", title="Hug", minutes=3)],
        )


@pytest.mark.parametrize(
    ("activity", "options"),
    [("dance", {}), ("question", {"depth": "deepest"}), ("appreciations", {"count": 0})],
)
def test_a_bad_plan_step_is_refused(activity: str, options: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        PlanStep.model_validate(
            {"activity": activity, "title": "Step", "minutes": 1, "options": options}
        )


# --- no repeats ------------------------------------------------------------------------


def test_no_two_items_the_same_within_any_list() -> None:
    checked = 0
    for path, value in walk(LIB):
        if not isinstance(value, list) or not value:
            continue
        if all(isinstance(item, str) for item in value):
            texts = [normalise(item) for item in value]
        elif all(hasattr(item, "id") for item in value):
            ids = [item.id for item in value]
            assert len(ids) == len(set(ids)), f"{path} repeats an id"
            texts = [normalise(getattr(item, "text", item.id)) for item in value]
        else:
            continue
        repeated = {t for t in texts if texts.count(t) > 1}
        assert not repeated, f"{path} repeats {repeated}"
        checked += 1
    assert checked > 20


def test_no_question_is_repeated_between_the_deck_and_love_maps() -> None:
    deck = {normalise(q.text) for q in LIB.questions}
    assert not deck & {normalise(q.text) for q in LIB.love_maps}


# --- honest ---------------------------------------------------------------------------------


def test_every_why_has_claims_with_sources() -> None:
    whys = [value for _, value in walk(LIB) if isinstance(value, Why)]
    assert len(whys) >= 7 + 5 + 3  # practices, exercises, hug, tally, attachment
    for why in whys:
        assert why.claims
        for claim in why.claims:
            assert claim.sources and all(s.cite.strip() for s in claim.sources)
            assert re.search(r"\b(19|20)\d\d\b|Satir", " ".join(s.cite for s in claim.sources))


def all_claims() -> list[Claim]:
    return [value for _, value in walk(LIB) if isinstance(value, Claim)]


def cites(claim: Claim, author: str) -> bool:
    return any(author in source.cite for source in claim.sources)


def test_overclaimed_findings_carry_their_caveats() -> None:
    claims = all_claims()
    five_to_one = [c for c in claims if cites(c, "Gottman, 1994") and "five" in c.text]
    assert five_to_one
    for claim in five_to_one:
        assert claim.strength == "rule of thumb"
        assert "conflict" in (claim.text + claim.caveat) or "disagreement" in claim.text
    twenty_seconds = [c for c in claims if cites(c, "Grewen, Anderson")]
    assert twenty_seconds and all(
        "threshold" in c.caveat or "magic" in c.caveat for c in twenty_seconds
    )
    aron = [c for c in claims if cites(c, "Aron, Melinat")]
    assert any("strangers" in c.text + c.caveat for c in aron)
    assert any("eye-gazing" in c.text + c.caveat for c in aron)
    eft = [c for c in claims if cites(c, "Johnson, Hunsley")]
    assert eft and all("therapist" in c.text + c.caveat for c in eft)


def test_the_evidence_guide_names_where_the_article_overclaims() -> None:
    body = LIB.guide("evidence").body
    for needle in ("53%", "Indonesian", "Kinsey", "oxytocin", "5:1", "eye-gazing", "EFT"):
        assert needle in body, needle


def test_nothing_outside_the_evidence_promises_hormones() -> None:
    for path, value in walk(LIB):
        if not isinstance(value, str) or "oxytocin" not in value.casefold():
            continue
        # Oxytocin may only be named where a claim, its caveat, a title or the evidence page
        # explains what was (and wasn't) shown.
        assert re.search(r"\.(text|caveat|title|measured|sample)$|guides\[evidence\]", path), path


# --- inclusive ------------------------------------------------------------------------------

ASSUMING = re.compile(
    r"\b(he|she|him|his|her|hers|himself|herself|husbands?|wife|wives|marriages?|married"
    r"|marital|boyfriends?|girlfriends?|spouses?|brides?|grooms?)\b",
    re.IGNORECASE,
)
PROPER_NAMES = (
    "American Association for Marriage and Family Therapy",
    "licensed marriage and family therapist",
)
"""Organisations and professional titles whose names happen to contain an assuming word."""


def test_no_shown_text_assumes_gender_or_marriage() -> None:
    strings = 0
    for path, value in walk(LIB):
        if not isinstance(value, str):
            continue
        strings += 1
        # Source titles and venues are cited as published; the evidence page quotes the article.
        is_source_title = path.endswith((".title", ".venue")) and ".sources[" in path
        if is_source_title or path == "library.guides[evidence].body":
            continue
        for name in PROPER_NAMES:
            value = value.replace(name, "")
        found = ASSUMING.search(value)
        assert found is None, f"{path} says {found.group(0)!r}: {value[:80]}"
    assert strings > 700


def test_the_inclusive_check_would_catch_an_assuming_word() -> None:
    assert ASSUMING.search("Ask your husband about his day.")
    assert not ASSUMING.search("Ask them about the other things there.")


def test_source_titles_are_the_only_place_allowed_to_differ() -> None:
    titled = [value for _, value in walk(LIB) if isinstance(value, Source) and value.title]
    assert titled, "sources carry titles"


# --- a couple's own content -----------------------------------------------------------------


def a_plan(plan_id: str, minutes: int, *activities: str) -> str:
    """A plan of our own as my-content.toml holds it: ``minutes`` in all, a minute a step."""
    steps = "".join(
        f'  {{ activity = "{kind}", title = "{kind.title()}", minutes = 1 }},\n'
        for kind in activities
    )
    return (
        f'[[plans]]\nid = "{plan_id}"\ntitle = "Ours"\nminutes = {minutes}\n'
        f'summary = "Ours."\nsteps = [\n{steps}]\n'
    )


def own(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "my-content.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def test_no_own_file_gives_the_built_in_library(tmp_path: Path) -> None:
    assert load_library(None) == (LIB, [])
    assert load_library(tmp_path / "missing.toml") == (LIB, [])


def test_a_good_own_file_adds_items(tmp_path: Path) -> None:
    lib, problems = load_library(own(tmp_path, OWN_CONTENT_EXAMPLE))
    assert problems == []
    assert len(lib.questions) == len(LIB.questions) + 1
    assert len(lib.love_maps) == len(LIB.love_maps) + 1
    assert len(lib.inner_world) == len(LIB.inner_world) + 1
    assert len(lib.affection) == len(LIB.affection) + 1
    assert lib.plan("sunday-20").minutes == 20
    added = lib.questions[-1]
    assert added.depth == "light" and added.id.startswith("my-")
    # The same text gives the same id next time, so history can remember it.
    assert load_library(own(tmp_path, OWN_CONTENT_EXAMPLE))[0].questions[-1].id == added.id
    assert LIB.questions[-1].id != added.id, "the built-in library is untouched"


def test_own_ids_are_kept(tmp_path: Path) -> None:
    text = '[[questions]]\nid = "our-first"\ndepth = "deep"\ntext = "Where shall we grow old?"\n'
    lib, problems = load_library(own(tmp_path, text))
    assert problems == []
    assert lib.questions[-1].id == "our-first"
    assert lib.questions_at("deep")[-1].text == "Where shall we grow old?"


def test_broken_toml_is_reported_with_its_line(tmp_path: Path) -> None:
    lib, problems = load_library(own(tmp_path, '[[questions]]\ndepth = "light"\ntext = "oops\n'))
    assert lib is LIB
    assert len(problems) == 1
    assert "my-content.toml" in problems[0] and "line 3" in problems[0]


def test_a_bad_item_is_named_by_index_and_line(tmp_path: Path) -> None:
    text = (
        "[[questions]]\n"
        'depth = "light"\n'
        'text = "Fine?"\n'
        "\n"
        "[[questions]]\n"
        'depth = "deepest"\n'
        'text = "Too deep?"\n'
    )
    lib, problems = load_library(own(tmp_path, text))
    assert lib is LIB, "all or nothing: the good item is not added either"
    assert len(problems) == 1
    assert "my-content.toml, [[questions]] item 2, line 5" in problems[0]
    assert "depth" in problems[0]


def test_a_colliding_id_is_reported(tmp_path: Path) -> None:
    builtin = LIB.questions[0].id
    text = f'[[questions]]\nid = "{builtin}"\ndepth = "light"\ntext = "Mine now?"\n'
    lib, problems = load_library(own(tmp_path, text))
    assert lib is LIB
    assert len(problems) == 1
    assert builtin in problems[0] and "built-in" in problems[0] and "item 1" in problems[0]


def test_a_colliding_plan_id_is_reported(tmp_path: Path) -> None:
    lib, problems = load_library(own(tmp_path, a_plan("tonight-30", 1, "hug")))
    assert lib is LIB and "tonight-30" in problems[0]


def test_an_id_used_twice_in_the_own_file_is_reported(tmp_path: Path) -> None:
    item = '[[affection]]\nid = "ours"\ntext = "Hold hands."\n'
    lib, problems = load_library(own(tmp_path, item + item.replace("Hold", "Squeeze")))
    assert lib is LIB
    assert any("used twice" in p and "item 2" in p for p in problems)


def test_a_plan_that_does_not_add_up_is_reported(tmp_path: Path) -> None:
    lib, problems = load_library(own(tmp_path, a_plan("ours", 9, "hug")))
    assert lib is LIB
    assert "[[plans]] item 1" in problems[0] and "add up" in problems[0]


def test_an_unknown_section_or_shape_is_reported(tmp_path: Path) -> None:
    lib, problems = load_library(own(tmp_path, 'questions = "lots"\n[[jokes]]\ntext = "Hi"\n'))
    assert lib is LIB
    assert any("jokes" in p for p in problems)
    assert any("[[questions]] must be a list" in p for p in problems)


def test_a_file_that_is_not_text_is_reported(tmp_path: Path) -> None:
    lib, problems = load_library(own(tmp_path, b"\xff\xfe\x00 not utf-8"))
    assert lib is LIB and "my-content.toml" in problems[0]


def test_a_folder_in_place_of_the_file_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "my-content.toml"
    folder.mkdir()
    lib, problems = load_library(folder)
    assert lib is LIB and "my-content.toml" in problems[0]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300) | st.binary(max_size=300))
def test_load_library_never_raises(tmp_path: Path, junk: str | bytes) -> None:
    lib, problems = load_library(own(tmp_path, junk))
    assert isinstance(lib, Library)
    assert all(isinstance(p, str) and p for p in problems)
    if problems:
        assert lib is LIB


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "depth": st.sampled_from(["light", "deeper", "deep", "shallow"]),
                "text": st.text(max_size=40),
            }
        ),
        max_size=4,
    )
)
def test_own_questions_are_added_or_refused_never_half(
    tmp_path: Path, items: list[dict[str, str]]
) -> None:
    lines = []
    for item in items:
        text = item["text"].replace("\\", "\\\\").replace('"', '\\"')
        text = "".join(c if c.isprintable() else " " for c in text)
        lines.append(f'[[questions]]\ndepth = "{item["depth"]}"\ntext = "{text}"\n')
    lib, problems = load_library(own(tmp_path, "\n".join(lines)))
    if problems:
        assert lib is LIB
    else:
        assert len(lib.questions) == len(LIB.questions) + len(items)


# --- architecture ----------------------------------------------------------------------------


def test_core_content_does_not_import_textual() -> None:
    reading_the_library = "import closer_tui.core.content as c; c.library()"
    assert imported_from(["textual"], after=reading_the_library) == []


def test_problems_inside_an_item_count_from_one(tmp_path: Path) -> None:
    lib, problems = load_library(own(tmp_path, a_plan("ours", 2, "hug", "dance")))
    assert lib is LIB
    assert "steps #2 → activity" in problems[0]


def test_guides_keep_their_paragraphs() -> None:
    # A TOML line-ending backslash also swallows blank lines; this guards the Markdown.
    for guide in LIB.guides:
        assert "\n\n" in guide.body, guide.id
        assert "\n- " in guide.body, guide.id
