from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Goods the desk does not pass on unless the supervisor allows it.
RESTRICTED_CATEGORIES = ("cash", "valuables", "perishable")


class PropertyButlerTransfer(models.Model):
    _name = "property.butler.transfer"
    _description = "Item Transfer"
    _inherit = ["property.butler.mixin"]
    _order = "date_received desc, id desc"

    # === FIELDS === #
    unit_id = fields.Many2one(required=True)
    partner_id = fields.Many2one(
        string="Owner",
        required=True,
        help="The owner on one side of the transfer: sender or recipient.",
    )
    direction = fields.Selection(
        [
            ("to_owner", "From a Visitor to the Owner"),
            ("from_owner", "From the Owner to a Visitor"),
        ],
        required=True,
        default="to_owner",
        tracking=True,
    )
    other_name = fields.Char(string="Other Party", required=True, tracking=True)
    other_phone = fields.Char(string="Other Party's Phone")
    other_partner_id = fields.Many2one(
        "res.partner",
        string="Other Party's Contact",
        ondelete="restrict",
        help="Contact of the other party, when known: the notice goes there too.",
    )
    recipient_name = fields.Char(compute="_compute_recipient")
    recipient_partner_id = fields.Many2one(
        "res.partner", compute="_compute_recipient", string="Recipient"
    )
    items = fields.Char(required=True, tracking=True)
    item_count = fields.Integer(string="Number of Pieces", required=True, default=1)
    item_category = fields.Selection(
        [
            ("documents", "Documents"),
            ("parcel", "Parcel"),
            ("keys", "Keys"),
            ("other", "Other"),
            ("cash", "Cash"),
            ("valuables", "Valuables"),
            ("perishable", "Perishable Food"),
        ],
        string="Category",
        required=True,
        default="parcel",
        tracking=True,
    )
    is_restricted = fields.Boolean(compute="_compute_is_restricted")
    approved_by_id = fields.Many2one(
        "res.users",
        string="Allowed By",
        readonly=True,
        copy=False,
        ondelete="restrict",
        tracking=True,
    )
    date_approved = fields.Datetime(string="Allowed On", readonly=True, copy=False)
    location = fields.Char(string="Storage Location")
    state = fields.Selection(
        [
            ("draft", "Registered"),
            ("held", "Held at the Desk"),
            ("collected", "Picked Up"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_received = fields.Datetime(
        string="Received On", readonly=True, copy=False, tracking=True
    )
    date_notified = fields.Datetime(
        string="Recipient Notified On", readonly=True, copy=False
    )
    collector_name = fields.Char(string="Collector", copy=False)
    collector_id_number = fields.Char(string="Collector's ID Number", copy=False)
    collector_signature = fields.Binary(
        string="Collector's Signature", copy=False, attachment=True
    )
    date_collected = fields.Datetime(
        string="Picked Up On", readonly=True, copy=False, tracking=True
    )
    cancel_reason = fields.Char(copy=False, tracking=True)

    # === COMPUTES === #
    @api.depends("direction", "partner_id", "other_name", "other_partner_id")
    def _compute_recipient(self):
        for record in self:
            if record.direction == "to_owner":
                record.recipient_partner_id = record.partner_id
                record.recipient_name = record.partner_id.name
            else:
                record.recipient_partner_id = record.other_partner_id
                record.recipient_name = record.other_name

    @api.depends("item_category")
    def _compute_is_restricted(self):
        for record in self:
            record.is_restricted = record.item_category in RESTRICTED_CATEGORIES

    # === CONSTRAINTS === #
    @api.constrains("partner_id", "unit_id")
    def _check_owner(self):
        for record in self:
            if not record._is_owner():
                raise ValidationError(
                    self.env._(
                        "One side of a transfer must be an owner: %(partner)s is not "
                        "a current owner of unit %(unit)s.",
                        partner=record.partner_id.display_name,
                        unit=record.unit_id.display_name,
                    )
                )

    # === CRUD === #
    @api.ondelete(at_uninstall=False)
    def _unlink_except_handled(self):
        if self.filtered(lambda r: r.state not in ("draft", "cancelled")):
            raise UserError(
                self.env._(
                    "Transfers taken in at the desk stay in the register; cancel them "
                    "instead."
                )
            )

    def write(self, vals):
        if "item_category" in vals or "items" in vals:
            if self.filtered(lambda r: r.state != "draft"):
                raise UserError(
                    self.env._(
                        "The items of a transfer cannot be changed once taken in."
                    )
                )
            if vals.get("item_category") not in RESTRICTED_CATEGORIES:
                vals = dict(vals, approved_by_id=False, date_approved=False)
        return super().write(vals)

    # === ACTIONS === #
    def action_approve(self):
        """The supervisor allows cash, valuables or perishables to be passed on."""
        self._check_is_supervisor(self.env._("allow a transfer of restricted goods"))
        for record in self:
            if not record.is_restricted:
                raise UserError(
                    self.env._(
                        "Transfer %(name)s needs no approval: its goods are not "
                        "restricted.",
                        name=record.name,
                    )
                )
        self.write(
            {"approved_by_id": self.env.user.id, "date_approved": fields.Datetime.now()}
        )
        return True

    def action_receive(self):
        """Take the items in and notify the recipient."""
        for record in self:
            if record.state != "draft":
                raise UserError(
                    self.env._(
                        "Transfer %(name)s has already been taken in.", name=record.name
                    )
                )
            if record.is_restricted and not record.approved_by_id:
                raise UserError(
                    self.env._(
                        "%(category)s are not passed on unless the supervisor allows "
                        "it (transfer %(name)s).",
                        category=record._selection_label("item_category"),
                        name=record.name,
                    )
                )
        self.write({"state": "held", "date_received": fields.Datetime.now()})
        self._notify_recipient()
        return True

    def _notify_recipient(self):
        for record in self:
            recipient = record.recipient_partner_id
            penv = record.with_context(lang=recipient.lang or self.env.lang).env
            body = penv._(
                "%(recipient)s, %(items)s (%(count)s pieces) from %(sender)s are "
                "waiting for you at the service centre desk (transfer %(name)s). "
                "Please bring your ID card when you pick them up.",
                recipient=record.recipient_name,
                items=record.items,
                count=record.item_count,
                sender=(
                    record.other_name
                    if record.direction == "to_owner"
                    else record.partner_id.name
                ),
                name=record.name,
            )
            if recipient:
                record.message_notify(
                    partner_ids=recipient.ids,
                    body=body,
                    subject=penv._("Items waiting for you at the desk"),
                    record_name=record.name,
                )
                recipient._message_log(body=body)
            record.message_post(
                body=self.env._(
                    "Recipient %(recipient)s notified (%(phone)s): %(body)s",
                    recipient=record.recipient_name,
                    phone=(
                        recipient.mobile or recipient.phone
                        if recipient
                        else record.other_phone
                    )
                    or "-",
                    body=body,
                )
            )
            record.date_notified = fields.Datetime.now()

    def action_pickup(self):
        """Hand the items over; the collector's ID and signature are recorded."""
        for record in self:
            if record.state != "held":
                raise UserError(
                    self.env._(
                        "Transfer %(name)s is not held at the desk.", name=record.name
                    )
                )
            if not (record.collector_name and record.collector_id_number):
                raise UserError(
                    self.env._(
                        "Record the collector's name and ID number before handing "
                        "over transfer %(name)s.",
                        name=record.name,
                    )
                )
            if not record.collector_signature:
                raise UserError(
                    self.env._(
                        "The collector must sign for transfer %(name)s.",
                        name=record.name,
                    )
                )
        self.write({"state": "collected", "date_collected": fields.Datetime.now()})
        return True

    def action_cancel(self):
        for record in self:
            if record.state in ("collected", "cancelled"):
                raise UserError(
                    self.env._("Transfer %(name)s is already closed.", name=record.name)
                )
            if not record.cancel_reason:
                raise UserError(
                    self.env._(
                        "Give the reason for cancelling transfer %(name)s.",
                        name=record.name,
                    )
                )
        self.write({"state": "cancelled"})
        return True
