from odoo import fields, models


class PropertyBillingRun(models.Model):
    _name = "property.billing.run"
    _description = "Billing Run"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "period desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(required=True, tracking=True)
    estate_id = fields.Many2one(
        "property.estate",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    period = fields.Char(
        required=True, index=True, tracking=True, help="Month billed, e.g. 2026-11."
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
