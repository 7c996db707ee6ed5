"""One instrument of the registry (data/instruments/instruments.csv): its form, facts and words."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pandas as pd

from i18n.translate import N_, _
from instruments.forms import Form, Signal, form_named, shown, status_word
from instruments.prose import long_date
from store.data_text import translated
from store.glossary import term

CALL_TO_ACTION = "reaim-2023-call-to-action"
# Confidence in the Call to Action list by how it was obtained (endorsements.meta.json "method").
CALL_TO_ACTION_CONFIDENCE = {
    "fetched": N_("high: extracted from the official document by the ETL"),
    "file": N_("high: extracted from a saved copy of the official document"),
    "transcribed": N_("medium: one careful transcription, re-verified name for name"),
}
CONFIDENCE_WORDS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}  # the registry's


def parse_pairs(text: str) -> dict[str, float]:
    """``"yes=152;no=4"`` → ``{"yes": 152.0, "no": 4.0}``; empty text gives an empty mapping."""
    pairs = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"{part!r} is not key=value")
        pairs[key.strip()] = float(value)
    return pairs


@dataclass(frozen=True)
class Instrument:
    """An instrument with its provenance; every question about its form is answered here."""

    id: str
    title: str
    short_title: str
    form: Form
    as_of: str
    opened: str  # the day it opened for endorsement, or was voted: it did not exist before
    source_url: str
    source_note: str
    licence: str
    confidence: str
    reported_total: str
    priority_weight: str  # default points in the outreach score: "3", or "yes=1;no=2"; "" = none
    source_line: str  # one line for the foot of a map

    @property
    def positive(self) -> str:
        """The status that counts as support: "endorsed", or "yes" for a vote."""
        return self.form.positive

    @property
    def supporting(self) -> tuple[str, ...]:
        """The statuses that count as support (the positive one, and any the form adds)."""
        return self.form.supporting

    @property
    def missing(self) -> str:
        """The status of a state in scope that the source does not name."""
        return self.form.missing

    @property
    def brief(self) -> str:
        """The short title without its parenthesis, for legends: "Call to Action", "UNGA 78/241"."""
        return self.short_title.split(" (")[0]

    @property
    def object(self) -> str:
        """The instrument after a verb: "the Call to Action (REAIM 2023)", "UNGA 78/241 (2023)".

        In French and Spanish the glossary gives it with its article ("l’Appel à l’action …").
        """
        english = f"the {self.short_title}" if self.form.uses_article else self.short_title
        return term("instrument-object", self.id, english)

    def undecidable_phrase(self) -> str:
        """Why a supporter of another instrument has no decidable status on this one."""
        return shown(self.form.undecidable).format(brief=self.brief)

    def complement_note(self, status: str, named: int) -> str:
        """Why a state the source does not name has the status it has (country profile)."""
        if status != self.missing:
            return ""
        return shown(self.form.complement_reads).format(
            as_of=long_date(self.as_of), reported=self.reported_total, named=named
        )

    def hover_note(self, status: str) -> str:
        """Why a state the source does not name has its status, in a few words (map tooltip)."""
        if status != self.missing:
            return ""
        return shown(self.form.hover_note).format(as_of=long_date(self.as_of))

    def word(self, status: str) -> str:
        """A status on this instrument as readers see it."""
        return status_word(status)

    def exists_on(self, day: date | None) -> bool:
        """Whether it existed on ``day`` (None: today, as published)."""
        return day is None or date.fromisoformat(self.opened) <= day

    def absent_on(self, day: date) -> str:
        """Why it shows nothing on a day before it existed: "… did not exist yet on …"."""
        return _("{instrument} did not exist yet on {day}: it dates from {opened}.").format(
            instrument=self.short_title,
            day=long_date(day.isoformat()),
            opened=long_date(self.opened),
        )

    @property
    def feeds_priority(self) -> bool:
        """Whether positions on it count towards the outreach priority score."""
        return bool(self.priority_weight.strip())

    def default_weights(self) -> dict[Signal, float]:
        """Each signal this instrument feeds, with its default weight from the registry."""
        if not self.feeds_priority:
            return {}
        signals = self.form.signals
        if not signals[0].pooled:
            return {signals[0]: float(self.priority_weight)}
        parts = parse_pairs(self.priority_weight)
        if set(parts) != {s.registry_part for s in signals}:
            raise ValueError(
                f"instrument {self.id}: priority_weight {self.priority_weight!r} must give "
                + ";".join(f"{s.registry_part}=<points>" for s in signals)
            )
        return {s: parts[s.registry_part] for s in signals}


def _brief_source(row: dict) -> str:
    host = urlsplit(row["source_url"]).hostname or row["source_url"]
    return _("Source: {instrument}: {host}, as of {as_of}; {licence}.").format(
        instrument=row["short_title"],
        host=host,
        as_of=long_date(row["as_of"]),
        licence=row["licence"],
    )


def catalogue(registry: pd.DataFrame, meta: dict, call_to_action_line: str) -> list[Instrument]:
    """The registry as instruments, titled in the active language; the Call to Action takes date
    and source from the ETL."""
    found = []
    for row in registry.to_dict("records"):
        row["title"] = term("instrument-title", row["id"], row["title"])
        row["short_title"] = term("instrument-short", row["id"], row["short_title"])
        if row["id"] == CALL_TO_ACTION:
            row["as_of"] = meta.get("source_as_of") or ""
            row["source_url"] = meta.get("source_page_url") or meta.get("document_url") or ""
            row["licence"] = translated(meta.get("licence", ""))
            method = meta.get("method", "")
            row["confidence"] = (
                _(CALL_TO_ACTION_CONFIDENCE[method]) if method in CALL_TO_ACTION_CONFIDENCE else ""
            )
            row["source_line"] = call_to_action_line
        else:
            word = row["confidence"]
            row["confidence"] = (
                _(CONFIDENCE_WORDS[word]) if word in CONFIDENCE_WORDS else translated(word)
            )
            row["licence"] = translated(row["licence"])
            row["source_line"] = _brief_source(row)
        row["form"] = form_named(row["form"])
        found.append(Instrument(**{f: row[f] for f in Instrument.__dataclass_fields__}))
    return found
