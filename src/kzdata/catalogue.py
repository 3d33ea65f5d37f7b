"""The catalogue of finding codes: the one place where every code is described. Each entry gives its severity,
its title, the hint printed with it, a worked example for contributors, and the registered check that owns it
(kzdata.checks.REGISTRY; tests prove that every code is owned by exactly one check). docs/codes.md and the
table in README.md are generated from it by scripts/update_readme.py.

Codes are stable: a code is never reused for a different problem. Ranges:
KZ0xx package and file structure, KZ1xx cell values, KZ2xx keys and references, KZ3xx Criminal Code
articles, KZ4xx date order, KZ5xx sources (dates against sources, disputed facts), KZ6xx banned organisations, KZ7xx status
consistency, KZ8xx likely duplicates, KZ9xx reviewed exceptions and the validator itself.
"""
from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    severity: str
    title: str
    hint: str
    example: str   # plain text under 300 characters: the file, column and value, the message, the fix (all invented)
    check: str     # the name of the check in kzdata.checks.REGISTRY that reports it


E, W, N = "error", "warning", "notice"   # a notice is for the reviewer: it never fails validation

# The examples use the fictional Aigerim Testova (testova-aigerim) in the fictional case uralsk-2022-testova,
# charged under article 405 of the 2014 Code for supporting the fictional example-civic-movement (banned 2018-03),
# sentenced on 2023-05-12, cited from the fictional source example-2023-testova-verdict (published 2023-05-20).
# The private data in the KZ110-KZ113 examples is fake: never put real numbers or addresses in an example.
CODES: dict[str, Code] = {
    # package and files
    'KZ001': Code(
        E, 'datapackage.json missing or unreadable',
        hint='Restore datapackage.json at the top of the package; it must be a JSON object.',
        example='datapackage.json deleted, or saved with a bracket missing: "datapackage.json is not valid JSON: Expecting value (line 3, column 1)". Restore the file from the repository.',
        check='files'),
    'KZ002': Code(
        E, 'invalid package descriptor',
        hint='Fix datapackage.json so that every resource has a name, a relative path inside the package and a schema.',
        example='datapackage.json, resource events with "path": "../events.csv": "resource \'events\' has path \'../events.csv\', which is not a relative path inside the package". Write data/events.csv.',
        check='files'),
    'KZ003': Code(
        E, 'resource file missing',
        hint="Add the file or correct the resource's path in datapackage.json.",
        example='data/events.csv renamed to data/event.csv: "resource \'events\' points to data/events.csv, which does not exist". Give the file its old name back.',
        check='files'),
    'KZ004': Code(
        W, 'file not described by the package',
        hint='Describe the file as a resource in datapackage.json, or remove it from data/.',
        example='A copy saved as data/persons-backup.csv: "data/persons-backup.csv is not a resource of the package". Delete the copy or keep it outside the repository.',
        check='files'),
    'KZ005': Code(
        E, 'schema missing or invalid',
        hint='Restore the schema file named by the resource; it must be valid JSON.',
        example='schemas/events.json deleted: "schema \'schemas/events.json\' of resource \'events\' is missing or outside the package". Restore the schema file from the repository.',
        check='files'),
    'KZ006': Code(
        E, 'symbolic link that cannot be followed',
        hint='Replace the link with the file itself, or delete it: a link in the package must lead to a file inside it.',
        example='data/persons.csv committed as a link to /home/me/persons.csv: "data/persons.csv is a symbolic link to \'/home/me/persons.csv\', outside the package". Commit the file, not a link.',
        check='files'),
    'KZ007': Code(
        E, 'temporary file left by an interrupted write',
        hint='Delete the file (kzdata fmt removes it): it is a partial copy that a write stopped before it finished; the real file beside it is intact.',
        example='data/.persons.csv.k3x9qz1a.tmp after kzdata fmt was killed: "data/.persons.csv.k3x9qz1a.tmp is a temporary file left by a write that was interrupted". Run kzdata fmt again, or delete it.',
        check='files'),
    'KZ008': Code(
        E, 'unresolved merge conflict',
        hint='Finish the merge: keep what both sides added (each row that its sources support), delete the lines <<<<<<<, ======= and >>>>>>>, then run kzdata fmt.',
        example='Two pull requests added a person next to each other: "data/persons.csv has an unresolved git merge conflict (lines 12-16)". Keep both rows and delete the three marker lines.',
        check='files'),
    'KZ009': Code(
        E, 'file saved by a spreadsheet',
        hint='Run kzdata fmt: it rewrites the file with commas, UTF-8 without a byte-order mark and LF line endings, and says what it changed.',
        example='persons.csv saved by Excel in a Russian locale: "data/persons.csv looks saved by a spreadsheet: a byte-order mark, semicolons between cells, CRLF line endings". Run kzdata fmt.',
        check='files'),
    'KZ010': Code(
        E, 'file cannot be parsed',
        hint='Save the file as UTF-8 CSV without a byte-order mark; check quotes are balanced.',
        example='persons.csv saved by a spreadsheet as "CSV UTF-8" with a byte-order mark: "the file starts with a UTF-8 byte-order mark" (run kzdata fmt). A quote left open in a cell gives "CSV syntax error".',
        check='files'),
    'KZ011': Code(
        E, 'column missing',
        hint='Add the column to the header (an empty column is fine when no row has a value).',
        example='persons.csv, the sensitive_notes column deleted from the header: "column \'sensitive_notes\' is missing from the header of data/persons.csv". Put the column back; it may stay empty.',
        check='structure'),
    'KZ012': Code(
        E, 'unexpected column',
        hint="Remove the column or add it to the table's schema in schemas/.",
        example='persons.csv, a column "twitter" added to the header: "column \'twitter\' is not in the schema of persons". Remove the column: the tables have a fixed set of columns.',
        check='structure'),
    'KZ013': Code(
        W, 'columns out of schema order',
        hint='Reorder the header to match the schema (kzdata fmt will do this).',
        example='sources.csv, header starting "publisher,id,…" instead of "id,publisher,…": "columns of data/sources.csv are not in schema order". Run kzdata fmt.',
        check='structure'),
    'KZ014': Code(
        E, 'wrong number of cells',
        hint='Give the row exactly one cell per header column; quote cells that contain commas.',
        example='persons.csv, notes Blogger from Uralsk, sentenced in 2023 typed without quotes, so the comma splits the cell: "row has 17 cells but the header has 16". Put a cell with a comma in double quotes.',
        check='structure'),
    'KZ015': Code(
        E, 'JSON file does not match its JSON Schema',
        hint='Correct the value at the JSON path shown, or regenerate the file with its build script.',
        example='data/criminal-code.json edited by hand, an article number written as 5 instead of "5": "editions/1/articles/0/article: 5 is not of type \'string\'". Rebuild the file with scripts/build_criminal_code.py.',
        check='files'),
    'KZ016': Code(
        E, 'line endings are not LF',
        hint='Save the file with Unix line endings (LF, \\n) only: no CR-only, CRLF or mixed line endings.',
        example='persons.csv saved on Windows: "the file has CRLF line endings; the package\'s dialect is LF". Run kzdata fmt, or save with Unix (LF) line endings.',
        check='files'),
    'KZ017': Code(
        E, 'resource limit exceeded',
        hint='The file, a cell or a JSON structure is larger or deeper than kzdata reads; split or simplify it.',
        example='persons.csv, a whole article pasted into notes, over a million characters: "a cell is longer than 1000000 characters, the most kzdata reads". Summarise it in a few sentences.',
        check='files'),
    'KZ018': Code(
        W, 'file not in canonical form',
        hint='Run kzdata fmt: it rewrites the file in canonical form without changing any value.',
        example='persons.csv, a new row added at the end instead of in id order, or a cell quoted without need: "data/persons.csv is not in canonical form (first difference on this line)". Run kzdata fmt.',
        check='canonical'),
    'KZ019': Code(
        E, 'Criminal Code reference not built from its inputs',
        hint='Do not edit data/criminal-code.json by hand: change the inputs in reference/criminal-code/ and run python scripts/build_criminal_code.py.',
        example='data/criminal-code.json with an article 999 appended by hand: "data/criminal-code.json is not what reference/criminal-code/ builds: it differs at /editions/1/articles/502". Rebuild it.',
        check='reference'),
    'KZ020': Code(
        W, 'Criminal Code reference without its build inputs',
        hint='Keep reference/criminal-code/ beside data/ (a copy of the package made before version 1.1 has none); CI runs --strict, so this fails a pull request.',
        example='reference/criminal-code/ deleted from a copy: "data/criminal-code.json cannot be proven: the package has no reference/criminal-code/ to build it from". Restore the folder.',
        check='reference'),
    # values
    'KZ101': Code(
        E, 'required value missing',
        hint='Fill in the cell; every row needs it.',
        example='persons.csv, status left empty for testova-aigerim: "status is required but empty". Write the status the source gives, or unknown.',
        check='values'),
    'KZ102': Code(
        E, 'wrong type',
        hint='Write the value in the type the schema gives (integer, number, true/false, YYYY-MM-DD).',
        example='persons.csv, birth_year "about 1988": "birth_year: \'about 1988\' is not an integer". Write 1988 only if a source states it, else leave it empty. sentences.csv, in_absentia "no": write false.',
        check='values'),
    'KZ103': Code(
        E, 'value not allowed',
        hint='Use one of the values the schema lists for this column.',
        example='sentences.csv, kind "restricted freedom": "kind: \'restricted freedom\' is not one of: imprisonment, life_imprisonment, restriction_of_freedom, …". Write restriction_of_freedom.',
        check='values'),
    'KZ104': Code(
        E, 'value does not match the required pattern',
        hint="Write the value in the form the schema's pattern describes.",
        example='persons.csv, id "Testova-Aigerim": "id: \'Testova-Aigerim\' does not match the pattern …". Write testova-aigerim. Also: currency "tenge" (write KZT), roles "activist;;blogger" (one ; between items).',
        check='values'),
    'KZ105': Code(
        E, 'value out of range',
        hint="Keep the value within the schema's minimum, maximum and length.",
        example='persons.csv, birth_year "1888" (a typo for 1988): "birth_year: 1888 is below the minimum 1900". A notes cell over 2000 characters gives "over the limit of 2000".',
        check='values'),
    'KZ106': Code(
        E, 'impossible date',
        hint='Write a real calendar date as YYYY, YYYY-MM or YYYY-MM-DD; use less precision rather than guessing a day.',
        example='sentences.csv, verdict_date "12.05.2023": "is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"; write 2023-05-12. "2023-02-30" gives "is not a real calendar date".',
        check='values'),
    'KZ107': Code(
        E, 'malformed duration',
        hint='Write the length as an ISO 8601 duration: P7Y, P1Y4M, P6M, P10D.',
        example='sentences.csv, term "2 years": "term: \'2 years\' is not an ISO 8601 duration such as P7Y, P1Y4M or P6M". Write P2Y; one year and six months is P1Y6M.',
        check='values'),
    # private data (errors: these must never be published)
    'KZ108': Code(
        E, 'term longer than the Criminal Code allows',
        hint='Check the term against the source: a term in years is written P5Y, a term in months P6M; the message gives the limit for the kind of punishment.',
        example='sentences.csv, imprisonment with term P300Y (meant P3Y): "a term of P300Y (300 years) of imprisonment is longer than the Criminal Code allows: at most 30 years". Write P3Y.',
        check='terms'),
    'KZ110': Code(
        E, 'identification number (IIN) in the text',
        hint='Remove the number: the dataset never records personal identification numbers, in any layout (spaces, dots, full-width or other Unicode digits count as plain ones; after IIN, ИИН or ЖСН any 12 digits count).',
        example='persons.csv, notes ending "IIN 900101300017.": "notes contains a Kazakhstan individual identification number (IIN) … (90########17)". Delete the number.',
        check='privacy'),
    'KZ111': Code(
        E, 'phone number in the text',
        hint='Remove the phone number: the dataset never records contact details (full-width digits and signs and Unicode spaces count as plain ones).',
        example='persons.csv, notes ending "Tel. +7 700 000 00 00.": "notes contains a Kazakhstan phone number (+7 or 8 and ten digits) … (+7 ### ### ## 00)". Delete the number.',
        check='privacy'),
    'KZ112': Code(
        E, 'e-mail address in the text',
        hint='Remove the e-mail address: the dataset never records contact details (also with a Unicode domain or local part, or a full-width at sign).',
        example='persons.csv, notes ending "Contact: user@example.org.": "notes contains an e-mail address; personal contact details must not be published". Delete the address.',
        check='privacy'),
    'KZ113': Code(
        E, 'street address in the text',
        hint='Remove the address (a town or region is enough): the dataset never records where people live.',
        example='persons.csv, notes "Lives at ul. Abaya 12 kv. 5.": "notes contains a home address (street with house or apartment number)". Keep only the town (Uralsk) in the place column.',
        check='privacy'),
    # honest text
    'KZ120': Code(
        E, 'mixed scripts in a name or word',
        hint='Write the name or word in one script: replace the look-alike letters named in the message.',
        example='persons.csv, name "Aigerim Tеstova" typed with a Cyrillic е: "name: this Latin-script field contains Cyrillic letters: \'е\' (U+0435 CYRILLIC SMALL LETTER IE)". Retype the letter in Latin.',
        check='text'),
    'KZ121': Code(
        E, 'invisible or control characters',
        hint='Delete the characters named in the message (zero-width, bidirectional controls, control codes).',
        example='persons.csv, name pasted from a web page with a hidden character: "name contains invisible or control characters: … (U+200B ZERO WIDTH SPACE)". Retype the name by hand.',
        check='text'),
    'KZ122': Code(
        E, 'text not in Unicode NFC',
        hint='Save the text in composed form (NFC): retype the accented letters, or normalise the text in your editor (kzdata fmt never changes values, so it does not do this).',
        example='persons.csv, name_cyrillic "Айгерим" pasted with й as и plus a separate accent mark: "name_cyrillic is not in Unicode NFC (composed) form". Retype the letter й.',
        check='text'),
    'KZ123': Code(
        W, 'stray spaces',
        hint='Remove leading, trailing and double spaces.',
        example='persons.csv, name "Aigerim  Testova" with two spaces: "name has a double space". A space at the end of a cell: "notes has leading or trailing spaces".',
        check='text'),
    'KZ124': Code(
        E, 'cell would run as a spreadsheet formula',
        hint='Reword the cell so it does not start with =, +, -, @, a tab or a carriage return.',
        example='persons.csv, notes "-Sentenced in May 2023." (a dash from a list): "notes starts with \'-\', which spreadsheets run as a formula". Start the cell with a word.',
        check='text'),
    'KZ125': Code(
        E, 'unsafe or invalid source address',
        hint='Give a plain http(s) address, without a user name or password in it.',
        example='sources.csv, url "example.org/news/2023/testova-verdict" without https://: "url … is not an http(s) address". An address with a user name and password in it is refused too.',
        check='text'),
    'KZ126': Code(
        W, 'tracking parameters in an address',
        hint='Remove the tracking parameters (utm_*, fbclid, gclid…) from the address.',
        example='sources.csv, url ending "?utm_source=facebook&fbclid=IwAR0abc": "url carries tracking parameters: utm_source, fbclid". Remove those parameters from the address.',
        check='text'),
    # keys
    'KZ201': Code(
        E, 'duplicate id',
        hint='Give each row its own id; ids are never reused, even for removed rows.',
        example='events.csv, a second row with id testova-aigerim-2022-12-14-detained: "id … is already used on line 83". Merge the two rows, or give the second its own id.',
        check='keys'),
    'KZ202': Code(
        E, 'reference does not resolve',
        hint='Use the id of an existing row in the referenced table, or add that row.',
        example='events.csv, sources "example-2023-testova" (a typo for example-2023-testova-verdict): "sources item \'example-2023-testova\' is not an id in sources". Fix the id, or add the source row first.',
        check='keys'),
    'KZ203': Code(
        W, 'item repeated in a list cell',
        hint='Remove the repeated item.',
        example='persons.csv, roles "activist;blogger;activist": "roles lists \'activist\' more than once". Remove the repeat.',
        check='keys'),
    'KZ204': Code(
        E, 'retired id used again',
        hint="Give the record a new id: a removed record's id stays retired (DATA_POLICY.md).",
        example='persons.csv, a new row with id testova-aigerim, which data/retired.csv lists: "id \'testova-aigerim\' was retired on 2024-02-01 and may not be used again". Let kzdata new person choose an id.',
        check='retired'),
    'KZ205': Code(
        E, 'released id removed without retiring it',
        hint='Restore the record, or add its id to data/retired.csv as withdrawn or merged_into another id, with the reason and date.',
        example='After release 1.0.0, the row testova-aigerim deleted from data/persons.csv: "id \'testova-aigerim\' of release 1.0.0 is gone from data/persons.csv without a row in data/retired.csv". Restore it or retire the id.',
        check='released'),
    # articles
    'KZ301': Code(
        E, 'article not in the cited Criminal Code',
        hint='Check the article number and the code edition (1997 or 2014) against the source and data/criminal-code.json.',
        example='charges.csv, code 2014, article "495": "article 495 does not exist in the 2014 Criminal Code". Check the number in the source: the 2014 Code ends at article 467.',
        check='articles'),
    'KZ302': Code(
        E, 'code edition not in force at that date',
        hint='The 1997 Code applied to acts until 31 December 2014 and the 2014 Code from 1 January 2015: check the edition and the dates.',
        example='charges.csv, code 2014 for a verdict dated 2013-05-12: "the 2014 Code came into force on 2015-01-01, but the verdict is dated 2013-05-12". Use code 1997 and its article number.',
        check='articles'),
    'KZ303': Code(
        W, 'acts before 2015 tried later: either edition may apply',
        hint='Confirm from the verdict which Code the court applied; accept with a reviewed exception once checked.',
        example='charges.csv, code 2014, article 174, acts 2014-06 to 2014-11: "acts dated 2014-11, before 2015, charged under the 2014 Code (verdict 2023-05-12)". Check the verdict, then ask for a reviewed exception.',
        check='articles'),
    'KZ304': Code(
        E, 'article repealed at that date',
        hint='Check the article, the edition and the date: the article was no longer in the Code.',
        example='charges.csv, 2014 Code article 130 (defamation), verdict 2023-05-12: "article 130 of the 2014 Code was repealed by Law No. 349-VI of 2020-06-26, before the verdict (2023-05-12)". Check article and code.',
        check='articles'),
    'KZ305': Code(
        W, 'article may already have been repealed',
        hint='The repealing law was signed before this date but its entry into force is not recorded; check the verdict.',
        example='charges.csv, 2014 Code article 130, verdict 2020-07-20: "article 130 … was repealed by Law No. 349-VI of 2020-06-26, in force from 2020-07-07 at the earliest; the verdict is dated 2020-07-20". Check the verdict.',
        check='articles'),
    'KZ306': Code(
        E, 'article not yet in the Code at that date',
        hint='Check the article number and the date: the article was added to the Code later.',
        example='charges.csv, 2014 Code article 412-1, verdict 2019-06-01: "article 412-1 of the 2014 Code was added by Law No. 365-VI of 2020-10-06, in force from 2020-10-17 at the earliest, yet the verdict is dated 2019-06-01". Check the article number.',
        check='articles'),
    'KZ307': Code(
        W, 'article possibly not yet in the Code at that date',
        hint='The article was added between two editions read, or by a law whose exact entry into force is not known; check that it existed at this date.',
        example='charges.csv, 2014 Code article 412-1, verdict 2020-10-25: "article 412-1 … was added by Law No. 365-VI of 2020-10-06, in force from 2020-10-17 at the earliest; the verdict (2020-10-25) falls in the weeks after".',
        check='articles'),
    'KZ308': Code(
        E, 'part not in the article',
        hint="Check the part number against the article's text in data/criminal-code.json.",
        example='charges.csv, article 405, part "3": "article 405 (…) of the 2014 Code has 1, 2, not part 3". Check the part in the source; leave it empty when the source does not give it.',
        check='articles'),
    # dates
    'KZ401': Code(
        E, 'date in the future',
        hint='Correct the date; a fact cannot be dated after today.',
        example='events.csv, date "2031-01-01" (a typo for 2021): "date 2031-01-01 is after today". Correct the year.',
        check='future'),
    'KZ402': Code(
        E, 'date before the person could be criminally responsible',
        hint='Check the date and the birth year: criminal responsibility starts at 14.',
        example='persons.csv, birth_year 2010 for testova-aigerim, whose acts are dated 2022: charges.csv shows "acts_from 2022-01 is before testova-aigerim (born 2010) turned 14". Check the birth year.',
        check='age'),
    'KZ403': Code(
        E, 'detention or charge after the first-instance verdict',
        hint='Check the dates: detention and charges precede the first verdict in a case.',
        example='events.csv, detained on 2023-06-02, verdict 2023-05-12: "detained on 2023-06-02 is after the first-instance verdict of 2023-05-12 in case uralsk-2022-testova". Check both dates.',
        check='order'),
    'KZ404': Code(
        E, 'review before the verdict it reviews',
        hint='An appeal or cassation decision comes after the first-instance verdict: check both dates.',
        example='events.csv, appeal_rejected on 2023-04-20: "appeal_rejected on 2023-04-20 is before the first-instance verdict of 2023-05-12 in case uralsk-2022-testova". Check both dates.',
        check='order'),
    'KZ405': Code(
        E, 'post-verdict event before the verdict',
        hint='Parole, pardon, amnesty and replaced sentences follow a conviction: check the dates.',
        example='events.csv, parole_granted dated 2023-03: "parole_granted on 2023-03 is before the verdict of 2023-05-12". Check the year of the parole.',
        check='order'),
    'KZ406': Code(
        W, 'listing before conviction',
        hint="Listing as an 'extremist' usually follows a conviction; check the date and the source.",
        example='events.csv, listed dated 2023-01: "listed on 2023-01, before the first conviction on 2023-05-12". Check the source; if it is right, ask for a reviewed exception.',
        check='order'),
    'KZ407': Code(
        E, 'release before detention',
        hint='A release cannot precede the detention it ends: check both dates.',
        example='events.csv, released on 2022-12-10: "released on 2022-12-10 is before the first detention or prison sentence on 2022-12-14". Check both dates.',
        check='order'),
    'KZ408': Code(
        E, 'acts dated after the charge or verdict',
        hint='The acts charged must precede the charge and the verdict: check acts_from/acts_to.',
        example='charges.csv, acts_from 2023-01 with charged_date 2022-12-15: "acts dated 2023-01 are after the charge on 2022-12-15". Check acts_from and acts_to.',
        check='order'),
    'KZ409': Code(
        E, 'date range reversed',
        hint='The start of a range must not be after its end.',
        example='charges.csv, acts_from 2022-11 and acts_to 2022-01 swapped: "acts_to 2022-01 is before acts_from 2022-11". Swap them back.',
        check='order'),
    'KZ410': Code(
        E, 'event after the person died',
        hint='Check the dates: a person cannot be detained, released, transferred or ill-treated after their death.',
        example='events.csv, transferred on 2024-03 for a person whose died event is dated 2023-11-24: "transferred on 2024-03 is after testova-aigerim died (2023-11-24)". Check both dates.',
        check='death'),
    'KZ411': Code(
        E, 'date before 1900',
        hint='Correct the date or birth year: the dataset records prosecutions since independence, and no one in it was born before 1900.',
        example='events.csv, date 0203-05-12 (meant 2023-05-12): "date 0203-05-12 is before 1900: no fact of this dataset can be that old". Write 2023-05-12.',
        check='reach'),
    'KZ412': Code(
        W, 'date before independence',
        hint="Check the date: the dataset covers prosecutions in independent Kazakhstan (since 16 December 1991). A real earlier date (an organisation's founding, a Soviet-era conviction) can be accepted by a reviewed exception.",
        example='sentences.csv, verdict_date 1923-05-12 (meant 2023-05-12): "verdict_date 1923-05-12 is before Kazakhstan\'s independence (1991-12-16)". Write 2023-05-12.',
        check='reach'),
    # sources
    'KZ501': Code(
        E, 'fact dated after every source that reports it',
        hint='A source cannot report what happened after it was published: cite a later source or correct the date.',
        example='events.csv, appeal_rejected on 2023-07-03 citing only a source of 2023-05-20: "date 2023-07-03 is after the publication of every source cited (example-2023-testova-verdict 2023-05-20)". Cite the later source.',
        check='source-dates'),
    # disputed facts (data/disputes.csv)
    'KZ510': Code(
        E, 'disputed record or field not found',
        hint='Name an existing record (its table and id) and one of its columns; check for a typo in the id.',
        example='disputes.csv, record "testova-aigerim-2023-prisn" (a typo): "no sentences row has the id \'testova-aigerim-2023-prisn\'". Write testova-aigerim-2023-prison.',
        check='disputes'),
    'KZ511': Code(
        E, 'disputed value not cited by the record',
        hint='Add the source to the record\'s sources column: a record cites every source that gives a value for it, also the ones it does not follow.',
        example='disputes.csv gives verdict_date 2023-05-13 from example-2023-appeal, which sentence testova-aigerim-2023-restriction does not cite: "… does not cite it". Add it to that row\'s sources.',
        check='disputes'),
    'KZ512': Code(
        W, 'dispute with a single value',
        hint='Add the other value and its source, or remove the row: a dispute needs two values or more.',
        example='disputes.csv has one row for term of testova-aigerim-2023-restriction (P2Y): "the dispute over term … gives only the value \'P2Y\'". Add the row for P18M.',
        check='disputes'),
    'KZ513': Code(
        E, 'record holds none of the disputed values',
        hint='Write the better-supported value in the record (or leave it empty while undecided), or add the record\'s value to the dispute with its source.',
        example='sentences.csv, term P3Y while disputes.csv lists P2Y and P18M: "term is \'P3Y\', which is none of the disputed values". Correct the term or the dispute.',
        check='disputes'),
    # banned organisations
    'KZ601': Code(
        E, 'participation charge for acts before the ban',
        hint="Participation in a banned organisation is only a crime after the ban: check the acts' dates and the organisation.",
        example='charges.csv, article 405, acts 2017-01 to 2017-11, organisation banned 2018-03: "all acts charged (2017-01 to 2017-11) are before example-civic-movement was banned (2018-03)".',
        check='bans'),
    'KZ602': Code(
        W, 'participation charge with acts partly before the ban',
        hint='Some of the acts charged may predate the ban: check the dates.',
        example='charges.csv, article 405, acts_from 2017-11, organisation banned 2018-03: "acts from 2017-11 are before example-civic-movement was banned (2018-03)". Check the dates in the source.',
        check='bans'),
    'KZ603': Code(
        W, 'participation charge without the organisation',
        hint="Name the banned organisation in the case's banned_organisation column when a source states it.",
        example='charges.csv, article 405 in a case whose banned_organisation is empty: "article 405 punishes participation in a banned organisation, but case uralsk-2022-testova names none".',
        check='bans'),
    'KZ604': Code(
        E, 'banned organisation has no ban date',
        hint="Add the date of the court's ban to organisations.csv, or correct the case's banned_organisation.",
        example='cases.csv names example-civic-movement in banned_organisation, but its banned_date in organisations.csv is empty: "organisation example-civic-movement has no banned_date".',
        check='bans'),
    # status
    'KZ701': Code(
        E, 'status contradicted by a later release',
        hint="The person's last custody ended in a release: update status and status_date.",
        example='persons.csv, status in_prison on 2023-05-20, but events.csv has released on 2023-01-10: "status is in_prison on 2023-05-20, but event … records a release on 2023-01-10 after the last custody".',
        check='status'),
    'KZ702': Code(
        W, 'status without supporting records',
        hint='Add the sentence or event that supports the status, or correct the status.',
        example='persons.csv, status suspended_sentence with no suspended_imprisonment row in sentences.csv: "status is suspended_sentence, but no sentence or event of testova-aigerim supports it".',
        check='status'),
    'KZ703': Code(
        W, 'prison term over before the status date',
        hint='The imprisonment ends before status_date counted from the verdict: check the status or add the event that explains it.',
        example='persons.csv, status in_prison on 2024-09 after a one-year term (P1Y) imposed on 2023-05-12: "the longest prison term ends by 2024-05-12 even counted from the verdict". Add the release or update the status.',
        check='status'),
    # duplicates
    'KZ801': Code(
        W, 'possible duplicate person',
        hint="Merge the two rows (keep one id, move the other spelling to aliases) or list each id in the other's distinct_from.",
        example='persons.csv, new row testova-aygerim "Aygerim Testova" beside testova-aigerim "Aigerim Testova": "testova-aygerim (Aygerim Testova) may be the same person as testova-aigerim". Merge, or use distinct_from.',
        check='duplicates'),
    # exceptions and the validator itself
    'KZ901': Code(
        W, 'reviewed exception matches nothing',
        hint='Remove the exception from data/exceptions.csv: the finding it accepted is gone.',
        example='exceptions.csv accepts KZ303 for charge testova-aigerim-2022-405-2, which no longer has that warning: "exception KZ303 for charges \'testova-aigerim-2022-405-2\' matches no warning". Delete the row.',
        check='exceptions'),
    'KZ902': Code(
        E, 'exception without a real review',
        hint='Say in the reason what was checked and what the sources say (a sentence or two), and give the day of the review, not a later one; exceptions are approved by a maintainer (.github/CODEOWNERS).',
        example='exceptions.csv, reason "x" reviewed 2099-01-01: "the reason \'x\' is too short to say what was checked: write at least 40 characters and 6 different words". Explain the evidence and date the review.',
        check='reviews'),
    'KZ903': Code(
        N, 'exception added or changed by this change',
        hint='A maintainer reviews the reason against the sources before merging: an exception silences a warning for everyone.',
        example='kzdata validate --changed-since origin/main: "data/exceptions.csv adds an exception: KZ702 for persons testova-aigerim, accepting: status is released, but no sentence or event supports it".',
        check='exception-changes'),
    'KZ999': Code(
        E, 'internal error in a check',
        hint='Report this as a bug in kzdata with the file that triggered it.',
        example='Not a problem in your data: one check crashed, e.g. "check \'status\' failed: TypeError: …". The other checks still ran. Tell the maintainers which file you changed.',
        check='internal'),
}
