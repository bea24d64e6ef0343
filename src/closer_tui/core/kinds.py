"""What each kind of session is called, in the couple's words: one table for every page.

The history's filter, the keepsake of the year and the favourites shelf all
name a kind the same way; a kind closer does not know yet (a newer closer's,
a couple's own) is named from its id rather than hidden.
"""

from __future__ import annotations

GUIDED = "guided"

KIND_LABELS = {
    GUIDED: "Guided sessions",
    "hug": "Hugs",
    "question": "Questions",
    "appreciations": "Appreciations",
    "appreciation": "Appreciations",
    "dtr": "Temperature readings (DTR)",
    "weekly_checkin": "Weekly check-ins",
    "connection_check": "Connection checks",
    "eye_gazing": "Eye gazing",
    "inner_world": "Inner world",
    "love_maps": "Love Maps",
    "stress_talk": "Stress-reducing talks",
    "good_tally": "Noticing the good",
    "touch_ideas": "Touch and affection",
    "phones_away": "Phones away",
    "unplugged": "Unplugged time",
    "just_listen": "Just listening",
    "i_statement": "I-statements",
    "safety_check": "Safety checks",
    "needs": "Needs for the week",
    "attachment_quiz": "Attachment reflections",
    "gentle_start": "Gentle start-ups",
    "settle_in": "Settling in",
    "feelings": "Feelings, shared",
    "hard_moment": "Talking a hard moment over",
    "deck": "Card decks",
}


def kind_label(kind: str) -> str:
    """The plural name of a kind ("Hugs"); an unknown kind by its id, made readable."""
    label = KIND_LABELS.get(kind)
    if label is not None:
        return label
    plain = " ".join(kind.replace("_", " ").replace("-", " ").split())
    return plain.capitalize() if plain else "Something else"
