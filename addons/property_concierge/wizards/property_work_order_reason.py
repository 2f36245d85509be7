from odoo import fields, models


class PropertyWorkOrderReason(models.TransientModel):
    """Records the reason of a step of the work order: the owner's cancellation,
    a rework, an escalation, damage and its settlement."""

    _name = "property.work.order.reason"
    _description = "Work Order Step with a Reason"

    work_order_ids = fields.Many2many("property.work.order", string="Work Orders")
    action = fields.Selection(
        [
            ("cancel", "Cancel at the Owner's Request"),
            ("rework", "Owner Not Satisfied: Rework"),
            ("escalate", "Still Not Satisfied: Escalate to the Manager"),
            ("settle", "Settle the Escalation"),
            ("damage", "Report Damage to the Owner's Property"),
            ("settle_damage", "Settle the Damage"),
        ],
        required=True,
        default="cancel",
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        orders = self.work_order_ids
        method = {
            "cancel": orders._cancel,
            "rework": orders._send_back_for_rework,
            "escalate": orders._escalate,
            "settle": orders._settle_escalation,
            "damage": orders._report_damage,
            "settle_damage": orders._settle_damage,
        }[self.action]
        method(self.reason)
        return {"type": "ir.actions.act_window_close"}
