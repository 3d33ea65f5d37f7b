"""Every word the website shows, in English and Russian, in one registry; dates at the precision the source
gives and terms in words, with Russian plural forms.

    label("status", "in_prison", "ru")        -> "В заключении"
    fmt_date(parse_partial("2019-06"), "ru")  -> "июнь 2019 г."
    term_words(Duration(5, 6, 0), "en")       -> "5 years 6 months"

A value the registry does not know (a region added to the data, a new enum value before its label is added)
is shown as given; tests/test_site.py fails on any enum value of the schemas without both labels.
"""
from __future__ import annotations

from ..dates import Duration, PartialDate

LANGS = ("en", "ru")
LANG_NAMES = {"en": "English", "ru": "Русский"}

# --- enum values of the schemas: (group, value) -> (English, Russian) ----------------------------------------
ENUMS: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "in_prison": ("In prison", "В заключении"),
        "pre_trial_detention": ("In pre-trial detention", "Под стражей до суда"),
        "house_arrest": ("Under house arrest", "Под домашним арестом"),
        "restricted_freedom": ("Restricted freedom", "Ограничение свободы"),
        "suspended_sentence": ("Suspended sentence", "Условный срок"),
        "non_custodial_sentence": ("Non-custodial sentence", "Наказание без лишения свободы"),
        "under_investigation": ("Under investigation", "Под следствием"),
        "convicted_in_absentia": ("Convicted in absentia", "Осуждение заочно"),
        "released": ("Released", "На свободе"),
        "abroad": ("Abroad", "За рубежом"),
        "compulsory_psychiatric_treatment": ("Compulsory psychiatric treatment", "Принудительное психиатрическое лечение"),
        "deceased": ("Deceased", "Умер(ла)"),
        "unknown": ("Unknown", "Неизвестно"),
    },
    "event": {
        "detained": ("Detained", "Задержание"),
        "administrative_arrest": ("Administrative arrest", "Административный арест"),
        "pre_trial_detention": ("Remanded in custody", "Заключение под стражу"),
        "house_arrest": ("Placed under house arrest", "Домашний арест"),
        "released_from_custody": ("Released from custody", "Освобождение из-под стражи"),
        "charged": ("Charged", "Предъявлено обвинение"),
        "case_opened": ("Criminal case opened", "Возбуждено уголовное дело"),
        "case_sent_to_court": ("Case sent to court", "Дело направлено в суд"),
        "convicted": ("Convicted", "Обвинительный приговор"),
        "acquitted": ("Acquitted", "Оправдательный приговор"),
        "case_closed": ("Case closed", "Дело прекращено"),
        "appeal_rejected": ("Appeal rejected", "Апелляционная жалоба отклонена"),
        "appeal_granted": ("Appeal granted", "Апелляционная жалоба удовлетворена"),
        "sentence_changed": ("Sentence changed", "Приговор изменён"),
        "cassation_rejected": ("Cassation appeal rejected", "Кассационная жалоба отклонена"),
        "cassation_granted": ("Cassation appeal granted", "Кассационная жалоба удовлетворена"),
        "parole_granted": ("Parole granted", "Условно-досрочное освобождение"),
        "parole_denied": ("Parole denied", "Отказ в условно-досрочном освобождении"),
        "pardoned": ("Pardoned", "Помилование"),
        "amnesty": ("Amnesty", "Амнистия"),
        "sentence_replaced": ("Rest of sentence replaced with a milder punishment", "Замена неотбытой части наказания более мягким"),
        "sentence_resumed": ("Sent back to serve the sentence", "Возвращение к отбыванию наказания"),
        "transferred": ("Transferred", "Перевод (этапирование)"),
        "transfer_refused": ("Transfer refused", "Отказ в переводе"),
        "released": ("Released", "Освобождение"),
        "listed": ("Put on the list of persons linked to extremism or terrorism financing",
                   "Включение в перечень лиц, связанных с финансированием терроризма и экстремизма"),
        "delisted": ("Removed from that list", "Исключение из перечня"),
        "wanted_notice": ("Put on a wanted list", "Объявление в розыск"),
        "extradition_requested": ("Extradition requested", "Запрос об экстрадиции"),
        "arrested_abroad": ("Arrested abroad", "Задержание за рубежом"),
        "extradited": ("Extradited", "Экстрадиция"),
        "extradition_refused": ("Extradition refused", "Отказ в экстрадиции"),
        "asylum_sought": ("Asylum sought", "Обращение за убежищем"),
        "asylum_granted": ("Asylum granted", "Предоставлено убежище"),
        "asylum_refused": ("Asylum refused", "Отказ в убежище"),
        "un_decision": ("UN decision", "Решение органа ООН"),
        "psychiatric_examination": ("Psychiatric examination", "Психиатрическая экспертиза"),
        "compulsory_treatment_ordered": ("Compulsory treatment ordered", "Назначено принудительное лечение"),
        "compulsory_treatment_extended": ("Compulsory treatment extended", "Принудительное лечение продлено"),
        "ill_treatment_reported": ("Ill-treatment reported", "Сообщение о жестоком обращении"),
        "died": ("Died", "Смерть"),
        "other": ("Other event", "Другое событие"),
    },
    "kind": {   # sentences.kind
        "imprisonment": ("Imprisonment", "Лишение свободы"),
        "life_imprisonment": ("Life imprisonment", "Пожизненное лишение свободы"),
        "restriction_of_freedom": ("Restriction of freedom", "Ограничение свободы"),
        "suspended_imprisonment": ("Suspended prison sentence", "Условное лишение свободы"),
        "fine": ("Fine", "Штраф"),
        "activity_ban": ("Ban on activities", "Запрет заниматься деятельностью"),
        "compulsory_labour": ("Compulsory labour", "Привлечение к принудительному труду"),
        "community_service": ("Community service", "Общественные работы"),
        "confiscation": ("Confiscation of property", "Конфискация имущества"),
        "victims_fund_payment": ("Payment to the Victims' Compensation Fund", "Принудительный платёж в Фонд компенсации потерпевшим"),
        "compensation": ("Compensation of damage", "Возмещение ущерба"),
        "expulsion": ("Expulsion from the country", "Выдворение за пределы страны"),
        "compulsory_psychiatric_treatment": ("Compulsory psychiatric treatment", "Принудительное психиатрическое лечение"),
        "other": ("Other punishment", "Иное наказание"),
    },
    "instance": {
        "first_instance": ("First instance", "Первая инстанция"),
        "appeal": ("Appeal", "Апелляция"),
        "cassation": ("Cassation", "Кассация"),
        "supervisory": ("Supervisory review", "Надзорный пересмотр"),
        "retrial": ("Retrial", "Новое рассмотрение"),
    },
    "outcome": {
        "pending": ("Pending", "Не рассмотрено"),
        "convicted": ("Convicted", "Осуждение"),
        "acquitted": ("Acquitted", "Оправдание"),
        "dropped": ("Dropped", "Обвинение снято"),
        "reclassified": ("Reclassified", "Переквалифицировано"),
        "unknown": ("Unknown", "Неизвестно"),
    },
    "role": {   # sentences.role
        "main": ("Main punishment", "Основное наказание"),
        "additional": ("Additional punishment", "Дополнительное наказание"),
    },
    "roles": {  # persons.roles
        "activist": ("Activist", "Активист"),
        "asylum_seeker": ("Asylum seeker", "Ищущий убежища"),
        "athlete": ("Athlete", "Спортсмен"),
        "blogger": ("Blogger", "Блогер"),
        "businessperson": ("Businessperson", "Предприниматель"),
        "civil_servant": ("Civil servant", "Госслужащий"),
        "human_rights_defender": ("Human rights defender", "Правозащитник"),
        "journalist": ("Journalist", "Журналист"),
        "lawyer": ("Lawyer", "Юрист"),
        "poet": ("Poet", "Поэт"),
        "politician": ("Politician", "Политик"),
        "religious_believer": ("Religious believer", "Верующий"),
        "trade_unionist": ("Trade unionist", "Профсоюзный активист"),
        "other": ("Other", "Другое"),
    },
    "sex": {
        "female": ("Female", "Женский"),
        "male": ("Male", "Мужской"),
    },
    "source_kind": {
        "ngo_report": ("NGO report", "Доклад НКО"),
        "press_statement": ("Press statement", "Пресс-релиз"),
        "public_statement": ("Public statement", "Публичное заявление"),
        "news_article": ("News article", "Новостная статья"),
        "court_document": ("Court document", "Судебный документ"),
        "un_decision": ("UN decision", "Решение органа ООН"),
        "government_statement": ("Government statement", "Заявление государственного органа"),
        "other": ("Other", "Другое"),
    },
    "code": {
        "1997": ("Criminal Code of 1997", "УК РК 1997 года"),
        "2014": ("Criminal Code of 2014", "УК РК 2014 года"),
    },
    "table": {
        "persons": ("Persons", "Лица"),
        "organisations": ("Organisations", "Организации"),
        "cases": ("Cases", "Дела"),
        "charges": ("Charges", "Обвинения"),
        "sentences": ("Sentences", "Наказания"),
        "events": ("Events", "События"),
        "sources": ("Sources", "Источники"),
    },
    "language": {
        "en": ("English", "английский"),
        "ru": ("Russian", "русский"),
        "kk": ("Kazakh", "казахский"),
        "de": ("German", "немецкий"),
        "fr": ("French", "французский"),
        "pl": ("Polish", "польский"),
        "uk": ("Ukrainian", "украинский"),
        "ky": ("Kyrgyz", "киргизский"),
        "uz": ("Uzbek", "узбекский"),
        "zh": ("Chinese", "китайский"),
    },
}

# schema column (table, field) -> the enum group of its values; "list" groups apply to each item
ENUM_COLUMNS = {("persons", "status"): "status", ("persons", "sex"): "sex", ("persons", "roles"): "roles",
                ("events", "type"): "event", ("sentences", "kind"): "kind", ("sentences", "instance"): "instance",
                ("sentences", "role"): "role", ("charges", "outcome"): "outcome", ("charges", "code"): "code",
                ("sources", "kind"): "source_kind", ("disputes", "table"): "table"}

# Regions of Kazakhstan as the data spells them (names changed over time: all spellings kept) -> Russian.
REGIONS_RU = {
    "Almaty": "Алматы", "Astana": "Астана", "Nur-Sultan": "Нур-Султан", "Shymkent": "Шымкент",
    "Abai Region": "область Абай", "Abay Region": "область Абай", "Akmola Region": "Акмолинская область",
    "Aktobe Region": "Актюбинская область", "Almaty Region": "Алматинская область", "Atyrau Region": "Атырауская область",
    "East Kazakhstan Region": "Восточно-Казахстанская область", "Jambyl Region": "Жамбылская область",
    "Zhambyl Region": "Жамбылская область", "Jetisu Region": "область Жетысу", "Zhetysu Region": "область Жетысу",
    "Karaganda Region": "Карагандинская область", "Kostanay Region": "Костанайская область",
    "Kyzylorda Region": "Кызылординская область", "Mangistau Region": "Мангистауская область",
    "Mangystau Region": "Мангистауская область", "North Kazakhstan Region": "Северо-Казахстанская область",
    "Pavlodar Region": "Павлодарская область", "Turkistan Region": "Туркестанская область",
    "Turkestan Region": "Туркестанская область", "South Kazakhstan Region": "Южно-Казахстанская область",
    "Ulytau Region": "область Улытау", "West Kazakhstan Region": "Западно-Казахстанская область",
    "Baikonur": "Байконур",
}

# Column names, where a page names a field (disputed facts, tables): table.field or field -> (en, ru)
FIELDS: dict[str, tuple[str, str]] = {
    "id": ("Identifier", "Идентификатор"),
    "name": ("Name", "Имя"), "name_cyrillic": ("Name in Cyrillic", "Имя кириллицей"),
    "aliases": ("Other spellings and names", "Другие написания и имена"), "sex": ("Sex", "Пол"),
    "birth_year": ("Year of birth", "Год рождения"), "place": ("Place", "Место"), "region": ("Region", "Регион"),
    "roles": ("Roles", "Деятельность"), "affiliations": ("Organisations", "Организации"), "status": ("Status", "Статус"),
    "status_date": ("Status as of", "Статус на дату"), "distinct_from": ("Not the same person as", "Не то же лицо, что"),
    "notes": ("Notes", "Примечания"), "sources": ("Sources", "Источники"),
    "banned_date": ("Banned", "Дата запрета"), "banned_by": ("Banned by", "Кем запрещена"),
    "successor_of": ("Successor of", "Преемник"), "title": ("Title", "Название"), "court": ("Court", "Суд"),
    "opened": ("Case opened", "Дело возбуждено"), "banned_organisation": ("Banned organisation", "Запрещённая организация"),
    "summary": ("Summary", "Краткое описание"), "case": ("Case", "Дело"), "person": ("Person", "Лицо"),
    "code": ("Criminal Code", "Уголовный кодекс"), "article": ("Article", "Статья"), "part": ("Part", "Часть"),
    "paragraph": ("Paragraph", "Пункт"), "label": ("Offence as the source names it", "Деяние (как в источнике)"),
    "charged_date": ("Charged", "Дата обвинения"), "acts_from": ("Acts from", "Деяния с"), "acts_to": ("Acts until", "Деяния по"),
    "outcome": ("Outcome", "Исход"), "verdict_date": ("Verdict", "Дата приговора"), "instance": ("Instance", "Инстанция"),
    "in_absentia": ("In absentia", "Заочно"), "kind": ("Kind", "Вид"), "term": ("Term", "Срок"),
    "amount": ("Amount", "Сумма"), "currency": ("Currency", "Валюта"), "role": ("Main or additional", "Основное или дополнительное"),
    "scope": ("Scope", "Сфера"), "judge": ("Judge", "Судья"), "type": ("Event", "Событие"), "date": ("Date", "Дата"),
    "authority": ("Authority", "Орган"), "reference": ("Reference", "Номер документа"),
    "publisher": ("Publisher", "Издатель"), "published": ("Published", "Опубликовано"), "url": ("Address", "Адрес"),
    "language": ("Language", "Язык"), "accessed": ("Accessed", "Дата обращения"), "archive_url": ("Archived copy", "Архивная копия"),
}

# --- headings, help text and other interface words -----------------------------------------------------------
UI: dict[str, tuple[str, str]] = {
    "site_title": ("Political prosecutions in Kazakhstan", "Политические преследования в Казахстане"),
    "site_tagline": ("An open dataset of people prosecuted on political grounds in Kazakhstan, with a source for every fact.",
                     "Открытая база данных о людях, преследуемых в Казахстане по политическим мотивам; у каждого факта есть источник."),
    "skip": ("Skip to content", "Перейти к содержанию"),
    "nav": ("Site", "Разделы сайта"),
    "nav_persons": ("Persons", "Люди"), "nav_browse": ("Browse", "Обзор"), "nav_charts": ("Figures", "Цифры"),
    "nav_articles": ("Articles", "Статьи УК"), "nav_organisations": ("Organisations", "Организации"),
    "nav_cases": ("Cases", "Дела"), "nav_sources": ("Sources", "Источники"), "nav_about": ("About", "О проекте"),
    "language": ("Language", "Язык"), "other_language": ("Русский", "English"),
    "persons_heading": ("Persons", "Люди"),
    "persons_intro": ("Every person in the dataset, with their latest status that a source reports and its date.",
                      "Все люди в базе данных: последний статус, о котором сообщает источник, и его дата."),
    "count_persons": ("{n} persons", "Людей: {n}"),
    "search": ("Search by name", "Поиск по имени"),
    "search_help": ("Any spelling, in Latin or Cyrillic letters: Zhaksylyk, Jaksylyk and Жаксылык find the same person.",
                    "Любое написание, латиницей или кириллицей: Zhaksylyk, Jaksylyk и Жаксылык найдут одного и того же человека."),
    "filter": ("Filter", "Отбор"), "any": ("Any", "Любой"), "reset": ("Clear", "Сбросить"),
    "year_filter": ("Year", "Год"), "year_help": ("of a charge, detention, case or verdict", "обвинения, задержания, дела или приговора"),
    "shown": ("{shown} of {n} shown", "Показано {shown} из {n}"), "show_more": ("Show more", "Показать ещё"),
    "found": ("{n} of {total} persons match", "Найдено {n} из {total}"),
    "no_match": ("No person matches.", "Никто не найден."),
    "sort_by": ("Sort by {col}", "Сортировать: {col}"),
    "col_name": ("Name", "Имя"), "col_status": ("Status", "Статус"), "col_as_of": ("As of", "На дату"),
    "col_region": ("Region", "Регион"), "col_orgs": ("Organisations", "Организации"), "col_articles": ("Articles", "Статьи"),
    "col_year": ("Year", "Год"), "col_person": ("Person", "Лицо"), "col_case": ("Case", "Дело"), "col_date": ("Date", "Дата"),
    "col_count": ("Number", "Число"), "col_part": ("Part", "Часть"), "col_outcome": ("Outcome", "Исход"),
    "col_charges": ("Charges", "Обвинений"), "col_title": ("Title", "Название"),
    "as_of": ("as of {date}", "на {date}"),
    "browse_heading": ("Browse", "Обзор"),
    "browse_intro": ("The same lists of persons, by status, region, article, organisation and year: these pages need no JavaScript.",
                     "Те же списки людей по статусу, региону, статье, организации и году; эти страницы работают без JavaScript."),
    "by_status": ("By status", "По статусу"), "by_region": ("By region", "По региону"), "by_article": ("By article", "По статье"),
    "by_organisation": ("By organisation", "По организации"), "by_year": ("By year", "По году"),
    "by_letter": ("By name", "По имени"), "all_persons": ("All persons", "Все люди"),
    "pages": ("Pages", "Страницы"), "page_n": ("Page {n}", "Страница {n}"),
    "no_js_note": ("Searching and filtering need JavaScript; without it, use the lists in Browse.",
                   "Для поиска и отбора нужен JavaScript; без него пользуйтесь списками в разделе «Обзор»."),
    "not_stated": ("not stated", "не указано"), "none_stated": ("none stated", "не указаны"), "undated": ("undated", "без даты"),
    # person page
    "person_names": ("Names", "Имена"), "also_spelled": ("Also written", "Другие написания"),
    "status_heading": ("Status", "Статус"), "status_line": ("{status}, as of {date}", "{status}, по состоянию на {date}"),
    "status_undated": ("{status} (date not stated)", "{status} (дата не указана)"),
    "about_person": ("About", "Сведения"), "timeline": ("Timeline", "Хронология"),
    "timeline_help": ("In date order; each date at the precision its source gives. Undated facts come last.",
                      "По датам; каждая дата с той точностью, которую даёт источник. Факты без даты — в конце."),
    "undated_facts": ("Undated", "Без даты"),
    "charges_heading": ("Charges", "Обвинения"), "sentences_heading": ("Sentences", "Наказания"),
    "events_heading": ("Events", "События"), "cases_heading": ("Cases", "Дела"), "sources_heading": ("Sources", "Источники"),
    "disputed": ("Disputed", "Оспаривается"),
    "disputed_help": ("Sources disagree on this. The record shows the value the maintainers follow; every value and its sources are listed.",
                      "Источники расходятся. В записи — значение, которому следуют составители; ниже — все значения и их источники."),
    "disputed_values": ("Values the sources give", "Значения в источниках"),
    "record_value": ("in the record", "в записи"),
    "charged_under": ("Charged under {article}", "Обвинение по {article}"),
    "verdict_item": ("Verdict ({instance}): {sentence}", "Приговор ({instance}): {sentence}"),
    "case_opened_item": ("Case opened: {case}", "Возбуждено дело: {case}"),
    "status_item": ("Status reported: {status}", "Сообщаемый статус: {status}"),
    "in_absentia": ("in absentia", "заочно"), "additional": ("additional punishment", "дополнительное наказание"),
    "acts": ("Acts charged", "Вменяемые деяния"), "acts_range": ("{a} to {b}", "с {a} по {b}"),
    "by_court": ("Court", "Суд"), "judge": ("Judge", "Судья"),
    "in_case": ("Case", "Дело"), "cites": ("Sources", "Источники"),
    "notes_lang": ("Notes are in English, in the maintainers' words.", "Примечания — на английском, словами составителей."),
    "not_same_as": ("Not the same person as", "Не то же лицо, что"),
    "record_id": ("Record", "Запись"),
    "correct_person": ("Is something here wrong or missing? Say which record (its identifier) and, where you can, which published source says otherwise.",
                       "Здесь что-то неверно или упущено? Укажите запись (её идентификатор) и, если можете, опубликованный источник, который говорит иное."),
    "correct_issue": ("Suggest a correction (a public issue on GitHub)", "Предложить исправление (публичное обращение на GitHub)"),
    "correct_risk": ("If a public issue could put someone at risk, write to the maintainers instead.",
                     "Если публичное обращение может подвергнуть кого-то опасности, напишите составителям напрямую."),
    "how_to_correct": ("How to correct a record", "Как исправить запись"),
    "birth_year": ("Born", "Год рождения"),
    "part_n": ("part {part}", "ч. {part}"), "paragraph_n": ("paragraph {p}", "п. {p}"),
    "article_n": ("art. {article}", "ст. {article}"),
    "article_short": ("art. {article} ({code})", "ст. {article} УК {code}"),
    "article_full": ("Article {article} of the {code}", "Статья {article} {code}"),
    "code_genitive_1997": ("Criminal Code of 1997", "УК РК 1997 года"), "code_genitive_2014": ("Criminal Code of 2014", "УК РК 2014 года"),
    "official_title": ("Official title (Russian)", "Официальное название"),
    "title_unknown": ("title not in the reference", "название не найдено в справочнике"),
    "fine_of": ("fine of {amount} {currency}", "штраф {amount} {currency}"),
    "life": ("life imprisonment", "пожизненное лишение свободы"),
    "term_not_stated": ("term not stated", "срок не указан"),
    "ban_on": ("{term} ban: {scope}", "запрет на {term}: {scope}"), "ban_no_term": ("ban: {scope}", "запрет: {scope}"),
    # case, article, organisation, source pages
    "case_heading": ("Case", "Дело"), "defendants": ("Defendants", "Обвиняемые"),
    "case_events": ("Events in this case", "События по делу"),
    "article_heading": ("Criminal Code article", "Статья Уголовного кодекса"),
    "articles_heading": ("Criminal Code articles", "Статьи Уголовного кодекса"),
    "articles_intro": ("Every article under which a person in the dataset was charged, with its official title.",
                       "Все статьи, по которым предъявлены обвинения людям из базы данных, с официальными названиями."),
    "charged_over_time": ("Who was charged under it, over time", "Кому предъявлено обвинение по этой статье, по годам"),
    "charges_by_year": ("Charges by year", "Обвинения по годам"),
    "chapter": ("Chapter", "Глава"), "bans_org": ("Participation in a banned organisation", "Участие в запрещённой организации"),
    "organisation_heading": ("Organisation", "Организация"), "organisations_heading": ("Organisations", "Организации"),
    "members": ("Persons linked to it", "Связанные с ней люди"), "cases_naming": ("Cases naming it as banned", "Дела, где она названа запрещённой"),
    "not_banned": ("No ban recorded", "Запрет не зафиксирован"),
    "cases_heading_all": ("Cases", "Дела"), "cases_intro": ("Every criminal case in the dataset.", "Все уголовные дела в базе данных."),
    "source_heading": ("Source", "Источник"), "sources_intro": ("Every document the dataset cites.", "Все документы, на которые ссылается база данных."),
    "supports": ("What this source supports", "Что подтверждает этот источник"),
    "supports_none": ("No record cites this source.", "Ни одна запись не ссылается на этот источник."),
    "no_address": ("no address given", "адрес не указан"), "unsafe_address": ("address not shown: not a web address", "адрес не показан: это не веб-адрес"),
    "rows_citing": ("{n} records", "Записей: {n}"),
    # charts
    "charts_heading": ("Figures", "Цифры"),
    "charts_intro": ("Counted from the records as they are; nothing is estimated. Each chart has its figures in a table below it.",
                     "Подсчитано по записям как они есть, без оценок. Под каждой диаграммой — таблица с её цифрами."),
    "chart_per_year": ("Prosecutions per year by article", "Преследования по годам и статьям"),
    "chart_per_year_help": ("Charges by the year of the charge (else the first verdict, else the case's opening); the most frequent articles, the rest as 'other'.",
                            "Обвинения по году обвинения (иначе первого приговора, иначе возбуждения дела); самые частые статьи, остальные — «другие»."),
    "chart_status": ("Persons by status over time", "Люди по статусу во времени"),
    "chart_status_help": ("Each person's latest status that a source reports, by the year of that report.",
                          "Последний статус каждого человека, о котором сообщает источник, по году этого сообщения."),
    "chart_terms": ("Distribution of terms", "Распределение сроков"),
    "chart_terms_help": ("Terms of the main punishment of the latest verdict for each person and case, in whole years (rounded down); life and unstated terms are not shown.",
                         "Сроки основного наказания по последнему приговору для каждого человека и дела, в полных годах (с округлением вниз); пожизненные и неуказанные сроки не показаны."),
    "other_articles": ("other articles", "другие статьи"), "years_axis": ("Years", "Лет"), "persons_axis": ("Persons", "Людей"),
    "charges_axis": ("Charges", "Обвинений"), "year_axis": ("Year", "Год"), "term_axis": ("Term (whole years)", "Срок (полных лет)"),
    "chart_table": ("The figures of this chart", "Цифры этой диаграммы"),
    "total": ("Total", "Всего"),
    # about
    "about_heading": ("About this dataset", "О базе данных"),
    "about_what": ("What it is", "Что это"),
    "about_what_text": ("kzdata records people prosecuted on political grounds in Kazakhstan: their cases, the charges under the Criminal Code, the sentences and the dated events, as published sources report them. Every record cites at least one source. The data lives in a git repository as plain CSV tables, checked by a validator before any change lands.",
                        "kzdata описывает людей, преследуемых в Казахстане по политическим мотивам: их дела, обвинения по Уголовному кодексу, наказания и события с датами — так, как о них сообщают опубликованные источники. Каждая запись ссылается хотя бы на один источник. Данные хранятся в git-репозитории в виде CSV-таблиц и проверяются валидатором перед каждым изменением."),
    "about_method": ("Method and sources", "Метод и источники"),
    "about_method_text": ("Records are transcribed from published reports of human rights organisations, news media, courts and UN bodies. Dates keep the precision of the source (a year, a month or a day); nothing the sources do not state is guessed. Where sources disagree, the record shows every value with its sources. Statuses are the latest a source reports, with their date. Sensitive details are never published on this site.",
                          "Записи составлены по опубликованным докладам правозащитных организаций, СМИ, судебным документам и решениям органов ООН. Даты приводятся с точностью источника (год, месяц или день); того, чего нет в источниках, не додумывают. Где источники расходятся, показаны все значения с их источниками. Статус — последний, о котором сообщает источник, с его датой. Чувствительные сведения на сайте не публикуются."),
    "about_release": ("Release", "Выпуск"), "version": ("Version", "Версия"), "release_date": ("Date", "Дата"),
    "licence": ("Licence", "Лицензия"),
    "licence_text": ("The data is published under {licence}: you may share and adapt it, with attribution.",
                     "Данные распространяются по лицензии {licence}: их можно распространять и изменять с указанием авторства."),
    "cite": ("How to cite", "Как ссылаться"), "cite_file": ("The repository's CITATION.cff:", "Файл CITATION.cff репозитория:"),
    "correct": ("Correct or add a record", "Исправить или добавить запись"),
    "correct_text": ("Anyone may ask for a correction or a removal, or add a record with its source: the contributors' guide says how.",
                     "Любой может попросить исправить или удалить запись либо добавить запись с источником: как это сделать, описано в руководстве для участников."),
    "correct_link": ("Contributors' guide (CONTRIBUTING.md)", "Руководство для участников (CONTRIBUTING.md, на английском)"),
    "correct_offline": ("The contributors' guide is CONTRIBUTING.md in the dataset's repository.", "Руководство для участников — файл CONTRIBUTING.md в репозитории базы данных."),
    "policy_link": ("Data policy (DATA_POLICY.md)", "Политика данных (DATA_POLICY.md, на английском)"),
    "downloads": ("Downloads of this release", "Файлы этого выпуска"),
    "downloads_help": ("Public exports: fields marked sensitive are left out. Check a download with: sha256sum -c SHA256SUMS",
                       "Публичные выгрузки: поля, отмеченные как чувствительные, исключены. Проверить файл: sha256sum -c SHA256SUMS"),
    "file": ("File", "Файл"), "format": ("Format", "Формат"), "size": ("Size", "Размер"), "checksum": ("SHA-256", "SHA-256"),
    "dl_csv": ("CSV data package (tables with their schemas), zipped", "Пакет данных CSV (таблицы со схемами), zip"),
    "dl_json": ("JSON, a file per table, zipped", "JSON, файл на таблицу, zip"),
    "dl_sqlite": ("SQLite database with keys and views", "База данных SQLite с ключами и представлениями"),
    "dl_xlsx": ("Spreadsheet (.xlsx), a sheet per table", "Электронная таблица (.xlsx), лист на таблицу"),
    "dl_sums": ("The checksums above, for sha256sum -c", "Контрольные суммы для sha256sum -c"),
    "privacy": ("Privacy", "Приватность"),
    "privacy_text": ("This site makes no request to any other site: no fonts, scripts, analytics or embeds from elsewhere. Links to sources open the sources' own sites.",
                     "Сайт не обращается к другим сайтам: никаких сторонних шрифтов, скриптов, аналитики и встраиваемых элементов. Ссылки на источники ведут на сайты самих источников."),
    "counts": ("What it holds", "Что в ней"),
    "built": ("Site built from release {version}", "Сайт построен по выпуску {version}"),
    "built_unreleased": ("Site built from a working copy, not a release", "Сайт построен по рабочей копии, не по выпуску"),
    "footer_licence": ("Data: {licence}.", "Данные: {licence}."),
    "choose_language": ("Choose a language", "Выберите язык"),
}

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
             "December"]
MONTHS_RU_NOM = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
                 "декабрь"]
MONTHS_RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
                 "декабря"]


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "ru" else pair[0]


def ui(key: str, lang: str, **values) -> str:
    text = _pick(UI[key], lang)
    return text.format(**values) if values else text


def label(group: str, value: str, lang: str) -> str:
    """The label of an enum value; the value as given when the registry does not know it."""
    pair = ENUMS.get(group, {}).get(value)
    return _pick(pair, lang) if pair else value


def known(group: str, value: str) -> bool:
    return value in ENUMS.get(group, {})


def field_label(name: str, lang: str) -> str:
    pair = FIELDS.get(name)
    return _pick(pair, lang) if pair else name


def region(value: str, lang: str) -> str:
    if lang == "ru":
        return REGIONS_RU.get(value, value)
    return value


def region_known(value: str, lang: str) -> bool:
    """Whether the region is shown in the page's language (else it is shown as given, in English)."""
    return lang == "en" or value in REGIONS_RU


# --- numbers, dates and terms ----------------------------------------------------------------------------------
def plural_ru(n: int, one: str, few: str, many: str) -> str:
    """Russian plural form for n: 1 год, 2 года, 5 лет, 11 лет, 21 год, 22 года."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def fmt_int(n: int, lang: str) -> str:
    """1,234,567 in English; 1 234 567 in Russian (a no-break space)."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


def fmt_amount(x: float, lang: str) -> str:
    whole = int(x)
    if x == whole:
        return fmt_int(whole, lang)
    text = f"{x:,.2f}"
    return text.replace(",", "\u00a0").replace(".", ",") if lang == "ru" else text


def fmt_date(d: PartialDate | None, lang: str) -> str:
    """A date at the precision its source gives: 2019 / June 2019 / 9 June 2019; 2019 г. / июнь 2019 г. / 9 июня 2019 г."""
    if d is None:
        return ui("undated", lang)
    p = d.precision
    y = d.start.year
    if lang == "ru":
        if p == "year":
            return f"{y}\u00a0г."
        if p == "month":
            return f"{MONTHS_RU_NOM[d.start.month - 1]} {y}\u00a0г."
        return f"{d.start.day} {MONTHS_RU_GEN[d.start.month - 1]} {y}\u00a0г."
    if p == "year":
        return str(y)
    if p == "month":
        return f"{MONTHS_EN[d.start.month - 1]} {y}"
    return f"{d.start.day} {MONTHS_EN[d.start.month - 1]} {y}"


def term_words(t: Duration, lang: str) -> str:
    """An ISO 8601 duration in words: 5 years 6 months / 5 лет 6 месяцев; weeks were read as days."""
    parts = []
    if lang == "ru":
        if t.years:
            parts.append(f"{t.years} {plural_ru(t.years, 'год', 'года', 'лет')}")
        if t.months:
            parts.append(f"{t.months} {plural_ru(t.months, 'месяц', 'месяца', 'месяцев')}")
        if t.days:
            parts.append(f"{t.days} {plural_ru(t.days, 'день', 'дня', 'дней')}")
        return " ".join(parts) or "0 дней"
    if t.years:
        parts.append(f"{t.years} year{'s' if t.years != 1 else ''}")
    if t.months:
        parts.append(f"{t.months} month{'s' if t.months != 1 else ''}")
    if t.days:
        parts.append(f"{t.days} day{'s' if t.days != 1 else ''}")
    return " ".join(parts) or "0 days"


# How a punishment with a term reads: "{term} of restricted freedom" / "{term} ограничения свободы".
TERM_PHRASES: dict[str, tuple[str, str]] = {
    "imprisonment": ("{term} of imprisonment", "{term} лишения свободы"),
    "restriction_of_freedom": ("{term} of restricted freedom", "{term} ограничения свободы"),
    "suspended_imprisonment": ("{term} of imprisonment, suspended", "{term} лишения свободы условно"),
    "compulsory_labour": ("{term} of compulsory labour", "{term} принудительного труда"),
    "community_service": ("{term} of community service", "{term} общественных работ"),
    "compulsory_psychiatric_treatment": ("{term} of compulsory psychiatric treatment", "{term} принудительного психиатрического лечения"),
}


def sentence_words(kind: str, term: Duration | None, lang: str, amount: float | None = None, currency: str = "",
                   scope: str = "") -> str:
    """A punishment in words: "5 years 6 months of restricted freedom", "3 years ban: journalism", "fine of 500,000 KZT"."""
    if kind == "life_imprisonment":
        return ui("life", lang)
    if kind == "activity_ban" and scope:
        return ui("ban_on", lang, term=term_words(term, lang), scope=scope) if term else ui("ban_no_term", lang, scope=scope)
    if kind == "fine" and amount is not None:
        text = ui("fine_of", lang, amount=fmt_amount(amount, lang), currency=currency).strip()
        return text + (f" ({term_words(term, lang)})" if term else "")
    if term is not None:
        phrase = TERM_PHRASES.get(kind)
        if phrase:
            return _pick(phrase, lang).format(term=term_words(term, lang))
        return f"{label('kind', kind, lang)}: {term_words(term, lang)}"
    text = label("kind", kind, lang)
    if amount is not None:
        text += f", {fmt_amount(amount, lang)} {currency}".rstrip()
    if scope:
        text += f": {scope}"
    return text


def article_words(code: str, article: str, part: str, paragraph: str, lang: str) -> str:
    """'art. 405 part 2 (Criminal Code of 2014)' / 'ст. 405 ч. 2 УК РК 2014 года'."""
    bits = [ui("article_n", lang, article=article)]
    if part:
        bits.append(ui("part_n", lang, part=part))
    if paragraph:
        bits.append(ui("paragraph_n", lang, p=paragraph))
    code_name = label("code", code, lang)
    if lang == "ru":
        return " ".join(bits) + " " + code_name
    return " ".join(bits) + f" ({code_name})"


def js_labels(lang: str) -> dict:
    """What the index page's script needs to render rows like the server does."""
    return {
        "status": {k: _pick(v, lang) for k, v in ENUMS["status"].items()},
        "months": MONTHS_RU_NOM if lang == "ru" else MONTHS_EN,
        "months_gen": MONTHS_RU_GEN if lang == "ru" else MONTHS_EN,
        "lang": lang,
        "shown": ui("shown", lang), "found": ui("found", lang), "no_match": ui("no_match", lang), "not_stated": ui("not_stated", lang),
        "undated": ui("undated", lang), "as_of": ui("as_of", lang),
    }
