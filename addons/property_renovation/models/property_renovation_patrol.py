from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_renovation_filing import WORKING_STATES


class PropertyRenovationPatrol(models.Model):
    _name = "property.renovation.patrol"
    _description = "Renovation Patrol"
    _order = "date desc, id desc"
    _check_company_auto = True

    filing_id = fields.Many2one(
        "property.renovation.filing",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('state', 'in', ('certificate_issued', 'in_progress', "
        "'inspection_requested'))]",
    )
    company_id = fields.Many2one(
        related="filing_id.company_id", store=True, index=True, precompute=True
    )
    unit_id = fields.Many2one(related="filing_id.unit_id")
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users",
        string="Patrolled By",
        required=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
    )
    findings = fields.Text(required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_patrol_attachment_rel",
        "patrol_id",
        "attachment_id",
        string="Photos",
    )
    violation_ids = fields.One2many(
        "property.renovation.violation", "patrol_id", string="Violations"
    )

    @api.depends("filing_id.name", "date")
    def _compute_display_name(self):
        for patrol in self:
            patrol.display_name = (
                f"{patrol.filing_id.name} {fields.Date.to_string(patrol.date)}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        patrols = super().create(vals_list)
        for patrol in patrols:
            if patrol.filing_id.state not in WORKING_STATES:
                raise UserError(
                    self.env._(
                        "Patrols are recorded on filings whose works are going on "
                        "(%(name)s).",
                        name=patrol.filing_id.name,
                    )
                )
            patrol.filing_id.message_post(
                body=self.env._("Patrol: %(findings)s", findings=patrol.findings),
                attachment_ids=patrol.attachment_ids.ids,
            )
        return patrols
