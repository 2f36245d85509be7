from odoo import api, fields, models
from odoo.tools import SQL

COLLECTION_TARGET = 95.0


class PropertyCollectionReport(models.Model):
    _name = "property.collection.report"
    _description = "Collection Rate"
    _auto = False
    _order = "period desc, estate_id, building_id"

    estate_id = fields.Many2one("property.estate", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    period = fields.Char(readonly=True)
    notice_count = fields.Integer(string="Notices", readonly=True)
    amount_billed = fields.Monetary(string="Billed", readonly=True)
    amount_collected = fields.Monetary(string="Collected", readonly=True)
    amount_due = fields.Monetary(string="Outstanding", readonly=True)
    collection_rate = fields.Float(
        string="Collection Rate (%)", readonly=True, aggregator="avg"
    )
    target_rate = fields.Float(string="Target (%)", readonly=True, aggregator="max")
    currency_id = fields.Many2one("res.currency", readonly=True)

    @property
    def _table_query(self):
        self.env["account.move"].flush_model()
        return SQL(
            """
            SELECT MIN(m.id) AS id, m.property_estate_id AS estate_id,
                   u.building_id, m.company_id, m.property_period AS period,
                   c.currency_id, COUNT(*) AS notice_count,
                   SUM(m.amount_total) AS amount_billed,
                   SUM(m.amount_total - m.amount_residual) AS amount_collected,
                   SUM(m.amount_residual) AS amount_due,
                   CASE WHEN SUM(m.amount_total) = 0 THEN 100.0
                        ELSE 100.0 * SUM(m.amount_total - m.amount_residual)
                             / SUM(m.amount_total) END AS collection_rate,
                   %s AS target_rate
              FROM account_move m
              JOIN property_unit u ON u.id = m.property_unit_id
              JOIN res_company c ON c.id = m.company_id
             WHERE m.property_is_notice AND m.state = 'posted'
          GROUP BY m.property_estate_id, u.building_id, m.company_id,
                   m.property_period, c.currency_id
            """,
            COLLECTION_TARGET,
        )

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """The rate of a group is collected / billed of the group, not an
        average of rates."""
        result = super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        if any(f.split(":")[0] == "collection_rate" for f in fields):
            sums = super().read_group(
                domain,
                ["amount_billed:sum", "amount_collected:sum"],
                groupby,
                offset=offset,
                limit=limit,
                orderby=orderby,
                lazy=lazy,
            )
            for group, total in zip(result, sums, strict=True):
                billed = total.get("amount_billed") or 0.0
                group["collection_rate"] = (
                    100.0 * (total.get("amount_collected") or 0.0) / billed
                    if billed
                    else 100.0
                )
        return result
