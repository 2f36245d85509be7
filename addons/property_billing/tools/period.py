"""Billing periods: the one place where months, periods and pro-rating are computed.

A billing *period* is a calendar month named ``'YYYY-MM'``. A *month* counted from any
start day runs to the day before the same day of the next month; when the next month
has no such day, its last day is used (31 Jan → 27 Feb, or 28 Feb in a leap year).
"""

import calendar
import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

PERIOD_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def is_period(value):
    """Whether ``value`` is a period name 'YYYY-MM'."""
    return bool(value and PERIOD_RE.match(value))


def period_of(day):
    """The period ('YYYY-MM') a date falls in."""
    return f"{day.year:04d}-{day.month:02d}"


def period_bounds(period):
    """First and last day of a period 'YYYY-MM'."""
    match = PERIOD_RE.match(period or "")
    if not match:
        raise ValueError(f"Not a billing period: {period!r}")
    year, month = int(match.group(1)), int(match.group(2))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def period_add(period, months):
    """The period ``months`` after (or before, if negative) ``period``."""
    first, _last = period_bounds(period)
    return period_of(first + relativedelta(months=months))


def period_day(period, day):
    """The given day of the period's month, or its last day when shorter."""
    first, last = period_bounds(period)
    return first.replace(day=min(day, last.day))


def month_end(start, months=1):
    """Last day of ``months`` months counted from ``start``: the day before the same
    day ``months`` months later (31 Jan → 27 Feb, 28 Feb in leap years)."""
    return start + relativedelta(months=months) - timedelta(days=1)


def days_between(start, stop):
    """Days from ``start`` to ``stop``, both included (0 when stop < start)."""
    return max((stop - start).days + 1, 0)


def overlap(start, stop, other_start=None, other_stop=None):
    """The span ``[start, stop]`` clipped to ``[other_start, other_stop]`` (open ends
    allowed), or None when they do not meet."""
    begin = max(start, other_start) if other_start else start
    end = min(stop, other_stop) if other_stop else stop
    return (begin, end) if begin <= end else None


def prorata(period, date_from=None, date_to=None):
    """Share of the period covered by ``[date_from, date_to]`` (open ends allowed):
    covered days / days of the month, 1.0 for the whole month, 0.0 if outside."""
    first, last = period_bounds(period)
    span = overlap(first, last, date_from, date_to)
    if not span:
        return 0.0
    return days_between(*span) / days_between(first, last)


def months_covered(start, stop):
    """Whole months counted from ``start`` within ``[start, stop]`` and the fraction
    of the next month left over (its days / the days of that month).

    ``months_covered(date(2026, 1, 31), date(2026, 2, 27))`` is ``(1, 0.0)``."""
    if stop < start:
        return 0, 0.0
    months = 0
    while month_end(start, months + 1) <= stop:
        months += 1
    begin = start + relativedelta(months=months)
    rest = days_between(begin, stop)
    if not rest:
        return months, 0.0
    return months, rest / days_between(begin, month_end(begin))
