from odoo import api, fields, models
from odoo.exceptions import ValidationError

SERVICE_CATEGORIES = [
    ("repair", "In-home Repair"),
    ("cleaning", "Indoor Cleaning"),
    ("business", "Copying, Printing and Fax"),
    ("other", "Other"),
]


class PropertyServiceItem(models.Model):
    """An item of the published price list of paid services (有偿服务收费标准)."""

    _name = "property.service.item"
    _description = "Special Service Item"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        SERVICE_CATEGORIES, required=True, default="repair", tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
    )
    product_id = fields.Many2one(
        "product.product",
        string="Fee Item",
        ondelete="restrict",
        check_company=True,
        domain="[('property_fee_category', '!=', False)]",
        help="Fee item the charge is booked to (special service fee); the receipts "
        "and payment notices show it.",
    )
    pricing = fields.Selection(
        [("fixed", "Published Price"), ("quoted", "Quoted on Site")],
        required=True,
        default="fixed",
        tracking=True,
        help="Quoted items are assessed by the technician on site; the owner accepts "
        "the quote before the work starts.",
    )
    list_price = fields.Monetary(
        string="Price",
        currency_field="currency_id",
        tracking=True,
        help="Price per unit of the published price list (labour; materials bought "
        "by the owner are not included).",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    uom_name = fields.Char(
        string="Per", translate=True, help="Unit of the price, e.g. each, page, hour."
    )
    prepaid = fields.Boolean(
        string="Paid Before Service",
        help="The owner pays at the desk before the service is provided (indoor "
        "cleaning).",
    )
    team_id = fields.Many2one(
        "property.team",
        string="Default Team",
        ondelete="set null",
        check_company=True,
    )
    portal_published = fields.Boolean(
        string="Offered in the Portal",
        default=True,
        help="Owners can request this service from the portal.",
    )
    description = fields.Text(
        translate=True, help="What the service includes, for the owner."
    )
    work_order_count = fields.Integer(compute="_compute_work_order_count")

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "A service with this name already exists.",
        ),
    ]

    # === COMPUTE METHODS === #
    def _compute_work_order_count(self):
        groups = self.env["property.work.order"]._read_group(
            [("service_item_id", "in", self.ids)], ["service_item_id"], ["__count"]
        )
        counts = {item.id: count for item, count in groups}
        for item in self:
            item.work_order_count = counts.get(item.id, 0)

    # === CONSTRAINT METHODS === #
    @api.constrains("pricing", "list_price")
    def _check_price(self):
        for item in self:
            if item.pricing == "fixed" and item.list_price <= 0:
                raise ValidationError(
                    self.env._(
                        "Service %(name)s: a published price must be greater than "
                        "zero; choose 'Quoted on Site' when it is assessed on site.",
                        name=item.name,
                    )
                )
            if item.list_price < 0:
                raise ValidationError(
                    self.env._(
                        "Service %(name)s: the price cannot be negative.",
                        name=item.name,
                    )
                )

    # === BUSINESS METHODS === #
    def _get_fee_product(self):
        """Fee item of the charge: the item's, else billing's special service fee."""
        product = self[:1].product_id
        if not product:
            product = self.env.ref(
                "property_billing.product_fee_special_service",
                raise_if_not_found=False,
            )
        if product and product._name == "product.template":
            product = product.product_variant_id
        return product or self.env["product.product"]

    def action_view_work_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_concierge.property_work_order_action"
        )
        action["domain"] = [("service_item_id", "=", self.id)]
        action["context"] = {"default_service_item_id": self.id}
        return action
