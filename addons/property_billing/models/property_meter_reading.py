from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SUPERVISOR_FIELDS = ("meter_change", "jump_confirmed")


class PropertyMeterReading(models.Model):
    _name = "property.meter.reading"
    _description = "Meter Reading"
    _inherit = ["mail.thread"]
    _order = "date desc, meter_id, id desc"
    _rec_name = "meter_id"
    _check_company_auto = True

    # === FIELDS === #
    meter_id = fields.Many2one(
        "property.meter",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    meter_type = fields.Selection(related="meter_id.meter_type", store=True)
    unit_id = fields.Many2one(related="meter_id.unit_id", store=True, index=True)
    estate_id = fields.Many2one(related="meter_id.estate_id", store=True, index=True)
    company_id = fields.Many2one(
        related="meter_id.company_id", store=True, index=True, precompute=True
    )
    date = fields.Date(
        string="Reading Date", required=True, default=fields.Date.context_today
    )
    value = fields.Float(string="Reading", required=True, digits=(16, 2))
    previous_value = fields.Float(
        string="Previous Reading", readonly=True, digits=(16, 2)
    )
    consumption = fields.Float(readonly=True, digits=(16, 2))
    read_by_id = fields.Many2one(
        "res.users",
        string="Read By",
        required=True,
        ondelete="restrict",
        default=lambda self: self.env.user,
    )
    source = fields.Selection(
        [("typed", "Typed"), ("import", "Imported")],
        required=True,
        default="typed",
        readonly=True,
    )
    meter_change = fields.Boolean(
        string="Meter Changed",
        tracking=True,
        help="The meter was replaced before this reading: the old meter's final "
        "reading closes its consumption and this reading counts from zero. "
        "Supervisors only.",
    )
    old_meter_final = fields.Float(
        string="Old Meter Final Reading",
        digits=(16, 2),
        help="Last reading of the replaced meter.",
    )
    jump_confirmed = fields.Boolean(
        string="Jump Confirmed",
        tracking=True,
        help="A supervisor checked the unusual consumption on site. Supervisors only.",
    )
    confirm_reason = fields.Char(string="Confirmation Reason", tracking=True)
    confirmed_by_id = fields.Many2one(
        "res.users", string="Confirmed By", readonly=True, ondelete="restrict"
    )

    _sql_constraints = [
        (
            "meter_date_uniq",
            "UNIQUE(meter_id, date)",
            "A meter has only one reading per day.",
        ),
        ("value_positive", "CHECK(value >= 0)", "A reading cannot be negative."),
    ]

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        self._check_supervisor_fields(vals_list)
        if self.env.context.get("import_file"):
            for vals in vals_list:
                vals["source"] = "import"
        readings = super().create(vals_list)
        readings._update_consumption()
        return readings

    def write(self, vals):
        self._check_supervisor_fields([vals])
        res = super().write(vals)
        if {"value", "date", "meter_id", *SUPERVISOR_FIELDS, "old_meter_final"} & set(
            vals
        ):
            self._update_consumption()
        return res

    # === BUSINESS METHODS === #
    def _check_supervisor_fields(self, vals_list):
        confirmed = [
            vals
            for vals in vals_list
            if any(vals.get(name) for name in SUPERVISOR_FIELDS)
        ]
        if not confirmed:
            return
        if not self.env.user.has_group("property_frontdesk.group_property_supervisor"):
            raise UserError(
                self.env._(
                    "Only a supervisor can confirm a meter change or an unusual "
                    "consumption."
                )
            )
        for vals in confirmed:
            if not vals.get("confirm_reason") and not self.filtered("confirm_reason"):
                raise UserError(
                    self.env._(
                        "Give the reason of the confirmation (meter replaced, leak "
                        "checked on site…)."
                    )
                )
            vals["confirmed_by_id"] = self.env.user.id

    def _update_consumption(self):
        """Recompute previous value and consumption of the meters' readings from
        the earliest changed date on, and check every one of them."""
        self.env.flush_all()
        since = {}
        for reading in self:
            meter_id = reading.meter_id.id
            since[meter_id] = min(since.get(meter_id, reading.date), reading.date)
        readings = self.search(
            [("meter_id", "in", list(since)), ("date", ">=", min(since.values()))],
            order="meter_id, date, id",
        )
        previous_of = self._get_previous_readings(since)
        updates = defaultdict(list)
        consumption_of = {}
        for reading in readings:
            meter = reading.meter_id
            if reading.date < since[meter.id]:
                previous_of[meter.id] = reading
                continue
            previous = previous_of.get(meter.id)
            prev_value = previous.value if previous else meter.initial_value
            if reading.meter_change:
                consumption = max(reading.old_meter_final - prev_value, 0.0) + (
                    reading.value
                )
            else:
                consumption = reading.value - prev_value
            reference = (
                consumption_of.get(previous.id, previous.consumption)
                if previous
                else 0.0
            )
            reading._check_consumption(prev_value, consumption, reference)
            consumption_of[reading.id] = consumption
            if (
                reading.previous_value != prev_value
                or reading.consumption != consumption
            ):
                updates[(prev_value, consumption)].append(reading.id)
            previous_of[meter.id] = reading
        for (prev_value, consumption), ids in updates.items():
            self.browse(ids).write(
                {"previous_value": prev_value, "consumption": consumption}
            )
        return True

    def _get_previous_readings(self, since):
        """{meter id: its last reading dated before since[meter id]}."""
        if not since:
            return {}
        self.env.cr.execute(
            """SELECT DISTINCT ON (r.meter_id) r.meter_id, r.id
                 FROM property_meter_reading r
                 JOIN (SELECT unnest(%s::int[]) AS meter_id,
                              unnest(%s::date[]) AS since) s
                   ON s.meter_id = r.meter_id AND r.date < s.since
             ORDER BY r.meter_id, r.date DESC, r.id DESC""",
            [list(since), list(since.values())],
        )
        return {meter_id: self.browse(rid) for meter_id, rid in self.env.cr.fetchall()}

    def _check_consumption(self, prev_value, consumption, reference):
        """``reference``: consumption of the previous reading (0 if none)."""
        self.ensure_one()
        if self.meter_change:
            if self.old_meter_final < prev_value:
                raise ValidationError(
                    self.env._(
                        "Meter %(meter)s: the old meter's final reading "
                        "(%(final)s) is lower than its previous reading "
                        "(%(previous)s).",
                        meter=self.meter_id.display_name,
                        final=self.old_meter_final,
                        previous=prev_value,
                    )
                )
            return
        if consumption < 0:
            raise ValidationError(
                self.env._(
                    "Meter %(meter)s: the reading of %(date)s (%(value)s) is lower "
                    "than the previous one (%(previous)s). If the meter was "
                    "replaced, a supervisor must record the meter change.",
                    meter=self.meter_id.display_name,
                    date=self.date,
                    value=self.value,
                    previous=prev_value,
                )
            )
        ratio = self.meter_id.estate_id.reading_jump_ratio
        if not ratio or self.jump_confirmed:
            return
        if reference > 0 and consumption > reference * ratio:
            raise ValidationError(
                self.env._(
                    "Meter %(meter)s: the consumption of %(date)s (%(consumption)s) "
                    "is more than %(ratio)s times the previous one (%(previous)s). "
                    "Check the reading; a supervisor can confirm it.",
                    meter=self.meter_id.display_name,
                    date=self.date,
                    consumption=round(consumption, 2),
                    ratio=ratio,
                    previous=round(reference, 2),
                )
            )

    def _get_period_consumption(self, meters, date_from, date_to):
        """{meter: consumption of the readings dated in [date_from, date_to]}."""
        return {
            meter: total
            for meter, total in self._read_group(
                [
                    ("meter_id", "in", meters.ids),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["meter_id"],
                ["consumption:sum"],
            )
        }
