"""The plan's vocabulary, validation and reconciliation with the published data."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from plan.model import (
    CHANNELS,
    FIELDS,
    STATUSES,
    PlanConflictError,
    PlanRecord,
    PlanValidationError,
    from_text,
    normal_email,
    normal_text,
    reconcile,
    to_text,
    validate,
)

ISO3 = {"FRA", "KEN"}
INSTRUMENTS = {"reaim-2023-call-to-action"}


def problems(changes: dict) -> list[str]:
    with pytest.raises(PlanValidationError) as caught:
        validate(changes, ISO3, INSTRUMENTS)
    return caught.value.problems


def test_the_vocabulary_is_the_issues():
    assert STATUSES[0] == "not started" and STATUSES[-1] == "endorsed" and len(STATUSES) == 7
    assert CHANNELS == ("démarche", "bilateral meeting", "regional meeting", "letter", "other")
    assert PlanRecord.blank("FRA", "x").status == "not started"
    assert PlanRecord.blank("FRA", "x").version == 0


def test_valid_changes_are_normalised():
    clean = validate(
        {"iso3": "FRA", "status": "planned", "due": "2027-03-31", "last_contact": date(2026, 1, 2)},
        ISO3,
        INSTRUMENTS,
    )
    assert clean == {
        "iso3": "FRA",
        "status": "planned",
        "due": date(2027, 3, 31),
        "last_contact": date(2026, 1, 2),
    }
    assert validate({"due": "", "owner": None}, ISO3, INSTRUMENTS) == {"due": None, "owner": ""}


@pytest.mark.parametrize(("field", "limit"), [("owner", 120), ("next_step", 500), ("notes", 5000)])
def test_text_lengths(field, limit):
    assert validate({field: "x" * limit}, ISO3, INSTRUMENTS) == {field: "x" * limit}
    assert problems({field: "x" * (limit + 1)}) == [
        f"{field} is {limit + 1} characters long, over {limit}"
    ]


@pytest.mark.parametrize(
    "value", ["31/03/2027", "2027-02-30", "soon", 20270331, datetime(2027, 1, 1)]
)
def test_dates_must_be_dates(value):
    assert problems({"due": value})[0].startswith("due ")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"iso3": "XXX"}, "unknown ISO3 code 'XXX'"),
        ({"iso3": "fra"}, "unknown ISO3 code 'fra'"),
        ({"instrument": "nope"}, "unknown instrument 'nope'"),
        ({"status": "Endorsed"}, "status 'Endorsed' is not one of"),
        ({"channel": "email"}, "channel 'email' is not one of"),
        ({"colour": "red"}, "unknown fields ['colour']"),
        ({"notes": "a\ud800b"}, "notes contains a broken character"),
        ({"owner": 7}, "owner must be text, not int"),
    ],
)
def test_unknown_values_are_refused(changes, expected):
    assert problems(changes)[0].startswith(expected)


@pytest.mark.parametrize(
    ("pasted", "stored"),
    [
        ("one\r\ntwo", "one\ntwo"),  # Windows
        ("one\rtwo\r", "one\ntwo\n"),  # a lone carriage return
        ("one\x0btwo\x0cthree", "one\ntwo\nthree"),  # Word's line and page breaks
        ("one\x85two", "one\ntwo"),  # Unicode's next line
        ("\r\n\r\n", "\n\n"),
        ("a\x00b\x01c\x1b[31md\x7fe\x9bf", "abc[31mdef"),  # other C0, DEL and C1: dropped
        ("keep\ttabs\nand lines", "keep\ttabs\nand lines"),
        ("right-to-left \u202e, line\u2028separator, Ünïcödé", None),  # not control characters
    ],
)
def test_text_is_normalised_at_validation(pasted, stored):
    stored = pasted if stored is None else stored
    assert normal_text(pasted) == stored
    assert validate({"notes": pasted, "owner": pasted}, ISO3, INSTRUMENTS) == {
        "notes": stored,
        "owner": stored,
    }


def test_the_length_limit_counts_the_normalised_text():
    assert validate({"owner": "x\r\n" * 60}, ISO3, INSTRUMENTS) == {"owner": "x\n" * 60}


def test_every_problem_is_listed_in_one_line():
    with pytest.raises(PlanValidationError) as caught:
        validate({"iso3": "XXX", "status": "won", "due": "later"}, ISO3, INSTRUMENTS)
    assert len(caught.value.problems) == 3
    message = str(caught.value)
    assert "\n" not in message and message.endswith("Correct this and try again.")


def test_an_empty_channel_means_none_recorded():
    assert validate({"channel": ""}, ISO3, INSTRUMENTS) == {"channel": ""}


@pytest.mark.parametrize("field", FIELDS)
def test_event_text_round_trips_every_field(field):
    value = date(2026, 5, 1) if field in ("due", "last_contact") else "text"
    assert from_text(field, to_text(field, value)) == value
    if field in ("due", "last_contact"):
        assert to_text(field, None) == "" and from_text(field, "") is None


def test_emails_compare_in_lower_case():
    assert normal_email("  Ana.Lopez@Example.ORG ") == "ana.lopez@example.org"
    for bad in ("", "ana", "a b@example.org", "a@b@c", "x" * 320 + "@e.org", None):
        with pytest.raises(PlanValidationError):
            normal_email(bad)


def planned(status: str) -> PlanRecord:
    return PlanRecord("FRA", "cta", status, "", None, "", "", None, "", 1, "a@x.org", None)


@pytest.mark.parametrize("status", ["not started", "declined", "on hold"])
def test_a_published_endorsement_flags_a_contradicting_plan(status):
    assert reconcile(planned(status), True, "2024-02-05") == (
        "endorsed (published 2024-02-05)",
        "the published list names this state as an endorser",
    )


@pytest.mark.parametrize("status", ["planned", "approached", "positive signal", "endorsed"])
def test_a_published_endorsement_wins_without_a_flag(status):
    assert reconcile(planned(status), True, "2024-02-05") == ("endorsed (published 2024-02-05)", "")


@pytest.mark.parametrize("status", ["planned", "approached", "positive signal"])
def test_a_published_endorsement_flags_an_open_next_step_for_its_owner(status):
    record = replace(planned(status), next_step="call the ambassador", owner="Paris desk")
    assert reconcile(record, True, "2024-02-05") == (
        "endorsed (published 2024-02-05)",
        "endorsed on the published list: is its next step still open?",
    )
    done = replace(planned("endorsed"), next_step="send a thank-you letter")
    assert reconcile(done, True, "2024-02-05") == ("endorsed (published 2024-02-05)", "")


def test_a_planned_endorsement_the_data_lacks_is_flagged():
    assert reconcile(planned("endorsed"), False, "2024-02-05") == (
        "endorsed",
        "not on the published list",
    )
    assert reconcile(planned("declined"), False, "2024-02-05") == ("declined", "")


def test_a_conflict_says_who_changed_the_record_and_when():
    current = PlanRecord(
        "FRA",
        "cta",
        "planned",
        "",
        None,
        "",
        "",
        None,
        "",
        3,
        "ana@x.org",
        datetime.fromisoformat("2026-12-01T10:20:30+00:00"),
    )
    error = PlanConflictError(current)
    assert error.current is current
    assert "changed by ana@x.org at 2026-12-01 10:20:30 UTC" in str(error)
