from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .property_renovation_filing import WORKING_STATES


class PropertyRenovationWorker(models.Model):
    _name = "property.renovation.worker"
    _description = "Renovation Worker"
    _inherit = ["mail.thread"]
    _order = "filing_id, id"
    _check_company_auto = True

    filing_id = fields.Many2one(
        "property.renovation.filing", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="filing_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(related="filing_id.unit_id")
    name = fields.Char(required=True)
    id_number = fields.Char(string="ID Number", required=True)
    mobile = fields.Char()
    photo = fields.Image(max_width=512, max_height=512)
    trade = fields.Selection(
        [
            ("general", "General Labour"),
            ("carpenter", "Carpenter"),
            ("mason", "Mason / Tiler"),
            ("painter", "Painter"),
            ("electrician", "Electrician"),
            ("plumber", "Plumber"),
            ("welder", "Welder"),
            ("other", "Other"),
        ],
        required=True,
        default="general",
    )
    pass_number = fields.Char(
        string="Pass Number", readonly=True, copy=False, index=True, tracking=True
    )
    pass_date = fields.Date(string="Pass Issued On", readonly=True, copy=False)
    pass_valid_until = fields.Date(related="filing_id.date_end", string="Valid Until")
    pass_extended_until = fields.Date(
        string="Extended Until",
        readonly=True,
        copy=False,
        help="Noted on the pass when the filing is extended (延期至…).",
    )
    pass_returned = fields.Boolean(readonly=True, copy=False, tracking=True)
    pass_return_date = fields.Date(readonly=True, copy=False)

    _sql_constraints = [
        (
            "id_number_filing_uniq",
            "UNIQUE(filing_id, id_number)",
            "A worker is registered once per filing.",
        ),
        (
            "pass_number_company_uniq",
            "UNIQUE(pass_number, company_id)",
            "The pass number is already used.",
        ),
    ]

    @api.depends("name", "trade")
    def _compute_display_name(self):
        trades = dict(self._fields["trade"]._description_selection(self.env))
        for worker in self:
            worker.display_name = f"{worker.name} ({trades.get(worker.trade, '')})"

    def action_issue_pass(self):
        for worker in self:
            if worker.filing_id.state not in WORKING_STATES:
                raise UserError(
                    self.env._(
                        "Temporary passes are issued once the registration "
                        "certificate of %(name)s is issued, until the works end.",
                        name=worker.filing_id.name,
                    )
                )
            if worker.pass_number and not worker.pass_returned:
                raise UserError(
                    self.env._(
                        "%(worker)s already holds pass %(number)s.",
                        worker=worker.name,
                        number=worker.pass_number,
                    )
                )
        today = self.env["property.unit"]._property_today()
        for worker in self:
            number = (
                self.env["ir.sequence"]
                .with_company(worker.company_id)
                .next_by_code("property.renovation.pass")
            )
            worker.write(
                {
                    "pass_number": number,
                    "pass_date": today,
                    "pass_returned": False,
                    "pass_return_date": False,
                    "pass_extended_until": False,
                }
            )
            worker.filing_id.message_post(
                body=self.env._(
                    "Temporary pass %(number)s issued to %(worker)s, valid until "
                    "%(date)s.",
                    number=number,
                    worker=worker.name,
                    date=format_date(self.env, worker.pass_valid_until),
                )
            )
        return True

    def action_return_pass(self):
        if bad := self.filtered(lambda w: not w.pass_number or w.pass_returned):
            raise UserError(
                self.env._(
                    "No pass to return for: %(workers)s",
                    workers=", ".join(bad.mapped("name")),
                )
            )
        today = self.env["property.unit"]._property_today()
        self.write({"pass_returned": True, "pass_return_date": today})
        for worker in self:
            worker.filing_id.message_post(
                body=self.env._(
                    "Temporary pass %(number)s of %(worker)s returned.",
                    number=worker.pass_number,
                    worker=worker.name,
                )
            )
        return True
