from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    property_id_type = fields.Selection(
        [
            ("id_card", "Resident ID Card"),
            ("passport", "Passport"),
            ("hk_macao_permit", "Mainland Travel Permit (HK/Macao)"),
            ("taiwan_permit", "Mainland Travel Permit (Taiwan)"),
            ("business_licence", "Business Licence"),
            ("other", "Other"),
        ],
        string="ID Document Type",
    )
    property_id_number = fields.Char(
        string="ID Document Number", index="btree_not_null"
    )
    property_member_ids = fields.One2many(
        "property.unit.member", "partner_id", string="Unit Memberships"
    )
    property_unit_count = fields.Integer(
        string="Units", compute="_compute_property_unit_count"
    )
    property_document_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        string="Archive Documents",
        domain=[
            ("res_model", "=", "res.partner"),
            ("property_document_type_id", "!=", False),
        ],
        context={"default_res_model": "res.partner"},
    )

    property_ticket_count = fields.Integer(
        string="Tickets", compute="_compute_property_ticket_count"
    )

    def _compute_property_ticket_count(self):
        counts = dict(
            self.env["property.ticket"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.property_ticket_count = counts.get(partner, 0)

    def action_view_property_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    @api.depends("property_member_ids")
    def _compute_property_unit_count(self):
        counts = dict(
            self.env["property.unit.member"]._read_group(
                [("partner_id", "in", self.ids)],
                ["partner_id"],
                ["unit_id:count_distinct"],
            )
        )
        for partner in self:
            partner.property_unit_count = counts.get(partner, 0)

    def action_view_property_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_unit_action"
        )
        action["domain"] = [("member_ids.partner_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
