"""The catalogue of finding codes: the one place where every code, its severity and its fix are named.

Codes are stable: a code is never reused for a different problem. Ranges:
KZ0xx package and file structure, KZ1xx cell values, KZ2xx keys and references, KZ3xx Criminal Code
articles, KZ4xx date order, KZ5xx dates against sources, KZ6xx banned organisations, KZ7xx status
consistency, KZ8xx likely duplicates, KZ9xx reviewed exceptions and the validator itself.
"""
from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    severity: str
    title: str
    hint: str


E, W = "error", "warning"

CODES: dict[str, Code] = {
    # package and files
    "KZ001": Code(E, "datapackage.json missing or unreadable", "Restore datapackage.json at the top of the package; it must be a JSON object."),
    "KZ002": Code(E, "invalid package descriptor", "Fix datapackage.json so that every resource has a name, a relative path inside the package and a schema."),
    "KZ003": Code(E, "resource file missing", "Add the file or correct the resource's path in datapackage.json."),
    "KZ004": Code(W, "file not described by the package", "Describe the file as a resource in datapackage.json, or remove it from data/."),
    "KZ005": Code(E, "schema missing or invalid", "Restore the schema file named by the resource; it must be valid JSON."),
    "KZ010": Code(E, "file cannot be parsed", "Save the file as UTF-8 CSV without a byte-order mark; check quotes are balanced."),
    "KZ011": Code(E, "column missing", "Add the column to the header (an empty column is fine when no row has a value)."),
    "KZ012": Code(E, "unexpected column", "Remove the column or add it to the table's schema in schemas/."),
    "KZ013": Code(W, "columns out of schema order", "Reorder the header to match the schema (kzdata fmt will do this)."),
    "KZ014": Code(E, "wrong number of cells", "Give the row exactly one cell per header column; quote cells that contain commas."),
    "KZ015": Code(E, "JSON file does not match its JSON Schema", "Correct the value at the JSON path shown, or regenerate the file with its build script."),
    "KZ016": Code(E, "line endings are not LF", "Save the file with Unix line endings (LF, \\n) only: no CR-only, CRLF or mixed line endings."),
    "KZ017": Code(E, "resource limit exceeded", "The file, a cell or a JSON structure is larger or deeper than kzdata reads; split or simplify it."),
    "KZ018": Code(W, "file not in canonical form", "Run kzdata fmt: it rewrites the file in canonical form without changing any value."),
    # values
    "KZ101": Code(E, "required value missing", "Fill in the cell; every row needs it."),
    "KZ102": Code(E, "wrong type", "Write the value in the type the schema gives (integer, number, true/false, YYYY-MM-DD)."),
    "KZ103": Code(E, "value not allowed", "Use one of the values the schema lists for this column."),
    "KZ104": Code(E, "value does not match the required pattern", "Write the value in the form the schema's pattern describes."),
    "KZ105": Code(E, "value out of range", "Keep the value within the schema's minimum, maximum and length."),
    "KZ106": Code(E, "impossible date", "Write a real calendar date as YYYY, YYYY-MM or YYYY-MM-DD; use less precision rather than guessing a day."),
    "KZ107": Code(E, "malformed duration", "Write the length as an ISO 8601 duration: P7Y, P1Y4M, P6M, P10D."),
    # private data (errors: these must never be published)
    "KZ110": Code(E, "identification number (IIN) in the text", "Remove the number: the dataset never records personal identification numbers."),
    "KZ111": Code(E, "phone number in the text", "Remove the phone number: the dataset never records contact details."),
    "KZ112": Code(E, "e-mail address in the text", "Remove the e-mail address: the dataset never records contact details."),
    "KZ113": Code(E, "street address in the text", "Remove the address (a town or region is enough): the dataset never records where people live."),
    # honest text
    "KZ120": Code(E, "mixed scripts in a name or word", "Write the name or word in one script: replace the look-alike letters named in the message."),
    "KZ121": Code(E, "invisible or control characters", "Delete the characters named in the message (zero-width, bidirectional controls, control codes)."),
    "KZ122": Code(E, "text not in Unicode NFC", "Save the text in composed form (NFC): retype the accented letters, or normalise the text in your editor (kzdata fmt never changes values, so it does not do this)."),
    "KZ123": Code(W, "stray spaces", "Remove leading, trailing and double spaces."),
    "KZ124": Code(E, "cell would run as a spreadsheet formula", "Reword the cell so it does not start with =, +, -, @, a tab or a carriage return."),
    "KZ125": Code(E, "unsafe or invalid source address", "Give a plain http(s) address, without a user name or password in it."),
    "KZ126": Code(W, "tracking parameters in an address", "Remove the tracking parameters (utm_*, fbclid, gclid…) from the address."),
    # keys
    "KZ201": Code(E, "duplicate id", "Give each row its own id; ids are never reused, even for removed rows."),
    "KZ202": Code(E, "reference does not resolve", "Use the id of an existing row in the referenced table, or add that row."),
    "KZ203": Code(W, "item repeated in a list cell", "Remove the repeated item."),
    "KZ204": Code(E, "retired id used again", "Give the record a new id: a removed record's id stays retired (DATA_POLICY.md)."),
    "KZ205": Code(E, "released id removed without retiring it", "Restore the record, or add its id to data/retired.csv as withdrawn or merged_into another id, with the reason and date."),
    # articles
    "KZ301": Code(E, "article not in the cited Criminal Code", "Check the article number and the code edition (1997 or 2014) against the source and data/criminal-code.json."),
    "KZ302": Code(E, "code edition not in force at that date", "The 1997 Code applied to acts until 31 December 2014 and the 2014 Code from 1 January 2015: check the edition and the dates."),
    "KZ303": Code(W, "acts before 2015 tried later: either edition may apply", "Confirm from the verdict which Code the court applied; accept with a reviewed exception once checked."),
    "KZ304": Code(E, "article repealed at that date", "Check the article, the edition and the date: the article was no longer in the Code."),
    "KZ305": Code(W, "article may already have been repealed", "The repealing law was signed before this date but its entry into force is not recorded; check the verdict."),
    "KZ306": Code(E, "article not yet in the Code at that date", "Check the article number and the date: the article was added to the Code later."),
    "KZ307": Code(W, "article possibly not yet in the Code at that date", "The article was added between two editions read; check that it existed at this date."),
    "KZ308": Code(E, "part not in the article", "Check the part number against the article's text in data/criminal-code.json."),
    # dates
    "KZ401": Code(E, "date in the future", "Correct the date; a fact cannot be dated after today."),
    "KZ402": Code(E, "date before the person could be criminally responsible", "Check the date and the birth year: criminal responsibility starts at 14."),
    "KZ403": Code(E, "detention or charge after the first-instance verdict", "Check the dates: detention and charges precede the first verdict in a case."),
    "KZ404": Code(E, "review before the verdict it reviews", "An appeal or cassation decision comes after the first-instance verdict: check both dates."),
    "KZ405": Code(E, "post-verdict event before the verdict", "Parole, pardon, amnesty and replaced sentences follow a conviction: check the dates."),
    "KZ406": Code(W, "listing before conviction", "Listing as an 'extremist' usually follows a conviction; check the date and the source."),
    "KZ407": Code(E, "release before detention", "A release cannot precede the detention it ends: check both dates."),
    "KZ408": Code(E, "acts dated after the charge or verdict", "The acts charged must precede the charge and the verdict: check acts_from/acts_to."),
    "KZ409": Code(E, "date range reversed", "The start of a range must not be after its end."),
    # sources
    "KZ501": Code(E, "fact dated after every source that reports it", "A source cannot report what happened after it was published: cite a later source or correct the date."),
    # banned organisations
    "KZ601": Code(E, "participation charge for acts before the ban", "Participation in a banned organisation is only a crime after the ban: check the acts' dates and the organisation."),
    "KZ602": Code(W, "participation charge with acts partly before the ban", "Some of the acts charged may predate the ban: check the dates."),
    "KZ603": Code(W, "participation charge without the organisation", "Name the banned organisation in the case's banned_organisation column when a source states it."),
    "KZ604": Code(E, "banned organisation has no ban date", "Add the date of the court's ban to organisations.csv, or correct the case's banned_organisation."),
    # status
    "KZ701": Code(E, "status contradicted by a later release", "The person's last custody ended in a release: update status and status_date."),
    "KZ702": Code(W, "status without supporting records", "Add the sentence or event that supports the status, or correct the status."),
    "KZ703": Code(W, "prison term over before the status date", "The imprisonment ends before status_date counted from the verdict: check the status or add the event that explains it."),
    # duplicates
    "KZ801": Code(W, "possible duplicate person", "Merge the two rows (keep one id, move the other spelling to aliases) or list each id in the other's distinct_from."),
    # exceptions and the validator itself
    "KZ901": Code(W, "reviewed exception matches nothing", "Remove the exception from data/exceptions.csv: the finding it accepted is gone."),
    "KZ999": Code(E, "internal error in a check", "Report this as a bug in kzdata with the file that triggered it."),
}
