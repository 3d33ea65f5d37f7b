"""One worked example per finding code, for contributors who edit the CSV files by hand.

``EXAMPLES`` maps every code in :data:`kzdata.catalogue.CODES` to a short plain-text example: the file,
column and value that trigger the code, the message ``kzdata validate`` prints (quoted, sometimes
shortened with "…"), and the usual fix. The examples were produced by changing one cell of a copy of the
package and running the validator, so the messages are the real ones.

Every value is invented. The example person is the fictional Aigerim Testova (``testova-aigerim``) in
the fictional case ``uralsk-2022-testova``, charged under article 405 of the 2014 Code for supporting the
fictional ``example-civic-movement`` (banned 2018-03), sentenced on 2023-05-12, cited from the fictional
source ``example-2023-testova-verdict`` (published 2023-05-20). The private data in the KZ110-KZ113
examples is fake: never put real numbers or addresses in an example.

Plain text only (no Markdown), each under 300 characters; ``tests/test_code_examples.py`` checks that
every code has one.
"""
from __future__ import annotations

EXAMPLES: dict[str, str] = {
    # package and files
    "KZ001": 'datapackage.json deleted, or saved with a bracket missing: "datapackage.json is not valid JSON: '
             'Expecting value (line 3, column 1)". Restore the file from the repository.',
    "KZ002": 'datapackage.json, resource events with "path": "../events.csv": "resource \'events\' has path '
             '\'../events.csv\', which is not a relative path inside the package". Write data/events.csv.',
    "KZ003": 'data/events.csv renamed to data/event.csv: "resource \'events\' points to data/events.csv, which '
             'does not exist". Give the file its old name back.',
    "KZ004": 'A copy saved as data/persons-backup.csv: "data/persons-backup.csv is not a resource of the '
             'package". Delete the copy or keep it outside the repository.',
    "KZ005": 'schemas/events.json deleted: "schema \'schemas/events.json\' of resource \'events\' is missing or '
             'outside the package". Restore the schema file from the repository.',
    "KZ010": 'persons.csv saved by a spreadsheet as "CSV UTF-8" with a byte-order mark: "the file starts with '
             'a UTF-8 byte-order mark" (run kzdata fmt). A quote left open in a cell gives "CSV syntax error".',
    "KZ011": 'persons.csv, the sensitive_notes column deleted from the header: "column \'sensitive_notes\' is '
             'missing from the header of data/persons.csv". Put the column back; it may stay empty.',
    "KZ012": 'persons.csv, a column "twitter" added to the header: "column \'twitter\' is not in the schema of '
             'persons". Remove the column: the tables have a fixed set of columns.',
    "KZ013": 'sources.csv, header starting "publisher,id,…" instead of "id,publisher,…": "columns of '
             'data/sources.csv are not in schema order". Run kzdata fmt.',
    "KZ014": 'persons.csv, notes Blogger from Uralsk, sentenced in 2023 typed without quotes, so the comma splits '
             'the cell: "row has 17 cells but the header has 16". Put a cell with a comma in double quotes.',
    "KZ015": 'data/criminal-code.json edited by hand, an article number written as 5 instead of "5": '
             '"editions/1/articles/0/article: 5 is not of type \'string\'". Rebuild the file with '
             'scripts/build_criminal_code.py.',
    "KZ016": 'persons.csv saved on Windows: "the file has CRLF line endings; the package\'s dialect is LF". '
             'Run kzdata fmt, or save with Unix (LF) line endings.',
    "KZ017": 'persons.csv, a whole article pasted into notes, over a million characters: "a cell is longer '
             'than 1000000 characters, the most kzdata reads". Summarise it in a few sentences.',
    "KZ018": 'persons.csv, a new row added at the end instead of in id order, or a cell quoted without need: '
             '"data/persons.csv is not in canonical form (first difference on this line)". Run kzdata fmt.',
    # values
    "KZ101": 'persons.csv, status left empty for testova-aigerim: "status is required but empty". Write the '
             'status the source gives, or unknown.',
    "KZ102": 'persons.csv, birth_year "about 1988": "birth_year: \'about 1988\' is not an integer". Write 1988 '
             'only if a source states it, else leave it empty. sentences.csv, in_absentia "no": write false.',
    "KZ103": 'sentences.csv, kind "restricted freedom": "kind: \'restricted freedom\' is not one of: '
             'imprisonment, life_imprisonment, restriction_of_freedom, …". Write restriction_of_freedom.',
    "KZ104": 'persons.csv, id "Testova-Aigerim": "id: \'Testova-Aigerim\' does not match the pattern …". Write '
             'testova-aigerim. Also: currency "tenge" (write KZT), roles "activist;;blogger" (one ; between items).',
    "KZ105": 'persons.csv, birth_year "1888" (a typo for 1988): "birth_year: 1888 is below the minimum 1900". '
             'A notes cell over 2000 characters gives "over the limit of 2000".',
    "KZ106": 'sentences.csv, verdict_date "12.05.2023": "is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"; '
             'write 2023-05-12. "2023-02-30" gives "is not a real calendar date".',
    "KZ107": 'sentences.csv, term "2 years": "term: \'2 years\' is not an ISO 8601 duration such as P7Y, P1Y4M '
             'or P6M". Write P2Y; one year and six months is P1Y6M.',
    # private data
    "KZ110": 'persons.csv, notes ending "IIN 900101300017.": "notes contains a Kazakhstan individual '
             'identification number (IIN) … (90########17)". Delete the number.',
    "KZ111": 'persons.csv, notes ending "Tel. +7 700 000 00 00.": "notes contains a Kazakhstan phone number '
             '(+7 or 8 and ten digits) … (+7 ### ### ## 00)". Delete the number.',
    "KZ112": 'persons.csv, notes ending "Contact: user@example.org.": "notes contains an e-mail address; '
             'personal contact details must not be published". Delete the address.',
    "KZ113": 'persons.csv, notes "Lives at ul. Abaya 12 kv. 5.": "notes contains a home address (street with '
             'house or apartment number)". Keep only the town (Uralsk) in the place column.',
    # honest text
    "KZ120": 'persons.csv, name "Aigerim Tеstova" typed with a Cyrillic е: "name: this Latin-script field '
             'contains Cyrillic letters: \'е\' (U+0435 CYRILLIC SMALL LETTER IE)". Retype the letter in Latin.',
    "KZ121": 'persons.csv, name pasted from a web page with a hidden character: "name contains invisible or '
             'control characters: … (U+200B ZERO WIDTH SPACE)". Retype the name by hand.',
    "KZ122": 'persons.csv, name_cyrillic "Айгерим" pasted with й as и plus a separate accent mark: '
             '"name_cyrillic is not in Unicode NFC (composed) form". Retype the letter й.',
    "KZ123": 'persons.csv, name "Aigerim  Testova" with two spaces: "name has a double space". A space at the '
             'end of a cell: "notes has leading or trailing spaces".',
    "KZ124": 'persons.csv, notes "-Sentenced in May 2023." (a dash from a list): "notes starts with \'-\', '
             'which spreadsheets run as a formula". Start the cell with a word.',
    "KZ125": 'sources.csv, url "example.org/news/2023/testova-verdict" without https://: "url … is not an '
             'http(s) address". An address with a user name and password in it is refused too.',
    "KZ126": 'sources.csv, url ending "?utm_source=facebook&fbclid=IwAR0abc": "url carries tracking '
             'parameters: utm_source, fbclid". Remove those parameters from the address.',
    # keys
    "KZ201": 'events.csv, a second row with id testova-aigerim-2022-12-14-detained: "id … is already used on '
             'line 83". Merge the two rows, or give the second its own id.',
    "KZ202": 'events.csv, sources "example-2023-testova" (a typo for example-2023-testova-verdict): "sources '
             'item \'example-2023-testova\' is not an id in sources". Fix the id, or add the source row first.',
    "KZ203": 'persons.csv, roles "activist;blogger;activist": "roles lists \'activist\' more than once". '
             'Remove the repeat.',
    "KZ205": 'After release 1.0.0, the row testova-aigerim deleted from data/persons.csv: "id \'testova-aigerim\' of release '
             '1.0.0 is gone from data/persons.csv without a row in data/retired.csv". Restore it or retire the id.',
    "KZ204": 'persons.csv, a new row with id testova-aigerim, which data/retired.csv lists: "id '
             '\'testova-aigerim\' was retired on 2024-02-01 and may not be used again". Let kzdata new person '
             'choose an id.',
    # articles
    "KZ301": 'charges.csv, code 2014, article "495": "article 495 does not exist in the 2014 Criminal Code". '
             'Check the number in the source: the 2014 Code ends at article 467.',
    "KZ302": 'charges.csv, code 2014 for a verdict dated 2013-05-12: "the 2014 Code came into force on '
             '2015-01-01, but the verdict is dated 2013-05-12". Use code 1997 and its article number.',
    "KZ303": 'charges.csv, code 2014, article 174, acts 2014-06 to 2014-11: "acts dated 2014-11, before 2015, '
             'charged under the 2014 Code (verdict 2023-05-12)". Check the verdict, then ask for a reviewed '
             'exception.',
    "KZ304": 'charges.csv, 2014 Code article 130 (defamation), verdict 2023-05-12: "article 130 of the 2014 '
             'Code was repealed by Law No. 349-VI of 2020-06-26, before the verdict (2023-05-12)". Check '
             'article and code.',
    "KZ305": 'charges.csv, 2014 Code article 130, verdict 2020-07-20: "article 130 … was repealed by Law No. '
             '349-VI of 2020-06-26, in force from 2020-07-07 at the earliest; the verdict is dated 2020-07-20". '
             'Check the verdict.',
    "KZ306": 'charges.csv, 2014 Code article 380-2, verdict 2018-06-01: "article 380-2 of the 2014 Code is '
             'not in the edition of 2019-01-01, yet the verdict is dated 2018-06-01". Check the article number.',
    "KZ307": 'charges.csv, 2014 Code article 380-2, verdict 2019-06-01: "article 380-2 of the 2014 Code first '
             'appears in the edition of 2020-06-26; the verdict (2019-06-01) is before that".',
    "KZ308": 'charges.csv, article 405, part "3": "article 405 (…) of the 2014 Code has 1, 2, not part 3". '
             'Check the part in the source; leave it empty when the source does not give it.',
    # dates
    "KZ401": 'events.csv, date "2031-01-01" (a typo for 2021): "date 2031-01-01 is after today". Correct '
             'the year.',
    "KZ402": 'persons.csv, birth_year 2010 for testova-aigerim, whose acts are dated 2022: charges.csv shows '
             '"acts_from 2022-01 is before testova-aigerim (born 2010) turned 14". Check the birth year.',
    "KZ403": 'events.csv, detained on 2023-06-02, verdict 2023-05-12: "detained on 2023-06-02 is after the '
             'first-instance verdict of 2023-05-12 in case uralsk-2022-testova". Check both dates.',
    "KZ404": 'events.csv, appeal_rejected on 2023-04-20: "appeal_rejected on 2023-04-20 is before the '
             'first-instance verdict of 2023-05-12 in case uralsk-2022-testova". Check both dates.',
    "KZ405": 'events.csv, parole_granted dated 2023-03: "parole_granted on 2023-03 is before the verdict of '
             '2023-05-12". Check the year of the parole.',
    "KZ406": 'events.csv, listed dated 2023-01: "listed on 2023-01, before the first conviction on '
             '2023-05-12". Check the source; if it is right, ask for a reviewed exception.',
    "KZ407": 'events.csv, released on 2022-12-10: "released on 2022-12-10 is before the first detention or '
             'prison sentence on 2022-12-14". Check both dates.',
    "KZ408": 'charges.csv, acts_from 2023-01 with charged_date 2022-12-15: "acts dated 2023-01 are after '
             'the charge on 2022-12-15". Check acts_from and acts_to.',
    "KZ409": 'charges.csv, acts_from 2022-11 and acts_to 2022-01 swapped: "acts_to 2022-01 is before '
             'acts_from 2022-11". Swap them back.',
    # sources
    "KZ501": 'events.csv, appeal_rejected on 2023-07-03 citing only a source of 2023-05-20: "date 2023-07-03 '
             'is after the publication of every source cited (example-2023-testova-verdict 2023-05-20)". '
             'Cite the later source.',
    # banned organisations
    "KZ601": 'charges.csv, article 405, acts 2017-01 to 2017-11, organisation banned 2018-03: "all acts '
             'charged (2017-01 to 2017-11) are before example-civic-movement was banned (2018-03)".',
    "KZ602": 'charges.csv, article 405, acts_from 2017-11, organisation banned 2018-03: "acts from 2017-11 '
             'are before example-civic-movement was banned (2018-03)". Check the dates in the source.',
    "KZ603": 'charges.csv, article 405 in a case whose banned_organisation is empty: "article 405 punishes '
             'participation in a banned organisation, but case uralsk-2022-testova names none".',
    "KZ604": 'cases.csv names example-civic-movement in banned_organisation, but its banned_date in '
             'organisations.csv is empty: "organisation example-civic-movement has no banned_date".',
    # status
    "KZ701": 'persons.csv, status in_prison on 2023-05-20, but events.csv has released on 2023-01-10: "status '
             'is in_prison on 2023-05-20, but event … records a release on 2023-01-10 after the last custody".',
    "KZ702": 'persons.csv, status suspended_sentence with no suspended_imprisonment row in sentences.csv: '
             '"status is suspended_sentence, but no sentence or event of testova-aigerim supports it".',
    "KZ703": 'persons.csv, status in_prison on 2024-09 after a one-year term (P1Y) imposed on 2023-05-12: "the '
             'longest prison term ends by 2024-05-12 even counted from the verdict". Add the release or update '
             'the status.',
    # duplicates
    "KZ801": 'persons.csv, new row testova-aygerim "Aygerim Testova" beside testova-aigerim "Aigerim Testova": '
             '"testova-aygerim (Aygerim Testova) may be the same person as testova-aigerim". Merge, or use '
             'distinct_from.',
    # exceptions and the validator itself
    "KZ901": 'exceptions.csv accepts KZ303 for charge testova-aigerim-2022-405-2, which no longer has that '
             'warning: "exception KZ303 for charges \'testova-aigerim-2022-405-2\' matches no warning". Delete '
             'the row.',
    "KZ999": 'Not a problem in your data: one check crashed, e.g. "check \'status\' failed: TypeError: …". '
             'The other checks still ran. Tell the maintainers which file you changed.',
}
