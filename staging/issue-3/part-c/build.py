import csv, json
raise SystemExit("build.py is superseded by the 2nd-pass review (see review.md / review_edits.py); running it would undo the corrections.")
S = "odf-2020-political-prisoners-list"
OUT = "/work/staging/part-c/"
def hdr(t):
    return [f["name"] for f in json.load(open(f"/work/main/schemas/{t}.json"))["fields"]]
DCK = "democratic-choice-of-kazakhstan"
BTA = "kazakhstan-2009-ablyazov-bta-bank"

persons = []
def P(id, name, aliases="", sex="", place="", region="", roles="", aff="", status="", notes="", distinct=""):
    persons.append(dict(id=id, name=name, name_cyrillic="", aliases=aliases, sex=sex, birth_year="",
        place=place, region=region, roles=roles, affiliations=aff, status=status, status_date="2020",
        distinct_from=distinct, notes=notes, sources=S))

# --- section 5: financial-monitoring list
P("kozlov-vladimir", "Vladimir Kozlov", sex="male", roles="politician;activist", status="released",
  notes="Opposition politician jailed in 2012 under the 1997 Code over his support for the 2011 Zhanaozen oil workers' strike; paroled in August 2016 and afterwards found himself on the financial-monitoring list (date of listing not given). The report says he was ill-treated in prison.")
P("dzhumayev-ablovas", "Ablovas Dzhumayev", aliases="Ablovas Dzhumaev", sex="male", place="Aktau", region="Mangistau Region",
  roles="activist", aff=DCK, status="restricted_freedom",
  notes="Aktau resident imprisoned in 2018 for social-media activity linked to the DCK; reported pressure from a security officer in detention. The unserved part of his term was replaced with restriction of freedom in July 2019 (the report's overview calls this parole). Put on the financial-monitoring list on 23 January 2019.")
P("khalelova-bakiza", "Bakiza Khalelova", sex="female", place="Uralsk", region="West Kazakhstan Region",
  roles="activist", aff=DCK, status="released",
  notes="Uralsk resident given restriction of freedom in 2018 for urging people to a pro-DCK rally; released early in April 2019. Her bank accounts were blocked for a time; whether she has been taken off the financial-monitoring list was unknown to the report. The report's overview counts her among those given suspended sentences, but the penalty it describes is restriction of freedom, which is what is recorded.")
P("ibrayev-azat", "Azat Ibrayev", sex="male", place="Kostanay", region="Kostanay Region", roles="activist", aff=DCK,
  status="unknown", distinct="ibrayev-sayat",
  notes="Kostanay activist convicted in 2018 of DCK propaganda after handing blue balloons to police officers; put on the financial-monitoring list after conviction and his bank accounts were blocked. His one-year term would have ended before the report, which does not state his status. The overview calls the penalty suspended; the restriction of freedom it describes is recorded.")
P("alakayev-arman", "Arman Alakayev", aliases="Arman Alakaev", sex="male", place="Kostanay", region="Kostanay Region", roles="activist", aff=DCK,
  status="unknown",
  notes="Kostanay activist accused together with Azat Ibrayev of DCK propaganda (blue balloons and ribbons were seized from him) and convicted in 2018; put on the financial-monitoring list after conviction and his bank accounts were blocked. The report does not state his status at publication. The overview calls the penalty suspended; the restriction of freedom it describes is recorded.")
P("ishmukhametov-farit", "Farit Ishmukhametov", sex="male", place="Semey", region="East Kazakhstan Region", roles="activist", aff=DCK,
  status="unknown",
  notes="Semey resident convicted in 2018 over Facebook posts and comments criticising the government and approving of the DCK; put on the financial-monitoring list on 23 January 2019. The report does not state his status at publication; his one-year term would have ended in 2019. The overview calls the penalty suspended; the restriction of freedom it describes is recorded.")
P("kravets-yevgeniy", "Yevgeniy Kravets", aliases="Evgeniy Kravets", sex="male", place="Pavlodar", region="Pavlodar Region",
  roles="activist", aff=DCK, status="abroad",
  notes="DCK activist from Pavlodar, detained over the rallies of 10 May and 23 June 2018 and charged over a video supporting the DCK; he left for Ukraine, where he stayed active in the DCK. Put on the financial-monitoring list on 25 July 2019. The report warns Kazakhstan may seek his extradition.")
P("nurzhaubay-aset", "Aset Nurzhaubay", aliases="Aset Nurzhaubai", sex="male", place="Almaty", region="Almaty", roles="activist", aff=DCK,
  status="suspended_sentence",
  notes="Almaty resident prosecuted in 2018 for anti-government and pro-DCK slogans painted at bus stops and on a poster. He reported beatings in pre-trial detention and threats against his mother; he read a statement of repentance in court and received a suspended (probation) sentence. Put on the financial-monitoring list on 20 December 2018.")
P("tungishbayev-muratbek", "Muratbek Tungishbayev", sex="male", roles="blogger;asylum_seeker", aff=DCK, status="unknown",
  notes="Blogger who made videos on human-rights abuses; extradited from Kyrgyzstan in June 2018 before his asylum application and appeal were decided. Held in pre-trial detention in Almaty, where he reported that a serious eye condition went untreated; freed from custody after his wife publicly repented and later made a repentance video himself. The report's overview lists him among those given suspended sentences but gives no date or term. On the financial-monitoring list since 4 June 2019.")

# --- section 6: Interpol and extradition
P("ablyazov-mukhtar", "Mukhtar Ablyazov", sex="male", roles="politician;businessperson", aff=DCK, status="abroad",
  notes="Opposition politician and former head of BTA Bank, leader of the DCK. Kazakhstan has long sought his extradition from the EU; France's Council of State found the case political in December 2016 and INTERPOL removed him from its wanted list. Pressure on his former associates is described as aimed at obtaining testimony against him.")
P("akhmetova-zhanara", "Zhanara Akhmetova", sex="female", roles="journalist;activist;asylum_seeker", aff=DCK, status="abroad",
  notes="Journalist, a DCK leader and programme director of the opposition channel 16/12. Sentenced in 2009 for fraud with execution deferred; the deferral was cancelled in 2017 after she took up opposition work. Arrested in Ukraine in October 2017 on a Kazakh extradition request and released in November 2017; still seeking refugee status in Ukraine, where she reported surveillance and two kidnap attempts. Named in a 2019 European Parliament report as a victim of INTERPOL misuse.")
P("khrapunov-viktor", "Viktor Khrapunov", aliases="Victor Khrapunov", sex="male", roles="politician", status="convicted_in_absentia",
  notes="Former energy minister and former mayor of Almaty, author of a book on Nazarbayev's dictatorship, living in Switzerland. Prosecuted with his family from 2011-2012 after refusing to testify against Ablyazov; Switzerland refused to extradite him and he was sentenced in absentia in October 2018. Named in a 2019 European Parliament report as a victim of INTERPOL misuse.")
P("khrapunova-leila", "Leila Khrapunova", aliases="Leyla Khrapunova;Leyla Khrapunov", sex="female", roles="businessperson",
  status="convicted_in_absentia",
  notes="Businesswoman who once ran the state television corporation, living in Switzerland with her family. Switzerland refused to extradite her; sentenced in absentia in October 2018.")
P("khrapunov-ilyas", "Ilyas Khrapunov", sex="male", roles="businessperson", status="abroad",
  notes="Businessman and Ablyazov's son-in-law, prosecuted in Kazakhstan with the rest of the Khrapunov family, which the investigators called a family-based criminal group. Named in a 2019 European Parliament report as a victim of INTERPOL misuse.")
P("paraskevich-tatiana", "Tatiana Paraskevich", sex="female", status="abroad",
  notes="Former colleague of Ablyazov living in the Czech Republic, named in a 2019 European Parliament report as a victim of Kazakhstan's misuse of INTERPOL. The extradition requests the report describes came from Russia and Ukraine; BTA Bank's lawyers lobbied against her protection. Given asylum in the Czech Republic in September 2018. The capture writes her given name with Cyrillic letters; it is written in Latin here.")
P("trofimov-artur", "Artur Trofimov", sex="male", status="released",
  notes="Russian citizen and defendant in the Russian case against Ablyazov, protected in Austria against extradition to Russia. Arrested in Tashkent in November 2018 at Russia's request and handed to Kazakhstan instead; Kazakh authorities later said he returned voluntarily and cooperated. Fined in August 2019. The report does not say where he is now; the sentence was non-custodial.")
P("zharimbetov-zhaksylyk", "Zhaksylyk Zharimbetov", sex="male", status="suspended_sentence",
  notes="Defendant in the Ablyazov case who held refugee status in the United Kingdom; flown from Turkey to Kazakhstan in January 2017, which the report calls a breach of non-refoulement. Held in a detention centre, pleaded guilty and testified against Ablyazov; given a five-year suspended sentence in June 2017.")
P("kadesov-yerzhan", "Yerzhan Kadesov", sex="male", roles="asylum_seeker", status="released",
  notes="Defendant in the Ablyazov case arrested in Hungary at Kazakhstan's request while an asylum seeker; threatened in prison by a Kazakh prosecutor and diplomat in November 2016. After a call from Zharimbetov in June 2017 he asked to be extradited, was held in a Kazakh detention centre, pleaded guilty and testified against Ablyazov. Fined in August 2019 (non-custodial sentence).")
P("jardemalie-botagoz", "Botagoz Jardemalie", sex="female", place="Brussels", roles="lawyer;human_rights_defender",
  status="abroad",
  notes="Kazakh human-rights lawyer admitted to the New York bar who advised Ablyazov and victims of political persecution; accused in Kazakhstan within the Ablyazov case, which sought her extradition. Granted political asylum in Belgium in 2013 and removed from INTERPOL's wanted list in 2016. In October 2019 Belgian police searched her Brussels flat and questioned her at Kazakhstan's request. Her brother is Iskander Yerimbetov.")

# --- section 7: released or full-term former political prisoners
sec7 = "Named in the report's conclusions among political prisoners freed early after sustained international pressure; no case details are given."
P("mukhortova-zinaida", "Zinaida Mukhortova", sex="female", roles="activist", status="released",
  notes="Activist named in the report's conclusions among political prisoners freed after international pressure; subjected to punitive psychiatry. No case details are given.")
P("ashim-ardak", "Ardak Ashim", roles="activist", status="released",
  notes="Activist named in the report's conclusions among political prisoners freed after international pressure; subjected to punitive psychiatry. No case details are given.")
for pid, name, sex in [("baidalinova-guzal", "Guzal Baidalinova", "female"), ("matayev-seitkazy", "Seitkazy Matayev", "male"),
                       ("matayev-aset", "Aset Matayev", "male"), ("golyshkin-yaroslav", "Yaroslav Golyshkin", "male"),
                       ("batyrbekov-amangeldy", "Amangeldy Batyrbekov", "male")]:
    P(pid, name, sex=sex, roles="journalist", status="released",
      distinct={"matayev-seitkazy": "matayev-aset", "matayev-aset": "matayev-seitkazy"}.get(pid, ""),
      notes="Journalist. " + sec7)
for pid, name, sex in [("ayan-talgat", "Talgat Ayan", ""), ("orazalinov-yerzhan", "Yerzhan Orazalinov", "male"),
                       ("abzhan-makhambet", "Makhambet Abzhan", ""), ("dosov-sanat", "Sanat Dosov", "male")]:
    P(pid, name, sex=sex, roles="activist", status="released", notes="Activist. " + sec7)
P("eleusinov-amin", "Amin Eleusinov", sex="male", roles="trade_unionist", status="released",
  notes="Trade union leader. " + sec7)
P("kushakbayev-nurbek", "Nurbek Kushakbayev", aliases="Nurbek Kushakbaev", sex="male", roles="trade_unionist", status="released",
  notes="Trade union leader. " + sec7)
P("ibrayev-sayat", "Sayat Ibrayev", sex="male", roles="other", status="released", distinct="ibrayev-azat",
  notes="Researcher. " + sec7 + " Not the Kostanay activist Azat Ibrayev.")
P("tulbaev-saken", "Saken Tulbaev", sex="male", status="released",
  notes="Named in the report's conclusions as a political prisoner who was not freed early and served his full term; no case details are given.")
P("batyrov-yedige", "Yedige Batyrov", sex="male", status="released",
  notes="Named in the report's conclusions as a political prisoner who was not freed early and served his full term; no case details are given.")

cases = []
def C(id, title, place="", court="", opened="", org="", summary="", notes=""):
    cases.append(dict(id=id, title=title, place=place, court=court, opened=opened, banned_organisation=org,
                      summary=summary, notes=notes, sources=S))
C("kazakhstan-2012-kozlov", "Vladimir Kozlov: Zhanaozen strike case", "", "", "", "",
  "Prosecution of an opposition politician under the 1997 Code for inciting discord, calling for the overthrow of the constitutional order and setting up a criminal group, on the theory that his support for the striking Zhanaozen oil workers, acting for Ablyazov, provoked the December 2011 shootings. Testimony of arrested oil workers, who told the court it was obtained under torture, was used against him. UN, EU, OSCE PA and US bodies called the verdict politically motivated.",
  "The report gives neither the court nor the city.")
C("aktau-2018-dzhumayev", "Ablovas Dzhumayev: social-media support for the DCK", "Aktau", "", "", "",
  "Prosecution of an Aktau resident for following the DCK and Ablyazov online, reading the movement's programme and urging people to join rallies. He reported pressure from a security officer to sign incriminating statements; the court would not call that officer, and on 18 September 2018 refused to adjourn after the death of his father.",
  "Place taken from his residence; the report does not name the court. The report's section 4 says his wife Aigul Akberdiyeva was prosecuted in the same case. The hearing judge named in the report is Aralbai Nagashibayev; the report does not say in so many words that he gave the verdict.")
C("uralsk-2018-khalelova", "Bakiza Khalelova: call for a rally in support of the DCK", "Uralsk", "Criminal Court of the city of Uralsk", "", DCK,
  "Prosecution for urging people to attend a pro-DCK rally and to seek a change of government, which the prosecution treated as endorsing the movement. Three national flags and a deflated blue balloon seized at a search were used as evidence.")
C("kostanay-2018-ibrayev-alakayev", "Azat Ibrayev and Arman Alakayev: blue balloons for police officers", "Kostanay", "Court No. 2 of the City of Kostanai", "", DCK,
  "Two Kostanay activists accused of DCK propaganda for handing police officers two blue balloons on Defender of the Fatherland Day. Blue ribbons and balloons and photographs of political prisoners were seized; they were sentenced separately by the same court in June and July 2018.",
  "Treated as one case because the accusation was joint; the report gives two verdict dates.")
C("semey-2018-ishmukhametov", "Farit Ishmukhametov: Facebook criticism of the government", "Semey", "Court No. 2 of the city of Semey", "", DCK,
  "Prosecution for a Facebook post and comments criticising the government, calling for its resignation and for better conditions for working people, and approving of the DCK's ideas.")
C("pavlodar-2018-kravets", "Yevgeniy Kravets: video in support of the DCK", "Pavlodar", "", "", DCK,
  "Criminal charges against a DCK activist over video material supporting the movement, after he was held over the rallies of 10 May and 23 June 2018. He left for Ukraine, and the investigator urged him to come back.",
  "The report mentions no verdict, although it says listing normally follows a court verdict.")
C("almaty-2018-nurzhaubay", "Aset Nurzhaubay: 'Shal ket' slogans at bus stops", "Almaty", "", "", DCK,
  "Prosecution for painting 'Shal ket' and 'Alga DVK' at several bus stops and on a street poster. In detention he reported beatings, threats against his mother and offers to drop the case in exchange for a video blaming Ablyazov and read a repentance statement at trial before being given a probation sentence.",
  "Place taken from his residence; the report does not name the court.")
C("almaty-2018-tungishbayev", "Muratbek Tungishbayev: information services to the DCK", "Almaty", "", "", DCK,
  "Prosecution of a blogger extradited from Kyrgyzstan in June 2018 for providing information services to the DCK, treated as a criminal group, and participating in it after its ban. The investigator offered house arrest in exchange for a confession; he was released from pre-trial detention after his wife's public repentance and later recorded a video admitting guilt.")
C("kazakhstan-2009-akhmetova", "Zhanara Akhmetova: fraud conviction", "", "", "", "",
  "Fraud conviction from 2009 whose execution was deferred; the authorities cancelled the deferral in June 2017 after she became active in journalism and the opposition, then sought her extradition from Ukraine.",
  "The report suggests a new case under article 405 may have been opened against her over Facebook posts reposted by others, but states it only as a likelihood; it is not recorded as a charge.")
C("kazakhstan-2011-khrapunov-family", "Khrapunov family: criminal cases", "", "", "2011", "",
  "Criminal cases opened in 2011-2012 against Viktor Khrapunov and his family after they refused to cut ties with Ablyazov and testify against him; investigators treated the family as an organised criminal group. Switzerland refused extradition and, after investigating the charges under legal assistance, Geneva prosecutors closed the case for lack of evidence in November 2019.",
  "The report speaks of 21 criminal cases opened between 2011 and 2012; they are recorded here as one case, with the earliest year as the opening date. The report gives neither the charges nor the court.")
C(BTA, "Mukhtar Ablyazov and BTA Bank: case against Ablyazov and his associates", "", "", "2009", "",
  "The case in which Kazakhstan accused Ablyazov of embezzling BTA Bank funds, and through which it pursued his former colleagues and his lawyer abroad by extradition requests, INTERPOL notices and legal-assistance requests. Associates brought back to Kazakhstan pleaded guilty, testified against Ablyazov and received non-custodial sentences.",
  "The 2009 accusation date comes from the report's summary section. The report names no articles or court for this case.")

charges = []
def CH(person, case, year, article, label, outcome="convicted", code="2014", part="", notes="", af="", at=""):
    charges.append(dict(id=f"{person}-{year}-{article}" + (f"-{part}" if part else ""), case=case, person=person,
        code=code, article=article, part=part, paragraph="", label=label, charged_date="", acts_from=af, acts_to=at,
        outcome=outcome, notes=notes, sources=S))
L405 = "participation in the activities of an organisation after its recognition as extremist"
CH("kozlov-vladimir", "kazakhstan-2012-kozlov", 2012, "164", "inciting social discord", code="1997")
CH("kozlov-vladimir", "kazakhstan-2012-kozlov", 2012, "170", "demanding overthrow of the constitutional order", code="1997")
CH("kozlov-vladimir", "kazakhstan-2012-kozlov", 2012, "235", "establishing a criminal enterprise", code="1997")
CH("dzhumayev-ablovas", "aktau-2018-dzhumayev", 2018, "174", "inciting social discord")
CH("dzhumayev-ablovas", "aktau-2018-dzhumayev", 2018, "179", "publicly calling for the seizure of power")
CH("khalelova-bakiza", "uralsk-2018-khalelova", 2018, "405", L405)
CH("ibrayev-azat", "kostanay-2018-ibrayev-alakayev", 2018, "405", L405)
CH("alakayev-arman", "kostanay-2018-ibrayev-alakayev", 2018, "405", L405)
CH("ishmukhametov-farit", "semey-2018-ishmukhametov", 2018, "405", L405)
CH("kravets-yevgeniy", "pavlodar-2018-kravets", 2018, "405", L405, outcome="unknown",
   notes="He left for Ukraine; the report does not say whether the case reached court.")
CH("nurzhaubay-aset", "almaty-2018-nurzhaubay", 2018, "266", "storing and distributing the property of a criminal group")
CH("nurzhaubay-aset", "almaty-2018-nurzhaubay", 2018, "405", "participating in the activities of an organisation following its recognition as extremist")
CH("nurzhaubay-aset", "almaty-2018-nurzhaubay", 2018, "190", "fraud")
CH("tungishbayev-muratbek", "almaty-2018-tungishbayev", 2018, "266", "providing information services to a criminal group (the DCK)",
   notes="Outcome from the report's overview, which lists him among those given suspended sentences.")
CH("tungishbayev-muratbek", "almaty-2018-tungishbayev", 2018, "405", "participation in the activities of the organisation after its recognition as extremist",
   notes="Outcome from the report's overview, which lists him among those given suspended sentences.")

sentences = []
def SN(person, case, date, kind, term="", role="main", suffix=None, absentia="false", scope="", court="", notes="", amount="", currency=""):
    word = suffix or {"imprisonment": "prison", "restriction_of_freedom": "restriction", "activity_ban": "ban",
                      "suspended_imprisonment": "suspended", "fine": "fine", "compulsory_labour": "labour"}[kind]
    sentences.append(dict(id=f"{person}-{date[:4]}-{word}", case=case, person=person, verdict_date=date,
        instance="first_instance", in_absentia=absentia, kind=kind, term=term, amount=amount, currency=currency, role=role,
        scope=scope, court=court, judge="", notes=notes, sources=S))
SN("kozlov-vladimir", "kazakhstan-2012-kozlov", "2012-10", "imprisonment", "P7Y6M")
SN("dzhumayev-ablovas", "aktau-2018-dzhumayev", "2018-09-20", "imprisonment", "P3Y",
   notes="On 11 July 2019 a court replaced the unserved part with restriction of freedom.")
SN("khalelova-bakiza", "uralsk-2018-khalelova", "2018-09-26", "restriction_of_freedom", "P1Y", court="Criminal Court of the city of Uralsk")
SN("khalelova-bakiza", "uralsk-2018-khalelova", "2018-09-26", "activity_ban", "", role="additional", suffix="ban-assemblies",
   scope="attending actions, protests and meetings", court="Criminal Court of the city of Uralsk",
   notes="The report gives no length for this ban.")
SN("khalelova-bakiza", "uralsk-2018-khalelova", "2018-09-26", "activity_ban", "P1Y", role="additional", suffix="ban-social-media",
   scope="writing social-network comments aimed at discrediting the authorities", court="Criminal Court of the city of Uralsk",
   notes="The one-year length is given in the report's overview section, not in her entry.")
SN("ibrayev-azat", "kostanay-2018-ibrayev-alakayev", "2018-06-19", "restriction_of_freedom", "P1Y", court="Court No. 2 of the City of Kostanai")
SN("alakayev-arman", "kostanay-2018-ibrayev-alakayev", "2018-07-13", "restriction_of_freedom", "P1Y6M", court="Court No. 2 of the City of Kostanai")
SN("alakayev-arman", "kostanay-2018-ibrayev-alakayev", "2018-07-13", "activity_ban", "", role="additional",
   scope="posting information and comments supporting the DCK on the Internet", court="Court No. 2 of the City of Kostanai",
   notes="The report gives no length for this ban.")
SN("ishmukhametov-farit", "semey-2018-ishmukhametov", "2018-10-24", "restriction_of_freedom", "P1Y", court="Court No. 2 of the city of Semey")
SN("ishmukhametov-farit", "semey-2018-ishmukhametov", "2018-10-24", "compulsory_labour", "", role="additional",
   scope="100 hours of compulsory labour", court="Court No. 2 of the city of Semey")
SN("nurzhaubay-aset", "almaty-2018-nurzhaubay", "2018", "suspended_imprisonment", "P4Y",
   notes="The report says '4 years of probation' without a date. The year follows from his arrest in April 2018 and his listing, which the report says rests on a verdict, on 20 December 2018. Whether four years is the prison term or the probation period is not clear.")
SN("akhmetova-zhanara", "kazakhstan-2009-akhmetova", "2009", "imprisonment", "P7Y",
   notes="Execution was deferred until her child turned 14 (2021); the deferral was cancelled in June 2017. The report does not say the verdict was given in absentia.")
SN("khrapunov-viktor", "kazakhstan-2011-khrapunov-family", "2018-10", "imprisonment", "P17Y", absentia="true")
SN("khrapunova-leila", "kazakhstan-2011-khrapunov-family", "2018-10", "imprisonment", "P14Y", absentia="true")
SN("zharimbetov-zhaksylyk", BTA, "2017-06", "suspended_imprisonment", "P5Y",
   notes="Non-custodial sentence given after he pleaded guilty and testified against Ablyazov.")
SN("trofimov-artur", BTA, "2019-08", "fine", notes="Amount not given.")
SN("kadesov-yerzhan", BTA, "2019-08", "fine", notes="Amount not given; non-custodial sentence given after he pleaded guilty and testified against Ablyazov.")

events = []
def E(person, case, typ, date, authority="", reference="", place="", notes=""):
    events.append(dict(id=f"{person}-{date}-{typ.replace('_', '-')}", person=person, case=case, type=typ, date=date,
        authority=authority, reference=reference, place=place, notes=notes, sources=S))
E("kozlov-vladimir", "kazakhstan-2012-kozlov", "parole_granted", "2016-08", notes="Released on parole after prolonged international pressure.")
E("dzhumayev-ablovas", "aktau-2018-dzhumayev", "listed", "2019-01-23", notes="Put on the list of persons linked to the financing of terrorism and extremism; he learned of it later.")
E("dzhumayev-ablovas", "aktau-2018-dzhumayev", "sentence_replaced", "2019-07-11", notes="At his request a court replaced the unserved part of his prison term with restriction of freedom.")
E("khalelova-bakiza", "uralsk-2018-khalelova", "released", "2019-04-09", notes="Early release granted by a court on her application.")
E("ishmukhametov-farit", "semey-2018-ishmukhametov", "listed", "2019-01-23")
E("kravets-yevgeniy", "pavlodar-2018-kravets", "listed", "2019-07-25")
E("nurzhaubay-aset", "almaty-2018-nurzhaubay", "detained", "2018-04", notes="Arrested and held in a pre-trial detention centre.")
E("nurzhaubay-aset", "almaty-2018-nurzhaubay", "ill_treatment_reported", "2018",
  notes="Said officers twisted his arm and hit him in the kidneys in pre-trial detention; doctors noted a bruise on his shoulder. Year inferred from his April 2018 arrest and December 2018 listing.")
E("nurzhaubay-aset", "almaty-2018-nurzhaubay", "listed", "2018-12-20")
E("tungishbayev-muratbek", "almaty-2018-tungishbayev", "extradited", "2018-06-26", authority="Kyrgyzstan", place="Kyrgyzstan",
  notes="Handed over by Kyrgyzstan before his appeal and his asylum application had been decided.")
E("tungishbayev-muratbek", "almaty-2018-tungishbayev", "pre_trial_detention", "2018-06", place="Almaty", notes="Placed in a detention centre on arrival in Kazakhstan.")
E("tungishbayev-muratbek", "almaty-2018-tungishbayev", "released_from_custody", "2018",
  notes="Released from pre-trial detention some time after his wife's video of 11 October 2018; exact date not given.")
E("tungishbayev-muratbek", "almaty-2018-tungishbayev", "listed", "2019-06-04")
E("ablyazov-mukhtar", BTA, "extradition_refused", "2016-12-09", authority="French Council of State", place="France",
  notes="The Council of State found the case political; INTERPOL then removed him and several other BTA Bank defendants from its wanted list.")
E("akhmetova-zhanara", "kazakhstan-2009-akhmetova", "sentence_resumed", "2017-06", notes="The deferral of her sentence was cancelled; the report says there were no legal grounds.")
E("akhmetova-zhanara", "kazakhstan-2009-akhmetova", "arrested_abroad", "2017-10", place="Ukraine", notes="Arrested on an extradition request from Kazakhstan.")
E("akhmetova-zhanara", "kazakhstan-2009-akhmetova", "released_from_custody", "2017-11", authority="A Ukrainian court", place="Ukraine")
E("akhmetova-zhanara", "kazakhstan-2009-akhmetova", "other", "2018-07-31", authority="Kyiv Appellate Court", place="Ukraine",
  notes="Ordered Ukraine's migration service to reconsider her refugee application, which it had refused.")
E("akhmetova-zhanara", "kazakhstan-2009-akhmetova", "other", "2018-09-17", authority="Supreme Court of Ukraine", place="Ukraine",
  notes="Upheld the order to reconsider her refugee application; the migration service later refused her again.")
for pid in ["khrapunov-viktor", "khrapunova-leila", "khrapunov-ilyas"]:
    E(pid, "kazakhstan-2011-khrapunov-family", "other", "2019-11-12", authority="Geneva Prosecutor's Office", place="Switzerland",
      notes="Closed, for lack of evidence, the Swiss criminal case opened on Kazakhstan's charges against the Khrapunov family; Swiss authorities found the Kazakh case breached the ECHR.")
E("paraskevich-tatiana", "", "extradition_refused", "2014", authority="Czech Republic", place="Czech Republic", notes="Requests from Russia and Ukraine.")
E("paraskevich-tatiana", "", "other", "2014", authority="Czech Republic", place="Czech Republic", notes="Granted subsidiary protection.")
E("paraskevich-tatiana", "", "other", "2015", authority="Czech Republic", place="Czech Republic", notes="Granted subsidiary protection again.")
E("paraskevich-tatiana", "", "extradition_requested", "2016", notes="Russia and Ukraine sent repeated requests almost at the same time.")
E("paraskevich-tatiana", "", "other", "2017-04", authority="INTERPOL", notes="Removed from INTERPOL's wanted list.")
E("paraskevich-tatiana", "", "extradition_refused", "2017-12", authority="Czech Republic", place="Czech Republic", notes="Second refusal of the Russian and Ukrainian requests.")
E("paraskevich-tatiana", "", "asylum_granted", "2018-09", authority="Czech Republic", place="Czech Republic", notes="Granted because the case is political.")
E("trofimov-artur", BTA, "extradition_refused", "2014-01", authority="Austria", place="Austria", notes="Austria refused Russia's request.")
E("trofimov-artur", BTA, "other", "2016", authority="INTERPOL", notes="Removed from INTERPOL's wanted list.")
E("trofimov-artur", BTA, "arrested_abroad", "2018-11", place="Tashkent", notes="Arrested at Russia's request after being invited to an investment forum in Uzbekistan.")
E("trofimov-artur", BTA, "extradited", "2019-01-28", authority="Uzbekistan", place="Tashkent",
  notes="Date on which Kazakhstan's General Prosecutor's Office reported that he had been extradited to Kazakhstan; the handover date itself is not given.")
E("zharimbetov-zhaksylyk", BTA, "extradited", "2017-01", authority="Turkey", place="Turkey",
  notes="Flown from Turkey on a charter plane although he held refugee status in the United Kingdom.")
E("kadesov-yerzhan", BTA, "other", "2016-11", place="Hungary",
  notes="A Kazakh prosecutor and diplomat were allowed to visit him in a Hungarian prison, where he was held at Kazakhstan's request as an asylum seeker, and threatened him.")
E("jardemalie-botagoz", BTA, "asylum_granted", "2013", authority="Belgium", place="Belgium")
E("jardemalie-botagoz", BTA, "other", "2016", authority="INTERPOL", notes="Removed from INTERPOL's wanted list.")
E("jardemalie-botagoz", BTA, "other", "2019-10-01", authority="Belgian police", place="Brussels",
  notes="Her flat was searched at Kazakhstan's request, with two Kazakh officials present; devices and privileged client documents were seized.")
E("jardemalie-botagoz", BTA, "other", "2019-10-04", authority="Belgian police", place="Brussels",
  notes="Questioned under threat of arrest on questions sent by Kazakhstan in a legal-assistance request.")

tables = dict(persons=persons, cases=cases, charges=charges, sentences=sentences, events=events)
for t, rows in tables.items():
    h = hdr(t)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), (t, [i for i in ids if ids.count(i) > 1])
    with open(OUT + t + ".csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=h, lineterminator="\n")
        w.writeheader()
        for r in sorted(rows, key=lambda r: r["id"]):
            assert set(r) == set(h), (t, set(r) ^ set(h))
            w.writerow(r)
    print(t, len(rows))
