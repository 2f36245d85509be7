from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyWorkOrderMaterial(models.Model):
    """Material or tool drawn from the store for a work order, and returned."""

    _name = "property.work.order.material"
    _description = "Work Order Material or Tool"
    _order = "work_order_id, kind, id"
    _check_company_auto = True

    work_order_id = fields.Many2one(
        "property.work.order", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="work_order_id.company_id", store=True, index=True
    )
    kind = fields.Selection(
        [("material", "Material"), ("tool", "Tool")],
        required=True,
        default="material",
        help="Tools are borrowed and returned; materials are drawn and used, the "
        "unused part returned.",
    )
    product_id = fields.Many2one(
        "product.product", string="Article", ondelete="restrict", check_company=True
    )
    name = fields.Char(
        string="Description",
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
    )
    quantity = fields.Float(string="Drawn", default=1.0, digits=(16, 2))
    returned_quantity = fields.Float(string="Returned", digits=(16, 2))
    drawn_date = fields.Date(default=fields.Date.context_today)
    returned_date = fields.Date()
    note = fields.Char()

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The quantity drawn must be positive.",
        ),
        (
            "returned_quantity_range",
            "CHECK(returned_quantity >= 0 AND returned_quantity <= quantity)",
            "The quantity returned cannot exceed the quantity drawn.",
        ),
    ]

    @api.depends("product_id")
    def _compute_name(self):
        for line in self:
            if line.product_id and not line.name:
                line.name = line.product_id.display_name

    @api.constrains("returned_quantity", "returned_date")
    def _check_returned_date(self):
        for line in self:
            if line.returned_quantity and not line.returned_date:
                raise ValidationError(
                    self.env._(
                        "%(name)s: enter the date it was returned to the store.",
                        name=line.name,
                    )
                )
