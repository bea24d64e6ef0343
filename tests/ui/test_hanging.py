"""A hanging prompt lays out line for line as the rich grid it stands for, without one.

Home lists each place as a Hanging inside a Hanging; nested rich tables
measured and rendered them over a thousand times before home's first frame.
"""

from __future__ import annotations

import random

from rich.console import Console
from rich.text import Text

from closer_tui.widgets.option_list import Hanging

WORDS = [
    *("a", "the", "quiet", "evening", "hug", "question", "listen", "side", "by"),
    *("Daily", "connection", "ritual", "Twenty", "minutes", "about", "your", "days,"),
    *("phones", "away.", "✓", "10", "min", "·", "Zoë", "秘密", "🤝"),
]


def some_words(rng: random.Random) -> Text:
    text = Text(" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 14))))
    if rng.random() < 0.4:
        text.append("  " + " ".join(rng.choice(WORDS) for _ in range(6)), style="dim")
    return text


def test_it_is_the_grid_line_for_line() -> None:
    rng = random.Random(14)
    for _ in range(400):
        body: Text | Hanging | str = some_words(rng)
        if rng.random() < 0.5:
            body = Hanging(rng.choice(["1", "", "7"]), body, lead_width=2)
        elif rng.random() < 0.3:
            body = str(body)
        hanging = Hanging(
            rng.choice(["▸", " ", "✓"]),
            body,
            lead_width=rng.choice([2, 3]),
            gap_right=rng.choice([0, 1]),
        )
        width = rng.randint(1, 90)
        console = Console(width=width, color_system="truecolor", force_terminal=True)
        assert console.render_lines(hanging) == console.render_lines(hanging.grid()), width
