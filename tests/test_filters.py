"""rasd.filters: the one check of filter values that the CLI, the API and the dashboard share."""

import datetime as dt

import pytest

from rasd.filters import FilterError, check, place_matches


@pytest.mark.parametrize("raw, message", [
    ({"type": "kiled"}, "unknown event type 'kiled' (did you mean 'killed'?)"),
    ({"type": "KILLED"}, "did you mean 'killed'?"),
    ({"country": "Syra"}, "unknown country 'Syra' (did you mean Syria, SY?)"),
    ({"country": "ZZ"}, "unknown country 'ZZ'"),
    ({"country": ""}, "unknown country ''"),
    ({"since": "2018-13-45"}, "since '2018-13-45' is not a real date (YYYY-MM-DD)"),
    ({"until": "2018-02-30"}, "until '2018-02-30' is not a real date"),
    ({"until": "1602000000"}, "until '1602000000' is not a real date"),
    ({"since": "2018-02-01", "until": "2018-01-01"}, "since 2018-02-01 is after until 2018-01-01"),
    ({"period": "evnt"}, "unknown period 'evnt' (did you mean 'event'?)"),
    ({"min_sources": 0}, "min_sources 0 is less than 1"),
    ({"min_sources": "two"}, "min_sources 'two' is not a whole number"),
])
def test_bad_values_are_one_line_errors_naming_value_and_reason(raw, message):
    with pytest.raises(FilterError) as err:
        check(**raw)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_semantic_refusals_have_their_own_code():
    codes = {}
    for raw in ({"country": "Narnia"}, {"since": "2018-02-01", "until": "2018-01-01"},
                {"type": "eaten"}, {"since": "yesterday"}):
        with pytest.raises(FilterError) as err:
            check(**raw)
        codes[next(iter(raw.values()))] = err.value.code
    assert codes == {"Narnia": "invalid_filter", "2018-02-01": "invalid_filter",
                     "eaten": "invalid_request", "yesterday": "invalid_request"}


@pytest.mark.parametrize("given", ["sy", "SY", "Sy", "Syria", "syria", "سوريا"])
def test_a_country_is_its_code_any_case_or_its_name(given):
    assert check(country=given).country == "SY"


def test_good_values_are_typed():
    f = check(type="killed", since="2018-01-01", until="2018-01-31", period="event",
              min_sources="2", place=" حلب ", disagree=True)
    assert (f.type, f.since, f.until, f.period, f.min_sources, f.place) == (
        "killed", dt.date(2018, 1, 1), dt.date(2018, 1, 31), "event", 2, "حلب")
    assert f.about_groups and not check(type="killed").about_groups
    assert f.store_args() == {"type": "killed", "country": None, "since": "2018-01-01",
                              "until": "2018-01-31", "source": None}


def test_places_match_whole_names_not_parts_of_words():
    assert place_matches("حلب", ["حلب"]) and place_matches("حلب", ["ريف حلب الشمالي"])
    assert not place_matches("حلب", ["حلبجة"])
    assert place_matches("Aleppo", [None, "aleppo"]) and not place_matches("Alep", ["Aleppo"])
    assert place_matches("ريف حلب", ["ريف حلب الغربي"]) and not place_matches("ريف", ["الريفي"])
    assert place_matches("sy", ["دمشق"], "SY") and not place_matches("  ", ["دمشق"])
