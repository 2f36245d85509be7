from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .property_service_item import SERVICE_CATEGORIES

# minutes within which the requester must be answered (procedure 2.4.3)
ANSWER_MINUTES = 15
# day of the next month by which the month's callbacks must be done (2.7.3)
CALLBACK_DAY = 10

WORK_ORDER_STATES = [
    ("draft", "Registered"),
    ("dispatched", "Dispatched"),
    ("in_progress", "In Progress"),
    ("escalated", "Escalated to Manager"),
    ("done", "Accepted by Owner"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]

PAYMENT_STATES = [
    ("none", "No Charge"),
    ("to_pay", "To Pay"),
    ("paid", "Paid"),
    ("unpaid", "Unpaid (Owner Signed)"),
    ("billed", "On Payment Notice"),
]

# fields only the desk may set: the technician never changes a price
PRICE_FIELDS = ("price_unit", "quantity", "service_item_id")
# fields set only by the steps of the work order (their methods check who may act)
WORKFLOW_FIELDS = {
    "state",
    "owner_agreed",
    "supervisor_consent_id",
    "supervisor_consent_date",
    "team_consent_id",
    "team_consent_date",
    "price_confirmed",
    "price_confirmed_date",
    "dispatch_date",
    "answered_date",
    "is_answer_overdue",
    "taken_date",
    "arrived_date",
    "start_date",
    "done_date",
    "rework_count",
    "rework_reason",
    "escalation_reason",
    "escalation_date",
    "escalation_resolution",
    "damage_state",
    "damage_description",
    "damage_settlement",
    "damage_settled_by_id",
    "closed_date",
    "closed_by_id",
    "cancel_reason",
    "cancel_date",
    "cancelled_by_id",
    "payment_state",
    "unpaid_date",
    "paid_date",
    "payment_reference",
    "notice_line_id",
    "is_callback_overdue",
}


class PropertyWorkOrder(models.Model):
    """Special (paid) service / repair work order (特约服务/维修工作单)."""

    _name = "property.work.order"
    _description = "Special Service Work Order"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "registration_date desc, id desc"
    _rec_names_search = ["name", "description"]
    _check_company_auto = True
    _mail_post_access = "read"

    # === FIELDS === #
    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: self.env._("New"),
    )
    state = fields.Selection(
        WORK_ORDER_STATES,
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    channel = fields.Selection(
        [("visit", "Visit"), ("phone", "Phone"), ("portal", "Portal")],
        required=True,
        default="phone",
        tracking=True,
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, ondelete="restrict", tracking=True
    )
    estate_id = fields.Many2one(
        related="unit_id.estate_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Requester",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    contact_phone = fields.Char(
        compute="_compute_contact_phone", store=True, readonly=False, precompute=True
    )
    service_item_id = fields.Many2one(
        "property.service.item",
        string="Service",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        check_company=True,
        help="Leave empty for a request outside the price list: it then needs the "
        "consent of the supervisor and of the service team, and a quoted price.",
    )
    category = fields.Selection(
        SERVICE_CATEGORIES,
        compute="_compute_category",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    is_outside_catalogue = fields.Boolean(
        string="Outside the Price List", compute="_compute_pricing", store=True
    )
    pricing = fields.Selection(
        [("fixed", "Published Price"), ("quoted", "Quoted on Site")],
        compute="_compute_pricing",
        store=True,
    )
    prepaid = fields.Boolean(
        string="Paid Before Service", compute="_compute_pricing", store=True
    )
    description = fields.Text(
        string="Service Requested", required=True, help="What the owner asks for."
    )
    registration_date = fields.Datetime(
        string="Registered On", required=True, default=fields.Datetime.now, index=True
    )
    registered_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        ondelete="restrict",
        readonly=True,
    )
    preferred_date = fields.Datetime(
        string="Preferred Time", help="When the owner would like the service."
    )
    owner_agreed = fields.Boolean(
        string="Owner Agreed to a Paid Service",
        tracking=True,
        copy=False,
        help="The desk explained that the service is paid and the owner agreed.",
    )

    # outside the price list: consents
    supervisor_consent_id = fields.Many2one(
        "res.users",
        string="Supervisor's Consent",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    supervisor_consent_date = fields.Datetime(readonly=True, copy=False)
    team_consent_id = fields.Many2one(
        "res.users",
        string="Service Team's Consent",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    team_consent_date = fields.Datetime(readonly=True, copy=False)

    # price
    currency_id = fields.Many2one(related="company_id.currency_id")
    price_unit = fields.Monetary(
        string="Unit Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    quantity = fields.Float(default=1.0, digits=(16, 2), tracking=True)
    amount = fields.Monetary(compute="_compute_amount", store=True, tracking=True)
    amount_words = fields.Char(
        string="Amount in Words", compute="_compute_amount_words"
    )
    price_confirmed = fields.Boolean(
        string="Price Agreed by Owner", readonly=True, copy=False, tracking=True
    )
    price_confirmed_date = fields.Datetime(readonly=True, copy=False)

    # dispatch and answer
    team_id = fields.Many2one(
        "property.team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    appointment_date = fields.Datetime(string="Appointment", tracking=True)
    dispatch_date = fields.Datetime(string="Dispatched On", readonly=True, copy=False)
    answer_deadline = fields.Datetime(
        string="Answer By",
        compute="_compute_answer_deadline",
        store=True,
        help="The requester must be answered within 15 minutes of registration.",
    )
    answered_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    answered_on_time = fields.Boolean(
        compute="_compute_answered_on_time", store=True, aggregator="bool_and"
    )
    answered_on_time_rate = fields.Float(
        string="Answered in 15 Minutes (%)",
        compute="_compute_answered_on_time",
        store=True,
        aggregator="avg",
    )
    is_answer_overdue = fields.Boolean(
        string="Answer Overdue", readonly=True, copy=False, index=True
    )

    # on site
    taken_date = fields.Datetime(string="Taken On", readonly=True, copy=False)
    arrived_date = fields.Datetime(string="Arrived On", readonly=True, copy=False)
    start_date = fields.Datetime(string="Started On", readonly=True, copy=False)
    done_date = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    owner_signature = fields.Binary(string="Owner's Signature", copy=False)
    work_done = fields.Text(copy=False)
    owner_copy = fields.Boolean(
        string="Print an Owner's Copy",
        help="The triplicate set is printed with a fourth copy for the owner.",
    )
    material_ids = fields.One2many(
        "property.work.order.material", "work_order_id", string="Materials and Tools"
    )
    rework_count = fields.Integer(
        string="Reworks", readonly=True, copy=False, aggregator="sum"
    )
    rework_reason = fields.Text(string="Last Rework Reason", readonly=True, copy=False)
    first_time_right = fields.Boolean(
        compute="_compute_first_time_right", store=True, aggregator="bool_and"
    )
    first_time_right_rate = fields.Float(
        string="First Time Right (%)",
        compute="_compute_first_time_right",
        store=True,
        aggregator="avg",
    )

    # escalation and damage
    escalation_reason = fields.Text(readonly=True, copy=False)
    escalation_date = fields.Datetime(readonly=True, copy=False)
    escalation_resolution = fields.Text(readonly=True, copy=False)
    damage_state = fields.Selection(
        [("none", "None"), ("reported", "Reported"), ("settled", "Settled")],
        string="Damage",
        required=True,
        default="none",
        copy=False,
        tracking=True,
    )
    damage_description = fields.Text(readonly=True, copy=False)
    damage_settlement = fields.Text(readonly=True, copy=False)
    damage_settled_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, ondelete="restrict"
    )

    # closing and cancellation
    closed_date = fields.Datetime(string="Closed On", readonly=True, copy=False)
    closed_by_id = fields.Many2one(
        "res.users",
        string="Confirmed by the Desk",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    cancel_reason = fields.Text(readonly=True, copy=False)
    cancel_date = fields.Datetime(readonly=True, copy=False)
    cancelled_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, ondelete="restrict"
    )

    # payment
    payment_state = fields.Selection(
        PAYMENT_STATES,
        required=True,
        default="to_pay",
        copy=False,
        index=True,
        tracking=True,
    )
    unpaid_signed = fields.Boolean(
        string="Owner Signed the Unpaid Note",
        copy=False,
        tracking=True,
        help="The owner wrote '欠费' on the work order and signed it.",
    )
    unpaid_date = fields.Date(readonly=True, copy=False)
    paid_date = fields.Date(readonly=True, copy=False, tracking=True)
    payment_reference = fields.Char(
        readonly=True, copy=False, help="Receipt or notice that settled the order."
    )
    receipt_line_ids = fields.One2many(
        "property.receipt.line", "work_order_id", string="Receipt Lines"
    )
    receipt_count = fields.Integer(compute="_compute_receipt_count")
    notice_line_id = fields.Many2one(
        "account.move.line",
        string="Payment Notice Line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="Line of the monthly payment notice that bills the unpaid order.",
    )
    notice_id = fields.Many2one(
        related="notice_line_id.move_id", string="Payment Notice"
    )

    # callbacks
    callback_ids = fields.One2many(
        "property.work.order.callback", "work_order_id", string="Callbacks"
    )
    callback_deadline = fields.Date(
        string="Callback By",
        compute="_compute_callback_deadline",
        store=True,
        help="Every completed order is called back by the 10th of the next month.",
    )
    callback_done = fields.Boolean(
        compute="_compute_callback", store=True, string="Called Back"
    )
    callback_method = fields.Selection(
        [("phone", "Phone"), ("on_site", "On Site")],
        compute="_compute_callback",
        store=True,
    )
    rating = fields.Selection(
        [
            ("3", "Very Satisfied"),
            ("2", "Satisfied"),
            ("1", "Dissatisfied"),
        ],
        compute="_compute_callback",
        store=True,
    )
    is_callback_overdue = fields.Boolean(
        string="Callback Overdue", readonly=True, copy=False, index=True
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "The work order number must be unique.",
        ),
        (
            "quantity_positive",
            "CHECK(quantity > 0)",
            "The quantity must be greater than zero.",
        ),
        (
            "price_unit_positive",
            "CHECK(price_unit >= 0)",
            "The price cannot be negative.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("unit_id")
    def _compute_partner_id(self):
        for order in self:
            if order.partner_id or not order.unit_id:
                continue
            members = order.unit_id.current_member_ids
            payer = (
                members.filtered("is_payer")[:1]
                or members.filtered(lambda m: m.role == "owner")[:1]
            )
            order.partner_id = (payer or members[:1]).partner_id

    @api.depends("partner_id")
    def _compute_contact_phone(self):
        for order in self:
            if not order.contact_phone and order.partner_id:
                order.contact_phone = order.partner_id.mobile or order.partner_id.phone

    @api.depends("service_item_id")
    def _compute_category(self):
        for order in self:
            if order.service_item_id:
                order.category = order.service_item_id.category
            elif not order.category:
                order.category = "other"

    @api.depends("service_item_id.pricing", "service_item_id.prepaid", "category")
    def _compute_pricing(self):
        for order in self:
            item = order.service_item_id
            order.is_outside_catalogue = not item
            order.pricing = item.pricing if item else "quoted"
            order.prepaid = item.prepaid if item else order.category == "cleaning"

    @api.depends("service_item_id")
    def _compute_price_unit(self):
        for order in self:
            item = order.service_item_id
            if item and item.pricing == "fixed":
                order.price_unit = item.list_price
            elif not order.price_unit:
                order.price_unit = 0.0

    @api.depends("price_unit", "quantity")
    def _compute_amount(self):
        for order in self:
            currency = order.currency_id or self.env.company.currency_id
            order.amount = currency.round(order.price_unit * order.quantity)

    @api.depends("amount", "currency_id")
    def _compute_amount_words(self):
        Currency = self.env["res.currency"]
        to_words = getattr(Currency, "_property_amount_to_chinese", None)
        for order in self:
            order.amount_words = to_words(order.amount) if to_words else False

    @api.depends("service_item_id", "unit_id")
    def _compute_team_id(self):
        for order in self:
            if not order.team_id and order.service_item_id.team_id:
                order.team_id = order.service_item_id.team_id

    @api.depends("registration_date")
    def _compute_answer_deadline(self):
        for order in self:
            order.answer_deadline = order.registration_date and (
                order.registration_date + timedelta(minutes=ANSWER_MINUTES)
            )

    @api.depends("answered_date", "answer_deadline")
    def _compute_answered_on_time(self):
        for order in self:
            order.answered_on_time = bool(
                order.answered_date
                and order.answer_deadline
                and order.answered_date <= order.answer_deadline
            )
            # averaged in the reports; orders not answered yet do not count
            order.answered_on_time_rate = (
                (100.0 if order.answered_on_time else 0.0)
                if order.answered_date
                else False
            )

    @api.depends("rework_count", "state")
    def _compute_first_time_right(self):
        for order in self:
            completed = order.state in ("done", "closed")
            order.first_time_right = completed and not order.rework_count
            order.first_time_right_rate = (
                (0.0 if order.rework_count else 100.0) if completed else False
            )

    @api.depends("done_date")
    def _compute_callback_deadline(self):
        for order in self:
            if not order.done_date:
                order.callback_deadline = False
                continue
            done_day = fields.Datetime.context_timestamp(order, order.done_date).date()
            order.callback_deadline = done_day.replace(
                day=CALLBACK_DAY
            ) + relativedelta(months=1)

    @api.depends(
        "callback_ids.is_spot_check", "callback_ids.method", "callback_ids.rating"
    )
    def _compute_callback(self):
        for order in self:
            callback = order.callback_ids.filtered(lambda c: not c.is_spot_check)[:1]
            order.callback_done = bool(callback)
            order.callback_method = callback.method
            order.rating = callback.rating

    def _compute_receipt_count(self):
        for order in self:
            order.receipt_count = len(order.receipt_line_ids.receipt_id)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for order in self:
            order.access_url = f"/my/special-services/{order.id}"
        return res

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in WORK_ORDER_STATES]

    # === CONSTRAINT METHODS === #
    @api.constrains("user_id", "team_id")
    def _check_technician_in_team(self):
        for order in self:
            if order.user_id and order.team_id:
                if order.user_id not in order.team_id._get_staff():
                    raise ValidationError(
                        self.env._(
                            "%(user)s is not a member of the team %(team)s.",
                            user=order.user_id.name,
                            team=order.team_id.name,
                        )
                    )

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        new = self.env._("New")
        for vals in vals_list:
            if vals.get("name", new) == new:
                unit = self.env["property.unit"].browse(vals.get("unit_id"))
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(unit.company_id or self.env.company)
                    .next_by_code("property.work.order")
                    or new
                )
        orders = super().create(vals_list)
        orders._check_price_rights_on_create()
        orders.filtered(
            lambda o: o.amount == 0 and o.pricing == "fixed"
        )._write_workflow({"payment_state": "none"})
        return orders

    def write(self, vals):
        if not self.env.su:
            if protected := WORKFLOW_FIELDS & set(vals):
                raise UserError(
                    self.env._(
                        "Use the buttons of the work order to change: %(fields)s.",
                        fields=", ".join(
                            self._fields[fname]._description_string(self.env)
                            for fname in sorted(protected)
                        ),
                    )
                )
            if set(PRICE_FIELDS) & set(vals):
                self._check_price_change(vals)
        return super().write(vals)

    def _write_workflow(self, vals):
        """Write the fields of a workflow step, once the step's checks are done."""
        return self.sudo().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        if self:
            raise UserError(
                self.env._(
                    "Work orders are never deleted: cancel %(names)s at the desk with "
                    "a reason instead.",
                    names=", ".join(self.mapped("name")),
                )
            )

    def _check_price_rights_on_create(self):
        if self.env.su or self.env.user.has_group(
            "property_frontdesk.group_property_clerk"
        ):
            return
        if any(order.price_unit for order in self if order.pricing == "quoted"):
            raise UserError(self.env._("Only the front desk can set the price."))

    def _check_price_change(self, vals):
        if not self.env.user.has_group("property_frontdesk.group_property_clerk"):
            raise UserError(
                self.env._(
                    "Only the front desk can change the service or the price of a "
                    "work order; a technician cannot."
                )
            )
        for order in self:
            changed = [
                fname
                for fname in PRICE_FIELDS
                if fname in vals
                and order._fields[fname].convert_to_write(order[fname], order)
                != vals[fname]
            ]
            if changed and order.price_confirmed:
                raise UserError(
                    self.env._(
                        "%(name)s: the price was agreed with the owner and cannot be "
                        "changed any more.",
                        name=order.name,
                    )
                )
            if changed and order.state in ("done", "closed", "cancelled"):
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: its price cannot be changed.",
                        name=order.name,
                        state=order._get_state_label(),
                    )
                )

    # === ACTION METHODS === #
    def action_owner_agrees(self):
        self._check_state(
            ("draft", "dispatched"), self.env._("agree to a paid service")
        )
        self._write_workflow({"owner_agreed": True})
        for order in self:
            order.message_post(
                body=self.env._("The service was explained as paid; the owner agreed.")
            )

    def action_supervisor_consent(self):
        self._check_group(
            "property_frontdesk.group_property_supervisor",
            self.env._(
                "Only a supervisor can consent to a service outside the price list."
            ),
        )
        self._check_state(("draft",), self.env._("consent to"))
        self._write_workflow(
            {
                "supervisor_consent_id": self.env.user.id,
                "supervisor_consent_date": fields.Datetime.now(),
            }
        )

    def action_team_consent(self):
        for order in self:
            if not order.team_id:
                raise UserError(
                    self.env._(
                        "%(name)s: choose the service team first.", name=order.name
                    )
                )
            if self.env.user != order.team_id.leader_id and not self.env.user.has_group(
                "property_frontdesk.group_property_supervisor"
            ):
                raise UserError(
                    self.env._(
                        "Only the leader of %(team)s can give the team's consent.",
                        team=order.team_id.name,
                    )
                )
        self._check_state(("draft",), self.env._("consent to"))
        self._write_workflow(
            {
                "team_consent_id": self.env.user.id,
                "team_consent_date": fields.Datetime.now(),
            }
        )

    def action_answer(self):
        """The requester was answered (appointment or explanation given)."""
        self._check_state(
            ("draft", "dispatched", "in_progress"),
            self.env._("answer the requester of"),
        )
        self.filtered(lambda o: not o.answered_date)._write_workflow(
            {"answered_date": fields.Datetime.now(), "is_answer_overdue": False}
        )

    def action_dispatch(self):
        self._check_desk()
        self._check_state(("draft", "dispatched"), self.env._("dispatch"))
        now = fields.Datetime.now()
        for order in self:
            order._check_registration_complete()
            if not order.team_id or not order.user_id or not order.appointment_date:
                raise UserError(
                    self.env._(
                        "%(name)s: choose the team, the technician and the appointment "
                        "before dispatching.",
                        name=order.name,
                    )
                )
            vals = {"state": "dispatched", "dispatch_date": now}
            if not order.answered_date:
                vals.update(answered_date=now, is_answer_overdue=False)
            order._write_workflow(vals)
            order.message_subscribe(partner_ids=order.user_id.partner_id.ids)
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(order),
                summary=self.env._("Special service %(name)s", name=order.name),
                user_id=order.user_id.id,
            )

    def action_take(self):
        self._check_state(("dispatched",), self.env._("take"))
        self._check_technician()
        self.filtered(lambda o: not o.taken_date)._write_workflow(
            {"taken_date": fields.Datetime.now()}
        )

    def action_arrive(self):
        self._check_state(("dispatched",), self.env._("arrive for"))
        self._check_technician()
        for order in self:
            if not order.taken_date:
                raise UserError(
                    self.env._(
                        "%(name)s: record when you took the order first.",
                        name=order.name,
                    )
                )
        self._write_workflow({"arrived_date": fields.Datetime.now()})

    def action_confirm_price(self):
        """The owner agreed the price (the published price or the on-site quote)."""
        self._check_state(("draft", "dispatched"), self.env._("confirm the price of"))
        for order in self:
            if order.amount <= 0:
                raise UserError(
                    self.env._(
                        "%(name)s: enter the quoted price before the owner accepts it.",
                        name=order.name,
                    )
                )
        self._write_workflow(
            {"price_confirmed": True, "price_confirmed_date": fields.Datetime.now()}
        )
        for order in self:
            order.message_post(
                body=self.env._(
                    "The owner agreed the price of %(amount)s.",
                    amount=order._format_amount(),
                )
            )

    def action_start(self):
        self._check_state(("dispatched",), self.env._("start"))
        self._check_technician()
        for order in self:
            if not order.arrived_date:
                raise UserError(
                    self.env._(
                        "%(name)s: record the arrival on site before starting.",
                        name=order.name,
                    )
                )
            if not order.price_confirmed:
                raise UserError(
                    self.env._(
                        "%(name)s: the price must be confirmed with the owner before "
                        "the work starts.",
                        name=order.name,
                    )
                )
            if order.prepaid and order.payment_state != "paid":
                raise UserError(
                    self.env._(
                        "%(name)s: %(service)s is paid at the desk before the service.",
                        name=order.name,
                        service=order.service_item_id.name or order.description,
                    )
                )
        self._write_workflow(
            {"state": "in_progress", "start_date": fields.Datetime.now()}
        )

    def action_owner_accept(self):
        """The owner tried the result, is satisfied and signed the work order."""
        self._check_state(("in_progress",), self.env._("accept"))
        for order in self:
            if not order.owner_signature:
                raise UserError(
                    self.env._(
                        "%(name)s: the owner signs the work order when accepting it.",
                        name=order.name,
                    )
                )
        self._write_workflow({"state": "done", "done_date": fields.Datetime.now()})

    def _send_back_for_rework(self, reason):
        """The owner is not satisfied: the order goes back for rework."""
        self._check_state(("in_progress",), self.env._("send back for rework"))
        for order in self:
            order._write_workflow(
                {"rework_count": order.rework_count + 1, "rework_reason": reason}
            )
            order.message_post(
                body=self.env._(
                    "Owner not satisfied, rework %(count)s: %(reason)s",
                    count=order.rework_count,
                    reason=reason,
                )
            )

    def _escalate(self, reason):
        """Still unsatisfied after rework: the service-centre manager takes over."""
        self._check_state(("in_progress",), self.env._("escalate"))
        for order in self:
            if not order.rework_count:
                raise UserError(
                    self.env._(
                        "%(name)s: send the order back for rework first; it is "
                        "escalated when the owner is still not satisfied.",
                        name=order.name,
                    )
                )
        self._write_workflow(
            {
                "state": "escalated",
                "escalation_reason": reason,
                "escalation_date": fields.Datetime.now(),
            }
        )
        self._notify_managers(self.env._("Special service escalated to the manager"))

    def _settle_escalation(self, resolution):
        self._check_group(
            "property_frontdesk.group_property_manager",
            self.env._("Only the service-centre manager settles an escalated order."),
        )
        self._check_state(("escalated",), self.env._("settle"))
        self._write_workflow(
            {
                "state": "done",
                "escalation_resolution": resolution,
                "done_date": fields.Datetime.now(),
            }
        )

    def _report_damage(self, description):
        self._check_state(
            ("dispatched", "in_progress", "escalated", "done"),
            self.env._("report damage on"),
        )
        self._write_workflow(
            {"damage_state": "reported", "damage_description": description}
        )
        self._notify_managers(self.env._("Damage to the owner's property reported"))

    def _settle_damage(self, settlement):
        self._check_group(
            "property_frontdesk.group_property_manager",
            self.env._(
                "Only the service-centre manager settles damage with the owner."
            ),
        )
        for order in self:
            if order.damage_state != "reported":
                raise UserError(
                    self.env._(
                        "%(name)s: no damage is waiting for settlement.",
                        name=order.name,
                    )
                )
        self._write_workflow(
            {
                "damage_state": "settled",
                "damage_settlement": settlement,
                "damage_settled_by_id": self.env.user.id,
            }
        )

    def _cancel(self, reason):
        """The owner cancelled: the desk voids the order (never deleted)."""
        self._check_desk()
        self._check_state(("draft", "dispatched", "in_progress"), self.env._("cancel"))
        for order in self:
            if order.payment_state == "paid":
                raise UserError(
                    self.env._(
                        "%(name)s is paid: void its receipt before cancelling it.",
                        name=order.name,
                    )
                )
        self._write_workflow(
            {
                "state": "cancelled",
                "cancel_reason": reason,
                "cancel_date": fields.Datetime.now(),
                "cancelled_by_id": self.env.user.id,
                "payment_state": "none",
            }
        )
        self.activity_unlink(["mail.mail_activity_data_todo"])
        for order in self:
            order.message_post(
                body=self.env._("Cancelled by the owner: %(reason)s", reason=reason)
            )

    def action_mark_unpaid(self):
        """The owner pays later: '欠费' written on the order and signed by the owner."""
        self._check_state(("done", "closed"), self.env._("mark unpaid"))
        for order in self:
            if order.payment_state != "to_pay":
                raise UserError(
                    self.env._("%(name)s is not waiting for payment.", name=order.name)
                )
            if not order.unpaid_signed:
                raise UserError(
                    self.env._(
                        "%(name)s: the owner must sign the unpaid note (欠费) first.",
                        name=order.name,
                    )
                )
        self._write_workflow(
            {
                "payment_state": "unpaid",
                "unpaid_date": self.env["property.unit"]._property_today(),
            }
        )
        self._schedule_follow_up()

    def action_mark_paid(self, reference=False):
        """Finance received the money of an unpaid order by other means (bank
        transfer): marks it paid and stops the desk's follow-up."""
        self._check_group(
            "property_frontdesk.group_property_finance",
            self.env._("Only finance marks an unpaid work order as paid."),
        )
        for order in self:
            if order.payment_state != "unpaid":
                raise UserError(
                    self.env._("%(name)s is not an unpaid order.", name=order.name)
                )
        self._set_paid(reference)

    def action_create_receipt(self):
        """Take the payment at the desk: a draft receipt of the order's amount (a
        fee of the service's fee item), which the clerk issues."""
        self.ensure_one()
        self._check_desk()
        if self.payment_state not in ("to_pay", "unpaid"):
            raise UserError(
                self.env._("%(name)s is not waiting for payment.", name=self.name)
            )
        if self.state == "cancelled" or (
            self.state not in ("done", "closed") and not self.prepaid
        ):
            raise UserError(
                self.env._(
                    "%(name)s is paid once the owner has accepted the work (or "
                    "before the service when it is paid in advance).",
                    name=self.name,
                )
            )
        if self.amount <= 0:
            raise UserError(
                self.env._("%(name)s has no price agreed yet.", name=self.name)
            )
        receipt = self.receipt_line_ids.receipt_id.filtered(
            lambda r: r.state == "draft"
        )[:1]
        if not receipt:
            product = self.service_item_id._get_fee_product()
            if not product:
                raise UserError(
                    self.env._(
                        "Set the fee item of the service %(service)s first.",
                        service=self.service_item_id.name or self.description,
                    )
                )
            receipt = self.env["property.receipt"].create(
                {
                    "partner_id": self.partner_id.id,
                    "unit_id": self.unit_id.id,
                    "payment_method": "cash",
                    "line_ids": [
                        Command.create(
                            {
                                "line_type": "fee",
                                "product_id": product.id,
                                "name": self._get_charge_label(),
                                "amount": self.amount,
                                "work_order_id": self.id,
                            }
                        )
                    ],
                }
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.receipt",
            "res_id": receipt.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_receipts(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Receipts"),
            "res_model": "property.receipt",
            "view_mode": "list,form",
            "domain": [("id", "in", self.receipt_line_ids.receipt_id.ids)],
        }

    def action_close(self):
        """The desk confirms the completed order (核销): tools returned, charge
        settled, damage settled."""
        self._check_desk()
        self._check_state(("done",), self.env._("close"))
        for order in self:
            if order.material_ids.filtered(
                lambda m: m.kind == "tool" and m.returned_quantity < m.quantity
            ):
                raise UserError(
                    self.env._(
                        "%(name)s: the tools must be returned to the store first.",
                        name=order.name,
                    )
                )
            if order.payment_state == "to_pay":
                raise UserError(
                    self.env._(
                        "%(name)s: take the payment or have the owner sign the unpaid "
                        "note first.",
                        name=order.name,
                    )
                )
            if order.damage_state == "reported":
                raise UserError(
                    self.env._(
                        "%(name)s: the damage must be settled through the manager "
                        "first.",
                        name=order.name,
                    )
                )
        self._write_workflow(
            {
                "state": "closed",
                "closed_date": fields.Datetime.now(),
                "closed_by_id": self.env.user.id,
            }
        )

    def action_open_reason_wizard(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_concierge.property_work_order_reason_action"
        )
        action["context"] = {
            "default_work_order_ids": self.ids,
            "default_action": self.env.context.get("reason_action", "cancel"),
        }
        return action

    def action_new_callback(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.work.order.callback",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_work_order_id": self.id,
                "default_is_spot_check": bool(self.env.context.get("spot_check")),
            },
        }

    # === BUSINESS METHODS === #
    def _get_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _check_state(self, states, what):
        for order in self:
            if order.state not in states:
                raise UserError(
                    self.env._(
                        "Cannot %(what)s %(name)s: it is %(state)s.",
                        what=what,
                        name=order.name,
                        state=order._get_state_label(),
                    )
                )

    def _check_group(self, group, message):
        if not self.env.su and not self.env.user.has_group(group):
            raise UserError(message)

    def _check_desk(self):
        self._check_group(
            "property_frontdesk.group_property_clerk",
            self.env._("Only the front desk can do this."),
        )

    def _check_technician(self):
        if self.env.su or self.env.user.has_group(
            "property_frontdesk.group_property_clerk"
        ):
            return
        for order in self:
            if order.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "%(name)s is dispatched to %(user)s.",
                        name=order.name,
                        user=order.user_id.name,
                    )
                )

    def _check_registration_complete(self):
        self.ensure_one()
        if not self.owner_agreed:
            raise UserError(
                self.env._(
                    "%(name)s: explain that the service is paid and record the "
                    "owner's agreement first.",
                    name=self.name,
                )
            )
        if self.is_outside_catalogue and not (
            self.supervisor_consent_id and self.team_consent_id
        ):
            raise UserError(
                self.env._(
                    "%(name)s is outside the price list: it needs the consent of the "
                    "supervisor and of the service team.",
                    name=self.name,
                )
            )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Work Order %(name)s", name=self.name)

    def _format_amount(self):
        self.ensure_one()
        return f"{self.currency_id.symbol or ''}{self.amount:,.2f}"

    def _get_report_copy_labels(self):
        labels = [
            self.env._("First copy: customer service centre file"),
            self.env._("Second copy: engineering (service) department"),
            self.env._("Third copy: finance"),
        ]
        if self.owner_copy:
            labels.append(self.env._("Owner's copy"))
        return labels

    def _notify_managers(self, summary):
        managers = self.env.ref("property_frontdesk.group_property_manager").users
        for order in self:
            for manager in managers.filtered(
                lambda u, o=order: (
                    u.active and not u.share and o.company_id in u.company_ids
                )
            ):
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(order),
                    summary=summary,
                    user_id=manager.id,
                )

    def _schedule_follow_up(self):
        """The desk follows the unpaid orders up until they are paid or billed."""
        for order in self:
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(order) + timedelta(days=3),
                summary=self.env._("Follow up the unpaid special service"),
                user_id=(order.registered_by_id or self.env.user).id,
            )

    def _stop_follow_up(self):
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def _get_charge_label(self):
        """Description of the charge on receipts and notices: number and service."""
        self.ensure_one()
        return f"{self.name} {self.service_item_id.name or self.description or ''}"[
            :200
        ].strip()

    def _prepare_extra_charge(self):
        """Charge of the unpaid order for the monthly payment notice (the run puts
        the work-order number, ``origin_ref``, in front of the name)."""
        self.ensure_one()
        return {
            "unit_id": self.unit_id.id,
            "product_id": self.service_item_id._get_fee_product().id,
            "name": (self.service_item_id.name or self.description or "")[:200],
            "price_unit": self.amount,
            "origin_ref": self.name,
            "source": self,
        }

    def _set_billed(self, move_line_id):
        """Carried to the monthly payment notice: the desk's follow-up stops."""
        line = self.env["account.move.line"].browse(move_line_id)
        self._write_workflow(
            {
                "payment_state": "billed",
                "notice_line_id": line.id or False,
                "payment_reference": line.move_id.name or False,
            }
        )
        self._stop_follow_up()

    def _unset_paid(self, reason=False):
        """The receipt was voided: the order is to be paid again."""
        for order in self.filtered(lambda o: o.payment_state == "paid"):
            order._write_workflow(
                {
                    "payment_state": "unpaid" if order.unpaid_date else "to_pay",
                    "paid_date": False,
                    "payment_reference": False,
                }
            )
            order.message_post(
                body=self.env._(
                    "The receipt was voided (%(reason)s): the order is to be paid "
                    "again.",
                    reason=reason or "",
                )
            )
            if order.payment_state == "unpaid":
                order._schedule_follow_up()

    def _set_paid(self, reference=False):
        self._write_workflow(
            {
                "payment_state": "paid",
                "paid_date": self.env["property.unit"]._property_today(),
                "payment_reference": reference or False,
            }
        )
        self._stop_follow_up()

    # === CRON === #
    @api.model
    def _cron_mark_overdue(self):
        """Flag the requesters not answered within 15 minutes and the callbacks
        not made by the 10th of the next month; remind the supervisor."""
        now = fields.Datetime.now()
        today = self.env["property.unit"]._property_today()
        late_answer = self.search(
            [
                ("state", "in", ("draft", "dispatched")),
                ("answered_date", "=", False),
                ("answer_deadline", "<", now),
                ("is_answer_overdue", "=", False),
            ]
        )
        late_answer.write({"is_answer_overdue": True})
        late_callback = self.search(
            [
                ("state", "in", ("done", "closed")),
                ("callback_done", "=", False),
                ("callback_deadline", "<", today),
                ("is_callback_overdue", "=", False),
            ]
        )
        late_callback.write({"is_callback_overdue": True})
        for orders, summary in (
            (late_answer, self.env._("Requester not answered within 15 minutes")),
            (late_callback, self.env._("Callback not made by the 10th")),
        ):
            for order in orders:
                user = order.estate_id.supervisor_id or order.registered_by_id
                if user:
                    order.activity_schedule(
                        "mail.mail_activity_data_todo",
                        date_deadline=today,
                        summary=summary,
                        user_id=user.id,
                    )
        return late_answer | late_callback
