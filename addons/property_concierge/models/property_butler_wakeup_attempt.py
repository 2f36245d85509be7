from odoo import fields, models


class PropertyButlerWakeupAttempt(models.Model):
    _name = "property.butler.wakeup.attempt"
    _description = "Wake-up Call Attempt"
    _order = "date, id"

    wakeup_id = fields.Many2one(
        "property.butler.wakeup", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="wakeup_id.company_id", store=True)
    date = fields.Datetime(
        string="Called At", required=True, default=fields.Datetime.now
    )
    result = fields.Selection(
        [("answered", "Answered"), ("no_answer", "No Answer"), ("busy", "Line Busy")],
        required=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Called By",
        default=lambda s: s.env.user,
        ondelete="restrict",
    )
