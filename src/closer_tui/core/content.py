"""Every word closer shows a couple, loaded from ``content/*.toml`` and validated.

The package's files are the built-in library. A couple can add their own
cards in ``my-content.toml`` in their data directory; those are validated the
same way and a mistake there is reported, never fatal (see :func:`load_library`).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, Self, TypeVar, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]

Strength = Literal["strong", "moderate", "preliminary", "rule of thumb", "clinical practice"]
"""How much weight the evidence behind a claim can bear, said honestly."""

Depth = Literal["light", "deeper", "deep"]
"""How far a question reaches, in the order a deck escalates."""

InnerTheme = Literal["hopes", "fears", "memories", "gratitude", "struggles", "needs"]
"""The themes of the inner-world prompt cards."""

StarterWhen = Literal["tonight", "tomorrow", "this-week", "this-month"]

ActivityKind = Literal[
    "phones_away",
    "hug",
    "touch_ideas",
    "stress_talk",
    "question",
    "safety_check",
    "inner_world",
    "i_statement",
    "just_listen",
    "unplugged",
    "appreciations",
    "good_tally",
    "eye_gazing",
    "dtr",
    "love_maps",
    "weekly_checkin",
    "needs",
    "connection_check",
    "attachment_quiz",
    "deck",
    "settle_in",
    "feelings",
    "hard_moment",
    "gentle_start",
]
"""Every kind of step a guided session can hold; screens map each to a widget."""

ACTIVITY_KINDS: tuple[str, ...] = get_args(ActivityKind)


class ContentModel(BaseModel):
    # defer_build: schemas are built on first use, so importing this module stays cheap
    # for code that only needs a name from it (the app loads the library later).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --- Evidence -----------------------------------------------------------------


DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
"""A DOI as Crossref defines it: ``10.``, a registrant number, a slash and a suffix."""


class Source(ContentModel):
    """One published work, listed once in ``sources.toml`` and cited by its id."""

    id: Slug
    authors: Text = Field(description='Surnames as cited, e.g. "Aron, Melinat & Aron".')
    year: int | None = Field(None, ge=1900, le=2100, description="Empty where unconfirmed.")
    title: Text
    venue: Text = Field(description="Journal, book publisher or newspaper.")
    doi: str = Field("", description="Left empty unless checked against the publisher.")
    isbn: str = ""
    measured: Text = Field(description="What the work measured or describes.")
    sample: Text = Field(description="In whom: who took part, or what was reviewed.")

    @property
    def cite(self) -> str:
        """Author(s) and year, the way people cite a work in a sentence."""
        return f"{self.authors}, {self.year}" if self.year else self.authors


class Claim(ContentModel):
    """One factual sentence or two, with its sources and an honest strength.

    Written once in ``sources.toml`` and referenced by id wherever it is shown,
    so a finding has one wording, one strength and one caveat everywhere.
    """

    id: Slug
    text: Text
    sources: list[Source] = Field(min_length=1)
    strength: Strength
    caveat: str = Field("", description="Where the popular version says more than the evidence.")


class Why(ContentModel):
    """The short *why* of a practice or exercise."""

    summary: Text
    claims: list[Claim] = Field(min_length=1)


# --- Practices and exercises -----------------------------------------------------


class Practice(ContentModel):
    """One of the seven practices: its why, how to do it, and ideas to take away."""

    id: Slug
    number: int = Field(ge=1, le=7)
    title: Text
    tagline: Text
    why: Why
    how: list[Text] = Field(min_length=1, description="Short how-to steps.")
    ideas: list[Text] = Field(min_length=1, description="Ideas to take away.")


class Exercise(ContentModel):
    """A longer exercise done together (eye gazing, the DTR, love maps...)."""

    id: Slug
    title: Text
    tagline: Text
    minutes: int = Field(ge=1, le=120)
    why: Why
    how: list[Text] = Field(min_length=1)


class Hug(ContentModel):
    title: Text
    seconds: int = Field(ge=5, le=600)
    invitation: Text
    during: list[Text] = Field(min_length=1, description="Gentle lines shown while hugging.")
    after: Text
    why: Why


class Safety(ContentModel):
    """The not-therapy and safety note: shown at first run, in help, and near conflict."""

    short: Text = Field(description="One or two lines for places where conflict comes up.")
    not_therapy: Text
    unsafe: Text
    find_therapist: Text
    helplines: Text


# --- Cards a couple can add to -------------------------------------------------


DeckId = Literal[
    "our-days",
    "dreams",
    "money-work",
    "home-fairness",
    "family-friends",
    "play",
    "rituals",
    "gratitude",
    "growing",
    "hard-times",
    "our-story",
    "body-rest",
    "quick-picks",
    "where-we-stand",
]
"""The built-in topic decks (CARDS.md); their titles are in ``decks.toml``."""

BUILTIN_DECKS: tuple[str, ...] = get_args(DeckId)

TOPIC_DECKS: tuple[str, ...] = BUILTIN_DECKS[:12]
"""The twelve conversation decks, beside the quick picks and where-we-stand."""

CARD_CHARACTERS = 140
"""A card's words at most: two lines of an 80x24 card, with its buttons in view."""

CardText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=CARD_CHARACTERS)
]
OptionText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)]
"""One side of a this-or-that card, or one end of a scale: short enough to sit side by side."""

RISKY = Field(
    False,
    description="Invites a complaint about the partner or a big disclosure, or hurts when "
    "guessed wrong: never drawn by a guided session or the guessing game.",
)
GENTLE = Field(
    False,
    description="Safe and light enough for an evening when things feel tense: curious, warm, "
    "no complaint, no big disclosure.",
)
DECK = Field(
    None,
    description="The topic deck it belongs to: a built-in one (DeckId) or a couple's own "
    "(checked against the decks the library knows, so a couple's [[decks]] can be used).",
)


class DeckCard(ContentModel):
    """What every card in a topic deck has: its deck, and how safe it is on a tense evening.

    ``deck`` is a slug rather than :data:`DeckId` so a couple's own decks load too;
    :class:`Library` checks that every card names a deck it knows.
    """

    PLAYS: ClassVar[tuple[str, ...]] = ("talk", "private", "guess")
    """The ways this kind of card can be played (core/deck.py's ``Way``), its own first."""

    id: Slug
    text: CardText
    deck: Slug | None = DECK
    gentle: bool = GENTLE
    risky: bool = RISKY

    @model_validator(mode="after")
    def _risky_is_never_gentle(self) -> Self:
        if self.risky and self.gentle:
            raise ValueError("a risky card cannot be gentle too")
        return self


class Question(DeckCard):
    """A question for the deck; ``depth`` orders the escalation."""

    depth: Depth


class LoveMapQuestion(DeckCard):
    """One partner answers about themself; the other can guess first."""

    topic: Text


class InnerPrompt(DeckCard):
    """A prompt card for sharing one's inner world."""

    theme: InnerTheme


class AffectionIdea(DeckCard):
    """A non-sexual way to touch, to tick off."""

    PLAYS: ClassVar[tuple[str, ...]] = ("talk",)  # something to do, not to answer


DateWhere = Literal["home", "out"]
DateCost = Literal["free", "low", "some"]
DateMinutes = Literal[15, 30, 60, 120, 240]


class DateIdea(DeckCard):
    """A date or ritual idea to do together, with "we did it" and "again some time"."""

    PLAYS: ClassVar[tuple[str, ...]] = ("talk",)  # something to do, not to answer

    where: DateWhere
    cost: DateCost
    minutes: DateMinutes = Field(description="Rough length in minutes.")
    tired: bool = Field(False, description="Good for a tired evening.")


class Pick(DeckCard):
    """This or that: both choose one of two at the same moment; neither is the right one."""

    PLAYS: ClassVar[tuple[str, ...]] = ("pick", "talk")

    options: tuple[OptionText, OptionText]


class ScaleCard(DeckCard):
    """Where do you stand: each places themself 1 to 5 between two ends, privately."""

    PLAYS: ClassVar[tuple[str, ...]] = ("stand", "talk")

    ends: tuple[OptionText, OptionText] = Field(description="What 1 means, what 5 means.")


class IntimacyCard(ContentModel):
    """The opt-in deck: offered only once both partners said yes, drawn by nothing else."""

    PLAYS: ClassVar[tuple[str, ...]] = ("talk", "private")  # never a guessing game

    id: Slug
    depth: Depth
    text: CardText
    gentle: bool = True
    risky: bool = False
    deck: Literal["intimacy"] = "intimacy"


class DeckInfo(ContentModel):
    """A deck a couple can pick: a built-in topic deck, or one of their own."""

    id: Slug
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    about: str = Field("", max_length=80, description="One line under its title.")


class PlanStep(ContentModel):
    """One step of a guided session."""

    activity: ActivityKind
    title: Text
    minutes: int = Field(ge=1, le=120)
    options: dict[str, str | int] = Field(
        default_factory=dict,
        description='Activity settings, e.g. {depth = "deeper"} or {count = 1}.',
    )

    @model_validator(mode="after")
    def _known_option_values(self) -> Self:
        depth = self.options.get("depth")
        if depth is not None and depth not in get_args(Depth):
            raise ValueError(f"depth must be one of {', '.join(get_args(Depth))}, not {depth!r}")
        if self.options.get("deck") == "intimacy":
            raise ValueError("the opt-in deck is opened by the couple together, never by a plan")
        count = self.options.get("count")
        if count is not None and (not isinstance(count, int) or count < 1):
            raise ValueError(f"count must be a whole number of at least 1, not {count!r}")
        return self


class Plan(ContentModel):
    """A guided session: steps whose minutes add up to the plan's minutes."""

    id: Slug
    title: Text
    minutes: int = Field(ge=1, le=240)
    summary: Text
    steps: list[PlanStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _minutes_add_up(self) -> Self:
        total = sum(step.minutes for step in self.steps)
        if total != self.minutes:
            raise ValueError(
                f"the steps add up to {total} minutes but the plan says {self.minutes}"
            )
        return self


# --- Calm when it's hard -------------------------------------------------------------

WatchList = Literal["blaming", "owning"]
"""Which words a box listens for: blame (you always…), or a "but" that takes an owning back."""


class WatchWords(ContentModel):
    """Words closer notices, exactly as listed, and a gentler way to say what they say."""

    kind: WatchList
    words: list[Text] = Field(min_length=1)
    gentler: Text


class BreakWords(ContentModel):
    """The break either partner can call: its words, its minutes and its why."""

    ask: Text
    under_ask: Text
    minutes: list[int] = Field(min_length=1)
    default_minutes: int
    claims: list[Claim] = Field(min_length=1)
    why: Text
    apart: Text
    ideas: list[Text] = Field(min_length=3)
    ideas_note: Text
    come_back: Text
    soft_start: Text
    more_minutes: int = Field(ge=1, le=60)
    kept_note: Text

    @model_validator(mode="after")
    def _minutes_settle(self) -> Self:
        if any(not 20 <= minutes <= 60 for minutes in self.minutes):
            raise ValueError("a break lasts 20 to 60 minutes: flooding takes time to settle")
        if self.default_minutes not in self.minutes:
            raise ValueError("the default break must be one of its minutes")
        return self


class Breathing(ContentModel):
    """The paced-breathing guide: seconds in and out (about six breaths a minute)."""

    in_seconds: float = Field(ge=2, le=10)
    out_seconds: float = Field(ge=2, le=10)
    breathe_in: Text
    breathe_out: Text
    note: Text
    note_still: Text = Field(description="The note beside the plain count (reduced motion).")


class HardMomentPart(ContentModel):
    """One step of talking a hard moment over in turns."""

    id: Slug
    title: Text
    prompt: Text
    hint: Text
    listener: Text
    heard_check: bool = Field(False, description='After each turn: "What I heard is…".')
    watch: WatchList | None = None


class HardMoment(ContentModel):
    """After a hard moment: the words of each step of the plan."""

    credit: Text
    settle: Text
    feelings_intro: Text
    feelings_first: Text
    feelings_second: Text
    feelings_after: Text
    heard_prompt: Text
    heard_yes: Text
    heard_added: Text
    feelings: list[Text] = Field(min_length=12)
    parts: list[HardMomentPart] = Field(min_length=1)

    def part(self, part_id: str) -> HardMomentPart:
        """The part with this id (KeyError if there is none)."""
        for part in self.parts:
            if part.id == part_id:
                return part
        raise KeyError(part_id)


class Gentle(ContentModel):
    """The gentle start-up: "I feel … about … and I need …", and the words it notices."""

    intro: Text
    feel: Text
    about: Text
    need: Text
    example: Text
    claims: list[Claim] = Field(min_length=1)
    watch: list[WatchWords] = Field(min_length=1)


class Calm(ContentModel):
    """Calm when it's hard: the break, the breathing guide, the plan, the gentle start."""

    pause: BreakWords
    breathing: Breathing
    hard_moment: HardMoment
    gentle: Gentle


# --- Conversation helpers ----------------------------------------------------------


class IStatement(ContentModel):
    """Hints for the "I feel … when … I need …" builder."""

    intro: Text
    feel: Text = Field(description="Hint beside the 'I feel' box.")
    when: Text = Field(description="Hint beside the 'when' box.")
    need: Text = Field(description="Hint beside the 'I need' box.")
    feelings: list[Text] = Field(min_length=8, description="Feeling words to pick from.")
    example: Text
    avoid: Text = Field(description="What turns an I-statement back into blame.")


class PhraseSets(ContentModel):
    """Words to borrow when it is hard to find your own."""

    validation: list[Text] = Field(min_length=12)
    repair: list[Text] = Field(min_length=12)
    listening_cues: list[Text] = Field(min_length=8)
    i_statement: IStatement
    thank_you: list[Text] = Field(min_length=3, description="Closing thank-you lines.")


class Pattern(ContentModel):
    """One of the four corrosive patterns, beside its antidote."""

    id: Slug
    name: Text
    looks_like: Text
    example: Text
    antidote: Text = Field(description="The antidote's name.")
    antidote_how: Text = Field(description="What the antidote is, in a sentence or two.")
    antidote_example: Text


class SelfCheck(ContentModel):
    """A short private check each partner rates, then both reveal together."""

    intro: Text
    items: list[Text] = Field(min_length=6)
    scale: list[Text] = Field(min_length=5, max_length=5)
    reveal: Text = Field(description="Shown when the answers are revealed side by side.")


class DtrStep(ContentModel):
    """One step of the Daily Temperature Reading."""

    id: Slug
    title: Text
    prompt: Text
    hint: Text
    needs_request: bool = False
    request_prompt: str = Field("", description="Asked for the request, where one is needed.")

    @model_validator(mode="after")
    def _request_has_prompt(self) -> Self:
        if self.needs_request and not self.request_prompt.strip():
            raise ValueError("a step that needs a request must say how to ask for it")
        return self


class WeeklyCheckin(ContentModel):
    """The three weekly questions and the 1–10 connection rating."""

    intro: Text
    questions: list[Text] = Field(min_length=3, max_length=3)
    rating_prompt: Text
    rating_note: Text


class StressTalk(ContentModel):
    """The stress-reducing conversation: about stress from outside the relationship."""

    intro: Text
    outside_only: Text
    phones_check: Text
    minutes_options: list[int] = Field(min_length=1)
    speaker_prompts: list[Text] = Field(min_length=3, description="Openers for the speaker.")
    after: Text


class EyeGazing(ContentModel):
    """Silent eye contact: a calm, almost empty screen."""

    intro: Text
    lines: list[Text] = Field(min_length=3)
    after: Text
    min_minutes: int = Field(ge=1)
    default_minutes: int = Field(ge=1)
    max_minutes: int = Field(ge=1)

    @model_validator(mode="after")
    def _default_in_range(self) -> Self:
        if not self.min_minutes <= self.default_minutes <= self.max_minutes:
            raise ValueError("default_minutes must lie between min_minutes and max_minutes")
        return self


class AppreciationExample(ContentModel):
    """A generic thank-you beside a specific one."""

    generic: Text
    specific: Text


class Appreciation(ContentModel):
    """Prompts for specific appreciations: what, when, why it mattered."""

    intro: Text
    count: int = Field(ge=1, le=10, description="Appreciations each, in the ritual.")
    prompts: list[Text] = Field(min_length=3)
    examples: list[AppreciationExample] = Field(min_length=3)


class GoodTally(ContentModel):
    """Noticing the good: a tally, never a score."""

    intro: Text
    positive_examples: list[Text] = Field(min_length=3)
    negative_examples: list[Text] = Field(min_length=3)
    ratio_note: Text = Field(description="How 5:1 is shown: a rule of thumb, not a verdict.")
    why: Why


class Digital(ContentModel):
    """Phones away, phone-free zones and unplugged-evening ideas."""

    phones_away: Text = Field(description="The invitation on the phones-away step.")
    zone_suggestions: list[Text] = Field(min_length=4)
    unplugged_ideas: list[Text] = Field(min_length=8)


class JustListen(ContentModel):
    """The "just listen" timer: one shares, the other only listens."""

    intro: Text
    sharer: Text
    listener: Text
    minutes_options: list[int] = Field(min_length=1)


class Needs(ContentModel):
    """Closing a session: what each of us needs this week."""

    intro: Text
    prompt: Text
    examples: list[Text] = Field(min_length=3)


class Style(ContentModel):
    """One of the four attachment styles, as a description, not a label."""

    id: Slug
    name: Text
    description: Text
    in_relationships: Text


class QuizItem(ContentModel):
    """A reflection statement, rated privately on an agree scale."""

    id: Slug
    text: Text
    leans: Slug = Field(description="The id of the style this statement leans towards.")


class Attachment(ContentModel):
    """Attachment styles and a short reflection quiz: for reflection, not a diagnosis."""

    intro: Text
    disclaimer: Text
    styles: list[Style] = Field(min_length=4, max_length=4)
    cycle: Text = Field(description="The pursuer–withdrawer cycle.")
    quiz: list[QuizItem] = Field(min_length=12)
    scale: list[Text] = Field(min_length=5, max_length=5)
    after: Text = Field(description="Shown with the quiz's reflection.")
    why: Why

    @model_validator(mode="after")
    def _quiz_leans_on_known_styles(self) -> Self:
        known = {style.id for style in self.styles}
        for item in self.quiz:
            if item.leans not in known:
                raise ValueError(f"quiz item {item.id!r} leans on unknown style {item.leans!r}")
        _require_unique("styles", (s.id for s in self.styles))
        _require_unique("quiz", (q.id for q in self.quiz))
        return self


class ConnectionCheck(ContentModel):
    """Signs of strong and of low connection; each partner rates privately."""

    intro: Text
    strong: list[Text] = Field(min_length=6)
    low: list[Text] = Field(min_length=6)
    scale: list[Text] = Field(min_length=5, max_length=5)
    after: Text


class StarterStep(ContentModel):
    """One small step of the starter plan."""

    id: Slug
    when: StarterWhen
    text: Text
    why: Text


class Guide(ContentModel):
    """A short page: rebuilding, barriers, therapy, how sure we are."""

    id: Slug
    title: Text
    body: Text = Field(description="Markdown: short paragraphs and bullets.")
    claims: list[Claim] = Field(default_factory=list)


class Faq(ContentModel):
    question: Text
    answer: Text


def _require_unique(what: str, ids: Iterable[str]) -> None:
    repeated = [value for value, count in Counter(ids).items() if count > 1]
    if repeated:
        raise ValueError(f"{what} repeats the id(s) {', '.join(sorted(repeated))}")


class Library(ContentModel):
    """All of closer's content, loaded once."""

    sources: list[Source] = Field(min_length=1)
    claims: list[Claim] = Field(min_length=1, description="Every claim closer makes, once.")
    hug: Hug
    safety: Safety
    practices: list[Practice] = Field(min_length=7, max_length=7)
    questions: list[Question] = Field(min_length=120)
    love_maps: list[LoveMapQuestion] = Field(min_length=60)
    inner_world: list[InnerPrompt] = Field(min_length=40)
    affection: list[AffectionIdea] = Field(min_length=30)
    decks: list[DeckInfo] = Field(min_length=1, description="Every deck a card may name.")
    dates: list[DateIdea] = Field(default_factory=list)
    this_or_that: list[Pick] = Field(default_factory=list)
    scales: list[ScaleCard] = Field(default_factory=list)
    intimacy: list[IntimacyCard] = Field(default_factory=list)
    phrases: PhraseSets
    horsemen: list[Pattern] = Field(min_length=4, max_length=4)
    horsemen_credit: Text
    safety_check: SelfCheck
    exercises: list[Exercise] = Field(min_length=5)
    dtr: list[DtrStep] = Field(min_length=5, max_length=5)
    dtr_listener: Text = Field(description="Receive, don't rebut.")
    dtr_credit: Text
    weekly_checkin: WeeklyCheckin
    stress_talk: StressTalk
    eye_gazing: EyeGazing
    appreciation: Appreciation
    tally: GoodTally
    digital: Digital
    just_listen: JustListen
    needs: Needs
    attachment: Attachment
    connection_check: ConnectionCheck
    starter_plan: list[StarterStep] = Field(min_length=8)
    guides: list[Guide] = Field(min_length=4)
    faq: list[Faq] = Field(min_length=8)
    plans: list[Plan] = Field(min_length=1)
    calm: Calm

    @model_validator(mode="before")
    @classmethod
    def _resolve_references(cls, data: Any) -> Any:
        """Put each source and claim, cited by id, in the place that cites it."""
        if not isinstance(data, dict) or "sources" not in data or "claims" not in data:
            return data
        sources = _table("sources", data["sources"])
        claims = {
            claim_id: _with_sources(claim, sources)
            for claim_id, claim in _table("claims", data["claims"]).items()
        }
        resolved = {name: _cited_claims(value, claims) for name, value in data.items()}
        resolved["sources"] = list(sources.values())
        resolved["claims"] = list(claims.values())
        return resolved

    @model_validator(mode="after")
    def _ids_unique_and_practices_in_order(self) -> Self:
        for name in _ID_LISTS:
            _require_unique(name, (item.id for item in getattr(self, name)))
        _require_unique("cards", (card.id for card in self.all_cards()))
        known = {deck.id for deck in self.decks}
        for card in self.all_cards():
            if card.deck is not None and card.deck not in known:
                raise ValueError(f"card {card.id!r} names the unknown deck {card.deck!r}")
        numbers = [p.number for p in self.practices]
        if numbers != list(range(1, len(self.practices) + 1)):
            raise ValueError(f"practices must be numbered 1 to 7 in order, not {numbers}")
        return self

    def practice(self, practice_id: str) -> Practice:
        """The practice with this id (KeyError if there is none)."""
        return _by_id(self.practices, practice_id)

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise with this id (KeyError if there is none)."""
        return _by_id(self.exercises, exercise_id)

    def guide(self, guide_id: str) -> Guide:
        """The guide with this id (KeyError if there is none)."""
        return _by_id(self.guides, guide_id)

    def plan(self, plan_id: str) -> Plan:
        """The plan with this id (KeyError if there is none)."""
        return _by_id(self.plans, plan_id)

    def questions_at(self, depth: Depth) -> list[Question]:
        """The deck's questions at one depth, in file order."""
        return [q for q in self.questions if q.depth == depth]

    def session_questions(self, depth: str) -> list[Question]:
        """The questions a guided session may draw at one depth: none of the risky ones."""
        return [q for q in self.questions if q.depth == depth and not q.risky]

    def guessable_love_maps(self) -> list[LoveMapQuestion]:
        """The Love Maps questions safe to play as a guessing game: none of the risky ones."""
        return [q for q in self.love_maps if not q.risky]

    def all_cards(self) -> Iterator[DeckCard]:
        """Every card of every topic deck, in file order; never the opt-in deck's."""
        for section in CARD_SECTIONS:
            yield from getattr(self, section)

    @cached_property
    def _cards_by_deck(self) -> dict[str, list[DeckCard]]:
        by_deck: dict[str, list[DeckCard]] = {deck.id: [] for deck in self.decks}
        for card in self.all_cards():
            if card.deck is not None:
                by_deck.setdefault(card.deck, []).append(card)
        return by_deck

    def deck_cards(self, deck_id: str) -> list[DeckCard]:
        """The cards of one topic deck, from every file (empty for an unknown deck).

        Indexed once per library, so opening a deck of a thousand cards costs a look-up.
        """
        return self._cards_by_deck.get(deck_id, [])

    def deck_info(self, deck_id: str) -> DeckInfo:
        """The deck with this id (KeyError if there is none)."""
        return _by_id(self.decks, deck_id)


CARD_SECTIONS = (
    "questions",
    "love_maps",
    "inner_world",
    "affection",
    "dates",
    "this_or_that",
    "scales",
)
"""The sections whose cards make up the topic decks. The opt-in deck (``intimacy``)
is not one of them, so nothing that draws from a topic deck can reach it."""

_ID_LISTS = (
    "sources",
    "claims",
    "practices",
    "questions",
    "love_maps",
    "inner_world",
    "affection",
    "decks",
    "dates",
    "this_or_that",
    "scales",
    "intimacy",
    "horsemen",
    "exercises",
    "dtr",
    "starter_plan",
    "guides",
    "plans",
)


def _table(what: str, rows: Any) -> dict[str, Any]:
    """A ``[[sources]]`` or ``[[claims]]`` table by id; ids must be unique."""
    if not isinstance(rows, list):
        raise ValueError(f"{what} must be a list of tables")
    table: dict[str, Any] = {}
    for row in rows:
        row_id = row.get("id") if isinstance(row, dict) else getattr(row, "id", None)
        if not isinstance(row_id, str) or row_id in table:
            raise ValueError(f"{what} needs a unique id on every row, not {row_id!r}")
        table[row_id] = row
    return table


def _with_sources(claim: Any, sources: dict[str, Any]) -> Any:
    """A claim whose ``sources`` are ids, with each id replaced by its source."""
    if not isinstance(claim, dict):
        return claim  # already a Claim (a library rebuilt with a couple's own cards)
    cited = []
    for ref in claim.get("sources", []):
        if isinstance(ref, str) and ref not in sources:
            raise ValueError(f"claim {claim.get('id')!r} cites the unknown source {ref!r}")
        cited.append(sources[ref] if isinstance(ref, str) else ref)
    return {**claim, "sources": cited}


def _cited_claims(value: Any, claims: dict[str, Any]) -> Any:
    """``value`` with every ``claims = ["id", ...]`` list replaced by those claims."""
    if isinstance(value, list):
        return [_cited_claims(item, claims) for item in value]
    if not isinstance(value, dict):
        return value
    resolved = {key: _cited_claims(item, claims) for key, item in value.items()}
    refs = value.get("claims")
    if isinstance(refs, list) and all(isinstance(ref, str) for ref in refs):
        unknown = [ref for ref in refs if ref not in claims]
        if unknown:
            raise ValueError(f"unknown claim id(s) {', '.join(unknown)}")
        resolved["claims"] = [claims[ref] for ref in refs]
    return resolved


_Item = TypeVar("_Item", Practice, Exercise, Guide, Plan, DeckInfo)


def _by_id(items: Sequence[_Item], wanted: str) -> _Item:
    for item in items:
        if item.id == wanted:
            return item
    raise KeyError(wanted)


# --- Loading the built-in library ------------------------------------------------


def _read_package_file(name: str) -> dict[str, object]:
    text = resources.files("closer_tui.content").joinpath(name).read_text("utf-8")
    return tomllib.loads(text)


def package_files() -> list[str]:
    """Names of the built-in content files."""
    folder = resources.files("closer_tui.content")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))


@cache
def library() -> Library:
    """The built-in library; a broken built-in file is a bug and fails loudly."""
    merged: dict[str, object] = {}
    for name in package_files():
        data = _read_package_file(name)
        # Two files defining the same section would silently drop one of them.
        clash = merged.keys() & data.keys()
        if clash:
            raise ValueError(f"{name} defines {', '.join(sorted(clash))} again")
        merged.update(data)
    return Library.model_validate(merged)


# --- A couple's own content ------------------------------------------------------


OWN_SECTIONS: dict[str, type[ContentModel]] = {
    "questions": Question,
    "love_maps": LoveMapQuestion,
    "inner_world": InnerPrompt,
    "affection": AffectionIdea,
    "dates": DateIdea,
    "this_or_that": Pick,
    "scales": ScaleCard,
    "intimacy": IntimacyCard,
    "decks": DeckInfo,
    "plans": Plan,
}
"""The lists a couple can add to, and the model each item must match."""

NAMED_SECTIONS = frozenset({"plans", "decks"})
"""Sections whose items need an id written by hand: cards and steps refer to them by it."""

OWN_CONTENT_EXAMPLE = """\
# Your own cards for closer. Every section is optional; an id is optional
# too (closer makes one from the text), but keep it if you add one.

[[questions]]
depth = "light"     # light, deeper or deep
text = "What song takes you straight back to the summer we met?"

[[love_maps]]
topic = "favourites"
text = "What is your favourite way to spend a rainy Sunday?"

[[inner_world]]
theme = "hopes"     # hopes, fears, memories, gratitude, struggles or needs
text = "Something I hope we still do when we are old is..."

[[affection]]
text = "Hold hands for the whole walk to the bakery."

[[decks]]
id = "sundays"      # a deck of your own; any card can join it with deck = "sundays"
title = "Our Sundays"

[[this_or_that]]
text = "Pancakes or a long lie-in?"
options = ["Pancakes", "A long lie-in"]
deck = "sundays"

[[scales]]
text = "When a Sunday has no plan at all…"
ends = ["I feel a bit lost", "I feel free"]   # what 1 means, what 5 means
deck = "sundays"

[[plans]]
id = "sunday-20"
title = "Sunday 20"
minutes = 20
summary = "A slow Sunday check-in."

[[plans.steps]]
activity = "hug"          # see the help page for every kind of step
title = "A long hug"
minutes = 1

[[plans.steps]]
activity = "question"
title = "One deeper question"
minutes = 9
options = { depth = "deeper" }

[[plans.steps]]
activity = "appreciations"
title = "Appreciations"
minutes = 10
"""
"""A valid ``my-content.toml`` to show on the help page."""


class OwnContentError(Exception):
    """The couple's own content file could not be used; the message says why."""


def _parse_own(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text("utf-8")
        return tomllib.loads(text), text
    except FileNotFoundError:
        return {}, ""
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        # tomllib's message already says "(at line N, column M)".
        raise OwnContentError(f"{path.name} could not be read: {error}") from error


def describe_validation_error(error: ValidationError, source: str) -> str:
    """Turn pydantic's report into a short list a couple can follow."""
    lines = [f"{source} has {error.error_count()} problem(s):"]
    for problem in error.errors()[:5]:
        where = _where(problem["loc"])
        lines.append(f"  • {where}: {problem['msg']}" if where else f"  • {problem['msg']}")
    return "\n".join(lines)


def _where(loc: tuple[int | str, ...]) -> str:
    """``("steps", 0, "activity")`` as ``steps #1 → activity``: people count from one."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and parts:
            parts[-1] += f" #{part + 1}"
        else:
            parts.append(str(part))
    return " → ".join(parts)


def _header_lines(text: str, section: str) -> list[int]:
    """Line numbers (1-based) of each ``[[section]]`` header, to point at an item."""
    header = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(section)}[ \t]*\]\]", re.MULTILINE)
    return [text.count("\n", 0, match.start()) + 1 for match in header.finditer(text)]


def _own_id(section: str, item: dict[str, Any]) -> str:
    """A stable id for an item a couple wrote without one: the same text, the same id."""
    digest = hashlib.sha1(f"{section}\n{item.get('text', '')}".encode()).hexdigest()[:8]
    return f"my-{digest}"


def _own_items(
    path: Path, text: str, section: str, raw: object, builtin_ids: set[str]
) -> tuple[list[Any], list[str]]:
    """Validate one section of the couple's file; return its items and any problems."""
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        return [], [f"{path.name}: [[{section}]] must be a list of tables, one per item."]
    model = OWN_SECTIONS[section]
    lines = _header_lines(text, section)
    items: list[Any] = []
    problems: list[str] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw):
        line = f", line {lines[index]}" if len(lines) == len(raw) else ""
        where = f"{path.name}, [[{section}]] item {index + 1}{line}"
        if section not in NAMED_SECTIONS and "id" not in entry:
            entry = {**entry, "id": _own_id(section, entry)}
        try:
            item = model.model_validate(entry)
        except ValidationError as error:
            problems.append(describe_validation_error(error, where))
            continue
        item_id = str(getattr(item, "id", ""))
        if item_id in builtin_ids:
            problems.append(
                f"{where}: the id {item_id!r} is already taken "
                "(by a built-in card or another of yours); pick another."
            )
        elif item_id in seen:
            problems.append(f"{where}: the id {item_id!r} is used twice in your file.")
        else:
            seen.add(item_id)
            items.append(item)
    return items, problems


def _own_additions(own_path: Path, base: Library) -> tuple[dict[str, list[Any]], list[str]]:
    """The cards, decks and plans of the couple's own file, or none and the problems."""
    try:
        data, text = _parse_own(own_path)
    except OwnContentError as error:
        return {}, [str(error)]
    problems: list[str] = []
    unknown = sorted(set(data) - set(OWN_SECTIONS))
    if unknown:
        problems.append(
            f"{own_path.name}: closer does not know the section(s) {', '.join(unknown)}; "
            f"you can add {', '.join(OWN_SECTIONS)}."
        )
    additions: dict[str, list[Any]] = {}
    for section, raw in data.items():
        if section not in OWN_SECTIONS:
            continue
        builtin_ids = {str(item.id) for item in getattr(base, section)}
        items, section_problems = _own_items(own_path, text, section, raw, builtin_ids)
        problems.extend(section_problems)
        additions[section] = items
    return ({}, problems) if problems else (additions, [])


def load_library(own_path: Path | None, packs_dir: Path | None = None) -> tuple[Library, list[str]]:
    """The built-in library with the couple's own cards and imported decks added, and any
    problems.

    All or nothing, file by file: if anything in the couple's file is wrong,
    none of it is added, with one message per problem naming the file, the
    section, the item and its line; a broken deck pack (``packs_dir``, by
    default the ``decks`` folder beside the couple's file) is left out alone.
    This never raises for a broken own file or pack.
    """
    base = library()
    if own_path is None:
        return base, []
    additions, problems = _own_additions(own_path, base)
    from closer_tui.core.packs import load_packs, packs_folder

    taken = {card.id for card in base.all_cards()} | {
        str(item.id) for items in additions.values() for item in items
    }
    decks = {deck.id for deck in [*base.decks, *additions.get("decks", [])]}
    packs, pack_problems = load_packs(packs_dir or packs_folder(own_path.parent), taken, decks)
    problems += pack_problems
    for pack in packs:
        additions.setdefault("decks", []).append(pack.deck)
        for section, cards in pack.cards.items():
            additions.setdefault(section, []).extend(cards)
    if not any(additions.values()):
        return base, problems
    merged = {name: getattr(base, name) for name in Library.model_fields}
    for section, items in additions.items():
        merged[section] = [*merged[section], *items]
    try:
        return Library.model_validate(merged), problems
    except ValidationError as error:  # a card naming a deck nobody has, say
        return base, [*problems, describe_validation_error(error, own_path.name)]
