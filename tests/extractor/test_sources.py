"""Source resolution and nationality adjectives, on phrases written for these tests."""

from contextlib import ExitStack

import pytest

from rasd.errors import DataError
from rasd.extractor import sources
from rasd.extractor.nationality import country_of, ethnicity_of, nationality_forms
from rasd.extractor.sources import SourceInfo, resolve_source
from rasd.settings import Settings, activated

KINDS = {"government", "military", "media", "monitor", "international", "armed_group",
         "person", "anonymous", "organization", "unknown"}


def _check(phrase, **expected):
    info = resolve_source(phrase)
    got = {k: getattr(info, k) for k in expected}
    assert got == expected, (phrase, info)
    return info


# --- one canonical id for every way of naming a source -------------------------------------

@pytest.mark.parametrize("phrase", [
    "المرصد السوري لحقوق الإنسان",
    "المرصد السوري لحقوق الانسان",
    "المرصدِ السوريِّ لحقوقِ الإنسانِ",
    "المرصد السوري",
    "المرصد",
    "للمرصد",
    "وللمرصد السوري",
    "مدير المرصد رامي عبد الرحمن",
    "رامي عبد الرحمن",
    "المرصد السوري لحقوق الإنسان المعارض",
])
def test_sohr_grouping(phrase):
    _check(phrase, id="sohr", kind="monitor", name="Syrian Observatory for Human Rights",
           country="SY")


def test_sohr_director_keeps_role_and_affiliation():
    _check("مدير المرصد رامي عبد الرحمن", id="sohr", role="director", affiliation="sohr")
    _check("مدير المرصد السوري لحقوق الإنسان", id="sohr", role="director", affiliation="sohr")
    _check("المرصد", role=None, affiliation=None)


def test_bare_family_name_only_as_whole_phrase():
    _check("عبد الرحمن", id="sohr", role="director")
    _check("عبد الرحمن الأحمد المتحدث باسم الشرطة", kind="government", id=None)


def test_alias_followed_by_another_nationality_is_rejected():
    _check("المرصد العراقي", kind="monitor", id=None, country="IQ")
    _check("المرصد العراقي لحقوق الإنسان", id="iraqi-observatory")
    _check("المرصد الأورومتوسطي لحقوق الإنسان", id="euromed")


# --- every kind ------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase, kind, sid", [
    ("وزارة الصحة الفلسطينية", "government", "ps-moh"),
    ("وزارة الصحة في غزة", "government", "ps-moh"),
    ("البنتاغون", "government", "us-dod"),
    ("الكرملين", "government", "ru-presidency"),
    ("البيت الأبيض", "government", "us-presidency"),
    ("وزارة الدفاع الروسية", "government", "ru-mod"),
    ("الجيش الإسرائيلي", "military", "idf"),
    ("جيش الاحتلال", "military", "idf"),
    ("التحالف بقيادة السعودية", "military", "saudi-coalition"),
    ("تحالف دعم الشرعية", "military", "saudi-coalition"),
    ("الجيش العربي السوري", "military", "sy-army"),
    ("وكالة رويترز", "media", "reuters"),
    ("وكالة الصحافة الفرنسية", "media", "afp"),
    ("فرانس برس", "media", "afp"),
    ("أسوشيتد برس", "media", "ap"),
    ("سكاي نيوز عربية", "media", "skynewsarabia"),
    ("قناة الميادين", "media", "almayadeen"),
    ("الشبكة السورية لحقوق الإنسان", "monitor", "snhr"),
    ("منظمة العفو الدولية", "monitor", "amnesty"),
    ("هيومن رايتس ووتش", "monitor", "hrw"),
    ("أطباء بلا حدود", "monitor", "msf"),
    ("الخوذ البيضاء", "monitor", "white-helmets"),
    ("الدفاع المدني السوري", "monitor", "white-helmets"),
    ("الرابطة الدولية للسلام", "monitor", "ilp"),
    ("الأمم المتحدة", "international", "un"),
    ("مفوضية الأمم المتحدة لشؤون اللاجئين", "international", "unhcr"),
    ("منظمة اليونيسف", "international", "unicef"),
    ("منظمة الصحة العالمية", "international", "who"),
    ("اللجنة الدولية للصليب الأحمر", "international", "icrc"),
    ("الصليب الأحمر", "international", "icrc"),
    ("مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", "international", "ocha"),
    ("أوتشا", "international", "ocha"),
    ("المنظمة الدولية للهجرة", "international", "iom"),
    ("برنامج الأغذية العالمي", "international", "wfp"),
    ("هيئة تحرير الشام", "armed_group", "hts"),
    ("جماعة الحوثي", "armed_group", "houthis"),
    ("أنصار الله", "armed_group", "houthis"),
    ("تنظيم الدولة الإسلامية", "armed_group", "isis"),
    ("داعش", "armed_group", "isis"),
    ("حزب الله", "armed_group", "hezbollah"),
    ("كتائب حزب الله", "armed_group", "kataib-hezbollah"),
    ("حركة حماس", "armed_group", "hamas"),
    ("قوات سوريا الديمقراطية", "armed_group", "sdf"),
    ("حزب العمال الكردستاني", "armed_group", "pkk"),
    ("بوكو حرام", "armed_group", "boko-haram"),
    ("حركة طالبان", "armed_group", "taliban"),
])
def test_known_sources(phrase, kind, sid):
    _check(phrase, kind=kind, id=sid)


@pytest.mark.parametrize("phrase", [
    "مصدر أمني", "مصادر طبية", "لمصادر طبية", "ناشطون", "شهود عيان", "مصادر محلية",
    "المصدر ذاته", "مسؤولون", "مصدر عسكري", "أطباء وشهود عيان",
])
def test_anonymous(phrase):
    _check(phrase, kind="anonymous", id=None, role=None)


def test_anonymous_keeps_country_and_affiliation():
    _check("مصادر أمنية عراقية", kind="anonymous", country="IQ", affiliation=None)
    _check("مسؤول في الأمم المتحدة", kind="anonymous", id=None, affiliation="un")
    _check("مسؤول أممي", kind="anonymous", affiliation="un")
    _check("مصادر في الجيش الإسرائيلي", kind="anonymous", affiliation="idf", country="IL")
    _check("مسؤول في وزارة الداخلية العراقية", kind="anonymous", affiliation="iq-moi")
    _check("مصادر كردية", kind="anonymous", affiliation="kurdish", country=None)


@pytest.mark.parametrize("phrase, kind", [
    ("وزارة الداخلية", "government"),
    ("الوزارة", "government"),
    ("القوات", "military"),
    ("الجيش", "military"),
    ("وكالة محلية", "media"),
    ("صحيفة محلية", "media"),
    ("منظمة محلية", "monitor"),
    ("لجنة محلية", "monitor"),
    ("البعثة", "international"),
    ("حركة مسلحة", "armed_group"),
    ("ميليشيا محلية", "armed_group"),
    ("جماعة مسلحة", "armed_group"),
    ("حزب معارض", "organization"),
])
def test_generic_heads(phrase, kind):
    _check(phrase, kind=kind, id=None)


# --- titled persons ---------------------------------------------------------------------------

def test_titled_person_with_nationality():
    _check("وزير الخارجية الروسي سيرغي لافروف", kind="government", id="ru-mfa",
           role="foreign minister", country="RU", affiliation="RU")
    _check("وزير الخارجية الروسي", kind="government", id="ru-mfa", role="foreign minister",
           country="RU", affiliation="RU")
    _check("وزيرة الدفاع الفرنسية", kind="government", id="fr-mod", role="defence minister",
           country="FR", affiliation="FR", name="Ministry of Defence (France)")
    _check("نائب وزير الخارجية الروسي", role="deputy foreign minister", id="ru-mfa")
    _check("وزير الدفاع الروسي", id="ru-mod", name="Russian Ministry of Defence")


def test_spokespeople():
    _check("المتحدث باسم الجيش الإسرائيلي", kind="military", id="idf", role="spokesperson",
           country="IL")
    _check("الناطق باسم وزارة الصحة الفلسطينية", id="ps-moh", role="spokesperson",
           affiliation="PS")
    _check("أشرف القدرة الناطق باسم وزارة الصحة", id="ps-moh", role="spokesperson")
    _check("المتحدث باسم الأمم المتحدة", kind="international", id="un", role="spokesperson",
           affiliation="un")
    _check("المتحدث العسكري باسم جماعة الحوثي", kind="armed_group", id="houthis",
           role="military spokesperson")
    _check("المتحدث باسم الشرطة", kind="government", id=None, role="spokesperson")


def test_other_titles():
    _check("الرئيس التركي رجب طيب أردوغان", kind="government", id="tr-presidency",
           role="president", country="TR")
    _check("الرئيس الأمريكي", id="us-presidency", role="president", country="US")
    _check("رئيس الوزراء العراقي", id="iq-government", role="prime minister", country="IQ")
    _check("قائد الشرطة الإندونيسية", kind="government", id="id-police", role="police chief")
    _check("العقيد أحمد علي", kind="military", role="colonel", id=None)
    _check("السفير الروسي", kind="government", role="ambassador", country="RU")
    _check("المبعوث الأممي", kind="international", id="un", role="envoy")
    _check("مراسل الجزيرة", kind="media", id="aljazeera", role="correspondent")
    _check("وزير المالية", role="finance minister", country=None)


def test_composed_state_bodies():
    _check("الجيش التركي", kind="military", id="tr-army", country="TR")
    _check("وزارة الداخلية المصرية", kind="government", id="eg-moi", country="EG")
    _check("جيش مصر", kind="military", id="eg-army")
    _check("الحكومة المالية", id="ml-government", country="ML")
    _check("التلفزيون السوري", kind="media", id="sy-tv")
    _check("وكالة الأنباء العراقية", kind="media", id="ina")
    _check("الموقع الرسمي للجيش اليمني", kind="military", id="ye-army")
    _check("موسكو", kind="government", id="ru-government", country="RU")
    _check("إسرائيل", kind="government", id="il-government")


def test_country_hint_only_for_bodies_without_country():
    assert resolve_source("وزارة الصحة", country="PS").id == "ps-moh"
    assert resolve_source("وزارة الصحة").id is None
    assert resolve_source("وزارة الصحة العراقية", country="PS").id == "iq-moh"
    assert resolve_source("مصادر طبية", country="PS").country is None


# --- spelling, clitics, quotes ---------------------------------------------------------------

@pytest.mark.parametrize("phrase, sid", [
    ('وكالة "الأناضول"', "anadolu"),
    ("وكالة «الأناضول»", "anadolu"),
    ("وكالة الأنباء السورية الرسمية (سانا)", "sana"),
    ("لوكالة سانا", "sana"),
    ('صحيفة "الشروق', "shorouk"),
    ('موقع "بوابة الأهرام', "ahram"),
    ("قناة العربية", "alarabiya"),
    ("العربية", "alarabiya"),
    ("للأمم المتحدة", "un"),
    ("الأمم المتحدة في بيان", "un"),
    ("#وزارة_الصحة_الفلسطينية", "ps-moh"),
])
def test_spelling_clitics_quotes(phrase, sid):
    _check(phrase, id=sid)


def test_exact_aliases_do_not_fire_inside_phrases():
    assert resolve_source("الدول العربية").id is None
    assert resolve_source("قاعدة الميادين العسكرية").id is None


def test_unknown_phrases():
    _check("فلان الفلاني", kind="person", id=None)
    _check("السليطي", kind="person", id=None)
    _check("البيان", kind="unknown", id=None)
    _check("تقارير", kind="anonymous", id=None)
    _check("", kind="unknown", id=None)
    _check("بيان وزارة الدفاع الروسية", id="ru-mod")


def test_result_shape():
    info = resolve_source("المرصد")
    assert isinstance(info, SourceInfo)
    assert resolve_source("المرصد") is info  # cached
    for phrase in ("المرصد", "مصدر", "الجيش", "فلان", "وزير الخارجية الروسي"):
        assert resolve_source(phrase).kind in KINDS


# --- user extension --------------------------------------------------------------------------

@pytest.fixture
def user_sources(tmp_path):
    with ExitStack() as stack:
        def write(text):
            path = tmp_path / "my_sources.yaml"
            path.write_text(text, encoding="utf-8")
            stack.enter_context(activated(Settings(sources_file=str(path))))
            sources.clear_cache()
            return path
        yield write
    sources.clear_cache()


def test_user_file_adds_aliases_and_sources(user_sources):
    assert resolve_source("مرصد الشرق").id is None
    user_sources(
        "sources:\n"
        "  - id: sohr\n"
        "    aliases: [مرصد الشرق]\n"
        "    people: {أبو عمر: spokesperson}\n"
        "  - id: my-monitor\n"
        "    name: My Monitor\n"
        "    kind: monitor\n"
        "    country: YE\n"
        "    aliases: [مرصد الجنوب لحقوق الإنسان]\n"
        "anonymous: [مخبرون]\n"
    )
    _check("مرصد الشرق", id="sohr", name="Syrian Observatory for Human Rights")
    _check("المرصد", id="sohr")  # bundled aliases are kept
    _check("أبو عمر", id="sohr", role="spokesperson")
    _check("مرصد الجنوب لحقوق الإنسان", id="my-monitor", kind="monitor", country="YE")
    _check("مخبرون محليون", kind="anonymous")


def test_user_file_overrides_fields(user_sources):
    user_sources("sources:\n  - {id: reuters, name: Thomson Reuters}\n")
    _check("رويترز", id="reuters", name="Thomson Reuters", kind="media", country="GB")


def test_user_file_errors(user_sources, tmp_path):
    user_sources("sources:\n  - {id: Bad Id, kind: monitor, aliases: [منظمة ما]}\n")
    with pytest.raises(DataError):
        resolve_source("منظمة ما")
    with activated(Settings(sources_file=str(tmp_path / "missing.yaml"))), pytest.raises(DataError):
        resolve_source("منظمة ما")


# --- nationality adjectives ------------------------------------------------------------------

@pytest.mark.parametrize("word, iso", [
    ("الروسي", "RU"), ("الروسية", "RU"), ("روسي", "RU"), ("الروس", "RU"),
    ("روسيون", "RU"), ("الروسيين", "RU"), ("روسيات", "RU"), ("الروسيتين", "RU"),
    ("الروسيَّة", "RU"), ("والروسية", "RU"), ("للروس", "RU"),
    ("الأمريكي", "US"), ("الأميركية", "US"), ("للأمريكيين", "US"), ("أمريكان", "US"),
    ("أتراك", "TR"), ("التركية", "TR"), ("السوريون", "SY"), ("سوريين", "SY"),
    ("عراقياً", "IQ"), ("الإسرائيلية", "IL"), ("صهيوني", "IL"), ("الفلسطينيين", "PS"),
    ("السعودية", "SA"), ("اليمنيين", "YE"), ("البريطاني", "GB"), ("الألمان", "DE"),
    ("الأفغانية", "AF"), ("الباكستاني", "PK"), ("النيجيري", "NG"), ("النيجري", "NE"),
    ("الكاميروني", "CM"), ("التشادية", "TD"), ("الماليين", "ML"), ("المالي", "ML"),
    ("الصومالية", "SO"), ("الإثيوبي", "ET"), ("الأوكراني", "UA"), ("الأذربيجانية", "AZ"),
    ("الأرمن", "AM"), ("الصيني", "CN"), ("الهندية", "IN"), ("الفلبيني", "PH"),
    ("السريلانكية", "LK"), ("الأسترالي", "AU"), ("الهولندية", "NL"), ("الإماراتية", "AE"),
    ("الموريتاني", "MR"), ("القمري", "KM"), ("الجيبوتي", "DJ"), ("البحرينية", "BH"),
])
def test_country_of_adjectives(word, iso):
    assert country_of(word) == iso


@pytest.mark.parametrize("word", [
    "روسيا", "سوريا", "سورياً", "تركيا", "العراق", "مالي", "مالية", "الكوري", "الأكراد",
    "كردي", "العربي", "", "كلمة",
])
def test_country_of_rejects_names_ethnicities_and_ambiguous_words(word):
    assert country_of(word) is None


def test_ethnicities_and_forms():
    assert ethnicity_of("الأكراد") == "kurdish"
    assert ethnicity_of("الكردية") == "kurdish"
    assert ethnicity_of("الروسي") is None
    forms = nationality_forms()
    assert forms["روسي"] == "RU"
    assert forms["كوريه جنوبيه"] == "KR"
    assert len(set(forms.values())) >= 90
    assert "روسيا" not in forms and "سوريا" not in forms


def test_known_names_spans_merge_overlapping_aliases():
    from rasd.extractor.sources import known_names
    from rasd.text.normalize import normalize_string
    from rasd.text.tokens import tokenize
    toks = tokenize(normalize_string("هجوم شنه تنظيم الدولة الإسلامية في العراق والشام أمس"))
    assert known_names(toks) == [(2, 8)]
    assert known_names(tokenize(normalize_string("قتل 5 أشخاص في حلب"))) == []


def test_known_name_at_agrees_with_the_full_scan():
    from rasd.extractor.sources import known_name_at, known_names
    from rasd.text.normalize import normalize_string
    from rasd.text.tokens import tokenize
    for text in ("هجوم شنه تنظيم الدولة الإسلامية في العراق والشام أمس",
                 "قالت قوات سوريا الديمقراطية إن 5 قتلوا في سوريا", "قتل 5 أشخاص في حلب"):
        toks = tokenize(normalize_string(text))
        inside = {k for a, b in known_names(toks) for k in range(a, b)}
        assert {k for k in range(len(toks)) if known_name_at(toks, k)} == inside


@pytest.mark.parametrize(("name", "edit", "loader", "message"), [
    ("sources.yaml", lambda d: d["sources"][3].update({"kind": "newspaper"}), "_lexicon",
     r"sources\.yaml: sources\[3\]\.kind: 'newspaper' is not one of"),
    ("sources.yaml", lambda d: d["sources"][0].update({"id": "Not A Slug"}), "_lexicon",
     r"sources\.yaml: sources\[0\]\.id: 'Not A Slug' is not an ASCII slug"),
    ("sources.yaml", lambda d: d["heads"].update({"club": ["نادي"]}), "_lexicon",
     r"sources\.yaml: heads\.club: unknown key"),
    ("titles.yaml", lambda d: d["titles"][0].pop("role"), "_titles_lexicon",
     r"titles\.yaml: titles\[0\]\.role: missing"),
])
def test_a_malformed_sources_file_names_the_file_and_the_entry(broken_data, name, edit, loader,
                                                               message) -> None:
    load = getattr(sources, loader)
    broken_data(sources, name, edit, load, sources._lexicon, sources._titles_lexicon)
    with pytest.raises(DataError, match="^" + message):
        load(None) if loader == "_lexicon" else load()
