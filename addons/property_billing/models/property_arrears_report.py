from odoo import fields, models
from odoo.tools import SQL


class PropertyArrearsReport(models.Model):
    _name = "property.arrears.report"
    _description = "Arrears Ageing"
    _auto = False
    _order = "days_overdue desc"

    move_id = fields.Many2one("account.move", string="Notice", readonly=True)
    estate_id = fields.Many2one("property.estate", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    unit_id = fields.Many2one("property.unit", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Payer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    period = fields.Char(readonly=True)
    date_due = fields.Date(string="Due Date", readonly=True)
    days_overdue = fields.Integer(readonly=True, aggregator="max")
    age_bucket = fields.Selection(
        [
            ("0_30", "0-30 days"),
            ("31_90", "31-90 days"),
            ("91_180", "91-180 days"),
            ("over_180", "Over 180 days"),
        ],
        string="Age",
        readonly=True,
    )
    amount_due = fields.Monetary(string="Outstanding", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)

    @property
    def _table_query(self):
        self.env["account.move"].flush_model()
        today = self.env["property.unit"]._property_today()
        return SQL(
            """
            SELECT m.id, m.id AS move_id, m.property_estate_id AS estate_id,
                   u.building_id, m.property_unit_id AS unit_id, m.partner_id,
                   m.company_id, m.property_period AS period,
                   m.invoice_date_due AS date_due, c.currency_id,
                   GREATEST(%(today)s::date - m.invoice_date_due, 0) AS days_overdue,
                   CASE WHEN %(today)s::date - m.invoice_date_due <= 30 THEN '0_30'
                        WHEN %(today)s::date - m.invoice_date_due <= 90 THEN '31_90'
                        WHEN %(today)s::date - m.invoice_date_due <= 180 THEN '91_180'
                        ELSE 'over_180' END AS age_bucket,
                   m.amount_residual AS amount_due
              FROM account_move m
              JOIN property_unit u ON u.id = m.property_unit_id
              JOIN res_company c ON c.id = m.company_id
             WHERE m.property_is_notice AND m.state = 'posted'
               AND m.amount_residual > 0
            """,
            today=today,
        )
