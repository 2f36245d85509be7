from odoo import api, fields, models


class PropertyButlerLendingItem(models.Model):
    _name = "property.butler.lending.item"
    _description = "Lendable Item"
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    estate_id = fields.Many2one(
        "property.estate",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    quantity = fields.Integer(
        string="Quantity Owned", required=True, default=1, help="Pieces the desk owns."
    )
    quantity_out = fields.Integer(string="Lent Out", compute="_compute_quantity_out")
    quantity_available = fields.Integer(
        string="Available", compute="_compute_quantity_out"
    )
    note = fields.Text(string="Remarks")
    loan_ids = fields.One2many("property.butler.loan", "item_id", string="Loans")

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity >= 0)",
            "The quantity owned cannot be negative.",
        )
    ]

    @api.depends("quantity", "loan_ids.state", "loan_ids.quantity")
    def _compute_quantity_out(self):
        groups = dict(
            self.env["property.butler.loan"]._read_group(
                [("item_id", "in", self.ids), ("state", "=", "out")],
                ["item_id"],
                ["quantity:sum"],
            )
        )
        for item in self:
            item.quantity_out = groups.get(item._origin, 0)
            item.quantity_available = item.quantity - item.quantity_out
