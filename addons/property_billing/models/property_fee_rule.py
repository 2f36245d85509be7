from odoo import api, fields, models
from odoo.exceptions import ValidationError

FEE_BASIS = [
    ("area", "Per m² of Built Area per Month"),
    ("fixed", "Fixed per Month"),
    ("meter", "Per Meter Unit"),
    ("piece", "Per Piece"),
]
METER_TYPES = [
    ("water", "Water"),
    ("electricity", "Electricity"),
    ("gas", "Gas"),
]


class PropertyFeeRule(models.Model):
    _name = "property.fee.rule"
    _description = "Fee Standard"
    _inherit = ["mail.thread"]
    _order = "estate_id, usage, product_id, date_start desc, id"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True, tracking=True)
    estate_id = fields.Many2one(
        "property.estate",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    usage = fields.Selection(
        selection="_selection_usage",
        string="Unit Usage",
        required=True,
        default="residential",
        tracking=True,
        help="The rule applies to the units of this usage.",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Fee Item",
        required=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    basis = fields.Selection(FEE_BASIS, required=True, default="area", tracking=True)
    meter_type = fields.Selection(
        METER_TYPES,
        help="Meters whose consumption this rule charges (per meter unit basis).",
    )
    quantity = fields.Float(
        string="Pieces",
        default=1.0,
        digits="Product Unit of Measure",
        help="Number of pieces charged each month per unit (per piece basis).",
    )
    price = fields.Float(required=True, digits="Product Price", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(
        string="Valid From", required=True, default=fields.Date.today, tracking=True
    )
    date_end = fields.Date(string="Valid Until", tracking=True)
    note = fields.Text(string="Notes")

    _sql_constraints = [
        ("price_positive", "CHECK(price >= 0)", "The price cannot be negative."),
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The number of pieces must be greater than 0.",
        ),
        (
            "dates_ordered",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A fee standard cannot end before it starts.",
        ),
        (
            "meter_type_required",
            "CHECK(basis != 'meter' OR meter_type IS NOT NULL)",
            "A per meter unit fee standard needs a meter type.",
        ),
    ]

    @api.model
    def _selection_usage(self):
        return (
            self.env["property.unit"]._fields["usage"]._description_selection(self.env)
        )

    # === COMPUTE METHODS === #
    @api.depends("estate_id.name", "usage", "product_id.name", "date_start")
    def _compute_name(self):
        usages = dict(self._fields["usage"]._description_selection(self.env))
        for rule in self:
            rule.name = " / ".join(
                filter(
                    None,
                    [
                        rule.estate_id.name,
                        usages.get(rule.usage),
                        rule.product_id.name,
                        rule.date_start and fields.Date.to_string(rule.date_start),
                    ],
                )
            )

    # === CONSTRAINT METHODS === #
    @api.constrains(
        "estate_id", "usage", "product_id", "date_start", "date_end", "active"
    )
    def _check_overlap(self):
        for rule in self.filtered("active"):
            domain = [
                ("id", "!=", rule.id),
                ("estate_id", "=", rule.estate_id.id),
                ("usage", "=", rule.usage),
                ("product_id", "=", rule.product_id.id),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", rule.date_start),
            ]
            if rule.date_end:
                domain.append(("date_start", "<=", rule.date_end))
            other = self.search(domain, limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "The fee standard %(rule)s overlaps %(other)s: the same fee "
                        "item can only have one price at a time for the units of an "
                        "estate with the same usage. End the old standard the day "
                        "before the new one starts.",
                        rule=rule.name,
                        other=other.name,
                    )
                )

    # === BUSINESS METHODS === #
    def _get_active_rules(self, estates, date_from, date_to):
        """Active rules of ``estates`` valid on some day of [date_from, date_to]."""
        return self.search(
            [
                ("estate_id", "in", estates.ids),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
            ]
        )
