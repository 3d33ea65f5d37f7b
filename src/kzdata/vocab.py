"""The dataset's vocabulary that the checks reason with: which event types and sentence kinds mean what,
the dates the Criminal Codes came into force, the age of criminal responsibility.

Deciders (kzdata.checks) and their columnar screens read these names, never their own copies, so that a
rule and its screen cannot drift apart. The allowed values themselves are in the schemas (schemas/).
"""
from __future__ import annotations

import datetime as dt

# --- the Criminal Codes ------------------------------------------------------------------------------------
CODE_1997_START = dt.date(1998, 1, 1)
CODE_2014_START = dt.date(2015, 1, 1)
# The repealing law's entry into force is only known not to precede its recorded date; beyond this many days
# after it, the repeal is taken as certainly in force (laws are published within days of signing).
REPEAL_MARGIN_DAYS = 30
AGE_OF_RESPONSIBILITY = 14
# The longest term the General Part of the 2014 Code (16.09.2025 edition) allows for each kind of punishment, in
# years, even where sentences for several crimes or several verdicts are added together. A longer term in the data
# is a typing error (KZ108). The limits are applied to sentences under the 1997 Code too (not checked against its
# text: a term it allowed beyond them would need this table to name the edition). Kinds not listed: no limit here.
TERM_LIMITS: dict[str, tuple[int, str]] = {
    # art. 46: 6 months to 15 years, 20 for especially grave crimes; art. 58 part 4: at most 25 for several
    # crimes; art. 60 part 3 (and art. 46 part 3): at most 30 for several verdicts
    "imprisonment": (30, "articles 46, 58 and 60 of the 2014 Code: at most 30 years, even for several verdicts"),
    # art. 63: a suspended sentence is a term of imprisonment (or restriction of freedom) the court does not enforce
    "suspended_imprisonment": (30, "article 63 of the 2014 Code: the suspended term is a term of imprisonment (at most 30 years)"),
    # art. 44: 6 months to 7 years; art. 58 part 5, art. 60 part 2: added terms stay within that maximum
    "restriction_of_freedom": (7, "articles 44, 58 and 60 of the 2014 Code: at most 7 years, even when terms are added"),
    # art. 50 part 2: 1 to 10 years (a lifetime ban has no term: leave the term empty and say so in the notes)
    "activity_ban": (10, "article 50 of the 2014 Code: at most 10 years (a lifetime ban has no term)"),
}
# How far back the dataset reaches: Kazakhstan's independence (16 December 1991). An earlier date is possible
# (a Soviet-era conviction, the birth of an organisation) but unusual: a warning (KZ412). Before 1900 no date
# of the dataset can fall, not even a birth year: an error (KZ411).
INDEPENDENCE = dt.date(1991, 12, 16)
EARLIEST_YEAR = 1900

# --- the tables ------------------------------------------------------------------------------------------------
# The tables of facts, in the order people read them; every CSV resource of the package, in the order they are
# loaded (a table before the tables that refer to it); the tables about one person.
RECORD_TABLES = ("persons", "organisations", "cases", "charges", "sentences", "events", "sources")
PACKAGE_TABLES = ("sources", "organisations", "persons", "cases", "charges", "sentences", "events", "disputes", "exceptions",
                  "retired")
PUBLISHED_TABLES = RECORD_TABLES + ("disputes",)   # what exports and the website publish
OPTIONAL_TABLES = ("disputes",)                    # new in 1.1.0: a package of an earlier release has none
REFERENCE = "criminal-code"                        # the JSON resource of the Criminal Code reference
REFERENCE_INPUTS = "reference/criminal-code"       # what it is built from (kzdata.reference_build)

# --- every column that dates a fact, per table ----------------------------------------------------------------
DATE_COLUMNS: dict[str, list[str]] = {
    "persons": ["status_date"],
    "organisations": ["banned_date"],
    "cases": ["opened"],
    "charges": ["charged_date", "acts_from", "acts_to"],
    "sentences": ["verdict_date"],
    "events": ["date"],
    "sources": ["published", "accessed"],
}
PERSON_TABLES = ("charges", "sentences", "events")

# --- sentences ----------------------------------------------------------------------------------------------
PRISON = frozenset({"imprisonment", "life_imprisonment"})
FIRST_INSTANCE = "first_instance"
REVIEW_INSTANCES = ("appeal", "cassation", "supervisory", "retrial")

# --- events -------------------------------------------------------------------------------------------------
VERDICT_EVENTS = ("convicted", "acquitted")          # a first-instance verdict recorded as an event
CONVICTION_EVENTS = ("convicted",)
PRE_VERDICT = frozenset({"detained", "pre_trial_detention", "house_arrest", "charged", "case_opened", "case_sent_to_court"})
REVIEWS = frozenset({"appeal_rejected", "appeal_granted", "cassation_rejected", "cassation_granted"})
POST_CONVICTION = frozenset({"parole_granted", "parole_denied", "pardoned", "amnesty", "sentence_replaced", "sentence_resumed"})
# the start of custody for the order of a release (KZ407)
CUSTODY = frozenset({"detained", "pre_trial_detention", "house_arrest"})
RELEASES = frozenset({"released", "released_from_custody"})
LISTED = "listed"
# custody as the status check sees it: a resumed sentence sends the person back; an acquittal ends custody.
# A parole or pardon decision is not itself a release (a parole grant can be overturned on appeal before the
# prisoner walks out): the release is its own event.
CUSTODY_EVENTS = frozenset({"detained", "pre_trial_detention", "house_arrest", "sentence_resumed"})
RELEASE_EVENTS = frozenset({"released", "released_from_custody", "acquitted"})
# what only a living person undergoes (KZ410: not after their death)
DIED = "died"
ONLY_WHILE_ALIVE = frozenset({"detained", "administrative_arrest", "pre_trial_detention", "house_arrest", "released_from_custody",
                              "released", "transferred", "transfer_refused", "parole_granted", "parole_denied", "arrested_abroad",
                              "extradited", "asylum_sought", "ill_treatment_reported"})
# events after a verdict that can explain a longer stay in prison than the term (KZ703)
LATER_CUSTODY = frozenset({"sentence_changed", "sentence_resumed", "detained", "pre_trial_detention"})

# --- statuses -----------------------------------------------------------------------------------------------
HELD_STATUSES = ("in_prison", "pre_trial_detention", "house_arrest")
# What supports each status: (sentence kinds, event types).
SUPPORT: dict[str, tuple[frozenset, frozenset]] = {
    "in_prison": (PRISON, frozenset({"detained", "pre_trial_detention", "sentence_resumed", "extradited"})),
    "pre_trial_detention": (frozenset(), frozenset({"detained", "pre_trial_detention", "extradited"})),
    "house_arrest": (frozenset(), frozenset({"house_arrest"})),
    # a court can replace the rest of a prison term with restriction of freedom (an event, not a new verdict)
    "restricted_freedom": (frozenset({"restriction_of_freedom"}), frozenset({"sentence_replaced"})),
    "non_custodial_sentence": (frozenset({"fine", "activity_ban", "compulsory_labour", "community_service", "confiscation",
                                          "victims_fund_payment"}), frozenset()),
    "suspended_sentence": (frozenset({"suspended_imprisonment"}), frozenset()),
    "under_investigation": (frozenset(), frozenset({"charged", "case_opened", "detained", "pre_trial_detention", "house_arrest",
                                                    "wanted_notice", "extradition_requested"})),
    "released": (frozenset(), frozenset({"released", "released_from_custody", "acquitted", "pardoned", "parole_granted", "amnesty",
                                         "case_closed"})),
    "compulsory_psychiatric_treatment": (frozenset({"compulsory_psychiatric_treatment"}),
                                         frozenset({"compulsory_treatment_ordered", "compulsory_treatment_extended"})),
    "deceased": (frozenset(), frozenset({"died"})),
}
ABSENTIA_STATUS = "convicted_in_absentia"
