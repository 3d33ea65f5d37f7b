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
