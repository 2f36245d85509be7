from odoo import fields, models

from .property_service_item import SERVICE_CATEGORIES


class PropertyServiceMonthLine(models.Model):
    _name = "property.service.month.line"
    _description = "Special Services Monthly Statement Line"
    _order = "month_id, team_id, service_item_id, id"

    month_id = fields.Many2one(
        "property.service.month", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="month_id.company_id", store=True)
    currency_id = fields.Many2one(related="month_id.currency_id")
    team_id = fields.Many2one("property.team", ondelete="restrict")
    service_item_id = fields.Many2one(
        "property.service.item", string="Service", ondelete="restrict"
    )
    category = fields.Selection(SERVICE_CATEGORIES)
    order_count = fields.Integer(string="Orders")
    done_count = fields.Integer(string="Completed")
    cancelled_count = fields.Integer(string="Cancelled")
    amount_total = fields.Monetary(string="Billed")
    amount_paid = fields.Monetary(string="Paid")
    amount_unpaid = fields.Monetary(string="Unpaid")
    amount_notice = fields.Monetary(string="On Payment Notices")
