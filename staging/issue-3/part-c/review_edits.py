"""Second-pass review edits for part-c (applied once to the CSVs written by build.py).
build.py is superseded: re-running it would undo these corrections."""
import csv, json
D = "/work/main/staging/issue-3/part-c/"
def hdr(t):
    return [f["name"] for f in json.load(open(f"/work/main/schemas/{t}.json"))["fields"]]
def load(t):
    with open(D + t + ".csv", encoding="utf-8", newline="") as f:
        r = csv.DictReader(f)
        assert r.fieldnames == hdr(t), t
        return {row["id"]: row for row in r}
def save(t, rows):
    with open(D + t + ".csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=hdr(t), lineterminator="\n")
        w.writeheader()
        for k in sorted(rows):
            w.writerow(rows[k])
log = []
def setv(t, rows, rid, col, new):
    old = rows[rid][col]
    if old != new:
        rows[rid][col] = new
        log.append((t, rid, col, old, new))
def drop(t, rows, rid):
    del rows[rid]
    log.append((t, rid, "(row)", "present", "removed"))

P, C, CH, S, E = (load(t) for t in ("persons", "cases", "charges", "sentences", "events"))

# ---------------- persons
setv("persons", P, "ablyazov-mukhtar", "status", "convicted_in_absentia")
setv("persons", P, "ablyazov-mukhtar", "notes",
     "Opposition politician and former head of BTA Bank, leader of the DCK, living in the EU. Kazakhstan has long sought his "
     "extradition; on 9 December 2016 France's Council of State held the case to be political, and INTERPOL took him off its "
     "wanted list. Sentenced to life in absentia in November 2018 (report summary). Section 6 describes pressure on his former "
     "associates to obtain testimony against him.")
freed = ("Named in the report's conclusions among political prisoners released after sustained diplomatic pressure "
         "(most of them early, the report says); no dates or case details are given.")
for pid, role_word in [("abzhan-makhambet", "Activist"), ("ayan-talgat", "Activist"), ("dosov-sanat", "Activist"),
                       ("orazalinov-yerzhan", "Activist"), ("baidalinova-guzal", "Journalist"),
                       ("batyrbekov-amangeldy", "Journalist"), ("golyshkin-yaroslav", "Journalist"),
                       ("matayev-aset", "Journalist"), ("matayev-seitkazy", "Journalist"),
                       ("eleusinov-amin", "Trade union leader"), ("kushakbayev-nurbek", "Trade union leader")]:
    setv("persons", P, pid, "notes", f"{role_word}. {freed}")
setv("persons", P, "ibrayev-sayat", "notes", f"Researcher. {freed} Not the Kostanay activist Azat Ibrayev.")
setv("persons", P, "ibrayev-sayat", "distinct_from", "ibraev-askar;ibrayev-azat")
setv("persons", P, "ibrayev-azat", "distinct_from", "ibraev-askar;ibrayev-sayat")
setv("persons", P, "nurzhaubay-aset", "notes",
     "Almaty resident arrested in April 2018 for anti-government and pro-DCK slogans painted at bus stops and on a poster. "
     "He said officers beat him in pre-trial detention (date not given) and that the investigator threatened his mother. "
     "After reading a statement of repentance in court he was given four years of probation; the report prints no verdict "
     "date (it must precede his listing on 20 December 2018, but that is an inference, so no sentence row is recorded). "
     "The report spells him both Nurzhaubay and Nurzhaubai.")
setv("persons", P, "tungishbayev-muratbek", "status", "suspended_sentence")
setv("persons", P, "tungishbayev-muratbek", "notes",
     "Blogger who made videos on human-rights abuses; extradited from Kyrgyzstan on 26 June 2018 before his asylum application "
     "and appeal were decided. Held in pre-trial detention in Almaty, where he reported that a serious eye condition went "
     "untreated. Released from pre-trial detention after his wife's public repentance (her video was aired on 11 October 2018; "
     "his release date is not given), and later made a repentance video himself. The report's overview lists him among those "
     "given suspended sentences but gives no date or term. On the financial-monitoring list since 4 June 2019.")
setv("persons", P, "kadesov-yerzhan", "status", "unknown")
setv("persons", P, "kadesov-yerzhan", "notes",
     "Defendant in the Ablyazov case, held in Hungary at Kazakhstan's request while an asylum seeker; a Kazakh prosecutor and "
     "diplomat threatened him there in November 2016. After a call from Zharimbetov in June 2017 he asked to be extradited, "
     "was held in a Kazakh detention centre, pleaded guilty and testified against Ablyazov. Fined in August 2019 "
     "(non-custodial); the report does not state his situation at publication.")
setv("persons", P, "trofimov-artur", "status", "unknown")
setv("persons", P, "trofimov-artur", "notes",
     "Russian citizen and defendant in the Russian case against Ablyazov, protected in Austria against extradition to Russia. "
     "Arrested in Tashkent in November 2018 at Russia's request and handed to Kazakhstan instead; the handover date is not "
     "given (Kazakhstan's General Prosecutor's Office announced it on 28 January 2019). Kazakh authorities later said he had "
     "returned voluntarily and cooperated. Fined in August 2019 (non-custodial); the report does not state his situation at publication.")
setv("persons", P, "jardemalie-botagoz", "notes",
     "Kazakh human-rights lawyer, member of the New York Bar Association, who advised Ablyazov and victims of political "
     "persecution; accused in Kazakhstan within the Ablyazov case, which sought her extradition. Granted political asylum in "
     "Belgium in 2013 and removed from INTERPOL's wanted list in 2016. In October 2019 Belgian police searched her Brussels "
     "flat and questioned her at Kazakhstan's request. On 29 November 2019 a Brussels court convicted three people who had "
     "spied on her. Her brother is Iskander Yerimbetov.")
setv("persons", P, "khrapunov-viktor", "notes",
     "Former energy minister and former mayor of Almaty, author of a book on Nazarbayev's dictatorship, living in Switzerland. "
     "By the family's account, prosecuted with his relatives from 2011-2012 after refusing to testify against Ablyazov; "
     "Switzerland refused to extradite him and he was sentenced in absentia in October 2018. Named in a 2019 European "
     "Parliament report as a victim of INTERPOL misuse.")
setv("persons", P, "dzhumayev-ablovas", "notes",
     "Aktau resident imprisoned in September 2018 for social-media activity linked to the DCK; reported pressure from a "
     "security officer in detention. On 11 July 2019 the unserved part of his term was replaced with restriction of freedom "
     "of unstated length (the report's overview calls this parole, and its conclusions list him as released). Put on the "
     "financial-monitoring list on 23 January 2019.")

# ---------------- cases
setv("cases", C, "kazakhstan-2009-ablyazov-bta-bank", "opened", "")
setv("cases", C, "kazakhstan-2009-ablyazov-bta-bank", "notes",
     "The report's summary says Ablyazov was accused in 2009 (the opening date of the case is not printed). "
     "The report names no articles or court for this case.")
setv("cases", C, "kazakhstan-2012-kozlov", "summary",
     "Prosecution of an opposition politician under the 1997 Code for inciting discord, calling for the overthrow of the "
     "constitutional order and setting up a criminal group, on the theory that his support for the striking Zhanaozen oil "
     "workers, acting for Ablyazov, provoked the December 2011 shootings. The evidence included statements of detained oil "
     "workers, who said in court they had been tortured into giving them. UN, EU, OSCE PA and US bodies found the verdict "
     "politically motivated.")
setv("cases", C, "almaty-2018-nurzhaubay", "summary",
     "Prosecution for painting 'Shal ket' and 'Alga DVK' at several bus stops and on a street poster. In detention he reported "
     "beatings, threats against his mother and an offer to drop the case in exchange for a video blaming Ablyazov. He read a "
     "repentance statement at trial and was given a probation sentence (verdict date not printed).")

# ---------------- charges
for a in ("190", "266", "405"):
    setv("charges", CH, f"nurzhaubay-aset-2018-{a}", "notes",
         "The report lists the charges and then the probation sentence; it does not say which articles the verdict retained.")

# ---------------- sentences
drop("sentences", S, "nurzhaubay-aset-2018-suspended")
setv("sentences", S, "dzhumayev-ablovas-2018-prison", "notes",
     "On 11 July 2019 a court replaced the unserved part with restriction of freedom. Judge Aralbai Nagashibayev presided at "
     "the hearing of 18 September 2018; the report does not say that he gave the verdict, so the judge column is empty.")
setv("sentences", S, "ishmukhametov-farit-2018-labour", "notes",
     "The report does not say whether the labour is a separate punishment or an obligation attached to the restriction of liberty.")

# ---------------- events
drop("events", E, "nurzhaubay-aset-2018-ill-treatment-reported")
drop("events", E, "tungishbayev-muratbek-2018-released-from-custody")
drop("events", E, "trofimov-artur-2019-01-28-extradited")
for eid in ("trofimov-artur-2014-01-extradition-refused", "trofimov-artur-2016-other", "trofimov-artur-2018-11-arrested-abroad"):
    setv("events", E, eid, "case", "")
setv("events", E, "trofimov-artur-2014-01-extradition-refused", "notes",
     "Austria refused Russia's request, made in the Russian case against Ablyazov.")
setv("events", E, "trofimov-artur-2018-11-arrested-abroad", "notes",
     "Arrested at Russia's request after being invited to an investment forum in Uzbekistan; he was then handed to Kazakhstan "
     "(date not given; announced by Kazakhstan's General Prosecutor's Office on 28 January 2019).")
setv("events", E, "ablyazov-mukhtar-2016-12-09-extradition-refused", "notes",
     "The report says the Council of State recognised the case as political (its summary: the extradition request as "
     "politically motivated); it does not name the requesting state. It adds, without a date, that INTERPOL removed him and "
     "several other BTA Bank defendants from its wanted list.")
setv("events", E, "akhmetova-zhanara-2017-11-released-from-custody", "authority", "A court in Ukraine")
setv("events", E, "akhmetova-zhanara-2017-11-released-from-custody", "notes",
     "Released from the custody in which she was held on Kazakhstan's extradition request.")
setv("events", E, "tungishbayev-muratbek-2018-06-pre-trial-detention", "notes",
     "Put in an Almaty detention centre on arrival in Kazakhstan after his extradition of 26 June 2018; no separate date is given.")

for t, rows in (("persons", P), ("cases", C), ("charges", CH), ("sentences", S), ("events", E)):
    save(t, rows)
with open(D + "review_edits.log", "w", encoding="utf-8") as f:
    for r in log:
        f.write(" | ".join(r) + "\n")
print(len(log), "changes")

# ---- second pass (applied separately after the copy check):
# cases uralsk-2018-khalelova title -> "Bakiza Khalelova: call for a pro-DCK rally"
# events dzhumayev-ablovas-2019-01-23-listed notes -> "Put on the financial-monitoring list; the report says he learned of it only later."
