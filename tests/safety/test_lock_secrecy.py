"""With the lock on, no word a couple wrote is anywhere on disk, in any encoding.

After any sequence of saves (sessions, drafts, keepsakes, new names), the raw
bytes of every file under the data folder (lock.json, temporary and hidden
files included) are searched for every entry's text, every answer's parts,
every name: as UTF-8, UTF-16 (both byte orders) and JSON-escaped.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from safety_kit import FIRST_PASSPHRASE, SECOND_PASSPHRASE, couple, draft, record

from closer_tui.core import lock as sealing
from closer_tui.core.models import Partner
from closer_tui.core.store import Store

# Long enough that no run of random ciphertext spells one by chance.
words = st.text(min_size=6, max_size=300)
names = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=6, max_size=40).filter(
    lambda n: n.strip() == n
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("session"), words, words),
        st.tuples(st.just("draft"), words, words),
        st.tuples(st.just("keepsake"), words, words),
        st.tuples(st.just("names"), names, names),
    ),
    min_size=1,
    max_size=6,
)


def _forms(text: str) -> list[bytes]:
    forms = [
        text.encode("utf-8", "surrogatepass"),
        text.encode("utf-16-le", "surrogatepass"),
        text.encode("utf-16-be", "surrogatepass"),
        json.dumps(text)[1:-1].encode("ascii"),
        json.dumps(text, ensure_ascii=False)[1:-1].encode("utf-8", "surrogatepass"),
    ]
    return list(dict.fromkeys(forms))


def _every_byte(root: Path) -> list[bytes]:
    return [p.read_bytes() for p in root.rglob("*") if p.is_file()]


pytestmark = pytest.mark.usefixtures("quick_lock")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps, before=words)
def test_no_word_written_while_locked_is_on_disk(
    steps: list[tuple[str, str, str]], before: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        store = Store.open(root)
        store.save_couple(couple())
        store.save_session(record(before))  # written plain, then locked
        store.turn_lock_on(FIRST_PASSPHRASE, SECOND_PASSPHRASE)
        secrets = [before, '"name": "Ana"', '"name": "Sam"']
        lock_words = (root / "lock.json").read_text() + sealing.MAGIC.decode()
        for n, (kind, one, two) in enumerate(steps):
            if kind == "session":
                finished = record(one, n=n)
                finished.entries[0].parts = {"request": two}
                store.save_session(finished)
            elif kind == "draft":
                unfinished = draft()
                unfinished.current = {"written": one, "answer": [two]}
                store.save_draft(unfinished)
            elif kind == "keepsake":
                store.remember("zones", one, two)
            else:
                store.update_couple(
                    lambda c, one=one, two=two: c.model_copy(
                        update={
                            "first": Partner(name=one, colour="orange"),
                            "second": Partner(name=two, colour="sky"),
                        }
                    )
                )
            secrets += [one, two]
        for secret in secrets:
            assume(secret not in lock_words)
        on_disk = _every_byte(root)
        for secret in secrets:
            for form in _forms(secret):
                assert not any(form in data for data in on_disk), secret
