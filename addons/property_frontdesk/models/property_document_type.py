from odoo import fields, models

# role of a unit member -> field of property.document.type saying the type is required
ROLE_REQUIREMENT_FIELDS = {
    "owner": "required_for_owner",
    "co_owner": "required_for_owner",
    "tenant": "required_for_tenant",
    "family": "required_for_family",
    "company_contact": "required_for_company_contact",
    "proxy": "required_for_proxy",
}


class PropertyDocumentType(models.Model):
    _name = "property.document.type"
    _description = "Archive Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    required_for_owner = fields.Boolean(
        string="Required for Owners", help="Owners and co-owners must file it."
    )
    required_for_tenant = fields.Boolean(string="Required for Tenants")
    required_for_family = fields.Boolean(string="Required for Family Members")
    required_for_company_contact = fields.Boolean(
        string="Required for Company Contacts"
    )
    required_for_proxy = fields.Boolean(string="Required for Proxies")

    _sql_constraints = [
        ("code_uniq", "UNIQUE(code)", "The document type code must be unique."),
    ]

    def _is_required_for_role(self, role):
        self.ensure_one()
        field_name = ROLE_REQUIREMENT_FIELDS.get(role)
        return bool(field_name and self[field_name])

    def _get_required_for_role(self, role):
        field_name = ROLE_REQUIREMENT_FIELDS.get(role)
        if not field_name:
            return self.browse()
        return self.search([(field_name, "=", True)])
