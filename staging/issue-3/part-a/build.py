"""Build part-a CSVs (source 001, lines 1-265). Run: python3 build.py"""
raise SystemExit("build.py is STALE: the CSVs in this folder were corrected by hand in the second-pass review "
                 "(see review.md). Running this script would undo those corrections.")
import csv
import json
from pathlib import Path

OUT = Path(__file__).parent
SCHEMAS = Path("/work/main/schemas")
S = "odf-2020-political-prisoners-list"
DCK = "democratic-choice-of-kazakhstan"
TU = "independent-trade-union-of-fuel-and-energy-workers"

persons, cases, charges, sentences, events, organisations = [], [], [], [], [], []


def person(id, name, status, sex="", aliases="", place="", region="", roles="", affiliations="",
           distinct_from="", notes="", status_date="2020", birth_year="", name_cyrillic=""):
    persons.append(dict(id=id, name=name, name_cyrillic=name_cyrillic, aliases=aliases, sex=sex,
                        birth_year=birth_year, place=place, region=region, roles=roles,
                        affiliations=affiliations, status=status, status_date=status_date,
                        distinct_from=distinct_from, notes=notes, sources=S))


def case(id, title, place="", court="", opened="", banned_organisation="", summary="", notes=""):
    cases.append(dict(id=id, title=title, place=place, court=court, opened=opened,
                      banned_organisation=banned_organisation, summary=summary, notes=notes, sources=S))


def charge(person, case, code, article, year, part="", label="", acts_from="", acts_to="",
           outcome="convicted", notes="", charged_date="", paragraph=""):
    cid = f"{person}-{year}-{article}" + (f"-{part}" if part else "")
    charges.append(dict(id=cid, case=case, person=person, code=code, article=article, part=part,
                        paragraph=paragraph, label=label, charged_date=charged_date, acts_from=acts_from,
                        acts_to=acts_to, outcome=outcome, notes=notes, sources=S))


def sentence(person, case, verdict_date, kind, word, term="", role="main", in_absentia="false",
             amount="", currency="", scope="", court="", judge="", notes="", instance="first_instance"):
    sid = f"{person}-{verdict_date[:4]}-{word}"
    sentences.append(dict(id=sid, case=case, person=person, verdict_date=verdict_date, instance=instance,
                          in_absentia=in_absentia, kind=kind, term=term, amount=amount, currency=currency,
                          role=role, scope=scope, court=court, judge=judge, notes=notes, sources=S))


def event(person, type, date, case="", authority="", reference="", place="", notes=""):
    eid = f"{person}-{date}-{type.replace('_', '-')}"
    events.append(dict(id=eid, person=person, case=case, type=type, date=date, authority=authority,
                       reference=reference, place=place, notes=notes, sources=S))


# ---------------------------------------------------------------- 2.1 Mukhtar Dzhakishev
person("dzhakishev-mukhtar", "Mukhtar Dzhakishev", "in_prison", sex="male", roles="other",
       notes="Former head of the state company Kazatomprom (1998-2001, 2002-2009), serving a 14-year term "
             "after two trials for embezzlement, bribe-taking and fraud. The UN Human Rights Committee found "
             "his trial unfair and asked for his release; courts have refused parole over unpaid damages. "
             "Officially recognised as disabled in June 2018. The report's summary calls him "
             "'Maks Dzhakishev' by mistake.")
case("kazakhstan-2010-dzhakishev-kazatomprom", "Mukhtar Dzhakishev: embezzlement, bribery and fraud",
     summary="Two trials, in 2010 and 2012, of the former head of the state company Kazatomprom on charges "
             "of embezzling entrusted property, taking bribes and fraud, ending in a 14-year prison term and "
             "damages of over 260 million dollars. In December 2015 the UN Human Rights Committee found "
             "violations of his rights to a fair and public trial, to defence, to contact with his lawyers "
             "and to humane treatment (communication No. 2304/2013).",
     notes="The source does not say where he was tried, nor which charges were heard at which trial.")
for art, lab in (("176", "embezzlement of entrusted property"), ("311", "accepting bribes"), ("177", "fraud")):
    charge("dzhakishev-mukhtar", "kazakhstan-2010-dzhakishev-kazatomprom", "1997", art, "2010", label=lab,
           notes="1997 Code: the trials were held in 2010 and 2012. The source does not say at which of the two "
                 "trials this charge was decided.")
sentence("dzhakishev-mukhtar", "kazakhstan-2010-dzhakishev-kazatomprom", "2012", "imprisonment", "prison", "P14Y",
         notes="The source reports trials in 2010 and 2012 and a resulting 14-year term without saying which "
               "verdict fixed it; dated to the later trial, year only.")
sentence("dzhakishev-mukhtar", "kazakhstan-2010-dzhakishev-kazatomprom", "2012", "compensation", "compensation",
         role="additional", amount="260000000", currency="USD", scope="damages imposed by the verdict",
         notes="The source gives 'over 260 million dollars', so the amount is a lower bound; currency as the "
               "source states it. Dated like the prison term (see there).")
event("dzhakishev-mukhtar", "un_decision", "2015-12", "kazakhstan-2010-dzhakishev-kazatomprom",
      authority="UN Human Rights Committee", reference="Communication No. 2304/2013",
      notes="Asked for the verdict to be annulled and for his release; Kazakhstan refused to comply.")
event("dzhakishev-mukhtar", "parole_denied", "2018-11", "kazakhstan-2010-dzhakishev-kazatomprom",
      notes="The court cited his failure to pay the damages set by the verdict.")
event("dzhakishev-mukhtar", "parole_denied", "2019-07", "kazakhstan-2010-dzhakishev-kazatomprom",
      notes="Second refusal, again citing the unpaid damages.")
event("dzhakishev-mukhtar", "parole_denied", "2019-09-10", "kazakhstan-2010-dzhakishev-kazatomprom",
      notes="A court rejected his appeal against the parole refusal.")

# ---------------------------------------------------------------- 2.2 Kenzhebek Abishev and Almat Zhumagulov
C = "almaty-2018-abishev-zhumagulov"
person("abishev-kenzhebek", "Kenzhebek Abishev", "in_prison", sex="male", roles="poet;blogger",
       distinct_from="abishev-aset",
       notes="Poet and blogger, who says he did not support the DCK, convicted with Almat Zhumagulov of "
             "propaganda of terrorism over leaflets and a video; the report considers the case a "
             "security-service provocation. Not the same person as Aset Abishev.")
person("zhumagulov-almat", "Almat Zhumagulov", "in_prison", sex="male", roles="activist", affiliations=DCK,
       notes="DCK activist convicted with Kenzhebek Abishev of propaganda of terrorism and inciting discord over "
             "leaflets and a video; the report considers the case a security-service provocation.")
case(C, "Kenzhebek Abishev and Almat Zhumagulov: propaganda of terrorism",
     summary="Two men accused of handing out leaflets backing the DCK's programme between August and November "
             "2017 in order to destabilise society, and of making a video urging jihad, although "
             "neither of them appears in it. A former prisoner who took part in the recording said it was made at a former "
             "law-enforcement officer's initiative. In custody they were pressed to incriminate themselves, "
             "drop their lawyers and speak out against Ablyazov. Verdict 21 December 2018; appeal rejected "
             "20 May 2019.",
     notes="The source does not say where the case was tried; the 'almaty' in the id follows the example id in "
           "the transcription instructions and is not supported by this source.")
charge("abishev-kenzhebek", C, "2014", "256", "2018", part="2", label="propaganda of terrorism",
       acts_from="2017-08", acts_to="2017-11",
       notes="Acts dated by the leaflet distribution; the video is not dated.")
charge("zhumagulov-almat", C, "2014", "256", "2018", part="2", label="propaganda of terrorism",
       acts_from="2017-08", acts_to="2017-11",
       notes="Acts dated by the leaflet distribution; the video is not dated.")
charge("zhumagulov-almat", C, "2014", "174", "2018", part="1", label="inciting national discord",
       acts_from="2017-08", acts_to="2017-11",
       notes="Acts dated by the leaflet distribution; the video is not dated.")
sentence("abishev-kenzhebek", C, "2018-12-21", "imprisonment", "prison", "P7Y")
sentence("zhumagulov-almat", C, "2018-12-21", "imprisonment", "prison", "P8Y")
for p in ("abishev-kenzhebek", "zhumagulov-almat"):
    event(p, "appeal_rejected", "2019-05-20", C, authority="appeal court")
    event(p, "ill_treatment_reported", "2017-12", C,
          notes="Held in cold, unsanitary cells from December 2017 to January 2018 and threatened to make "
                "them sign incriminating statements.")

# ---------------------------------------------------------------- 2.2 Aset Abishev
C = "almaty-2018-abishev-aset"
person("abishev-aset", "Aset Abishev", "in_prison", sex="male", place="Almaty", region="Almaty",
       affiliations=DCK, distinct_from="abishev-kenzhebek",
       notes="Almaty resident imprisoned for four years over Facebook posts supporting the DCK and criticising "
             "the head of state; reports being beaten in a penal colony in April 2019. Not the same person as "
             "Kenzhebek Abishev.")
case(C, "Aset Abishev: support for the Democratic Choice of Kazakhstan on Facebook", place="Almaty",
     banned_organisation=DCK,
     summary="Prosecution over Facebook posts backing the DCK that were said to discredit the head of state, "
             "his family and the government and to stir protest moods. The DCK was treated as the criminal "
             "group to which he gave information services.",
     notes="Place is his home city; the source does not name the court.")
charge("abishev-aset", C, "2014", "266", "2018", label="providing information services to a criminal group",
       notes="The source names the DCK as the criminal group.")
charge("abishev-aset", C, "2014", "405", "2018",
       label="participation in the activities of an organisation after its recognition as extremist")
sentence("abishev-aset", C, "2018-11-03", "imprisonment", "prison", "P4Y")
event("abishev-aset", "ill_treatment_reported", "2019-04", C, place="colony LA 155/14, Almaty Region",
      notes="Beaten, with bruises and concussion, when internal troops were sent into the colony at the end of "
            "April 2019 (reported by his lawyer); no result from the investigation.")

# ---------------------------------------------------------------- 2.3 Aron Atabek
C = "almaty-2007-atabek-shanyrak"
person("atabek-aron", "Aron Atabek", "in_prison", sex="male", aliases="Aron Edigeyev", place="Almaty",
       region="Almaty", roles="poet;activist",
       notes="Dissident poet, also known as Aron Edigeyev, who chaired the housing committee of Shanyrak on the outskirts of "
             "Almaty; sentenced to 18 years over the July 2006 clashes there. Repeatedly put in solitary "
             "confinement and punishment cells; in August 2018 a Swiss human rights mission was refused a "
             "visit.")
case(C, "Aron Atabek: mass riots in Shanyrak", place="Almaty",
     summary="Charges over clashes on 14 July 2006 between law enforcement and Shanyrak residents protesting "
             "against the demolition of their homes, in which a police officer died. Atabek chaired the "
             "district's housing committee.")
charge("atabek-aron", C, "1997", "241", "2007", label="organising mass riots", acts_from="2006-07-14",
       acts_to="2006-07-14", notes="1997 Code: acts and verdict before 2015.")
sentence("atabek-aron", C, "2007-10-18", "imprisonment", "prison", "P18Y")

# ---------------------------------------------------------------- 2.3 Sanat Bukenov
C = "balkhash-2017-bukenov"
person("bukenov-sanat", "Sanat Bukenov", "in_prison", sex="male", place="Balkhash", region="Karaganda Region",
       roles="human_rights_defender",
       notes="Human rights activist from Balkhash imprisoned for false denunciation after he alleged in court, "
             "in 2014, that local police chiefs, judges, a prosecutor and town officials were involved in "
             "apartment fraud.")
case(C, "Sanat Bukenov: knowingly false denunciation", place="Balkhash",
     summary="Prosecution of a human rights activist for statements he made in 2014 while acting as a lay "
             "defender in another case, accusing Balkhash police leaders, judges, a prosecutor and officials "
             "of corruption in apartment fraud.")
charge("bukenov-sanat", C, "2014", "419", "2017", label="knowingly false denunciation", acts_from="2014",
       acts_to="2014",
       notes="The statements date from 2014, but article 419 and its label are those of the 2014 Code (the 1997 "
             "Code's false-denunciation article is 351), so the 2014 Code is recorded.")
sentence("bukenov-sanat", C, "2017-03-03", "imprisonment", "prison", "P4Y")

# ---------------------------------------------------------------- 2.3 Yerzhan Yelshibayev
C = "zhanaozen-2019-yelshibayev"
person("yelshibayev-yerzhan", "Yerzhan Yelshibayev", "in_prison", sex="male", place="Zhanaozen",
       region="Mangistau Region", roles="activist",
       notes="Zhanaozen activist who took part in the February 2019 protests of unemployed people; detained in "
             "March 2019 over a fight in 2017 and sentenced to five years. The report says the alleged victim "
             "has no claims against him.")
case(C, "Yerzhan Yelshibayev: grievous bodily harm", place="Zhanaozen",
     summary="Prosecution of a protest participant for an alleged fight in 2017, opened after police visited "
             "him repeatedly during the February 2019 protests of the unemployed in Zhanaozen. His lawyer says "
             "the alleged victim has no claims against him.")
charge("yelshibayev-yerzhan", C, "2014", "106", "2019", part="2",
       label="deliberate infliction of grievous bodily harm from hooligan motives", acts_from="2017",
       acts_to="2017")
sentence("yelshibayev-yerzhan", C, "2019-10-17", "imprisonment", "prison", "P5Y")
event("yelshibayev-yerzhan", "pre_trial_detention", "2019-03-26", C)
event("yelshibayev-yerzhan", "appeal_rejected", "2019-11-25", C, authority="appeal court")
event("yelshibayev-yerzhan", "transferred", "2019-12", C, place="Shymkent",
      notes="Transferred out of his home region, reportedly to Shymkent, some 2,000 km from his family.")

# ---------------------------------------------------------------- 2.3 Kaiyrly Omar
C = "nur-sultan-2019-omar"
person("omar-kaiyrly", "Kaiyrly Omar", "in_prison", sex="male", place="Nur-Sultan", region="Nur-Sultan",
       roles="activist",
       notes="Nur-Sultan activist who took part in the 2016 land reform protests; as chairman of an apartment "
             "owners' cooperative he was prosecuted for embezzlement, later reclassified as abuse of authority, "
             "and sentenced to two years.")
case(C, "Kaiyrly Omar: embezzlement, reclassified as abuse of authority", place="Nur-Sultan",
     summary="After a cooperative member asked the police how his 4,000-tenge contribution to house repairs had "
             "been spent, a case was opened accusing the cooperative's chairman of embezzling 11,143,450 tenge. "
             "The anti-extremism unit handled it, and the charge was later reclassified as abuse of authority.")
charge("omar-kaiyrly", C, "2014", "189", "2019", part="2",
       label="misappropriation or embezzlement of entrusted property", outcome="reclassified",
       notes="Reclassified to article 250 part 1.")
charge("omar-kaiyrly", C, "2014", "250", "2019", part="1", label="abuse of authority")
sentence("omar-kaiyrly", C, "2019-10-29", "imprisonment", "prison", "P2Y")
event("omar-kaiyrly", "pre_trial_detention", "2018-10-16", C)
event("omar-kaiyrly", "appeal_rejected", "2019-12-24", C, authority="appeal court")

# ---------------------------------------------------------------- 2.3 Erlan Baltabay
C = "kazakhstan-2019-baltabay"
person("baltabay-erlan", "Erlan Baltabay", "in_prison", sex="male", roles="trade_unionist", affiliations=TU,
       notes="Leader of an independent trade union of fuel and energy workers. Sentenced to seven years for "
             "embezzlement in July 2019 and pardoned in August 2019, the rest of the term becoming a fine; he "
             "refused to pay, saying he is innocent, and in October 2019 a court ordered him held for five "
             "months.")
case(C, "Erlan Baltabay: embezzlement of entrusted property",
     summary="Prosecution of an independent union leader on the same charges earlier brought against union "
             "leaders Amin Eleusinov and Nurbek Kushakbaev. After a seven-year sentence he was pardoned under "
             "international pressure, with the unserved term replaced by a fine, which he refused to pay; he "
             "announced an appeal against the verdict.",
     notes="The source does not say where he was tried.")
charge("baltabay-erlan", C, "2014", "189", "2019", part="4",
       label="misappropriation or embezzlement of entrusted property")
sentence("baltabay-erlan", C, "2019-07", "imprisonment", "prison", "P7Y")
event("baltabay-erlan", "pardoned", "2019-08", C,
      notes="The unserved part of the sentence was replaced with a fine (amount not given).")
event("baltabay-erlan", "sentence_resumed", "2019-10-31", C,
      notes="A court ordered him held for five months because he refused to meet the terms of the pardon "
            "(paying the fine).")

# ---------------------------------------------------------------- 2.3 Asylum seekers from Xinjiang
C = "kazakhstan-2020-alimuly-musakhanuly"
for pid, name, extra in (
        ("alimuly-murager", "Murager Alimuly", ""),
        ("musakhanuly-kaster", "Kaster Musakhanuly",
         " He says he was held and tortured in a Xinjiang re-education camp for more than four years.")):
    person(pid, name, "in_prison", sex="male", roles="asylum_seeker",
           notes="Chinese citizen and ethnic Kazakh who crossed into Kazakhstan illegally in October 2019 and "
                 "applied for asylum, citing persecution in Xinjiang; detained after a press conference and "
                 "sentenced to one year, without expulsion to China." + extra)
    charge(pid, C, "2014", "392", "2020", label="illegal crossing of the state border", acts_from="2019-10",
           acts_to="2019-10")
    sentence(pid, C, "2020-01-21", "imprisonment", "prison", "P1Y", notes="The court did not order expulsion to China.")
    event(pid, "asylum_sought", "2019-10", C)
    event(pid, "detained", "2019-10-14", C, authority="intelligence officers",
          notes="Detained straight after their press conference that day.")
    event(pid, "other", "2019-10-30", C, authority="migration service",
          notes="Issued asylum-seeker certificates.")
case(C, "Murager Alimuly and Kaster Musakhanuly: illegal border crossing",
     summary="Two ethnic Kazakhs from China who crossed the border illegally in October 2019 and sought "
             "asylum, saying they were persecuted in Xinjiang for their ethnicity. They were detained after "
             "speaking to the press on 14 October 2019, received asylum-seeker certificates on 30 October 2019 "
             "and were sentenced on 21 January 2020 without expulsion.",
     notes="The source does not say where they were tried.")

person("sauytbai-sairagul", "Sairagul Sauytbai", "abroad", sex="female", aliases="Sairagul Sauytbay",
       roles="asylum_seeker",
       notes="Chinese citizen who crossed into Kazakhstan illegally; the report credits publicity for her not "
             "being deported in 2018. Her asylum application was refused and she later left for Sweden with UN "
             "help. This section does not describe a trial.")
event("sauytbai-sairagul", "other", "2018",
      notes="Not deported to China after her illegal border crossing; the report attributes this to publicity.")

C = "kazakhstan-2019-akan"
person("akan-kaisha", "Kaisha Akan", "suspended_sentence", sex="female", roles="asylum_seeker",
       notes="Ethnic Kazakh asylum seeker who fled China in 2019 fearing internment in a re-education camp; given "
             "a six-month suspended sentence for illegal border crossing and not expelled.")
case(C, "Kaisha Akan: illegal border crossing",
     summary="Asylum seeker from China tried for crossing the border illegally in 2019; suspended sentence on "
             "23 December 2019 without expulsion.",
     notes="The source does not say where she was tried.")
charge("akan-kaisha", C, "2014", "392", "2019", label="illegally crossing the border", acts_from="2019",
       acts_to="2019",
       notes="The source names the offence but not the article for her; article 392 is the one it cites for the "
             "same offence in the Alimuly and Musakhanuly case.")
sentence("akan-kaisha", C, "2019-12-23", "suspended_imprisonment", "suspended", "P6M",
         notes="The court did not order expulsion to China.")

C = "kazakhstan-2020-tabarak"
person("tabarak-tlek", "Tlek Tabarak", "in_prison", sex="male",
       notes="Ethnic Kazakh who crossed illegally from China; not deported, but sentenced to six months in prison "
             "in January 2020.")
case(C, "Tlek Tabarak: illegal border crossing",
     summary="Ethnic Kazakh who crossed the China-Kazakhstan border illegally; he escaped deportation but was "
             "sentenced to six months in prison on 16 January 2020.",
     notes="The source does not say where he was tried.")
charge("tabarak-tlek", C, "2014", "392", "2020", label="illegal crossing of the China-Kazakhstan border",
       notes="The source names neither the article nor, explicitly, the offence of the verdict; article 392 is "
             "inferred from the border crossing it reports and the article it cites for the same offence in the "
             "Alimuly and Musakhanuly case.")
sentence("tabarak-tlek", C, "2020-01-16", "imprisonment", "prison", "P6M")

# ---------------------------------------------------------------- 2.3 trade union leaders named in Baltabay's account
for pid, name, alias in (("eleusinov-amin", "Amin Eleusinov", ""),
                         ("kushakbayev-nurbek", "Nurbek Kushakbayev", "Nurbek Kushakbaev")):
    person(pid, name, "released", sex="male", aliases=alias, roles="trade_unionist",
           notes="Trade union leader and former political prisoner; the report says Erlan Baltabay faced the "
                 "same charges. Only named in this part of the report.")

# ---------------------------------------------------------------- 2.4 bloggers
C = "mangistau-2019-kobeysinov-begzhanova"
person("kobeysinov-zhambyl", "Zhambyl Kobeysinov", "in_prison", sex="male", region="Mangistau Region",
       roles="blogger;activist",
       notes="Blogger and activist from Mangistau region, repeatedly given administrative arrests for his "
             "activism; convicted with his wife of defaming a district police chief in a YouTube video and "
             "sentenced to six months in prison.")
person("begzhanova-dilbar", "Dilbar Begzhanova", "restricted_freedom", sex="female", region="Mangistau Region",
       notes="Wife and co-defendant of blogger Zhambyl Kobeysinov; convicted of defaming a district police chief "
             "and given six months' restriction of freedom.")
case(C, "Zhambyl Kobeysinov and Dilbar Begzhanova: defamation of a police chief",
     summary="Private prosecution brought by the head of the Mangistau district police department over a "
             "YouTube video in which Kobeysinov was said to have slandered him. The couple recorded an apology "
             "at his request, but the complaint was not withdrawn. Verdict 13 December 2019.")
for p in ("kobeysinov-zhambyl", "begzhanova-dilbar"):
    charge(p, C, "2014", "130", "2019", part="2", label="defamation using the media or telecommunication networks")
sentence("kobeysinov-zhambyl", C, "2019-12-13", "imprisonment", "prison", "P6M")
sentence("begzhanova-dilbar", C, "2019-12-13", "restriction_of_freedom", "restriction", "P6M")

C = "pavlodar-2016-ginatullin"
person("ginatullin-ruslan", "Ruslan Ginatullin", "in_prison", sex="male", place="Pavlodar",
       region="Pavlodar Region", roles="blogger",
       notes="Pavlodar resident imprisoned for six years for sharing on VKontakte links to public videos about "
             "the fighting in eastern Ukraine and about Russian nationalists.")
case(C, "Ruslan Ginatullin: inciting ethnic hatred and transnational criminal organisation", place="Pavlodar",
     summary="Prosecution over links posted on VKontakte to publicly available videos about military "
             "operations in eastern Ukraine and nationalists in Russia.")
charge("ginatullin-ruslan", C, "2014", "174", "2016", label="inciting ethnic hatred on social networks")
charge("ginatullin-ruslan", C, "2014", "264", "2016", label="participating in a transnational criminal organisation")
sentence("ginatullin-ruslan", C, "2016-12-14", "imprisonment", "prison", "P6Y")

C = "north-kazakhstan-2016-chuprina"
person("chuprina-igor", "Igor Chuprina", "in_prison", sex="male", region="North Kazakhstan Region",
       roles="blogger",
       notes="Resident of North Kazakhstan region imprisoned for five and a half years over VKontakte comments "
             "calling for Kazakhstan and Russia to unite.")
case(C, "Igor Chuprina: inciting ethnic hatred and separatist propaganda",
     summary="Prosecution over comments on VKontakte urging that Kazakhstan and Russia unite.",
     notes="The source gives his region but not the town or court.")
charge("chuprina-igor", C, "2014", "174", "2016", label="inciting ethnic hatred on social networks")
charge("chuprina-igor", C, "2014", "180", "2016",
       label="spreading propaganda of violation of the integrity of the Republic of Kazakhstan")
sentence("chuprina-igor", C, "2016-12-05", "imprisonment", "prison", "P5Y6M")

C = "ridder-2015-sychev"
person("sychev-igor", "Igor Sychev", "in_prison", sex="male", place="Ridder", region="East Kazakhstan Region",
       roles="blogger",
       notes="Ridder resident imprisoned for five years because a VKontakte page he ran published a poll on East "
             "Kazakhstan joining Russia; parole granted in October 2019 was overturned on the prosecutor's "
             "appeal.")
case(C, "Igor Sychev: separatist propaganda", place="Ridder",
     summary="Prosecution of the administrator of the VKontakte page 'Podslushano v Riddere' (Overheard in "
             "Ridder) for allowing a poll on whether East Kazakhstan should join Russia. Parole granted on "
             "8 October 2019 was reversed on the prosecutor's appeals on 10 December 2019 and 15 January 2020.")
charge("sychev-igor", C, "2014", "180", "2015",
       label="spreading propaganda of violation of the integrity of the Republic of Kazakhstan")
sentence("sychev-igor", C, "2015-11-18", "imprisonment", "prison", "P5Y")
event("sychev-igor", "parole_granted", "2019-10-08", C,
      notes="Granted by the court; the prosecutor appealed and he was never released.")
event("sychev-igor", "parole_denied", "2019-12-10", C, authority="appeal instance",
      notes="Sided with the prosecutor and kept him in prison.")
event("sychev-igor", "parole_denied", "2020-01-15", C, authority="appeal instance",
      notes="A further appeal instance again sided with the prosecutor and kept him in prison.")

# ---------------------------------------------------------------- Summary: Ablyazov, Tokmadi, Yerimbetov
person("ablyazov-mukhtar", "Mukhtar Ablyazov", "convicted_in_absentia", sex="male", roles="politician;businessperson",
       affiliations=DCK,
       notes="Opposition politician and leader of the DCK, formerly majority shareholder and head of BTA Bank. "
             "Accused in 2009 of embezzling BTA Bank funds; sentenced in absentia to life imprisonment in "
             "November 2018 on a contract-killing charge based on Muratkhan Tokmadi's testimony. Kazakhstan has "
             "sought his and his associates' extradition from the EU for over ten years; Interpol removed him "
             "from its wanted list. Lives in the EU (the summary does not name the country).")
case("kazakhstan-2009-ablyazov-bta-bank", "Mukhtar Ablyazov: embezzlement of BTA Bank funds",
     summary="Accusation brought in 2009 that the bank's majority shareholder and head had embezzled its funds; "
             "the report links the prosecution to his long conflict with Nazarbayev and his support for the "
             "opposition.",
     notes="Only outlined in the report's summary; a later section of the report covers the BTA Bank case.")
event("ablyazov-mukhtar", "charged", "2009", "kazakhstan-2009-ablyazov-bta-bank",
      notes="Accused by the Kazakhstani authorities of embezzling BTA Bank funds.")
event("ablyazov-mukhtar", "extradition_refused", "2016-12", authority="French Council of State",
      notes="Found the request for his extradition politically motivated; the summary does not say which "
            "state had made it.")
case("kazakhstan-2018-ablyazov-tatishev-killing", "Mukhtar Ablyazov: organising the killing of Yerzhan Tatishev",
     summary="In-absentia trial, after Muratkhan Tokmadi's conviction, on the charge of ordering the 2004 killing "
             "of banker Yerzhan Tatishev; life imprisonment in November 2018.",
     notes="The source does not say which court tried him or which article was applied.")
sentence("ablyazov-mukhtar", "kazakhstan-2018-ablyazov-tatishev-killing", "2018-11", "life_imprisonment", "life",
         in_absentia="true", notes="Charge given as organising a contract killing; article not stated.")

C = "kazakhstan-2018-tokmadi-tatishev"
person("tokmadi-muratkhan", "Muratkhan Tokmadi", "in_prison", sex="male", roles="businessperson",
       notes="Businessman arrested in 2017; his wife reports he was tortured into confessing that he killed "
             "banker Yerzhan Tatishev in 2004 on Ablyazov's orders. He had shot Tatishev in a 2004 hunting "
             "incident and was acquitted at the time. Sentenced to 10.5 years in March 2018; his testimony was "
             "then used against Ablyazov.")
case(C, "Muratkhan Tokmadi: murder of Yerzhan Tatishev",
     summary="Renewed prosecution for the 2004 death of banker Yerzhan Tatishev, whom Tokmadi fatally wounded "
             "while hunting and for which a court had acquitted him about 15 years earlier. The report says he "
             "was tortured to make him name Ablyazov as the one who ordered the killing. Injuries found on him "
             "in pre-trial detention were explained by the Prosecutor General's Office as a fall during "
             "exercise. In March 2018 he escaped from custody and was caught, then recorded a video calling "
             "the escape a mistake and gave the testimony investigators wanted.",
     notes="The source does not give the court, the place or the article (the acts of 2004 fall under the 1997 "
           "Code).")
sentence("tokmadi-muratkhan", C, "2018-03-16", "imprisonment", "prison", "P10Y6M",
         notes="Convicted of the murder of Yerzhan Tatishev; article not stated.")
event("tokmadi-muratkhan", "detained", "2017", C, notes="Arrested.")
event("tokmadi-muratkhan", "detained", "2018-03", C, notes="Caught again after escaping from custody.")

person("yerimbetov-iskander", "Iskander Yerimbetov", "released", sex="male",
       notes="Political prisoner whom the UN Working Group on Arbitrary Detention asked Kazakhstan to free in "
             "November 2018. Tortured in the NSC pre-trial facility in late 2017 and early 2018 to make him "
             "persuade his sister, Ablyazov's lawyer Botagoz Jardemalie, to return. Released on 27 December 2019 "
             "because of his health, not the UN decision; the sentence could be resumed. His case is detailed "
             "in a later section of the report.")
event("yerimbetov-iskander", "ill_treatment_reported", "2017-11", place="NSC pre-trial detention facility",
      notes="Tortured in November-December 2017 and January 2018; officers demanded he persuade his sister to "
            "return to Kazakhstan and cooperate in the case against Ablyazov.")
event("yerimbetov-iskander", "un_decision", "2018-11", authority="UN Working Group on Arbitrary Detention",
      notes="Demanded his immediate release; the summary gives no opinion number.")
event("yerimbetov-iskander", "released", "2019-12-27",
      notes="Released because of his serious health condition; the sentence may be resumed if he is judged to "
            "have recovered.")

# ---------------------------------------------------------------- Summary-only persons (details after line 265)
LATER = "; details in a later section of the same report."
NONCUST = "Named in the report's summary among DCK supporters who received what it calls suspended sentences"
person("dzhumayev-ablovas", "Ablovas Dzhumayev", "released", sex="male", aliases="Ablovas Dzhumaev",
       affiliations=DCK,
       notes="Named in the report's summary as a DCK supporter released from prison on parole, as ill-treated in "
             "custody, and as placed on the financial-monitoring list" + LATER)
person("kozlov-vladimir", "Vladimir Kozlov", "released", sex="male",
       notes="Named in the report's summary as a former political prisoner placed on the financial-monitoring "
             "list" + LATER)
for pid, name in (("zhunusov-bolatkhan", "Bolatkhan Zhunusov"), ("zhakhin-serik", "Serik Zhakhin")):
    person(pid, name, "suspended_sentence", sex="male", roles="activist", affiliations=DCK,
           notes=NONCUST + ", after being held in a detention centre" + LATER)
for pid, name, sex, roles, alias, extra in (
        ("makatov-aslan", "Aslan Makatov", "male", "activist", "", ""),
        ("asanova-karlygash", "Karlygash Asanova", "female", "activist", "", ""),
        ("kaziev-yerkin", "Yerkin Kaziev", "male", "activist", "Yerkin Kaziyev", ""),
        ("mukatova-dianara", "Dianara Mukatova", "female", "activist", "", ""),
        ("argynbekov-muratbek", "Muratbek Argynbekov", "male", "activist", "", ""),
        ("ibraev-askar", "Askar Ibraev", "male", "activist", "", ""),
        ("eseneev-medet", "Medet Eseneev", "male", "activist", "", ""),
        ("mamin-vyacheslav", "Vyacheslav Mamin", "male", "activist", "", ""),
        ("idyryshev-serik", "Serik Idyryshev", "male", "activist", "", ""),
        ("tungishbayev-muratbek", "Muratbek Tungishbayev", "male", "activist", "",
         "; it says he was ill-treated and pressed to repent, and that he made a public statement renouncing "
         "the opposition"),
        ("nurzhaubay-aset", "Aset Nurzhaubay", "male", "activist", "Aset Nurzhaubai",
         "; it says he was ill-treated and pressed to repent, and that he made a public statement renouncing "
         "the opposition"),
        ("ishmukhametov-farit", "Farit Ishmukhametov", "male", "activist", "", ""),
        ("ibrayev-azat", "Azat Ibrayev", "male", "activist", "", ""),
        ("alakayev-arman", "Arman Alakayev", "male", "activist", "Arman Alakaev", ""),
        ("khalelova-bakiza", "Bakiza Khalelova", "female", "activist", "",
         "; the court also barred her for one year from social-media comments seen as discrediting the "
         "authorities"),
        ("kalykova-gulmira", "Gulmira Kalykova", "female", "", "", ""),
        ("kerimbayeva-akmaral", "Akmaral Kerimbayeva", "female", "", "", "")):
    distinct = {"ibraev-askar": "ibrayev-azat", "ibrayev-azat": "ibraev-askar"}.get(pid, "")
    person(pid, name, "suspended_sentence", sex=sex, aliases=alias, roles=roles, affiliations=DCK,
           distinct_from=distinct, notes=NONCUST + extra + LATER)
person("kharkova-larisa", "Larisa Kharkova", "suspended_sentence", sex="female", roles="trade_unionist",
       notes="Named in the report's summary as a trade union activist banned from public activity for five years, "
             "among people given non-custodial sentences" + LATER)
person("bilash-serikzhan", "Serikzhan Bilash", "unknown", sex="male", roles="human_rights_defender",
       notes="Named in the report's summary as a defender of the rights of people held in Xinjiang camps, banned "
             "from public activity for seven years; he reported that the Presidential Administration offered him "
             "release in exchange for repentance" + LATER)

# ---------------------------------------------------------------- organisation
organisations.append(dict(
    id=TU, name="Independent trade union of workers in the fuel and energy sectors", aliases="",
    banned_date="", banned_by="", successor_of="",
    notes="Kazakhstani independent trade union led by Erlan Baltabay. The source describes it in these words "
          "without giving a formal name.", sources=S))


def write(table, rows):
    fields = [f["name"] for f in json.load(open(SCHEMAS / f"{table}.json"))["fields"]]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), (table, [i for i in ids if ids.count(i) > 1])
    with open(OUT / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in sorted(rows, key=lambda r: r["id"]):
            assert set(r) == set(fields), (table, set(r) ^ set(fields))
            w.writerow(r)
    print(table, len(rows))


write("persons", persons)
write("cases", cases)
write("charges", charges)
write("sentences", sentences)
write("events", events)
write("organisations", organisations)
