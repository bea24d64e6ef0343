"""Practices and exercises, built from their content: try it, why, how, ideas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from closer_tui.activities import activity_class
from closer_tui.core.content import ActivityKind, Library
from closer_tui.screens.activity import ActivityScreen, bullet_list

if TYPE_CHECKING:
    from closer_tui.app import CloserApp

Try = tuple[str, ActivityKind, dict[str, Any]]

PRACTICE_TRIES: dict[str, list[Try]] = {
    "daily-connection": [("Talk", "stress_talk", {})],
    "affection": [("Hug", "hug", {}), ("Touch ideas", "touch_ideas", {})],
    "questions": [("Tonight's question", "question", {})],
    "safety": [("Self-check", "safety_check", {}), ("Gentle start", "gentle_start", {})],
    "inner-world": [
        ("Prompt cards", "inner_world", {}),
        ("I-statement", "i_statement", {}),
        ("Just listen", "just_listen", {}),
    ],
    "digital": [("Unplugged", "unplugged", {})],
    "appreciation": [("Appreciations", "appreciations", {}), ("Notice the good", "good_tally", {})],
}

EXERCISE_TRIES: dict[str, Try] = {
    "eye-gazing": ("Eye gazing", "eye_gazing", {}),
    "appreciation-ritual": ("Three each", "appreciations", {"count": 3}),
    "temperature-reading": ("Temperature reading", "dtr", {}),
    "love-maps": ("Love Maps", "love_maps", {}),
    "weekly-checkin": ("Check-in", "weekly_checkin", {}),
}


def _tabs(tries: list[Try]) -> list[tuple[str, Any]]:
    return [(label, activity_class(kind)(options=options)) for label, kind, options in tries]


def patterns_markdown(library: Library) -> str:
    parts = []
    for pattern in library.horsemen:
        parts.append(
            f"### {pattern.name} → {pattern.antidote}\n\n"
            f"{pattern.looks_like}\n\n> {pattern.example}\n\n"
            f"**Instead:** {pattern.antidote_how}\n\n> {pattern.antidote_example}"
        )
    parts.append(
        "*The four patterns and their antidotes are paraphrased from John Gottman's "
        "research and teaching (Gottman, 1994; Gottman & Silver, 1999); closer is "
        "not affiliated with or endorsed by the Gottman Institute.*"
    )
    return "\n\n".join(parts)


def phrases_markdown(library: Library) -> str:
    phrases = library.phrases
    return (
        "### When your partner shares something hard\n\n"
        + bullet_list(phrases.validation)
        + "\n\n### To repair, in the middle of a rough moment\n\n"
        + bullet_list(phrases.repair)
    )


def practice_screen(app: CloserApp, practice_id: str) -> ActivityScreen:
    library = app.library
    practice = library.practice(practice_id)
    reading = [("How", bullet_list(practice.how)), ("Ideas", bullet_list(practice.ideas))]
    if practice_id == "safety":
        reading[:0] = [
            ("Four patterns", patterns_markdown(library)),
            ("Phrases", phrases_markdown(library)),
        ]
    # No safety note here: the help page always carries it in full, and the
    # activities where conflict or private answers come up show it once, at their start.
    return ActivityScreen(
        f"{practice.number} · {practice.title}",
        _tabs(PRACTICE_TRIES[practice_id]),
        why=practice.why,
        reading=reading,
        help_text=f"**{practice.number}. {practice.title}.** {practice.tagline}",
    )


def exercise_screen(app: CloserApp, exercise_id: str) -> ActivityScreen:
    library = app.library
    exercise = library.exercise(exercise_id)
    return ActivityScreen(
        exercise.title,
        _tabs([EXERCISE_TRIES[exercise_id]]),
        why=exercise.why,
        reading=[("How", bullet_list(exercise.how))],
        help_text=f"**{exercise.title}.** {exercise.tagline}",
    )
