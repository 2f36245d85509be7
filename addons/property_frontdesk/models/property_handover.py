from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .property_handover_kind_mixin import HANDOVER_TYPES
from .property_unit import DELIVERED_STATES, DELIVERY_STATE_SELECTION

OWNER_SIDE_ROLES = ("owner", "co_owner", "family", "company_contact", "proxy")
# default state of the unit once the handover is complete
DELIVERY_STATE_AFTER = {
    "first_delivery": "vacant",
    "resale": "occupied",
    "tenant_move_in": "occupied",
    "tenant_move_out": "vacant",
}


class PropertyHandover(models.Model):
    _name = "property.handover"
    _description = "House Handover"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: self.env._("New"),
    )
    handover_type = fields.Selection(
        HANDOVER_TYPES,
        string="Type",
        required=True,
        default="first_delivery",
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "In Progress"), ("done", "Completed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    estate_id = fields.Many2one(
        related="unit_id.estate_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(related="unit_id.building_id")
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    unit_delivery_state = fields.Selection(
        related="unit_id.delivery_state", string="Unit Status"
    )
    date = fields.Date(
        required=True,
        default=lambda self: self.env["property.unit"]._property_today(),
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        required=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The new owner (first delivery, resale), the incoming tenant or the "
        "tenant moving out.",
    )
    owner_kind = fields.Selection(
        [("family", "Family"), ("company", "Company")],
        string="Customer Kind",
        compute="_compute_owner_kind",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="Decides which documents the customer must bring.",
    )
    by_proxy = fields.Boolean(
        string="Represented by a Proxy",
        help="Someone comes on the customer's behalf with a letter of authorisation.",
    )
    proxy_partner_id = fields.Many2one(
        "res.partner", string="Proxy", ondelete="restrict"
    )
    previous_owner_ids = fields.Many2many(
        "res.partner",
        "property_handover_previous_owner_rel",
        "handover_id",
        "partner_id",
        string="Previous Owners",
        compute="_compute_previous_owner_ids",
        store=True,
        help="Resale: owners whose membership ends with the handover.",
    )
    occupant_ids = fields.Many2many(
        "res.partner",
        "property_handover_occupant_rel",
        "handover_id",
        "partner_id",
        string="Family Members / Occupants",
        help="Registered as members of the unit on completion.",
    )
    lease_end_date = fields.Date(help="End of the lease of an incoming tenant.")
    becomes_payer = fields.Boolean(
        string="Pays the Bills",
        compute="_compute_becomes_payer",
        store=True,
        readonly=False,
        precompute=True,
        help="The customer becomes the unit's bill payer on completion (always for "
        "a new owner).",
    )
    delivery_state_after = fields.Selection(
        DELIVERY_STATE_SELECTION,
        string="Unit Status Afterwards",
        compute="_compute_delivery_state_after",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    inspection_required = fields.Boolean(compute="_compute_inspection_required")

    # checklists
    document_line_ids = fields.One2many(
        "property.handover.document",
        "handover_id",
        string="Documents",
        compute="_compute_document_line_ids",
        store=True,
        readonly=False,
    )
    agreement_line_ids = fields.One2many(
        "property.handover.agreement",
        "handover_id",
        string="Agreements",
        compute="_compute_agreement_line_ids",
        store=True,
        readonly=False,
    )
    equipment_line_ids = fields.One2many(
        "property.handover.equipment",
        "handover_id",
        string="Equipment",
        compute="_compute_item_lines",
        store=True,
        readonly=False,
    )
    key_line_ids = fields.One2many(
        "property.handover.key",
        "handover_id",
        string="Keys and Items",
        compute="_compute_item_lines",
        store=True,
        readonly=False,
    )
    defect_ids = fields.One2many(
        "property.handover.defect", "handover_id", string="Defects"
    )
    missing_document_count = fields.Integer(compute="_compute_missing_documents")
    missing_documents = fields.Text(compute="_compute_missing_documents")
    defect_ticket_count = fields.Integer(compute="_compute_defect_counts")
    defect_open_count = fields.Integer(compute="_compute_defect_counts")

    # inspection
    water_reading = fields.Float(string="Water Meter (m³)", digits=(12, 2))
    electricity_reading = fields.Float(string="Electricity Meter (kWh)", digits=(12, 2))
    gas_reading = fields.Float(string="Gas Meter (m³)", digits=(12, 2))
    readings_confirmed = fields.Boolean(
        string="Readings Confirmed by the Customer", tracking=True
    )
    keys_signed = fields.Boolean(
        string="Keys and Items Signed For",
        tracking=True,
        help="The customer signed the list of keys and items received.",
    )
    key_custody = fields.Boolean(
        string="Keys Kept in Custody",
        tracking=True,
        help="The centre keeps a key (vacant-house service, repairs).",
    )
    key_custody_count = fields.Integer(string="Keys in Custody")
    key_custody_consent = fields.Boolean(
        string="Custody Statement Signed",
        help="The owner signed the key custody statement (锁匙托管责任声明书).",
    )
    key_custody_note = fields.Char(string="Custody Note")

    # exception to the document checklist
    exception_reason = fields.Text(
        tracking=True,
        help="Why the handover may be completed although required documents are "
        "missing; recorded by a supervisor.",
    )
    exception_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        ondelete="restrict",
        tracking=True,
    )
    exception_date = fields.Datetime(string="Exception On", readonly=True, copy=False)
    done_date = fields.Datetime(string="Completed On", readonly=True, copy=False)
    done_by_id = fields.Many2one(
        "res.users",
        string="Completed By",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    note = fields.Html()

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "The handover reference must be unique.",
        ),
        (
            "key_custody_count_positive",
            "CHECK(key_custody_count >= 0)",
            "The number of keys in custody cannot be negative.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("partner_id")
    def _compute_owner_kind(self):
        for handover in self:
            handover.owner_kind = (
                "company" if handover.partner_id.is_company else "family"
            )

    @api.depends("handover_type", "unit_id")
    def _compute_previous_owner_ids(self):
        for handover in self:
            if handover.handover_type == "resale" and handover.state == "draft":
                handover.previous_owner_ids = (
                    handover.unit_id.current_member_ids.filtered(
                        lambda m: m.role in ("owner", "co_owner")
                    ).partner_id
                )
            else:
                handover.previous_owner_ids = False

    @api.depends("handover_type")
    def _compute_becomes_payer(self):
        for handover in self:
            handover.becomes_payer = handover.handover_type != "tenant_move_out"

    @api.depends("handover_type")
    def _compute_delivery_state_after(self):
        for handover in self:
            handover.delivery_state_after = DELIVERY_STATE_AFTER[
                handover.handover_type or "first_delivery"
            ]

    @api.depends("handover_type")
    def _compute_inspection_required(self):
        for handover in self:
            # a resold house is not inspected with the new owner
            handover.inspection_required = handover.handover_type != "resale"

    @api.depends("handover_type", "owner_kind", "by_proxy")
    def _compute_document_line_ids(self):
        items = self.env["property.handover.checklist.item"].search(
            [("active", "=", True)]
        )
        for handover in self:
            if handover.state not in (False, "draft"):
                continue
            wanted = items._filter_for_handover(handover)
            # in a form, the lines are new records pointing to new records
            lines = handover.document_line_ids
            obsolete = lines.filtered(
                lambda line, w=wanted: line.item_id and line.item_id._origin not in w
            )
            commands = [Command.unlink(line.id) for line in obsolete]
            commands += [
                Command.create(
                    {
                        "item_id": item.id,
                        "sequence": item.sequence,
                        "required": item.required,
                    }
                )
                for item in wanted - lines.item_id._origin
            ]
            if commands:
                handover.document_line_ids = commands

    @api.depends("handover_type")
    def _compute_agreement_line_ids(self):
        types = self.env["property.agreement.type"].search([("active", "=", True)])
        for handover in self:
            if handover.state not in (False, "draft"):
                continue
            wanted = types._filter_for_handover_type(handover.handover_type).filtered(
                lambda t, h=handover: not t.company_id or t.company_id == h.company_id
            )
            lines = handover.agreement_line_ids
            commands = [
                Command.unlink(line.id)
                for line in lines
                if line.agreement_type_id
                and line.agreement_type_id._origin not in wanted
            ]
            commands += [
                Command.create(
                    {
                        "agreement_type_id": agreement.id,
                        "sequence": agreement.sequence,
                        "required": agreement.required,
                    }
                )
                for agreement in wanted - lines.agreement_type_id._origin
            ]
            if commands:
                handover.agreement_line_ids = commands

    @api.depends("handover_type")
    def _compute_item_lines(self):
        items = self.env["property.handover.item"].search([("active", "=", True)])
        for handover in self:
            if handover.state not in (False, "draft"):
                continue
            wanted = items._filter_for_handover_type(handover.handover_type).filtered(
                lambda i, h=handover: not i.company_id or i.company_id == h.company_id
            )
            equipment = wanted.filtered(lambda i: i.item_type == "equipment")
            handed = wanted - equipment
            handover.equipment_line_ids = [
                Command.unlink(line.id)
                for line in handover.equipment_line_ids
                if line.item_id and line.item_id._origin not in equipment
            ] + [
                Command.create(
                    {
                        "item_id": item.id,
                        "sequence": item.sequence,
                        "quantity": item.quantity,
                    }
                )
                for item in equipment - handover.equipment_line_ids.item_id._origin
            ]
            handover.key_line_ids = [
                Command.unlink(line.id)
                for line in handover.key_line_ids
                if line.item_id and line.item_id._origin not in handed
            ] + [
                Command.create(
                    {
                        "item_id": item.id,
                        "sequence": item.sequence,
                        "quantity": item.quantity,
                        "key_kind": item.key_kind or "other",
                    }
                )
                for item in handed - handover.key_line_ids.item_id._origin
            ]

    @api.depends("document_line_ids.status", "document_line_ids.required")
    def _compute_missing_documents(self):
        for handover in self:
            missing = handover._get_missing_documents()
            handover.missing_document_count = len(missing)
            handover.missing_documents = "\n".join(missing.mapped("name"))

    @api.depends("defect_ids.ticket_id.state")
    def _compute_defect_counts(self):
        for handover in self:
            tickets = handover.defect_ids.ticket_id
            handover.defect_ticket_count = len(tickets)
            handover.defect_open_count = len(
                tickets.filtered(lambda t: t.state not in ("closed", "cancelled"))
            )

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                unit = self.env["property.unit"].browse(vals.get("unit_id"))
                vals["name"] = self.env["ir.sequence"].with_company(
                    unit.company_id or self.env.company
                ).next_by_code("property.handover") or self.env._("New")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if done := self.filtered(lambda h: h.state == "done"):
            raise UserError(
                self.env._(
                    "Completed handovers changed the unit's members; they are kept: "
                    "%(names)s",
                    names=", ".join(done.mapped("name")),
                )
            )

    # === ACTION METHODS === #
    def action_record_exception(self):
        """A supervisor allows completing despite missing required documents."""
        if not self.env.user.has_group("property_frontdesk.group_property_supervisor"):
            raise AccessError(
                self.env._("Only a front desk supervisor records an exception.")
            )
        self._check_draft()
        if missing := self.filtered(lambda h: not (h.exception_reason or "").strip()):
            raise UserError(
                self.env._(
                    "Write the reason for the exception first: %(names)s",
                    names=", ".join(missing.mapped("name")),
                )
            )
        self.write(
            {"exception_by_id": self.env.uid, "exception_date": fields.Datetime.now()}
        )
        return True

    def action_create_defect_tickets(self):
        self._check_draft()
        self.defect_ids._create_repair_tickets()
        return True

    def action_complete(self):
        self._check_draft()
        for handover in self:
            if blockers := handover._get_completion_blockers():
                raise UserError(
                    self.env._(
                        "Handover %(name)s cannot be completed yet:\n%(blockers)s",
                        name=handover.name,
                        blockers="\n".join(f"- {b}" for b in blockers),
                    )
                )
        for handover in self:
            handover._apply_to_unit()
        self.defect_ids.filtered(lambda d: not d.ticket_id)._create_repair_tickets()
        self.write(
            {
                "state": "done",
                "done_date": fields.Datetime.now(),
                "done_by_id": self.env.uid,
            }
        )
        return True

    def action_cancel(self):
        self._check_draft()
        self.write({"state": "cancelled"})
        return True

    def action_reset_draft(self):
        if wrong := self.filtered(lambda h: h.state != "cancelled"):
            raise UserError(
                self.env._(
                    "Only cancelled handovers can be reopened: %(names)s",
                    names=", ".join(wrong.mapped("name")),
                )
            )
        self.write({"state": "draft"})
        return True

    def action_view_defect_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_action"
        )
        action["domain"] = [("id", "in", self.defect_ids.ticket_id.ids)]
        action["context"] = {"create": False}
        return action

    # === BUSINESS METHODS === #
    def _check_draft(self):
        if wrong := self.filtered(lambda h: h.state != "draft"):
            raise UserError(
                self.env._(
                    "Only handovers in progress can be changed this way: %(names)s",
                    names=", ".join(wrong.mapped("name")),
                )
            )

    def _get_missing_documents(self):
        self.ensure_one()
        return self.document_line_ids.filtered(
            lambda line: line.required and line.status == "missing"
        )

    def _get_billing_completion_blockers(self):
        """Hook for the billing addon: reasons (translated, human-readable strings)
        why billing forbids completing this handover, e.g. unpaid fees of the
        previous owner on a resale, or the first three months of service fee not
        collected before the keys of a first delivery are handed over.

        The base implementation has no billing rule and returns ``[]``."""
        self.ensure_one()
        return []

    def _get_completion_blockers(self):
        """Every reason why the handover cannot be completed now."""
        self.ensure_one()
        blockers = []
        today = self.env["property.unit"]._property_today()
        if self.date > today:
            blockers.append(
                self.env._(
                    "the handover is dated %(date)s, in the future.", date=self.date
                )
            )
        blockers += self._get_unit_blockers()
        missing = self._get_missing_documents()
        if missing and not self.exception_by_id:
            blockers.append(
                self.env._(
                    "required documents are missing (a supervisor may record an "
                    "exception): %(documents)s",
                    documents=", ".join(missing.mapped("name")),
                )
            )
        if unsigned := self.agreement_line_ids.filtered(
            lambda line: line.required and not line.signed
        ):
            blockers.append(
                self.env._(
                    "agreements not signed: %(agreements)s",
                    agreements=", ".join(unsigned.mapped("name")),
                )
            )
        if self.inspection_required and not self.readings_confirmed:
            blockers.append(
                self.env._("the customer has not confirmed the meter readings.")
            )
        if self.key_line_ids and not self.keys_signed:
            blockers.append(
                self.env._("the customer has not signed for the keys and items.")
            )
        if self.key_custody and not self.key_custody_consent:
            blockers.append(
                self.env._(
                    "keys are kept in custody without the owner's signed statement."
                )
            )
        blockers += self._get_billing_completion_blockers()
        return blockers

    def _get_unit_blockers(self):
        self.ensure_one()
        unit = self.unit_id
        blockers = []
        if self.handover_type == "first_delivery":
            if unit.delivery_state in DELIVERED_STATES:
                blockers.append(
                    self.env._(
                        "unit %(unit)s has already been delivered.",
                        unit=unit.display_name,
                    )
                )
        elif unit.delivery_state not in DELIVERED_STATES:
            blockers.append(
                self.env._(
                    "unit %(unit)s has not been delivered yet: start with its first "
                    "delivery.",
                    unit=unit.display_name,
                )
            )
        if self.handover_type == "tenant_move_out" and not self._get_leaving_members():
            blockers.append(
                self.env._(
                    "%(partner)s is not a current tenant of unit %(unit)s.",
                    partner=self.partner_id.name,
                    unit=unit.display_name,
                )
            )
        if (
            self.handover_type == "tenant_move_out"
            and self._get_leaving_members().filtered("is_payer")
            and not self._get_new_payer_partner()
        ):
            blockers.append(
                self.env._(
                    "nobody would pay the bills of unit %(unit)s once the tenant "
                    "has left: register the owner on the unit first.",
                    unit=unit.display_name,
                )
            )
        if late := self._get_ending_members().filtered(
            lambda m: m.date_start >= self.date
        ):
            blockers.append(
                self.env._(
                    "the membership of %(partners)s starts on or after the handover "
                    "date and cannot end before it.",
                    partners=", ".join(late.partner_id.mapped("name")),
                )
            )
        return blockers

    def _get_current_members(self):
        self.ensure_one()
        return self.unit_id.member_ids.filtered(lambda m: m._is_current_on(self.date))

    def _get_leaving_members(self):
        """Memberships ended by the handover."""
        self.ensure_one()
        current = self._get_current_members()
        if self.handover_type == "first_delivery":
            return current
        if self.handover_type == "resale":
            return current.filtered(lambda m: m.role in OWNER_SIDE_ROLES)
        if self.handover_type == "tenant_move_out":
            return current.filtered(
                lambda m: m.role == "tenant" and m.partner_id == self.partner_id
            )
        return current.browse()

    def _get_ending_members(self):
        """Memberships that end the day before the handover: the leaving ones, and
        the current payer when the payer changes."""
        self.ensure_one()
        ending = self._get_leaving_members()
        if self._get_new_payer_partner():
            ending |= self._get_current_members().filtered("is_payer")
        return ending

    def _get_new_payer_partner(self):
        """Who pays the bills from the handover date, if the payer changes."""
        self.ensure_one()
        if self.handover_type == "tenant_move_out":
            leaving = self._get_leaving_members()
            if leaving.filtered("is_payer"):
                stays = self._get_current_members() - leaving
                owner = stays.filtered(lambda m: m.role == "owner")[:1]
                return owner.partner_id or stays[:1].partner_id
            return self.env["res.partner"]
        return self.partner_id if self.becomes_payer else self.env["res.partner"]

    def _prepare_member_commands(self):
        """Commands on the unit's members: memberships are ended first, then the new
        ones are created, so that the unit always has exactly one current payer."""
        self.ensure_one()
        day = self.date
        day_before = fields.Date.subtract(day, days=1)
        leaving = self._get_leaving_members()
        ending = self._get_ending_members()
        new_payer = self._get_new_payer_partner()
        commands = [Command.update(m.id, {"date_end": day_before}) for m in ending]
        creates = []
        # payers that stay members go on without paying (or start paying again)
        for member in ending - leaving:
            creates.append(
                {
                    "partner_id": member.partner_id.id,
                    "role": member.role,
                    "date_start": day,
                    "date_end": member.date_end,
                    "is_payer": member.partner_id == new_payer,
                    "note": member.note,
                }
            )
        if self.handover_type in ("first_delivery", "resale"):
            creates.append(
                {
                    "partner_id": self.partner_id.id,
                    "role": "owner",
                    "date_start": day,
                    "is_payer": True,
                }
            )
        elif self.handover_type == "tenant_move_in":
            creates.append(
                {
                    "partner_id": self.partner_id.id,
                    "role": "tenant",
                    "date_start": day,
                    "date_end": self.lease_end_date,
                    "is_payer": self.becomes_payer,
                }
            )
        elif new_payer and new_payer not in (ending - leaving).partner_id:
            # tenant moving out who paid: the owner pays again
            owner = (self._get_current_members() - leaving).filtered(
                lambda m: m.partner_id == new_payer
            )[:1]
            commands.append(Command.update(owner.id, {"date_end": day_before}))
            creates.append(
                {
                    "partner_id": new_payer.id,
                    "role": owner.role,
                    "date_start": day,
                    "date_end": owner.date_end,
                    "is_payer": True,
                }
            )
        if self.handover_type != "tenant_move_out":
            occupant_role = (
                "company_contact" if self.owner_kind == "company" else "family"
            )
            creates += [
                {
                    "partner_id": partner.id,
                    "role": occupant_role,
                    "date_start": day,
                    "date_end": self.lease_end_date
                    if self.handover_type == "tenant_move_in"
                    else False,
                }
                for partner in self.occupant_ids - self.partner_id
            ]
        return commands + [Command.create(vals) for vals in creates]

    def _apply_to_unit(self):
        """Members and delivery state of the unit after the handover."""
        self.ensure_one()
        self.unit_id.write(
            {
                "member_ids": self._prepare_member_commands(),
                "delivery_state": self.delivery_state_after,
            }
        )
        self.unit_id.message_post(
            body=self.env._(
                "%(type)s completed (%(handover)s) with %(partner)s.",
                type=dict(
                    self._fields["handover_type"]._description_selection(self.env)
                )[self.handover_type],
                handover=self._get_html_link(),
                partner=self.partner_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _get_report_copy_labels(self):
        return [self.env._("Customer's copy"), self.env._("Service centre's copy")]

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._(
            "Handover Confirmation %(name)s", name=self.name.replace("/", "-")
        )
