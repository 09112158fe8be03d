"""core.preferences: the window's settings file, versioned, atomic, and a damaged file is
reported with where it broke, never a crash."""

from __future__ import annotations

import json

from workbench.core.settings.preferences import FILE_NAME, Preferences, load_preferences, save_preferences, send_options


def test_round_trip_keeps_only_what_differs_from_the_defaults(tmp_path):
    prefs = Preferences(font_size=13, layout="beside", read_timeout=5.0, proxy="http://127.0.0.1:3128")
    path = save_preferences(tmp_path, prefs)
    assert json.loads(path.read_text()) == {"schema_version": 1, "font_size": 13, "layout": "beside",
                                            "read_timeout": 5.0, "proxy": "http://127.0.0.1:3128"}
    assert load_preferences(tmp_path).preferences == prefs


def test_a_damaged_file_is_reported_with_its_line_and_the_defaults_used(tmp_path):
    (tmp_path / FILE_NAME).write_text('{"font_size": 13,\n  "layout": }')
    loaded = load_preferences(tmp_path)
    assert loaded.preferences == Preferences()
    assert loaded.problems == (f"{tmp_path / FILE_NAME}: line 2 column 13: Expecting value; using the defaults "
                               f"(the file is left as it is)",)
    assert (tmp_path / FILE_NAME).read_text() == '{"font_size": 13,\n  "layout": }'


def test_each_bad_value_is_named_and_the_good_ones_kept(tmp_path):
    (tmp_path / FILE_NAME).write_text(json.dumps({"schema_version": 1, "font_size": 99, "layout": "sideways",
                                                  "read_timeout": 12, "colour": "red"}))
    loaded = load_preferences(tmp_path)
    assert loaded.preferences == Preferences(read_timeout=12)
    where = [p.split(": ", 2)[1] for p in loaded.problems]
    assert where == ["colour", "font_size", "layout"]


def test_send_options_carry_timeouts_threshold_proxy_and_ca_bundle():
    options = send_options(Preferences(connect_timeout=3, read_timeout=7, large_response_mb=1,
                                       proxy="http://proxy:8080", ca_bundle="/etc/corp.pem"), {"NO_PROXY": "x"})
    assert (options.connect_timeout, options.read_timeout, options.max_memory_body) == (3, 7, 1024 * 1024)
    assert options.environ == {"NO_PROXY": "x", "HTTPS_PROXY": "http://proxy:8080", "HTTP_PROXY": "http://proxy:8080",
                               "AWS_CA_BUNDLE": "/etc/corp.pem"}


def test_the_window_language_is_kept_and_a_wrong_one_named(tmp_path):
    save_preferences(tmp_path, Preferences(language="ko_KR"))
    assert load_preferences(tmp_path).preferences.language == "ko_KR"
    (tmp_path / FILE_NAME).write_text(json.dumps({"schema_version": 1, "language": "klingon", "font_size": 14}))
    loaded = load_preferences(tmp_path)
    assert loaded.preferences == Preferences(font_size=14)  # "": as the system
    assert [p.split(": ", 2)[1] for p in loaded.problems] == ["language"]
    assert "en, zh_CN, ko_KR" in loaded.problems[0]


def test_the_decoded_answer_limit_is_kept_0_lifts_it_and_a_wrong_one_is_named(tmp_path):
    assert send_options(Preferences(), {}).max_decoded_body == 64 * 1024 * 1024  # the transport's own default
    assert send_options(Preferences(max_decoded_mb=512), {}).max_decoded_body == 512 * 1024 * 1024
    assert send_options(Preferences(max_decoded_mb=0), {}).max_decoded_body is None
    save_preferences(tmp_path, Preferences(max_decoded_mb=0))
    assert load_preferences(tmp_path).preferences.max_decoded_mb == 0
    (tmp_path / FILE_NAME).write_text(json.dumps({"schema_version": 1, "max_decoded_mb": -5}))
    loaded = load_preferences(tmp_path)
    assert loaded.preferences == Preferences()
    assert [p.split(": ", 2)[1] for p in loaded.problems] == ["max_decoded_mb"]
