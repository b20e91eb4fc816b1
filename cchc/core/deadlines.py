"""Read the free-Vietnamese deadline column of a CCHC plan ("thời gian hoàn thành") into a Schedule.

Plans write deadlines as a year ("Năm 2021"), a quarter ("Quý IV/2021"), a month ("Tháng 7/2022"), a day
("Chậm nhất ngày 15/9/2024"), a half-year ("6 tháng đầu năm 2024"), several milestones ("Quý II, III/2022"),
a window ("Tháng 2 đến tháng 8 năm 2022"), a recurring duty ("Quý I hàng năm"), continuous work
("Thường xuyên") or a wait on someone else ("Khi có quy định mới"). The overdue list, the validator and
progress reports all need the same reading, so it lives here, pure and cached.

Readings that the phrases leave open, decided once here (the explanation of each Schedule says which
applied, so nothing is guessed silently):

* A due date is the last day of the named period unless a day is given. "Trước ngày 31/3/2024" is due
  31/3/2024: in plans "trước ngày" means "by", not "by the day before".
* A window ("Tháng 2 đến tháng 8 năm 2022", "Năm 2021-2025", "Từ năm 2022- đến hết 31/12/2025") is one
  dated occurrence that opens at the start of the window and is due at its end. Its key is the ISO-8601
  style interval of the two ends, e.g. "2022-02/2022-08", "2021/2025", "2022/2025-12-31".
* "Từ năm 2022" / "Từ ngày 01 tháng 7 năm 2024" (a start and no end) is continuous work from that day.
* A recurring duty is expanded over the plan period, one occurrence per year/half/quarter/month, from a
  stated first year if any. A yearly occurrence is keyed by the year it belongs to (its opening year:
  "Từ tháng 11 năm đánh giá đến hết tháng 01 năm kế tiếp" keys Nov 2022..Jan 2023 as "2022"), so an
  occurrence that opens inside the period and closes just after it belongs to the period.
* "Kết hợp báo cáo công tác KSTTHC quý, năm" rides on the report cycles it names; the finest (quarterly)
  gives the due dates, the yearly report falling on the fourth quarter.
* "Định kỳ hoặc đột xuất ..." names no frequency, so it is continuous work, not invented quarterly dates.
  "Đột xuất", "Theo yêu cầu", "Kịp thời" alone wait on an event: conditional.
* "Thường xuyên và theo lộ trình của ..." is continuous: the work goes on now; the roadmap is noted.
* "Theo quy định của Bộ Nội vụ hàng năm" recurs yearly but another body sets the date: conditional.
* A period with no year ("Quý I", "6 tháng cuối năm", "Trước 31/3") takes the plan year in a one-year
  plan and is unreadable in a multi-year plan. Two-digit years are unreadable.
* Impossible dates (31/02/2024, quý V, tháng 13) are unreadable, never shifted to a nearby day.
* A target stuck in the cell ("Năm 2021 Đạt 100% đến 31/12/2025") is skipped and mentioned.
* A monthly or quarterly day past a month's end ("trước ngày 30 hằng tháng", "ngày 31 của tháng cuối quý")
  falls on that month's last day (28/29 February, 30 June), and the explanation says so.
* "Ngày 15 của tháng cuối quý" names its own cycle: quarterly. Several points of every year ("Tháng 6 và
  tháng 12 hằng năm", "Quý I, II, III, IV hằng năm") are each due once a year; one point in each half
  (quarter, month) is half-yearly (quarterly, monthly) and keyed like it ("2026-H1"), else keyed by the point.
* A list of report cycles ("Định kỳ 6 tháng, năm", "Hằng tháng, quý, 6 tháng, năm") is due on the finest.
  A half-year/year pair may give each its day ("định kỳ 06 tháng (trước ngày 20/6), năm (trước ngày
  20/12 hàng năm)"): half-yearly, due on those days; a pair whose half-year day is not in the first half
  or whose year day is not in the second is unreadable. A cycle with no day is due at the end of its period.
* "Quý IV năm 2025 và các năm tiếp theo": yearly in the fourth quarter from 2025.
* A cell that is not all deadline is read in parts, after the whole cell failed. Bracketed notes with no
  word about time ("(nếu có)", "(đối với cấp xã)", "(dự kiến)") are set aside; brackets that hold one
  ("Hàng tháng (trước ngày 20)") are read. Sentences and words about other things ("Ban hành …",
  "Thực hiện rà soát, điều chỉnh") are set aside. Of the parts, the dated ones give the dates; else a
  recurring part; else continuous; else the wait ("Tháng 12/2025 và thường xuyên" is due 31/12/2025,
  "Hằng năm hoặc đột xuất" is yearly). The explanation quotes the part read and everything set aside.
  If any set-aside word speaks about time (a number, "quý", "tháng", "năm", "đầu", "trước", "đến" …), or
  two deadlines stand side by side with nothing between them, the cell stays unreadable.
* "Từ tháng 11/2025 và hoàn thành trong năm 2027" is the window from November 2025 to the end of 2027.
* "Từ … đến khi <event>" starts on the date and waits on the event: conditional, with that start.
  "Từ nay đến …" names no start: only the end is read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

__all__ = ["KINDS", "Occurrence", "Schedule", "parse_deadline", "schedule_from_override"]

KINDS = ("dated", "recurring", "continuous", "conditional", "unspecified", "unreadable")
_FREQUENCIES = ("monthly", "quarterly", "half-yearly", "yearly")  # finest first
_YEARS_ACCEPTED = (1900, 2199)  # a year outside this is a typo, not a deadline


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One due point of a schedule, identified by a stable key that progress reports refer to."""

    key: str
    due: dt.date
    start: dt.date | None


@dataclass(frozen=True, slots=True)
class Schedule:
    """How a deadline phrase was read, with the due points it yields inside (or around) the plan period."""

    text: str
    kind: str
    occurrences: tuple[Occurrence, ...]
    start: dt.date | None
    frequency: str | None
    explanation_vi: str
    explanation_en: str

    def to_json(self, lang: str = "vi") -> dict:
        """Plain-data form for JSON output; the explanation is in the requested language."""
        if lang not in ("vi", "en"):
            raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
        return {
            "text": self.text,
            "kind": self.kind,
            "due": [o.due.isoformat() for o in self.occurrences],
            "start": self.start.isoformat() if self.start else None,
            "explanation": self.explanation_vi if lang == "vi" else self.explanation_en,
        }


# --------------------------------------------------------------------------------------------------
# Named periods


class _Unreadable(Exception):
    """Raised inside the grammar; becomes a Schedule of kind "unreadable" carrying both messages."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


@dataclass(frozen=True, slots=True)
class _Spec:
    """A period as written, before its year is known: unit + number (+ day) + absolute or relative year."""

    unit: str  # "year" | "half" | "quarter" | "month" | "day" | "day_of_month" | "day_of_quarter"
    number: int = 0  # half 1-2, quarter 1-4, month 1-12, month of the quarter 1-3; 0 for a year
    day: int = 0
    year: int | None = None  # written year
    offset: int | None = None  # relative year of a recurring duty: 0 = this year, 1 = the next


@dataclass(frozen=True, slots=True)
class _Span:
    """A period placed in the calendar: first and last day, occurrence key and human labels."""

    first: dt.date
    last: dt.date
    key: str
    vi: str
    en: str
    unit: str


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTH_OF_QUARTER = {"đầu": 1, "thứ nhất": 1, "giữa": 2, "thứ hai": 2, "cuối": 3, "thứ ba": 3}
_ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTHS_EN = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_RELATIVE_YEARS = {"đánh giá": 0, "báo cáo": 0, "hiện hành": 0, "kế tiếp": 1, "tiếp theo": 1, "liền kề": 1,
                   "liền sau": 1, "sau": 1}


def _vi_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"  # strftime is slow and locale-bound


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _labels(spec: _Spec, year: int | None) -> tuple[str, str]:
    """Vietnamese and English label of a period; without a year for the anchor of a recurring duty."""
    y_vi = f"/{year}" if year is not None else ""
    y_en = f" {year}" if year is not None else ""
    if spec.unit == "year":
        vi, en = f"năm {year}", f"the year {year}"
    elif spec.unit == "half":
        vi = f"6 tháng {'đầu' if spec.number == 1 else 'cuối'} năm" + (f" {year}" if year is not None else "")
        en = f"the {'first' if spec.number == 1 else 'second'} half of " + (str(year) if year is not None else "the year")
    elif spec.unit == "quarter":
        vi, en = f"quý {_ROMAN_OUT[spec.number]}{y_vi}", f"Q{spec.number}{y_en}"
    elif spec.unit == "month":
        vi, en = f"tháng {spec.number}{y_vi}", f"{_MONTHS_EN[spec.number]}{y_en}"
    elif spec.unit == "day":
        vi = f"ngày {spec.day:02d}/{spec.number:02d}{y_vi}"
        en = f"{year}-{spec.number:02d}-{spec.day:02d}" if year is not None else f"{spec.day} {_MONTHS_EN[spec.number][:3]}"
    elif spec.unit == "day_of_quarter":
        vi = f"ngày {spec.day} của tháng {_QUARTER_MONTH_VI[spec.number]} quý"
        en = f"day {spec.day} of the {_QUARTER_MONTH_EN[spec.number]} month of a quarter"
    else:
        vi, en = f"ngày {spec.day}", f"day {spec.day}"
    if year is None and spec.offset == 1:
        vi, en = vi + " năm sau", en + " of the next year"
    return vi, en


def _span(spec: _Spec, year: int) -> _Span:
    """Place a period in a given year; an impossible day is unreadable rather than moved."""
    vi, en = _labels(spec, year)
    if spec.unit == "year":
        return _Span(dt.date(year, 1, 1), dt.date(year, 12, 31), str(year), vi, en, spec.unit)
    if spec.unit == "half":
        first_month = 1 if spec.number == 1 else 7
        return _Span(dt.date(year, first_month, 1), _last_day(year, first_month + 5), f"{year}-H{spec.number}",
                     vi, en, spec.unit)
    if spec.unit == "quarter":
        first_month = 3 * spec.number - 2
        return _Span(dt.date(year, first_month, 1), _last_day(year, first_month + 2), f"{year}-Q{spec.number}",
                     vi, en, spec.unit)
    if spec.unit == "month":
        return _Span(dt.date(year, spec.number, 1), _last_day(year, spec.number), f"{year}-{spec.number:02d}",
                     vi, en, spec.unit)
    if spec.unit == "day":
        try:
            day = dt.date(year, spec.number, spec.day)
        except ValueError:
            raise _Unreadable(f"ngày {spec.day:02d}/{spec.number:02d}/{year} không có thật",
                              f"{spec.day:02d}/{spec.number:02d}/{year} is not a real date") from None
        return _Span(day, day, day.isoformat(), vi, en, spec.unit)
    raise _Unreadable(f"“{vi}” thiếu tháng hoặc quý", f"“{vi}” ({en}) names no month or quarter")


# --------------------------------------------------------------------------------------------------
# Normalisation

_HTML_TAG = re.compile(r"<[^>]*>")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_EDGE_PUNCTUATION = " .;:,!?*-_'\"“”‘’…"
_QUARTER_WORDS = {"nhất": "1", "một": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4"}
# "Quý thứ nhất", "quý thứ II", "quý hai": the ordinal or the number word becomes the number.
_ORDINAL_QUARTER = re.compile(r"(quý|quí)\s*(?:thứ\s*)?(iv|iii|ii|i|[1-4]|nhất|một|hai|ba|tư|bốn)(?!\w)")
_NO_DEADLINE_WORDS = frozenset({"chưa xác định", "không xác định", "không thời hạn", "n/a"})


def _normalise(text: str) -> str:
    """NFC, lower case, one plain space, ASCII hyphens, no edge punctuation: the form the grammar reads."""
    text = unicodedata.normalize("NFC", text)
    text = _DASHES.sub("-", _HTML_TAG.sub(" ", text)).lower()
    # Lower-casing may decompose a few letters (e.g. "İ"); compose again so patterns see one form.
    text = unicodedata.normalize("NFC", text)
    text = _ORDINAL_QUARTER.sub(lambda m: f"{m[1]} {_QUARTER_WORDS.get(m[2], m[2])}", text)
    return _SPACES.sub(" ", text).strip(_EDGE_PUNCTUATION)


def _display(text: str) -> str:
    """The phrase as the user wrote it, tidied for quoting in an explanation."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


# --------------------------------------------------------------------------------------------------
# Continuous work and waits on events

_STEADY_WORD = re.compile(r"(?:thường xuyên|liên tục|(?:hàng|hằng) ngày|cả năm|định kỳ|đột xuất|theo yêu cầu"
                          r"|khi cần(?: thiết)?|kịp thời)(?!\w)")
_DOING = re.compile(r"(?:thực hiện|triển khai)\s+")
_CONTINUOUS_WORDS = ("thường xuyên", "liên tục", "hàng ngày", "hằng ngày", "cả năm")
_PERIODIC_WORD = "định kỳ"  # periodic with no frequency: continuous, but said so
_CLAUSE_JOIN = re.compile(r"(?:\s*(?:,|;|/|\bvà\b|\bhoặc\b)\s*)+")
_STEADY_SCOPE = re.compile(
    r"(?:(?:trong|suốt|cả)\s+)*(?:giai đoạn\s*|năm\s*)?(?P<y1>[0-9]{4})(?:\s*-\s*(?P<y2>[0-9]{4}))?"
    r"|từ\s+(?:năm\s*)?(?P<since>[0-9]{4})"
    r"|(?:(?:trong|suốt|cả)\s+)*năm|trong")
_CONDITION = re.compile(
    r"(?:(?:thực hiện|triển khai)\s+)?(?:ngay\s+)?(?:khi|sau khi|trước khi|tùy|tuỳ|căn cứ|chờ|phụ thuộc"
    r"|theo\s+(?:kế hoạch|lộ trình|quy định|hướng dẫn|chỉ đạo|yêu cầu|chủ trương|tiến độ|thông báo|văn bản"
    r"|lịch|đề án|quyết định|thời gian|thời hạn|nghị quyết|chương trình))(?!\w)")

# --------------------------------------------------------------------------------------------------
# Recurrence markers

_FREQUENCY_MARKERS = (  # half-yearly before monthly: "6 tháng một lần" contains "tháng một lần"
    ("half-yearly", re.compile(
        r"(?:định kỳ\s+)?(?:(?:hàng|hằng|mỗi)\s+(?:6|sáu)\s+tháng|(?:hàng|hằng|mỗi)\s+nửa năm"
        r"|(?:6|sáu)\s+tháng\s*(?:(?:một|1)\s+lần|/\s*lần)|nửa năm\s+(?:một|1)\s+lần|định kỳ\s+(?:6|sáu)\s+tháng)(?!\w)")),
    ("quarterly", re.compile(
        r"(?:định kỳ\s+)?(?:(?:hàng|hằng|mỗi)\s+quý|quý\s+(?:một|1)\s+lần|định kỳ\s+quý)(?!\w)")),
    ("monthly", re.compile(
        r"(?:định kỳ\s+)?(?:(?:hàng|hằng|mỗi)\s+tháng|tháng\s+(?:một|1)\s+lần|định kỳ\s+tháng)(?!\w)")),
    ("yearly", re.compile(
        r"(?:định kỳ\s+)?(?:(?:hàng|hằng|mỗi)\s+năm|năm\s+(?:một|1)\s+lần|định kỳ\s+năm)(?!\w)")),
)
_MARKER_HINT = re.compile(r"hàng|hằng|mỗi|lần|định kỳ|tiếp theo|kế tiếp|năm sau|báo cáo")  # cheap pre-check
_FOLLOWING_YEARS = re.compile(r"(?:\s*(?:,|và)\s*)?(?:các|những)\s+năm\s+(?:tiếp theo|sau|kế tiếp)(?!\w)")
_CYCLE_WORD = r"(?:(?:hàng|hằng)\s+)?(?:tháng|quý|6 tháng|sáu tháng|năm)"
_REPORT_CYCLES = re.compile(
    r"(?:(?:kết hợp|lồng ghép|cùng|gắn với)\s+)?(?:với\s+)?(?:trong\s+)?(?:các\s+)?(?:kỳ\s+|kì\s+)?báo cáo(?!\w)"
    r"[^0-9]*?\s*(?:định kỳ\s*)?(?P<cycles>" + _CYCLE_WORD + r"(?:\s*(?:,|và|/|&)\s*" + _CYCLE_WORD + r")*)")
_CYCLE_SEPARATOR = re.compile(r"\s*(?:,|và|/|&)\s*")
_CYCLE_FREQUENCY = {"tháng": "monthly", "quý": "quarterly", "6 tháng": "half-yearly", "sáu tháng": "half-yearly",
                    "năm": "yearly"}

# --------------------------------------------------------------------------------------------------
# Tokens of dated phrases

_REL = r"(?P<rel>" + "|".join(sorted(_RELATIVE_YEARS, key=len, reverse=True)) + r")(?!\w)"
_YEAR_SUFFIX = (r"(?:\s*(?:/|\bnăm\b)\s*(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"
                r"|\s*-?\s*(?P<y4>[0-9]{4})(?![0-9])"
                r"|\s*năm\s+" + _REL + ")?")
_QUARTER_NUMBER = r"(?:iv|iii|ii|i|[0-9])(?!\w)"  # any digit, so "quý 5" gets a clear message
_LISTED_QUARTER = r"(?:iv|iii|ii|i|[1-4])(?!\w)(?!\s*tháng)"
_QUARTER_WORD = r"(?:quý|quí|q)"
_LISTED_QUARTERS = re.compile(r"\b(iv|iii|ii|i|[1-4])\b")

_TOKENS = tuple((name, re.compile(pattern)) for name, pattern in (
    ("target", r"(?:đạt\s*(?:t[ỷỉ]\s*lệ\s*)?)?[0-9]+(?:[.,][0-9]+)?\s*%"),
    ("iso", r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})(?![0-9])"),
    ("day", r"ngày\s*(?P<d>[0-9]{1,2})\s*tháng\s*(?P<m>[0-9]{1,2})(?![0-9])" + _YEAR_SUFFIX + r"(?!\w)"),
    # "trước 31 tháng 10 năm 2025": without "ngày" only with its year, so "6 tháng …" stays a duration
    ("day", r"(?P<d>[0-9]{1,2})\s*tháng\s*(?P<m>[0-9]{1,2})\s*năm\s*(?P<y>[0-9]{4})(?![0-9])"),
    ("day", r"(?:ngày\s*)?(?P<d>[0-9]{1,2})\s*(?P<sep>[/.-])\s*(?P<m>[0-9]{1,2})\s*(?P=sep)\s*"
            r"(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"),
    ("day", r"(?:ngày\s*)?(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})(?![0-9/])"
            r"(?:\s*năm\s*(?P<y>[0-9]{4}|[0-9]{2})(?![0-9]))?"),
    ("day_of_quarter", r"ngày\s*(?P<d>[0-9]{1,2})\s*(?:của\s+)?tháng\s+(?P<which>đầu|giữa|cuối|thứ nhất|thứ hai|thứ ba)"
                       r"\s+(?:của\s+)?(?:mỗi\s+|các\s+)?quý(?!\w)"),
    ("day_of_month", r"ngày\s*(?P<d>[0-9]{1,2})(?![0-9])"),
    ("half", r"(?:(?:6|sáu)\s*tháng|nửa)\s*(?P<which>đầu|cuối)(?:\s*năm(?:\s+" + _REL + r")?)?"
             r"(?:\s*[/-]?\s*(?P<y>[0-9]{4}|[0-9]{2})(?![0-9]))?(?!\w)"),
    ("quarter", _QUARTER_WORD + r"\s*(?P<q>" + _QUARTER_NUMBER + r")(?P<more>(?:\s*(?:,|và|&)\s*(?:"
                + _QUARTER_WORD + r"\s*)?" + _LISTED_QUARTER + r")*)" + _YEAR_SUFFIX + r"(?!\w)"),
    ("month", r"tháng\s*(?P<m>[0-9]{1,2})(?![0-9])(?P<more>(?:\s*(?:,|và|&)\s*(?:tháng\s*)?[0-9]{1,2}(?![0-9])(?!\s*tháng))*)"
              + _YEAR_SUFFIX + r"(?!\w)"),
    ("month", r"(?P<m>[0-9]{1,2})\s*/\s*(?P<y>[0-9]{4})(?![0-9])"),
    ("year", r"(?:năm\s*)?(?P<y>[0-9]{4})(?![0-9])|năm\s*(?P<yy>[0-9]{2})(?![0-9])|năm\s+" + _REL
             + r"|(?P<bare>năm)(?!\w)"),
    ("from", r"(?:bắt đầu\s+)?từ(?!\w)|bắt đầu(?!\w)"),
    ("to", r"(?:cho\s+)?(?:đến|tới)(?:\s+hết)?(?!\w)|-|~"),
    ("and", r"[,;&+]|và(?!\w)"),
    ("filler", r"(?:(?:chậm nhất|muộn nhất)(?:\s+là)?|hoàn thành|trước|trong|vào|cuối|hết|giai đoạn|dự kiến|định kỳ"
               r"|thời hạn|hạn)(?!\w)|:"),
))


def _written_year(text: str) -> int:
    if len(text) == 2:
        raise _Unreadable(f"năm viết hai chữ số (“{text}”) không rõ thế kỷ",
                          f"the two-digit year “{text}” is ambiguous")
    year = int(text)
    if not _YEARS_ACCEPTED[0] <= year <= _YEARS_ACCEPTED[1]:
        raise _Unreadable(f"năm {text} không hợp lệ", f"{text} is not a plausible year")
    return year


def _year_parts(match: re.Match) -> tuple[int | None, int | None]:
    """(written year, relative offset) of a token, from whichever year group matched."""
    groups = match.groupdict()
    for name in ("y", "y4", "yy"):
        if groups.get(name):
            return _written_year(groups[name]), None
    if groups.get("rel"):
        return None, _RELATIVE_YEARS[groups["rel"]]
    return None, None


def _checked(value: int, low: int, high: int, vi: str, en: str) -> int:
    if not low <= value <= high:
        raise _Unreadable(f"{vi} {value} không có", f"there is no {en} {value}")
    return value


def _specs(name: str, match: re.Match) -> list[_Spec]:
    """The periods one token names (a token may list several: "quý II, III/2022")."""
    year, offset = _year_parts(match)
    g = match.groupdict()
    if name == "year":
        return [_Spec("year", year=year, offset=offset)]
    if name == "half":
        return [_Spec("half", 1 if g["which"] == "đầu" else 2, year=year, offset=offset)]
    if name == "quarter":
        numbers = [g["q"], *_LISTED_QUARTERS.findall(re.sub(_QUARTER_WORD, " ", g["more"]))]
        quarters = [_ROMAN[n] if n in _ROMAN else _checked(int(n), 1, 4, "quý", "quarter") for n in numbers]
        return [_Spec("quarter", q, year=year, offset=offset) for q in quarters]
    if name == "month":
        numbers = [g["m"], *re.findall(r"[0-9]{1,2}", g.get("more") or "")]
        return [_Spec("month", _checked(int(n), 1, 12, "tháng", "month"), year=year, offset=offset) for n in numbers]
    if name in ("day", "iso"):
        month = _checked(int(g["m"]), 1, 12, "tháng", "month")
        return [_Spec("day", month, _checked(int(g["d"]), 1, 31, "ngày", "day"), year=year, offset=offset)]
    day = _checked(int(g["d"]), 1, 31, "ngày", "day")
    if name == "day_of_quarter":
        return [_Spec("day_of_quarter", _MONTH_OF_QUARTER[g["which"]], day)]
    return [_Spec("day_of_month", day=day)]


@dataclass(frozen=True, slots=True)
class _Item:
    """A milestone ("point"), a window from one period to another, or a start with no end ("since")."""

    form: str  # "point" | "window" | "since"
    specs: tuple[_Spec, ...]


def _unknown(text: str, pos: int) -> _Unreadable:
    rest = text[pos:]
    if len(rest) > 40:
        rest = rest[:40] + "…"
    return _Unreadable(f"không hiểu phần “{rest}”", f"did not understand “{rest}”")


def _next_token(text: str, pos: int) -> tuple[str, re.Match]:
    """The first token pattern (in priority order) that matches at ``pos``."""
    for name, pattern in _TOKENS:
        match = pattern.match(text, pos)
        if match and match.end() > pos:
            return name, match
    raise _unknown(text, pos)


def _no_period_after(words: str) -> _Unreadable:
    return _Unreadable(f"sau “{words}” không có mốc thời gian", f"no date or period follows “{words}”")


def _items(text: str) -> tuple[list[_Item], list[str]]:
    """Tokenise and group into items; returns the items and any targets skipped on the way."""
    items: list[_Item] = []
    skipped: list[str] = []
    left: list[_Spec] | None = None  # the period before a "to", or a lone milestone not yet closed
    saw_from = saw_to = closed = False
    filler_at: int | None = None  # "chậm nhất", "trong", … must lead to a period, not trail after one

    def close() -> None:
        nonlocal left, saw_from, saw_to
        if left is not None:
            if saw_from or saw_to:  # "từ 2022" or a dangling "2022-": a start with no end
                if len(left) > 1:
                    raise _Unreadable("“từ” đứng trước nhiều mốc", "“từ” (from) precedes several periods")
                items.append(_Item("since", tuple(left)))
            else:
                items.extend(_Item("point", (spec,)) for spec in left)
        elif saw_from:
            raise _Unreadable("“từ” không có mốc đi kèm", "“từ” (from) is not followed by a period")
        left, saw_from, saw_to = None, False, False

    pos = 0
    while pos < len(text):
        if text[pos] == " ":
            pos += 1
            continue
        name, match = _next_token(text, pos)
        pos = match.end()
        if name == "filler":
            filler_at = match.start() if filler_at is None else filler_at
            continue
        if name in ("and", "to") and filler_at is not None:
            raise _no_period_after(text[filler_at:match.start()].strip())
        if name == "target":
            skipped.append(match.group())
        elif name == "and":
            close()
            closed = False
        elif name == "from":
            if saw_from or saw_to:
                raise _unknown(text, match.start())
            close()  # "Tháng 5 hàng năm từ năm 2022": a start of its own after the anchor
            saw_from, closed = True, False
        elif name == "to":
            if left is not None:
                saw_to = True
            elif saw_from or closed:
                raise _unknown(text, match.start())
            # A "đến hết" with nothing before it just means "by": "Đến hết năm 2025".
        else:
            filler_at = None
            specs = _specs(name, match)
            if closed or (left is not None and not saw_to):
                raise _Unreadable("hai mốc thời gian đứng liền nhau, không rõ quan hệ",
                                  "two periods stand side by side with no link between them")
            if left is None:
                left = specs
            else:
                if len(left) > 1 or len(specs) > 1:
                    raise _Unreadable("khoảng thời gian có đầu hoặc cuối gồm nhiều mốc",
                                      "a window whose start or end lists several periods")
                items.append(_Item("window", (left[0], specs[0])))
                left, saw_from, saw_to, closed = None, False, False, True
    if filler_at is not None:
        raise _no_period_after(text[filler_at:].strip())
    close()
    return items, skipped


# --------------------------------------------------------------------------------------------------
# Readings


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the grammar made of a phrase: everything of a Schedule but the phrase itself."""

    kind: str
    occurrences: tuple[Occurrence, ...] = ()
    start: dt.date | None = None
    frequency: str | None = None
    vi: str = ""
    en: str = ""


def _period_vi(first: int, last: int) -> str:
    return f"năm {first}" if first == last else f"kỳ {first}–{last}"


def _period_en(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _skipped_note(skipped: list[str]) -> tuple[str, str]:
    quoted = ", ".join(f"“{s}”" for s in skipped)
    return (f" Bỏ qua chỉ tiêu {quoted} (không phải thời hạn).",
            f" Skipped the target {quoted} (not a deadline).")


def _read_steady(text: str, phrase: str) -> _Reading | None:
    """Continuous work ("Thường xuyên trong năm 2024") or a wait on an event ("Khi có quy định mới")."""
    words: list[str] = []
    verb = _DOING.match(text)  # "Thực hiện theo yêu cầu hoặc thường xuyên": the verb is not the wait
    pos = verb.end() if verb and _STEADY_WORD.match(text, verb.end()) else 0
    while match := _STEADY_WORD.match(text, pos):
        words.append(match.group())
        pos = match.end()
        if join := _CLAUSE_JOIN.match(text, pos):
            pos = join.end()
    rest = text[pos:].strip()
    if not words:
        return _conditional(phrase, text) if _CONDITION.match(text) else None
    condition = rest if _CONDITION.match(rest) else None  # "Thường xuyên và theo lộ trình của …"
    scope = _STEADY_SCOPE.fullmatch(rest)  # "… trong năm 2024"
    if rest and not (condition or scope):
        return None
    continuous = any(word in _CONTINUOUS_WORDS for word in words)
    if not continuous and _PERIODIC_WORD not in words:  # only "đột xuất", "theo yêu cầu", …: on demand
        return _conditional(phrase, text)
    start, during_vi, during_en = None, "", ""
    if scope and (scope["y1"] or scope["since"]):
        first_year = _written_year(scope["y1"] or scope["since"])
        start = dt.date(first_year, 1, 1)
        if scope["since"]:
            during_vi, during_en = f" từ năm {first_year}", f" from {first_year}"
        elif scope["y2"]:
            last_year = _written_year(scope["y2"])
            during_vi, during_en = f" trong giai đoạn {first_year}–{last_year}", f" during {first_year}–{last_year}"
        else:
            during_vi, during_en = f" trong năm {first_year}", f" during {first_year}"
    if continuous:
        vi = f"Công việc thường xuyên, không có mốc hạn cụ thể{during_vi}."
        en = f"Continuous work with no fixed due date{during_en}."
    else:
        vi = (f"Làm định kỳ hoặc khi phát sinh nhưng không nêu tần suất, nên coi là công việc thường xuyên, "
              f"không có mốc hạn{during_vi}.")
        en = f"Periodic or ad hoc with no stated frequency, so read as continuous work with no due date{during_en}."
    if condition:
        at = phrase.lower().find(condition)  # quote it as written, not lower-cased
        if at >= 0 and len(phrase.lower()) == len(phrase):
            condition = phrase[at:at + len(condition)]
        vi += f" Phần “{condition}” phụ thuộc cơ quan khác."
        en += f" The part “{condition}” depends on another body."
    return _Reading("continuous", start=start, vi=vi, en=en)


def _conditional(phrase: str, text: str) -> _Reading:
    if any(pattern.search(text) for _, pattern in _FREQUENCY_MARKERS):
        return _Reading("conditional",
                        vi=f"Nhiệm vụ lặp lại nhưng ngày hạn do cơ quan khác quy định (“{phrase}”), nên chưa có ngày hạn.",
                        en=f"A recurring duty whose date another body sets (“{phrase}”), so no due date is fixed.")
    return _Reading("conditional",
                    vi=f"Chờ một sự kiện hoặc lịch của cơ quan khác (“{phrase}”), chưa có ngày hạn.",
                    en=f"Waits on an event or another body's schedule (“{phrase}”); no due date until then.")


def _strip_markers(text: str) -> tuple[str | None, bool, str]:
    """Find the recurrence marker(s); returns (finest frequency or None, "and following years", rest)."""
    if not _MARKER_HINT.search(text):
        return None, False, text
    if report := _REPORT_CYCLES.fullmatch(text):
        cycles = _CYCLE_SEPARATOR.split(report["cycles"])
        found = {_CYCLE_FREQUENCY[re.sub(r"^(?:hàng|hằng)\s+", "", cycle)] for cycle in cycles}
        return next(f for f in _FREQUENCIES if f in found), False, ""
    frequencies = set()
    for frequency, pattern in _FREQUENCY_MARKERS:
        text, count = pattern.subn(" ", text)
        if count:
            frequencies.add(frequency)
    text, following = _FOLLOWING_YEARS.subn(" ", text)
    if following:
        frequencies.add("yearly")
    finest = next((f for f in _FREQUENCIES if f in frequencies), None)
    return finest, bool(following), _SPACES.sub(" ", text).strip(_EDGE_PUNCTUATION)


# "Từ tháng 11/2025 và hoàn thành trong năm 2027" is the window "Từ tháng 11/2025 đến năm 2027"
_FROM_AND_FINISH = re.compile(r"(?<!\w)(từ\s[^,;]+?)\s*,?\s*và\s+(?:hoàn thành|kết thúc|xong)(?:\s+(?:trong|vào))?\s+")


def _read(text: str, phrase: str, first: int, last: int) -> _Reading:
    """Classify a normalised phrase and work out its due points: the whole cell first, then its parts."""
    text = _FROM_AND_FINISH.sub(r"\1 đến ", text)
    try:
        return _read_whole(text, phrase, first, last)
    except _Unreadable as problem:
        reading = _read_parts(text, phrase, first, last)
        if reading is None:
            raise problem from None  # what the whole cell could not be read as says the most
        return reading


def _read_whole(text: str, phrase: str, first: int, last: int) -> _Reading:
    """Read a phrase that is all deadline ("Quý I hàng năm"); raises _Unreadable for anything else in it."""
    if not any(ch.isalnum() for ch in text) or text in _NO_DEADLINE_WORDS:
        return _Reading("unspecified", vi="Không ghi thời hạn.", en="No deadline given.")
    if reading := _read_steady(text, phrase):
        return reading
    if reading := _read_cycles(text, first, last):
        return reading
    frequency, following, rest = _strip_markers(text)
    items, skipped = _items(rest)
    relative = any(spec.offset is not None for item in items for spec in item.specs)
    if any(spec.unit == "day_of_quarter" for item in items for spec in item.specs) and frequency in (None, "quarterly"):
        frequency = "quarterly"  # "ngày 15 của tháng cuối quý" names its own cycle
    if frequency or relative:
        reading = _read_recurring(frequency or "yearly", following, items, first, last)
    else:
        if not items:
            raise _Unreadable("không có mốc thời gian", "no date or period in it")
        reading = _read_dated(items, first, last)
    if not skipped:
        return reading
    note_vi, note_en = _skipped_note(skipped)
    return replace(reading, vi=reading.vi + note_vi, en=reading.en + note_en)


# --------------------------------------------------------------------------------------------------
# Report cycles with their own days: "Định kỳ 6 tháng, năm", "định kỳ 06 tháng (trước ngày 20/6), năm
# (trước ngày 20/12 hàng năm)", "Báo cáo định kỳ 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12"

_CYCLE_ITEM = re.compile(
    r"(?:(?:báo cáo|định kỳ)\s+)*(?:(?:hàng|hằng)\s+)?(?P<cycle>0?6\s*tháng|sáu\s+tháng|tháng|quý|năm)(?!\w)"
    r"(?:\s*\(?\s*(?:(?:trước|chậm nhất(?:\s+là)?|vào|hạn)\s+)?(?:ngày\s*)?(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})"
    r"(?![0-9/])(?:\s*(?:hàng|hằng)\s+năm)?\s*\)?)?")
_CYCLE_LIST_SEPARATOR = re.compile(r"\s*(?:[,;/&]|và)\s*")
_CYCLE_OF = {"tháng": "monthly", "quý": "quarterly", "năm": "yearly"}


def _read_cycles(text: str, first: int, last: int) -> _Reading | None:
    """A list of two or more report cycles, the finest giving the dates; None if the text is not one."""
    cycles: dict[str, tuple[int, int] | None] = {}
    pos = count = 0
    while True:
        item = _CYCLE_ITEM.match(text, pos)
        if item is None:
            return None
        cycle = _CYCLE_OF.get(item["cycle"], "half-yearly")
        day = (int(item["d"]), int(item["m"])) if item["d"] else None
        if cycles.get(cycle) not in (None, day) and day is not None:
            raise _Unreadable("một kỳ báo cáo ghi hai ngày hạn khác nhau", "one report cycle names two due days")
        cycles[cycle] = cycles.get(cycle) or day
        pos, count = item.end(), count + 1
        if pos == len(text):
            break
        separator = _CYCLE_LIST_SEPARATOR.match(text, pos)
        if separator is None or separator.end() == pos:
            return None
        pos = separator.end()
    if count < 2:
        return None
    finest = next(f for f in _FREQUENCIES if f in cycles)
    days = {cycle: day for cycle, day in cycles.items() if day is not None}
    if not days:
        return _expand(_Template(finest, (), None, None), first, last)
    if set(cycles) != {"half-yearly", "yearly"}:
        raise _Unreadable("không rõ ngày hạn thuộc kỳ báo cáo nào", "which report cycle the due days belong to is unclear")
    half = days.get("half-yearly", (30, 6))
    year = days.get("yearly", (31, 12))
    if not (half[1] <= 6 < year[1]):
        raise _Unreadable("ngày hạn của kỳ 6 tháng phải trong 6 tháng đầu năm, của kỳ năm trong 6 tháng cuối năm",
                          "the half-year report must fall due in the first half and the year report in the second")
    points = [_fitted_anchor("yearly", _Item("point", (_Spec("day", month, day),))) for day, month in (half, year)]
    reading = _expand(_Template("half-yearly", tuple(points), None, None), first, last)
    vi, en = "Kỳ báo cáo 6 tháng và năm", "Half-year and year reports"
    if set(days) != {"half-yearly", "yearly"}:
        missing_vi, missing_en = ("năm", "year") if "yearly" not in days else ("6 tháng", "half-year")
        default = "31/12" if "yearly" not in days else "30/06"
        vi += f" (kỳ {missing_vi} không ghi ngày nên hạn ngày cuối kỳ, {default})"
        en += f" (the {missing_en} report names no day, so it is due at the end of its period, {default})"
    return replace(reading, vi=f"{vi}: {reading.vi[0].lower()}{reading.vi[1:]}", en=f"{en}: {reading.en[0].lower()}{reading.en[1:]}")


# --------------------------------------------------------------------------------------------------
# A deadline inside a longer cell: "Ban hành trong quý I năm 2026. Thực hiện rà soát, điều chỉnh (nếu có)"

# Words that say something about time: a part of the cell that holds one of them and is not read as a
# deadline makes the cell unreadable rather than quietly ignored.
_TIME_WORDS = re.compile(
    r"[0-9]|(?<!\w)(?:quý|quí|tháng|năm|ngày|tuần|hàng|hằng|mỗi|định kỳ|thường|xuyên|liên tục|kịp thời|đột xuất"
    r"|cả|đầu(?!\s+tư)|giữa|cuối|sớm|muộn|hạn|chậm nhất|trước|từ|đến|tới|khi|lần|kỳ|kì|giai đoạn)(?!\w)")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_SENTENCE_END = re.compile(r"\.(?=\s|$)")
_FROM_NOW = re.compile(r"(?<!\w)(?:kể\s+)?từ nay\s+(?:cho\s+)?(?=(?:đến|tới)(?!\w))")
_UNTIL_EVENT = re.compile(r"(?:^|\s|,)\s*(?:cho\s+)?(?:đến|tới)\s+(?:khi|lúc)(?!\w)")
_WORD = re.compile(r"[^\s,;]+|[,;]")
_CONNECTORS = frozenset({",", ";", "và", "hoặc", "hay"})
_NAMES_A_PERIOD = re.compile(r"[0-9]|quý|quí|tháng|hàng|hằng|mỗi|định kỳ")  # not a bare "năm"
_MAX_WORDS = 60
_MAX_PART = 20  # "Báo cáo định kỳ 6 tháng trước ngày 15/6, báo cáo năm trước ngày 15/12" has 15
_STARTS = tuple(pattern for name, pattern in _TOKENS if name != "and") + tuple(
    pattern for _, pattern in _FREQUENCY_MARKERS) + (_STEADY_WORD, _CONDITION, _CYCLE_ITEM, _FOLLOWING_YEARS, _REPORT_CYCLES)
_KIND_VI = {"dated": "có hạn cụ thể", "recurring": "nhiệm vụ lặp lại", "continuous": "công việc thường xuyên",
            "conditional": "chờ sự kiện hoặc cơ quan khác"}
_KIND_EN = {"dated": "dated", "recurring": "recurring", "continuous": "continuous work",
            "conditional": "waits on an event or another body"}
_PRECEDENCE = ("dated", "recurring", "continuous", "conditional")  # which part gives the dates


def _read_parts(text: str, phrase: str, first: int, last: int) -> _Reading | None:
    """Find the deadline among other words of a cell; None when a part about time is left unread.

    Raises _Unreadable when the cell without its bracketed notes is a deadline the grammar cannot read
    ("Quý I (đối với cấp tỉnh)" in a plan of several years): that says more than the brackets would.
    """
    dropped = []

    def unbracket(match: re.Match) -> str:
        inner = match[1].strip()
        if _TIME_WORDS.search(inner):
            return f" {inner} "  # "Hàng tháng (trước ngày 20)": part of the deadline
        dropped.append(match[0])  # "(nếu có)", "(đối với cấp xã)"
        return " "

    cleaned = _BRACKETED.sub(unbracket, text).replace("(", " ").replace(")", " ")
    cleaned, from_now = _FROM_NOW.subn("", _SENTENCE_END.sub(" ;", cleaned))
    cleaned = _SPACES.sub(" ", cleaned).strip(_EDGE_PUNCTUATION)
    if until := _UNTIL_EVENT.search(cleaned):
        event = _as_written(phrase, cleaned[until.start():].strip(" ,;"))
        reading = _until_event(cleaned[:until.start()].strip(" ,;"), event, phrase, first, last)
    else:
        reading = _read_pieces(cleaned, phrase, first, last, cleaned != text)
    if reading is None:
        return None
    if from_now:
        reading = replace(reading, vi=f"{reading.vi} “Từ nay” không nêu ngày bắt đầu nên chỉ lấy hạn cuối.",
                          en=f"{reading.en} “Từ nay” (from now) names no start, so only the end is used.")
    if dropped:
        quoted = _quoted([_as_written(phrase, part) for part in dropped])
        reading = replace(reading, vi=f"{reading.vi} Bỏ qua phần trong ngoặc {quoted}.",
                          en=f"{reading.en} Ignored the bracketed {quoted}.")
    return reading


def _can_start(text: str, pos: int) -> bool:
    """Whether a deadline could begin here: some pattern of the grammar matches at ``pos``."""
    return any(pattern.match(text, pos) for pattern in _STARTS)


def _whole_or_none(text: str, phrase: str, first: int, last: int) -> _Reading | None:
    try:
        return _read_whole(text, phrase, first, last)
    except _Unreadable:
        return None


def _read_pieces(text: str, phrase: str, first: int, last: int, rewritten: bool = True) -> _Reading | None:
    """Split the cell into the longest parts that read as deadlines and words that say nothing about time."""
    problem = None
    if rewritten:
        try:
            return _read_whole(text, _as_written(phrase, text), first, last)
        except _Unreadable as whole:
            problem = whole
    words = list(_WORD.finditer(text))
    if len(words) > _MAX_WORDS:
        return None
    parts: list[tuple[str, _Reading]] = []
    prose: list[list[str]] = [[]]
    i = 0
    while i < len(words):
        found = None
        if words[i][0] not in _CONNECTORS and _can_start(text, words[i].start()):
            # The rest of the cell (a wait swallows it), else the longest part of at most _MAX_PART words.
            for j in (len(words), *range(min(len(words) - 1, i + _MAX_PART), i, -1)):
                if words[j - 1][0] in _CONNECTORS:
                    continue
                part = text[words[i].start():words[j - 1].end()]
                reading = _whole_or_none(part, part, first, last)
                if reading is not None and (reading.kind in ("continuous", "conditional") or _NAMES_A_PERIOD.search(part)):
                    found = j, part, _read_whole(part, _as_written(phrase, part), first, last)  # quoted as written
                    break
        if found is None:
            prose[-1].append(words[i][0])
            i += 1
            continue
        if parts and not prose[-1]:
            return _failed(problem)  # two deadlines side by side, with nothing to say how they relate
        i, part, reading = found
        parts.append((part, reading))
        prose.append([])
    runs = [" ".join(run).strip(" ,;") for run in prose]
    runs = [run for run in runs if run and run not in _CONNECTORS]
    if not parts or any(_TIME_WORDS.search(run) for run in runs):
        return _failed(problem)
    return _combined([(_as_written(phrase, part), reading) for part, reading in parts],
                     [_as_written(phrase, run) for run in runs], first, last)


def _failed(problem: _Unreadable | None) -> None:
    if problem is not None:
        raise problem
    return None


def _combined(parts: list[tuple[str, _Reading]], prose: list[str], first: int, last: int) -> _Reading | None:
    """The dated parts give the dates; else the recurring part; else continuous; else the wait."""
    kind = next(kind for kind in _PRECEDENCE if any(reading.kind == kind for _, reading in parts))
    main = [part for part, reading in parts if reading.kind == kind]
    reading = next(reading for _, reading in parts if reading.kind == kind)
    if len(main) > 1 and kind in ("dated", "recurring"):
        joined = " ; ".join(main)
        reading = _whole_or_none(_normalise(joined), joined, first, last)  # "Quý I (…); Quý II/2026 (…)": years shared
        if reading is None or reading.kind != kind:
            return None
    vi = f"{reading.vi} Đọc từ phần {_quoted(main)} của ô"
    en = f"{reading.en} Read from {_quoted(main)} in the cell"
    others = [(part, other.kind) for part, other in parts if other.kind != kind]
    if others:
        vi += "; phần " + ", ".join(f"“{part}” ({_KIND_VI[k]})" for part, k in others) + " không đổi thời hạn này"
        en += "; " + ", ".join(f"“{part}” ({_KIND_EN[k]})" for part, k in others) + " does not change it"
    if prose:
        vi += f"; bỏ qua phần chữ không nói về thời hạn {_quoted(prose)}"
        en += f"; ignored the words {_quoted(prose)}, which say nothing about time"
    return replace(reading, vi=vi + ".", en=en + ".")


def _quoted(parts: list[str]) -> str:
    return ", ".join(f"“{part}”" for part in parts)


def _as_written(phrase: str, part: str) -> str:
    """A part of the normalised text as the cell writes it (case, spacing), for quoting; else as is."""
    pattern = r"\s*".join(re.escape(word) for word in _WORD.findall(part))
    found = re.search(pattern, phrase, re.IGNORECASE) if pattern else None
    return found[0] if found else part


def _until_event(opening: str, event: str, phrase: str, first: int, last: int) -> _Reading | None:
    """"Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê": starts on a date, ends on an event."""
    if not opening:
        return _conditional(event, event)
    reading = _read_pieces(opening, phrase, first, last)
    if reading is None or reading.kind not in ("dated", "continuous"):
        return None
    if reading.kind == "continuous":
        start = reading.start
    elif len(reading.occurrences) == 1:
        start = reading.occurrences[0].start or reading.occurrences[0].due
    else:
        return None
    if start is None:
        return None
    return _Reading("conditional", start=start,
                    vi=f"Bắt đầu từ ngày {_vi_date(start)}, kết thúc “{event}”: chờ sự kiện, chưa có ngày hạn.",
                    en=f"Starts on {start.isoformat()} and ends “{event}” (on an event): no due date until then.")


# --------------------------------------------------------------------------------------------------
# Dated phrases


def _fill_years(items: list[_Item], first: int, last: int) -> tuple[list[_Item], bool]:
    """Give each period without a year the nearest written year, preferring the one after it.

    "Tháng 2 đến tháng 8 năm 2022" and "Quý II, III/2022" write the year once, at the end. A phrase with no
    year at all takes the plan year in a one-year plan; in a multi-year plan that would be a guess.
    """
    specs = [spec for item in items for spec in item.specs]
    years: list[int | None] = [spec.year for spec in specs]
    carry = None
    for i in range(len(years) - 1, -1, -1):
        carry = years[i] = years[i] if years[i] is not None else carry
    carry = None
    for i in range(len(years)):
        carry = years[i] = years[i] if years[i] is not None else carry
    used_plan_year = None in years
    if used_plan_year:
        if first != last:
            raise _Unreadable(f"không ghi năm, mà kế hoạch kéo dài {first}–{last}",
                              f"no year is written and the plan spans {first}–{last}")
        years = [first] * len(years)
    filled, index = [], 0
    for item in items:
        count = len(item.specs)
        new_specs = tuple(spec if spec.year == year else replace(spec, year=year)
                          for spec, year in zip(item.specs, years[index:index + count], strict=True))
        filled.append(_Item(item.form, new_specs))
        index += count
    return filled, used_plan_year


@dataclass(frozen=True, slots=True)
class _Milestone:
    """A dated occurrence with the labels its explanation needs."""

    occurrence: Occurrence
    vi: str
    en: str
    form: str  # "point" | "window" | "day"


def _milestone(item: _Item) -> _Milestone:
    if item.form == "window":
        opening, closing = (_span(spec, spec.year) for spec in item.specs)
        if closing.last < opening.first:
            raise _Unreadable(f"khoảng thời gian kết thúc ({closing.vi}) trước khi bắt đầu ({opening.vi})",
                              f"the window ends ({closing.en}) before it starts ({opening.en})")
        return _Milestone(Occurrence(f"{opening.key}/{closing.key}", closing.last, opening.first),
                          f"từ {opening.vi} đến {closing.vi}", f"from {opening.en} to {closing.en}", "window")
    span = _span(item.specs[0], item.specs[0].year)
    if span.unit == "day":
        return _Milestone(Occurrence(span.key, span.last, None), span.vi, span.en, "day")
    return _Milestone(Occurrence(span.key, span.last, span.first), span.vi, span.en, "point")


def _read_dated(items: list[_Item], first: int, last: int) -> _Reading:
    items, used_plan_year = _fill_years(items, first, last)
    if any(item.form == "since" for item in items):
        if len(items) > 1:
            raise _Unreadable("vừa có mốc bắt đầu không có hạn, vừa có hạn khác",
                              "mixes an open-ended start with other deadlines")
        span = _span(items[0].specs[0], items[0].specs[0].year)
        return _Reading("continuous", start=span.first,
                        vi=f"Bắt đầu từ {span.vi}, không nêu thời điểm kết thúc: coi là công việc thường xuyên "
                           f"từ ngày {_vi_date(span.first)}.",
                        en=f"Starts from {span.en} with no end given: read as continuous work from {span.first.isoformat()}.")
    by_key: dict[str, _Milestone] = {}
    for item in items:
        milestone = _milestone(item)
        by_key.setdefault(milestone.occurrence.key, milestone)  # "Quý I/2024 và quý I/2024" is one milestone
    milestones = sorted(by_key.values(), key=lambda m: (m.occurrence.due, m.occurrence.key))
    occurrences = tuple(m.occurrence for m in milestones)
    if len(milestones) > 1:
        vi = f"{len(milestones)} mốc: " + "; ".join(f"{m.vi} (hạn {_vi_date(m.occurrence.due)})" for m in milestones)
        en = f"{len(milestones)} milestones: " + "; ".join(f"{m.en} (due {m.occurrence.due.isoformat()})" for m in milestones)
        vi, en = vi + ".", en + "."
    else:
        only = milestones[0]
        due_vi, due_en = _vi_date(only.occurrence.due), only.occurrence.due.isoformat()
        if only.form == "window":
            vi = f"Một khoảng thời gian {only.vi}, tính là một lần, hạn ngày {due_vi}."
            en = f"A window {only.en}, read as one occurrence due at its end, {due_en}."
        elif only.form == "day":
            vi, en = f"Hạn ngày {due_vi}.", f"Due {due_en}."
        else:
            vi, en = f"Thời hạn: {only.vi}, hạn ngày {due_vi}.", f"Deadline: {only.en}, due {due_en}."
    if used_plan_year:
        vi += f" Không ghi năm nên lấy năm của kế hoạch ({first})."
        en += f" No year is written, so the plan year ({first}) is used."
    outside = [o for o in occurrences if not first <= o.due.year <= last]
    if outside:
        vi += f" Lưu ý: hạn {_vi_date(outside[0].due)} nằm ngoài {_period_vi(first, last)} của kế hoạch."
        en += f" Note: the due date {outside[0].due.isoformat()} is outside the plan period {_period_en(first, last)}."
    window_starts = [m.occurrence.start for m in milestones if m.form == "window"]
    return _Reading("dated", occurrences, start=min(window_starts) if window_starts else None, vi=vi, en=en)


# --------------------------------------------------------------------------------------------------
# Recurring duties


@dataclass(frozen=True, slots=True)
class _Template:
    """A recurring duty: frequency, where in the year (or month, quarter) it falls and the years it runs.

    ``anchors`` is empty (the end of each period), one anchor, or several points of every year ("Tháng 6
    và tháng 12 hằng năm"), each due once a year.
    """

    frequency: str
    anchors: tuple[_Item, ...]
    from_year: int | None
    to_year: int | None

    @property
    def anchor(self) -> _Item | None:
        return self.anchors[0] if len(self.anchors) == 1 else None


def _read_recurring(frequency: str, following: bool, items: list[_Item], first: int, last: int) -> _Reading:
    """Split the items into year bounds ("từ năm 2022", "năm 2024") and where in the year it falls."""
    bounds: list[_Item] = []
    anchors: list[_Item] = []
    for item in items:
        is_bound = all(spec.unit == "year" and spec.offset is None for spec in item.specs)
        (bounds if is_bound else anchors).append(item)
    if len(bounds) > 1:
        raise _Unreadable("nhiệm vụ lặp lại ghi nhiều mốc năm", "a recurring duty with several year bounds")
    from_year = to_year = None
    if bounds:
        years = [spec.year for spec in bounds[0].specs]
        if None in years:
            raise _Unreadable("không rõ năm của nhiệm vụ lặp lại", "the years of the recurring duty are unclear")
        if bounds[0].form == "window":
            from_year, to_year = years
            if from_year > to_year:
                raise _Unreadable(f"năm {from_year} sau năm {to_year}", f"{from_year} comes after {to_year}")
        elif bounds[0].form == "since" or following:
            from_year = years[0]
        else:
            from_year = to_year = years[0]
    if any(item.form == "since" for item in anchors):
        raise _Unreadable("nhiệm vụ lặp lại có nhiều mốc trong kỳ", "a recurring duty with several anchors")
    written = {spec.year for item in anchors for spec in item.specs}
    if following and not bounds and len(written) == 1 and None not in written:
        # "Quý IV năm 2025 và các năm tiếp theo": the first occurrence names the year the duty starts.
        from_year = written.pop()
        anchors = [_Item(item.form, tuple(replace(spec, year=None) for spec in item.specs)) for item in anchors]
    if any(spec.year is not None for item in anchors for spec in item.specs):
        raise _Unreadable("mốc của nhiệm vụ lặp lại không được ghi năm cụ thể",
                          "the anchor of a recurring duty must not name a year")
    if len(anchors) > 1:
        return _expand(_several_points(frequency, anchors, from_year, to_year), first, last)
    anchor = _fitted_anchor(frequency, anchors[0]) if anchors else None
    return _expand(_Template(frequency, (anchor,) if anchor else (), from_year, to_year), first, last)


_POINT_UNITS = frozenset({"month", "quarter", "half", "day"})


def _several_points(frequency: str, anchors: list[_Item], from_year: int | None, to_year: int | None) -> _Template:
    """Several points of every year: each is due once a year; evenly spread points name their frequency."""
    if frequency != "yearly" or any(item.form != "point" or len(item.specs) != 1 or item.specs[0].unit not in _POINT_UNITS
                                    or item.specs[0].offset for item in anchors):
        raise _Unreadable("nhiệm vụ lặp lại có nhiều mốc trong kỳ", "a recurring duty with several anchors")
    unique = tuple({item.specs[0]: _fitted_anchor("yearly", item) for item in anchors}.values())
    if len(unique) == 1:
        return _Template(frequency, unique, from_year, to_year)
    spans = sorted(((_span(item.specs[0], 2001), item) for item in unique),  # 2001: any year without 29/02
                   key=lambda pair: (pair[0].last, pair[0].first))
    return _Template(_spread(tuple(span for span, _ in spans)), tuple(item for _, item in spans), from_year, to_year)


_PART_MONTHS = (("monthly", 1), ("quarterly", 3), ("half-yearly", 6))


def _spread(spans: tuple[_Span, ...]) -> str:
    """"half-yearly" for one point in each half of the year, and so on; else "yearly" (several dates a year)."""
    for frequency, months in _PART_MONTHS:
        parts = [(span.last.month - 1) // months for span in spans]
        if len(set(parts)) == len(parts) == 12 // months and all(
                (span.first.month - 1) // months == part for span, part in zip(spans, parts, strict=True)):
            return frequency
    return "yearly"


def _point_key(frequency: str, span: _Span) -> tuple[str, dt.date | None]:
    """Key and start of one point of a several-points duty: the period it stands for, else its own period."""
    year, month = span.last.year, span.last.month
    if frequency == "half-yearly":
        half = 1 if month <= 6 else 2
        return f"{year}-H{half}", dt.date(year, 6 * half - 5, 1)
    if frequency == "quarterly":
        quarter = (month + 2) // 3
        return f"{year}-Q{quarter}", dt.date(year, 3 * quarter - 2, 1)
    return span.key, None if span.unit == "day" else span.first


def _fitted_anchor(frequency: str, anchor: _Item) -> _Item:
    """Check the anchor fits the frequency; a yearly window running past December ends the next year."""
    units = {spec.unit for spec in anchor.specs}
    if anchor.form == "point" and (frequency, units) in (("monthly", {"day_of_month"}),
                                                         ("quarterly", {"day_of_quarter"})):
        return anchor  # a day past a month's end falls on its last day (see _day_in)
    if frequency != "yearly" or units & {"day_of_month", "day_of_quarter", "year"}:
        raise _Unreadable("mốc không hợp với tần suất lặp lại", "the anchor does not fit the frequency")
    if any(spec.unit == "day" and (spec.number, spec.day) == (2, 29) for spec in anchor.specs):
        raise _Unreadable("ngày 29/02 không có trong mọi năm", "29 February does not exist every year")
    specs = tuple(replace(spec, offset=spec.offset or 0) for spec in anchor.specs)
    if anchor.form == "window":
        opening, closing = (_span(spec, 2001 + spec.offset) for spec in specs)
        if closing.last < opening.first and specs[0].offset == specs[1].offset:
            specs = (specs[0], replace(specs[1], offset=specs[0].offset + 1))  # "từ tháng 11 đến tháng 1"
        elif closing.last < opening.first:
            raise _Unreadable("khoảng thời gian kết thúc trước khi bắt đầu", "the window ends before it starts")
    else:
        _span(specs[0], 2001)  # an impossible day ("31/4 hàng năm") is unreadable
    return _Item(anchor.form, specs)


def _yearly_occurrence(anchor: _Item | None, year: int) -> tuple[Occurrence, _Span, _Span]:
    """The occurrence of a yearly duty that belongs to ``year``, with its opening and closing periods."""
    if anchor is None:
        whole = _span(_Spec("year"), year)
        return Occurrence(str(year), whole.last, whole.first), whole, whole
    spans = [_span(spec, year + spec.offset) for spec in anchor.specs]
    opening, closing = spans[0], spans[-1]
    start = None if anchor.form == "point" and opening.unit == "day" else opening.first
    if opening.first.year > year:
        # Due early next year but about this year's work (a yearly report): it opens with this year.
        start = dt.date(year, 1, 1)
    return Occurrence(str(year), closing.last, start), opening, closing


_PARTS_OF_YEAR = {"half-yearly": ("half", 2), "quarterly": ("quarter", 4), "monthly": ("month", 12)}


def _day_in(year: int, month: int, day: int) -> dt.date:
    """Day ``day`` of a month, or its last day when the month is shorter ("ngày 30 hằng tháng" in February)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _expand(template: _Template, first: int, last: int) -> _Reading:
    """One occurrence per period of every plan year the duty runs in, keyed by the period it belongs to."""
    years = range(max(first, template.from_year or first), min(last, template.to_year or last) + 1)
    occurrences: list[Occurrence] = []
    anchor = template.anchor
    for year in years:
        if len(template.anchors) > 1:
            for point in template.anchors:
                span = _span(point.specs[0], year)
                key, start = _point_key(template.frequency, span)
                occurrences.append(Occurrence(key, span.last, start))
            continue
        if template.frequency == "yearly":
            occurrences.append(_yearly_occurrence(anchor, year)[0])
            continue
        unit, count = _PARTS_OF_YEAR[template.frequency]
        for number in range(1, count + 1):
            span = _span(_Spec(unit, number), year)
            if anchor is None:
                due = span.last
            elif template.frequency == "monthly":
                due = _day_in(year, number, anchor.specs[0].day)
            else:
                due = _day_in(year, 3 * number - 3 + anchor.specs[0].number, anchor.specs[0].day)
            occurrences.append(Occurrence(span.key, due, span.first))
    occurrences.sort(key=lambda o: (o.due, o.key))
    vi, en = _recurring_explanation(template, len(occurrences), first, last)
    start = dt.date(template.from_year, 1, 1) if template.from_year else None
    return _Reading("recurring", tuple(occurrences), start=start, frequency=template.frequency, vi=vi, en=en)


_FREQUENCY_VI = {"yearly": "Hằng năm", "half-yearly": "6 tháng một lần", "quarterly": "Hằng quý",
                 "monthly": "Hằng tháng"}
_FREQUENCY_EN = {"yearly": "Every year", "half-yearly": "Every six months", "quarterly": "Every quarter",
                 "monthly": "Every month"}
_DUE_RULE_VI = {"yearly": "hạn ngày 31/12", "half-yearly": "hạn ngày 30/06 và 31/12",
                "quarterly": "hạn ngày cuối mỗi quý", "monthly": "hạn ngày cuối mỗi tháng"}
_DUE_RULE_EN = {"yearly": "due 31 Dec", "half-yearly": "due 30 Jun and 31 Dec",
                "quarterly": "due on the last day of each quarter", "monthly": "due on the last day of each month"}
_QUARTER_MONTH_VI = {1: "đầu", 2: "giữa", 3: "cuối"}
_QUARTER_MONTH_EN = {1: "first", 2: "second", 3: "last"}


def _day_rule(frequency: str, spec: _Spec) -> tuple[str, str]:
    """The due rule of a monthly or quarterly duty with a day: "hạn ngày 30 mỗi tháng (…)"."""
    day = spec.day
    if frequency == "monthly":
        vi, en = f"hạn ngày {day} mỗi tháng", f"due on day {day}"
        shortest = 28
    else:
        vi = f"hạn ngày {day} của tháng {_QUARTER_MONTH_VI[spec.number]} quý"
        en = f"due on day {day} of the {_QUARTER_MONTH_EN[spec.number]} month of each quarter"
        shortest = min(calendar.monthrange(2001, 3 * q - 3 + spec.number)[1] for q in range(1, 5))
    if day > shortest:
        vi += f" (tháng không có ngày {day} thì hạn ngày cuối tháng)"
        en += f" (the last day of a month that has no day {day})"
    return vi, en


def _recurring_explanation(template: _Template, count: int, first: int, last: int) -> tuple[str, str]:
    """E.g. "Hằng năm vào quý I, hạn ngày 31/03; 5 lần trong kỳ 2021–2025."."""
    frequency, anchor = template.frequency, template.anchor
    vi, en = _FREQUENCY_VI[frequency], _FREQUENCY_EN[frequency]
    if len(template.anchors) > 1:
        specs = [point.specs[0] for point in template.anchors]
        if all(spec.unit == "day" for spec in specs):
            vi += ", hạn ngày " + " và ".join(f"{spec.day:02d}/{spec.number:02d}" for spec in specs) + " mỗi năm"
            en += ", due " + " and ".join(f"{spec.day} {_MONTHS_EN[spec.number][:3]}" for spec in specs) + " each year"
        else:
            labels = [_labels(spec, None) for spec in specs]
            vi += " vào " + " và ".join(label[0] for label in labels) + " mỗi năm, hạn ngày cuối của mỗi mốc"
            en += " in " + " and ".join(label[1] for label in labels) + " of each year, due at the end of each"
    elif anchor is None:
        vi, en = f"{vi}, {_DUE_RULE_VI[frequency]}", f"{en}, {_DUE_RULE_EN[frequency]}"
    elif frequency in ("monthly", "quarterly"):
        rule_vi, rule_en = _day_rule(frequency, anchor.specs[0])
        vi, en = f"{vi}, {rule_vi}", f"{en}, {rule_en}"
    else:
        _, opening, closing = _yearly_occurrence(anchor, first)
        opening_vi, opening_en = _labels(anchor.specs[0], None)
        if anchor.form == "window":
            closing_vi, closing_en = _labels(anchor.specs[1], None)
            vi, en = f"{vi} từ {opening_vi} đến hết {closing_vi}", f"{en} from {opening_en} to the end of {closing_en}"
        elif opening.unit != "day":
            vi, en = f"{vi} vào {opening_vi}", f"{en} in {opening_en}"
        next_year = closing.last.year > first
        vi += f", hạn ngày {_vi_date(closing.last)[:5]}" + (" năm sau" if next_year else "")
        en += f", due {closing.last.day} {_MONTHS_EN[closing.last.month][:3]}" + (" of the next year" if next_year else "")
    if template.from_year and template.from_year == template.to_year:
        vi, en = f"{vi}, trong năm {template.from_year}", f"{en}, in {template.from_year}"
    else:
        if template.from_year:
            vi, en = f"{vi}, từ năm {template.from_year}", f"{en}, from {template.from_year}"
        if template.to_year:
            vi, en = f"{vi} đến năm {template.to_year}", f"{en} until {template.to_year}"
    vi += f"; {count} lần trong {_period_vi(first, last)}."
    en += f"; {count} occurrence{'' if count == 1 else 's'} in {_period_en(first, last)}."
    return vi, en


# --------------------------------------------------------------------------------------------------
# Public entry points


def _checked_period(period: tuple[int, int]) -> tuple[int, int]:
    first, last = (int(year) for year in period)
    if not _YEARS_ACCEPTED[0] <= first <= last <= _YEARS_ACCEPTED[1]:
        raise ValueError(f"plan period must be two years first <= last within {_YEARS_ACCEPTED}, got {period!r}")
    return first, last


def parse_deadline(text: str | None, period: tuple[int, int]) -> Schedule:
    """Read a deadline phrase for a plan running over ``period`` = (first_year, last_year), inclusive.

    Never raises for any text: what the grammar cannot read comes back as kind "unreadable" with the reason.
    A non-string cell (YAML turns ``2024`` into an int and ``2024-06-30`` into a date) is read as its str().
    Raises ValueError only for a malformed ``period``, which is a programming error.
    """
    first, last = _checked_period(period)
    phrase = "" if text is None else text if isinstance(text, str) else str(text)
    return _parse_cached(phrase, first, last)


@lru_cache(maxsize=16384)
def _parse_cached(phrase: str, first: int, last: int) -> Schedule:
    """Phrases repeat a lot across 100,000 activities; equal (phrase, period) pairs share one Schedule."""
    try:
        reading = _read(_normalise(phrase), _display(phrase), first, last)
    except _Unreadable as problem:
        reading = _Reading("unreadable", vi=f"Không đọc được thời hạn: {problem.vi}.",
                           en=f"Could not read the deadline: {problem.en}.")
    return Schedule(phrase, reading.kind, reading.occurrences, reading.start, reading.frequency, reading.vi, reading.en)


# --------------------------------------------------------------------------------------------------
# Overrides written in a plan file

_OVERRIDE_KEYS = {
    "dated": {"kind", "due", "start"},
    "recurring": {"kind", "frequency", "month", "quarter", "from", "to"},
    "continuous": {"kind", "start"},
    "conditional": {"kind", "event"},
    "unspecified": {"kind"},
}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _override_date(value: Any, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{field}: {value!r} is not a real date") from None
    raise ValueError(f"{field}: expected a date YYYY-MM-DD, got {value!r}")


def _override_int(override: Mapping, field: str, low: int, high: int) -> int | None:
    value = override.get(field)
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{field}: expected a whole number {low}–{high}, got {value!r}")
    return value


def schedule_from_override(override: dict, period: tuple[int, int], text: str = "") -> Schedule:
    """Build the Schedule an explicit ``deadline_override`` declares; it wins over the grammar.

    Raises ValueError with a short English message for a malformed override.
    """
    first, last = _checked_period(period)
    if not isinstance(override, Mapping):
        raise ValueError(f"expected a mapping with a 'kind', got {type(override).__name__}")
    kind = override.get("kind")
    if kind not in _OVERRIDE_KEYS:
        raise ValueError(f"kind must be one of {', '.join(_OVERRIDE_KEYS)}, got {kind!r}")
    unknown = sorted(str(key) for key in override if key not in _OVERRIDE_KEYS[kind])
    if unknown:
        raise ValueError(f"unknown field(s) for kind {kind!r}: {', '.join(unknown)}")
    text = "" if text is None else str(text)
    if kind == "dated":
        reading = _dated_override(override, first, last)
    elif kind == "recurring":
        reading = _recurring_override(override, first, last)
    elif kind == "continuous":
        start = _override_date(override["start"], "start") if override.get("start") is not None else None
        reading = _Reading("continuous", start=start,
                           vi="Công việc thường xuyên, không có mốc hạn cụ thể.",
                           en="Continuous work with no fixed due date.")
    elif kind == "conditional":
        event = override.get("event")
        if event is not None and not isinstance(event, str):
            raise ValueError(f"event: expected text, got {event!r}")
        event_vi = f" (“{event}”)" if event else ""
        reading = _Reading("conditional", vi=f"Chờ một sự kiện hoặc lịch của cơ quan khác{event_vi}, chưa có ngày hạn.",
                           en=f"Waits on an event or another body's schedule{event_vi}; no due date until then.")
    else:
        reading = _Reading("unspecified", vi="Không có thời hạn.", en="No deadline.")
    return Schedule(text, reading.kind, reading.occurrences, reading.start, reading.frequency,
                    "Theo khai báo trong kế hoạch. " + reading.vi, "As declared in the plan. " + reading.en)


def _dated_override(override: Mapping, first: int, last: int) -> _Reading:
    dues = override.get("due")
    if dues is None:
        raise ValueError("a dated override needs 'due': a list of dates")
    if isinstance(dues, (str, dt.date)):
        dues = [dues]
    if not isinstance(dues, (list, tuple)) or not dues:
        raise ValueError("due: expected a non-empty list of dates")
    days = sorted({_override_date(value, "due") for value in dues})
    start = _override_date(override["start"], "start") if override.get("start") is not None else None
    if start and start > days[0]:
        raise ValueError(f"start {start.isoformat()} is after the first due date {days[0].isoformat()}")
    occurrences = tuple(Occurrence(day.isoformat(), day, start if len(days) == 1 else None) for day in days)
    listed_vi = ", ".join(_vi_date(day) for day in days)
    listed_en = ", ".join(day.isoformat() for day in days)
    vi, en = f"Hạn ngày {listed_vi}.", f"Due {listed_en}."
    outside = [day for day in days if not first <= day.year <= last]
    if outside:
        vi += f" Lưu ý: hạn {_vi_date(outside[0])} nằm ngoài {_period_vi(first, last)} của kế hoạch."
        en += f" Note: the due date {outside[0].isoformat()} is outside the plan period {_period_en(first, last)}."
    return _Reading("dated", occurrences, start=start, vi=vi, en=en)


def _recurring_override(override: Mapping, first: int, last: int) -> _Reading:
    frequency = override.get("frequency")
    if frequency not in _FREQUENCIES:
        raise ValueError(f"frequency must be one of yearly, half-yearly, quarterly, monthly, got {frequency!r}")
    month = _override_int(override, "month", 1, 12)
    quarter = _override_int(override, "quarter", 1, 4)
    from_year = _override_int(override, "from", *_YEARS_ACCEPTED)
    to_year = _override_int(override, "to", *_YEARS_ACCEPTED)
    if (month or quarter) and frequency != "yearly":
        raise ValueError("'month' and 'quarter' only apply to a yearly frequency")
    if month and quarter:
        raise ValueError("give either 'month' or 'quarter', not both")
    if from_year and to_year and from_year > to_year:
        raise ValueError(f"'from' {from_year} is after 'to' {to_year}")
    anchors: tuple[_Item, ...] = ()
    if month:
        anchors = (_Item("point", (_Spec("month", month, offset=0),)),)
    elif quarter:
        anchors = (_Item("point", (_Spec("quarter", quarter, offset=0),)),)
    return _expand(_Template(frequency, anchors, from_year, to_year), first, last)
