from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date


class PropertyRenovationViolation(models.Model):
    _name = "property.renovation.violation"
    _description = "Renovation Violation"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    filing_id = fields.Many2one(
        "property.renovation.filing", required=True, index=True, ondelete="cascade"
    )
    patrol_id = fields.Many2one(
        "property.renovation.patrol", index=True, ondelete="set null"
    )
    company_id = fields.Many2one(
        related="filing_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_id = fields.Many2one(related="filing_id.unit_id")
    date = fields.Date(
        required=True,
        default=lambda self: self.env["property.unit"]._property_today(),
    )
    violation_type = fields.Selection(
        [
            ("beyond_filing", "Works Beyond the Filing"),
            ("noise_hours", "Noise Outside the Permitted Hours"),
            ("rubbish", "Rubbish Not Cleared"),
            ("hot_work", "Hot Work Without Approval"),
            ("structure", "Structural Damage"),
            ("public_area", "Damage to Public Areas"),
            ("other", "Other"),
        ],
        string="Violation",
        required=True,
        tracking=True,
    )
    description = fields.Text(required=True)
    rectification = fields.Text(
        string="Rectification Required",
        required=True,
        help="What the rectification notice asks to put right.",
    )
    deadline = fields.Date(string="Rectify By", required=True, tracking=True)
    deduction = fields.Monetary(
        string="Deduction at Refund",
        tracking=True,
        help="Amount to deduct from the deposits at the refund, where the estate's "
        "rules say so.",
    )
    state = fields.Selection(
        [
            ("open", "Open"),
            ("rectified", "Rectified"),
            ("settled", "Settled"),
            ("cancelled", "Cancelled"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    date_closed = fields.Date(readonly=True)
    close_note = fields.Char()

    _sql_constraints = [
        (
            "deduction_positive",
            "CHECK(deduction >= 0)",
            "A deduction cannot be negative.",
        ),
    ]

    @api.depends("violation_type", "date")
    def _compute_display_name(self):
        types = dict(self._fields["violation_type"]._description_selection(self.env))
        for violation in self:
            violation.display_name = "{} {}".format(
                types.get(violation.violation_type, ""),
                format_date(self.env, violation.date),
            )

    @api.constrains("date", "deadline")
    def _check_deadline(self):
        for violation in self:
            if violation.deadline < violation.date:
                raise ValidationError(
                    self.env._("The rectification deadline cannot be before the date.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        violations = super().create(vals_list)
        for violation in violations:
            filing = violation.filing_id
            filing.message_post(
                body=self.env._(
                    "Rectification notice: %(violation)s – %(rectification)s, by "
                    "%(deadline)s.",
                    violation=violation.display_name,
                    rectification=violation.rectification,
                    deadline=format_date(self.env, violation.deadline),
                ),
                partner_ids=filing.owner_id.ids,
            )
            filing.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=violation.deadline,
                summary=self.env._("Check the rectification"),
                user_id=filing.user_id.id,
            )
        return violations

    def _close(self, state, note):
        if bad := self.filtered(lambda v: v.state != "open"):
            raise UserError(
                self.env._(
                    "Only open violations can be closed: %(items)s",
                    items=", ".join(bad.mapped("display_name")),
                )
            )
        today = self.env["property.unit"]._property_today()
        self.write({"state": state, "date_closed": today, "close_note": note})
        for violation in self:
            violation.filing_id.message_post(
                body=self.env._(
                    "Violation %(violation)s closed: %(state)s.",
                    violation=violation.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        state
                    ],
                )
            )
        return True

    def action_rectified(self):
        return self._close("rectified", self.close_note)

    def action_settled(self):
        if self.filtered(lambda v: not v.deduction and not v.close_note):
            raise UserError(
                self.env._(
                    "A violation is settled by a deduction or with a note on how it "
                    "was settled."
                )
            )
        return self._close("settled", self.close_note)

    def action_cancel(self):
        self.filing_id._check_supervisor(self.env._("cancel a violation"))
        return self._close("cancelled", self.close_note)

    def action_print_notice(self):
        return self.env.ref(
            "property_renovation.action_report_property_renovation_violation"
        ).report_action(self)
