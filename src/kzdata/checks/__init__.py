"""The registry of checks: the one place where every check is listed, in the order it runs.

A check is a function taking a Context and yielding Findings. Checks must not raise on bad input;
if one does, the validator reports a KZ999 finding and carries on with the others.
"""
from __future__ import annotations

from ..values import check_headers, check_values, check_values_reference
from .articles import check_articles
from .canonical import check_canonical, check_canonical_reference
from .bans import check_bans
from .chronology import check_age, check_future, check_order
from .duplicates import check_duplicates
from .keys import check_keys, check_retired
from .source_dates import check_source_dates
from .status import check_status
from .text import check_privacy, check_privacy_reference, check_text, check_text_reference

CHECKS = [
    ("structure", check_headers),    # 1. files and columns
    ("values", check_values),        # 1. types, enums, patterns, required, dates, durations
    ("keys", check_keys),            # 2. unique ids and resolving references
    ("retired", check_retired),      # 2. ids of removed records are never reused
    ("articles", check_articles),    # 3. Criminal Code articles, editions, repeals, parts
    ("future", check_future),        # 4. no date in the future
    ("age", check_age),              # 4. nothing before the age of criminal responsibility
    ("order", check_order),          # 4. order of detention, charge, verdict, appeal, release
    ("source-dates", check_source_dates),  # 5. facts not dated after their sources
    ("bans", check_bans),            # 6. participation in banned organisations after the ban
    ("status", check_status),        # 7. status consistent with sentences and events
    ("duplicates", check_duplicates),  # 8. likely duplicate persons
    ("privacy", check_privacy),      # 9. no IINs, phone numbers, e-mail or street addresses
    ("text", check_text),            # 9. one script, no invisible characters, NFC, no formulas, safe URLs
    ("canonical", check_canonical),  # 10. files in the canonical form of kzdata fmt
]

# The same checks without the fast paths (per-cell text and privacy rules, no memo, full formatting):
# slower, obviously right, and compared with CHECKS by tests/test_fast_path.py on generated packages.
REFERENCE = {check_values: check_values_reference, check_text: check_text_reference,
             check_privacy: check_privacy_reference, check_canonical: check_canonical_reference}
CHECKS_REFERENCE = [(name, REFERENCE.get(check, check)) for name, check in CHECKS]
