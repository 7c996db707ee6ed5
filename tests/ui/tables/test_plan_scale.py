"""The plan's status scale: its order, its colours apart, text readable on each, no red."""

import numpy as np
import pytest

from plan.model import STATUSES
from ui.tables.plan_scale import SCALE, scale_key, status_css
from ui.tables.plan_table import PUBLISHED
from ui.views.palette import BLUE

from colour_vision import delta_e, lab

PROGRESS = ["not started", "planned", "approached", "positive signal", "endorsed", PUBLISHED]


def luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB hex colour."""
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def contrast(one: str, other: str) -> float:
    """WCAG 2.x contrast ratio of two colours (1 to 21)."""
    darker, lighter = sorted([luminance(one), luminance(other)])
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_gives_the_known_ratios():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_the_scale_has_every_status_in_the_models_order_then_the_published_list():
    assert list(SCALE) == [*STATUSES, PUBLISHED]


@pytest.mark.parametrize("status", list(SCALE))
def test_text_on_each_status_colour_passes_wcag_aa(status):
    shade = SCALE[status]
    assert contrast(shade.text, shade.fill) >= 4.5, (status, shade)


def test_endorsed_is_the_maps_blue_and_progress_darkens_towards_it():
    assert SCALE["endorsed"].fill == BLUE
    lightness = [lab(SCALE[status].fill)[0] for status in PROGRESS]
    assert lightness == sorted(lightness, reverse=True) and len(set(lightness)) == len(PROGRESS)


def test_no_status_is_red():
    """Red reads as an error or a refusal; a status is neither: hue away from red, or grey."""
    for status, shade in SCALE.items():
        _l, a, b = lab(shade.fill)
        hue = np.degrees(np.arctan2(b, a)) % 360
        assert np.hypot(a, b) < 20 or 50 < hue < 340, (status, shade.fill, hue)


def test_every_two_statuses_look_apart():
    for one in SCALE:
        for other in SCALE:
            if one < other:
                assert delta_e(lab(SCALE[one].fill), lab(SCALE[other].fill)) >= 10, (one, other)


def test_a_published_endorsement_takes_the_published_colour():
    assert scale_key("endorsed (published 2023-02-16)") == PUBLISHED
    assert status_css("endorsed (published 16 February 2023)") == (
        f"background-color: {SCALE[PUBLISHED].fill}; color: {SCALE[PUBLISHED].text}"
    )
    assert SCALE["planned"].fill in status_css("planned")
