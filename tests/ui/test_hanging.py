"""A hanging prompt lays out line for line as the rich grid it stands for, without one.

Home lists each place as a Hanging inside a Hanging; nested rich tables
measured and rendered them over a thousand times before home's first frame.
"""

from __future__ import annotations

import random

from rich.console import Console
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.style import Style
from textual.visual import RenderOptions

from closer_tui.widgets.option_list import Hanging, HangingVisual

WORDS = [
    *("a", "the", "quiet", "evening", "hug", "question", "listen", "side", "by"),
    *("Daily", "connection", "ritual", "Twenty", "minutes", "about", "your", "days,"),
    *("phones", "away.", "✓", "10", "min", "·", "Zoë", "秘密", "🤝"),
]


def some_words(rng: random.Random, words: list[str] = WORDS) -> Text:
    text = Text(" ".join(rng.choice(words) for _ in range(rng.randint(0, 14))))
    if rng.random() < 0.4:
        text.append("  " + " ".join(rng.choice(words) for _ in range(6)), style="dim")
    return text


def some_hanging(rng: random.Random, words: list[str] = WORDS, *, plain: bool = False) -> Hanging:
    """A mark, key or tick before some words; half the time a Hanging inside a Hanging.

    ``plain``: never words in a plain str (rich markup: only rich draws it).
    """
    body: Text | Hanging | str = some_words(rng, words)
    if rng.random() < 0.5:
        body = Hanging(rng.choice(["1", "", "7"]), body, lead_width=rng.choice([0, 2]))
    elif not plain and rng.random() < 0.3:
        body = str(body)
    return Hanging(
        rng.choice(["▸", " ", "✓"]),
        body,
        lead_width=rng.choice([2, 3, 4]),
        gap_right=rng.choice([0, 1]),
    )


def test_it_is_the_grid_line_for_line() -> None:
    rng = random.Random(14)
    for _ in range(400):
        hanging = some_hanging(rng)
        width = rng.randint(1, 90)
        console = Console(width=width, color_system="truecolor", force_terminal=True)
        assert console.render_lines(hanging) == console.render_lines(hanging.grid()), width


WIDE = ("秘密", "🤝")


def seen(lines: list[list[Segment]]) -> list[list[tuple[str, bool, bool]]]:
    """Each line's characters, and whether each is bold and dim: what a couple sees (a
    space looks the same bold or dim, so only its place counts)."""
    return [
        [
            (char, *((False, False) if char == " " else (bool(style.bold), bool(style.dim))))
            for segment in line
            for char in segment.text
            for style in [segment.style or RichStyle()]
        ]
        for line in lines
    ]


def test_textual_draws_it_as_rich_does_cell_for_cell() -> None:
    # Without wide characters: where one just fits, rich cuts it ("side 秘 …"); Textual
    # does not (below).
    rng = random.Random(8)
    for _ in range(400):
        hanging = some_hanging(rng, [word for word in WORDS if word not in WIDE], plain=True)
        width = rng.randint(6, 90)
        visual = hanging.visualize()
        assert isinstance(visual, HangingVisual)
        strips = visual.render_strips(width, None, Style(), RenderOptions(Style.parse, {}))
        console = Console(width=width, color_system="truecolor", force_terminal=True)
        by_rich = console.render_lines(hanging, pad=True)
        assert seen([list(strip) for strip in strips]) == seen(by_rich), width
        assert visual.get_height({}, width) == len(by_rich)


def test_what_only_rich_can_draw_is_left_to_rich() -> None:
    for body in ("[b]markup[/b] in a str", Text("centred", justify="center")):
        hanging = Hanging("▸", body, lead_width=2)
        assert hanging.visualize() is hanging


def test_a_wide_word_that_just_fits_is_kept_whole() -> None:
    visual = Hanging("▸", Text("your side 秘密 🤝"), lead_width=2).visualize()
    assert isinstance(visual, HangingVisual)
    (line,) = visual.render_strips(19, None, Style(), RenderOptions(Style.parse, {}))
    assert line.text == "▸ your side 秘密 🤝"
