from odoo import api, fields, models
from odoo.exceptions import ValidationError

# every paper a filing may require, in the centre's archive order
PAPER_TYPES = [
    ("business_licence", "Business Licence Copy (Stamped)"),
    ("qualification", "Qualification Certificate Copy (Stamped)"),
    ("manager_id", "Person in Charge: ID Copy, Photo and Phone"),
    ("worker_ids", "Workers: ID Copy (One) and Photos (Two)"),
    ("contract", "Renovation Contract Copy"),
    ("drawings", "Drawings and Construction Plan"),
    ("wiring_plan", "Water/Electric Wiring Plan"),
    ("structure_design", "Structure Design by a Qualified Designer"),
    ("construction_permit", "Government Construction Permit"),
    ("planning_approval", "Planning Authority Approval"),
    ("owners_consent", "Owners' Assembly/Committee Consent"),
    ("centre_style", "Service Centre's Standard Style"),
    ("fire_approval", "Fire Authority Approval of Hot Work"),
    ("advertising_certificate", "Outdoor Advertising Registration Certificate"),
    ("waterproof_commitment", "Owner's Commitment (Waterproof Layer)"),
    ("owner_consent", "Owner's Written Consent"),
    ("declaration", "Owner's Renovation Declaration"),
]
# who provides each paper
CONTRACTOR_PAPERS = {
    "business_licence",
    "qualification",
    "manager_id",
    "worker_ids",
    "contract",
    "drawings",
    "wiring_plan",
    "structure_design",
}


class PropertyRenovationFilingLine(models.Model):
    _name = "property.renovation.filing.line"
    _description = "Renovation Filing Paper"
    _order = "filing_id, sequence, id"
    _rec_name = "paper_type"
    _check_company_auto = True

    filing_id = fields.Many2one(
        "property.renovation.filing", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="filing_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    paper_type = fields.Selection(PAPER_TYPES, string="Paper", required=True)
    provider = fields.Selection(
        [("contractor", "Contractor"), ("owner", "Owner")],
        string="Provided By",
        compute="_compute_provider",
        store=True,
    )
    required = fields.Boolean(default=True, readonly=True)
    status = fields.Selection(
        [
            ("received", "Original Received"),
            ("copy_filed", "Copy Filed"),
            ("missing", "Missing"),
            ("declared", "Covered by the Declaration"),
        ],
        required=True,
        default="missing",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_filing_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Scans",
    )
    remark = fields.Char()

    _sql_constraints = [
        (
            "paper_filing_uniq",
            "UNIQUE(filing_id, paper_type)",
            "A paper appears once on a filing.",
        ),
    ]

    @api.depends("paper_type", "filing_id.self_renovation")
    def _compute_provider(self):
        for line in self:
            line.provider = (
                "contractor"
                if line.paper_type in CONTRACTOR_PAPERS
                and not line.filing_id.self_renovation
                else "owner"
            )

    @api.depends("paper_type")
    def _compute_display_name(self):
        labels = dict(self._fields["paper_type"]._description_selection(self.env))
        for line in self:
            line.display_name = labels.get(line.paper_type, "")

    @api.constrains("status", "paper_type")
    def _check_declared(self):
        for line in self.filtered(lambda ln: ln.status == "declared"):
            if line.provider != "contractor":
                raise ValidationError(
                    self.env._(
                        "The owner's declaration stands in for papers of the "
                        "contractor only, not for: %(paper)s",
                        paper=line.display_name,
                    )
                )
