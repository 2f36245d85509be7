from datetime import timedelta

import pytz

from odoo import models

# windows of working time fetched from the calendar, in days from the start's day
PLAN_WINDOWS = (7, 31, 93, 248)


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _property_work_intervals(self, start, days, cache):
        """Working intervals [(start, stop)] of the calendar (attendances minus its
        public holidays, i.e. leaves without resource) from ``start`` (aware) for
        ``days`` days. ``cache`` is a dict shared by the callers of one batch."""
        self.ensure_one()
        key = (self.id, start, days)
        if key not in cache:
            intervals = self._work_intervals_batch(start, start + timedelta(days=days))
            cache[key] = [(begin, stop) for begin, stop, _meta in intervals[False]]
        return cache[key]

    def _property_plan_hours(self, start, hours, cache=None):
        """When ``hours`` working hours counted from ``start`` are over.

        ``start`` and the result are naive UTC datetimes (as stored); outside working
        time the count starts at the next working period. Returns False when the
        calendar has no working time in the coming months."""
        self.ensure_one()
        cache = {} if cache is None else cache
        begin = pytz.utc.localize(start)
        window = begin.replace(hour=0, minute=0, second=0, microsecond=0)
        remaining = timedelta(hours=max(hours, 0.0))
        for days in PLAN_WINDOWS:
            for interval_start, interval_stop in self._property_work_intervals(
                window, days, cache
            ):
                if interval_stop <= begin:
                    continue
                interval_start = max(interval_start, begin)
                available = interval_stop - interval_start
                if remaining <= available:
                    deadline = interval_start + remaining
                    return deadline.astimezone(pytz.utc).replace(tzinfo=None)
                remaining -= available
            begin = window = window + timedelta(days=days)
        return False

    def _property_work_hours_between(self, start, stop):
        """Working hours of the calendar between two naive UTC datetimes."""
        self.ensure_one()
        if not start or not stop or stop <= start:
            return 0.0
        begin, end = pytz.utc.localize(start), pytz.utc.localize(stop)
        intervals = self._work_intervals_batch(begin, end)[False]
        return sum((b - a).total_seconds() for a, b, _meta in intervals) / 3600.0
