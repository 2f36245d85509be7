from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyButlerCopyLine(models.Model):
    _name = "property.butler.copy.line"
    _description = "Copy and Print Register Line"
    _order = "register_id desc, datetime, id"
    _check_company_auto = True

    register_id = fields.Many2one(
        "property.butler.copy.register",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="register_id.company_id", store=True)
    currency_id = fields.Many2one(related="register_id.currency_id")
    date = fields.Date(related="register_id.date", store=True)
    datetime = fields.Datetime(
        string="Time", required=True, default=fields.Datetime.now
    )
    service_id = fields.Many2one(
        "property.butler.business.service",
        required=True,
        ondelete="restrict",
        check_company=True,
    )
    customer = fields.Char(help="Name or unit of the customer served.")
    unit_id = fields.Many2one(
        "property.unit", ondelete="restrict", check_company=True, index=True
    )
    quantity = fields.Float(required=True, default=1.0, digits=(16, 2))
    price_unit = fields.Monetary(
        string="Unit Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        default=lambda s: s.env.user,
        ondelete="restrict",
    )
    receipt_number = fields.Char(readonly=True, copy=False, index=True)

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive.")
    ]

    @api.depends("service_id")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line.service_id.price

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.currency_id.round(line.quantity * line.price_unit)

    def _check_not_receipted(self):
        if self.filtered(lambda line: line.register_id.receipt_id):
            raise UserError(
                self.env._(
                    "Lines already receipted cannot be changed: the receipt has been "
                    "issued."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_not_receipted()
        return lines

    def write(self, vals):
        if not self.env.context.get("property_copy_receipting"):
            self._check_not_receipted()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_receipted(self):
        self._check_not_receipted()

    def _prepare_receipt_line_vals(self, product):
        self.ensure_one()
        quantity = format(self.quantity, "g")
        return {
            "line_type": "fee",
            "product_id": product.id,
            "name": self.env._(
                "%(service)s × %(quantity)s %(uom)s",
                service=self.service_id.name,
                quantity=quantity,
                uom=self.service_id.uom_name,
            ),
            "amount": self.amount,
            "butler_copy_line_id": self.id,
        }
