from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .property_renovation_filing import MAX_MONTHS, WORKING_STATES


class PropertyRenovationExtension(models.Model):
    _name = "property.renovation.extension"
    _description = "Renovation Extension"
    _order = "filing_id, date_request, id"
    _check_company_auto = True

    filing_id = fields.Many2one(
        "property.renovation.filing", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="filing_id.company_id", store=True, index=True, precompute=True
    )
    date_request = fields.Date(
        string="Requested On",
        required=True,
        default=lambda self: self.env["property.unit"]._property_today(),
    )
    date_current_end = fields.Date(
        string="Current End",
        required=True,
        help="End of the filing when the extension was requested.",
    )
    date_new_end = fields.Date(string="Extended Until", required=True)
    reason = fields.Char(required=True)
    copies_presented = fields.Boolean(
        string="Certificate Copies Presented",
        help="The two copies of the registration certificate were brought.",
    )
    passes_presented = fields.Boolean(
        string="Passes Presented",
        help="The workers' temporary passes were brought to be marked 延期至….",
    )
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="requested",
        required=True,
        readonly=True,
        copy=False,
    )
    approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, ondelete="restrict"
    )

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_new_end > date_current_end)",
            "An extension ends after the current end of the filing.",
        ),
    ]

    @api.constrains("date_current_end", "date_new_end")
    def _check_three_months(self):
        for ext in self:
            limit = ext.date_current_end + relativedelta(months=MAX_MONTHS)
            if ext.date_new_end > limit:
                raise ValidationError(
                    self.env._(
                        "An extension runs at most three months after the current "
                        "end: %(limit)s at the latest.",
                        limit=format_date(self.env, limit),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        filings = self.env["property.renovation.filing"]
        for vals in vals_list:
            filing = filings.browse(vals.get("filing_id"))
            vals.setdefault("date_current_end", filing.date_end)
        extensions = super().create(vals_list)
        for ext in extensions:
            if ext.filing_id.state not in WORKING_STATES:
                raise UserError(
                    self.env._(
                        "Only filings whose works are going on can be extended "
                        "(%(name)s).",
                        name=ext.filing_id.name,
                    )
                )
            if pending := ext.filing_id.extension_ids.filtered(
                lambda e, x=ext: e.state == "requested" and e != x
            ):
                raise UserError(
                    self.env._(
                        "Filing %(name)s already has an extension waiting for "
                        "approval (until %(date)s).",
                        name=ext.filing_id.name,
                        date=format_date(self.env, pending[0].date_new_end),
                    )
                )
            ext.filing_id.message_post(
                body=self.env._(
                    "Extension requested until %(date)s: %(reason)s",
                    date=format_date(self.env, ext.date_new_end),
                    reason=ext.reason,
                )
            )
        return extensions

    def action_approve(self):
        self.filing_id._check_supervisor(self.env._("approve an extension"))
        for ext in self:
            if ext.state != "requested":
                raise UserError(
                    self.env._("Only requested extensions can be approved.")
                )
            if ext.date_current_end != ext.filing_id.date_end:
                raise UserError(
                    self.env._(
                        "The end of filing %(name)s has changed since the request; "
                        "record a new extension.",
                        name=ext.filing_id.name,
                    )
                )
            if not (ext.copies_presented and ext.passes_presented):
                raise UserError(
                    self.env._(
                        "An extension is granted on the copies of the registration "
                        "certificate and the workers' passes: tick both once they "
                        "are presented."
                    )
                )
            if ext.filing_id.state not in WORKING_STATES:
                raise UserError(
                    self.env._(
                        "Only filings whose works are going on can be extended "
                        "(%(name)s).",
                        name=ext.filing_id.name,
                    )
                )
            ext.write({"state": "approved", "approved_by_id": self.env.user.id})
            filing = ext.filing_id
            filing.worker_ids.filtered(
                lambda w: w.pass_number and not w.pass_returned
            ).write({"pass_extended_until": ext.date_new_end})
            filing.reminder_sent = False
            filing.message_post(
                body=self.env._(
                    "Extension approved by %(user)s: works extended until %(date)s "
                    "(延期至); passes marked.",
                    user=self.env.user.name,
                    date=format_date(self.env, ext.date_new_end),
                )
            )
        return True

    def action_reject(self):
        self.filing_id._check_supervisor(self.env._("reject an extension"))
        if self.filtered(lambda e: e.state != "requested"):
            raise UserError(self.env._("Only requested extensions can be rejected."))
        self.write({"state": "rejected"})
        for ext in self:
            ext.filing_id.message_post(
                body=self.env._(
                    "Extension until %(date)s rejected.",
                    date=format_date(self.env, ext.date_new_end),
                )
            )
        return True
