"""The registry of checks: the one list that both engines run, in this order.

A check is one record: its name, the finding codes it owns (kzdata.catalogue names the same owner), its
scope, its decider and, below package scope, its columnar screen.

- The decider (a function of a kzdata.context.Context yielding Findings) is the only definition of the rule
  and of its message. Deciders never raise on bad input; if one does, the runner reports KZ999 and the other
  checks still run.
- Scope says what a decider needs to judge a row: `cell` (the row's own cells), `row` (the row, with lookups
  of ids and sources in whole tables), `person` (every row about the person, and their cases), `package`
  (the package as a whole: files, headers, canonical form, the last release).
- The screen (polars; only the columnar engine runs it) selects a superset of what the decider would flag:
  rows of a table for cell and row scope (`screen(env, table) -> Screen`, see checks/screening.py), persons
  for person scope (`screen(frames) -> person codes`). It never decides. A check without a screen is given
  every row, so nothing is ever skipped silently; tests require a screen below package scope.
- `needs` names the columns a person screen compares (the columnar engine keeps them per table).

To add a check: write its decider and its screen side by side in a module here, give its codes an entry in
kzdata/catalogue.py, register it below, and add tests (docs/architecture.md walks through an example).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from . import (articles, bans, canonical, chronology, disputes, duplicates, keys, limits, reference, reviews, source_dates, status, structure,
               text, values)

SCOPES = ("cell", "row", "person", "package")


@dataclass(frozen=True)
class Check:
    name: str
    codes: tuple[str, ...]
    scope: str
    decide: Callable | None          # Context -> Iterable[Finding]; None: applied by the runner itself
    screen: Callable | None = None
    needs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    doc: str = ""

    def __post_init__(self):
        if self.scope not in SCOPES:
            raise ValueError(f"check {self.name}: scope must be one of {SCOPES}")


def _codes(first: int, last: int) -> tuple[str, ...]:
    return tuple(f"KZ{n:03d}" for n in range(first, last + 1))


REGISTRY: tuple[Check, ...] = (
    Check("files", ("KZ001", "KZ002", "KZ003", "KZ004", "KZ005", "KZ006", "KZ007", "KZ008", "KZ009", "KZ010", "KZ015", "KZ016", "KZ017"), "package",
          structure.check_files, doc="what the loader found: descriptor, files, schemas, reference, encodings, limits"),
    Check("structure", _codes(11, 14), "package", structure.check_headers, doc="headers and row widths against the schema"),
    Check("reference", ("KZ019", "KZ020"), "package", reference.check_reference,
          doc="the Criminal Code reference is what its committed inputs build"),
    Check("values", _codes(101, 107), "cell", values.check_values, values.screen_values,
          doc="types, enums, patterns, required values, ranges, dates, durations"),
    Check("terms", ("KZ108",), "cell", limits.check_terms, limits.screen_terms,
          doc="no term longer than the Criminal Code allows for its kind of punishment"),
    Check("keys", _codes(201, 203), "row", keys.check_keys, keys.screen_keys, doc="unique keys and resolving references"),
    Check("retired", ("KZ204",), "row", keys.check_retired, keys.screen_retired, doc="ids of removed records are never reused"),
    Check("released", ("KZ205",), "package", keys.check_released, doc="ids of the last release are kept or retired"),
    Check("articles", _codes(301, 308), "person", articles.check_articles, articles.screen_articles, articles.NEEDS,
          doc="Criminal Code articles, editions, repeals, parts"),
    Check("future", ("KZ401",), "row", chronology.check_future, chronology.screen_future, doc="no date in the future"),
    Check("reach", ("KZ411", "KZ412"), "cell", limits.check_reach, limits.screen_reach,
          doc="no date before 1900, and a warning before independence (16 December 1991)"),
    Check("age", ("KZ402",), "person", chronology.check_age, chronology.screen_age, chronology.AGE_NEEDS,
          doc="nothing before the age of criminal responsibility"),
    Check("order", _codes(403, 409), "person", chronology.check_order, chronology.screen_order, chronology.ORDER_NEEDS,
          doc="order of detention, charge, verdict, appeal, release"),
    Check("death", ("KZ410",), "person", chronology.check_death, chronology.screen_death, chronology.DEATH_NEEDS,
          doc="nothing only the living undergo is dated after a person's death"),
    Check("source-dates", ("KZ501",), "row", source_dates.check_source_dates, source_dates.screen_source_dates,
          doc="facts not dated after their sources"),
    Check("disputes", _codes(510, 513), "row", disputes.check_disputes, disputes.screen_disputes,
          doc="disputed facts name real records and fields, cite their sources, and the record holds one of the values"),
    Check("bans", _codes(601, 604), "person", bans.check_bans, bans.screen_bans, bans.NEEDS,
          doc="participation in banned organisations after the ban"),
    Check("status", _codes(701, 703), "person", status.check_status, status.screen_status, status.NEEDS,
          doc="status consistent with sentences and events"),
    Check("duplicates", ("KZ801",), "row", duplicates.check_duplicates, duplicates.screen_duplicates,
          doc="likely duplicate persons"),
    Check("privacy", _codes(110, 113), "cell", text.check_privacy, text.screen_privacy,
          doc="no IINs, phone numbers, e-mail or street addresses"),
    Check("text", _codes(120, 126), "cell", text.check_text, text.screen_text,
          doc="one script, no invisible characters, NFC, no formulas, safe URLs"),
    Check("canonical", ("KZ018",), "package", canonical.check_canonical, doc="files in the canonical form of kzdata fmt"),
    Check("reviews", ("KZ902",), "cell", reviews.check_reviews, reviews.screen_reviews,
          doc="reviewed exceptions give a real reason and the day of their review"),
    Check("exceptions", ("KZ901",), "package", None, doc="reviewed exceptions that match no warning (applied by the runner)"),
    Check("exception-changes", ("KZ903",), "package", None,
          doc="exceptions a change adds or alters, named for the reviewer (applied by --changed-since, kzdata.changes)"),
    Check("internal", ("KZ999",), "package", None, doc="a check that failed (reported by the runner)"),
)

BY_NAME: dict[str, Check] = {c.name: c for c in REGISTRY}


def deciders() -> list[Check]:
    """The checks with a decider, in order."""
    return [c for c in REGISTRY if c.decide is not None]


def owner(code: str) -> Check:
    return next(c for c in REGISTRY if code in c.codes)


def codes_of(checks: Iterable[Check]) -> list[str]:
    return sorted({code for c in checks for code in c.codes})
