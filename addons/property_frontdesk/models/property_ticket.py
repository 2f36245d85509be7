from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# requests still being worked on
ACTIVE_STATES = ("new", "dispatched", "in_progress")
# not finished: listed in the shift hand-over and the daily review
OPEN_STATES = (*ACTIVE_STATES, "resolved")

TICKET_STATES = [
    ("new", "New"),
    ("dispatched", "Dispatched"),
    ("in_progress", "In Progress"),
    ("resolved", "Resolved"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]

PRIORITIES = [("0", "Normal"), ("1", "Urgent"), ("2", "Emergency")]
EMERGENCY = "2"

OVERDUE_STAGES = [
    ("answer", "Answer"),
    ("resolve", "Resolution"),
    ("callback", "Callback"),
]


class PropertyTicket(models.Model):
    _name = "property.ticket"
    _description = "Front Desk Ticket"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "received_date desc, id desc"
    _rec_names_search = ["name", "subject"]
    _check_company_auto = True
    _mail_post_access = "read"

    OPEN_STATES = OPEN_STATES
    ACTIVE_STATES = ACTIVE_STATES

    # === FIELDS === #
    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: self.env._("New"),
    )
    subject = fields.Char(required=True, tracking=True)
    description = fields.Text(help="What the requester said, in their words.")
    type_id = fields.Many2one(
        "property.ticket.type",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    type_kind = fields.Selection(related="type_id.kind", store=True, string="Kind")
    callback_required = fields.Boolean(related="type_id.callback_required")
    channel = fields.Selection(
        [
            ("visit", "Visit"),
            ("phone", "Phone"),
            ("patrol", "Patrol"),
            ("portal", "Portal"),
            ("letter", "Letter"),
            ("other", "Other"),
        ],
        required=True,
        default="phone",
        tracking=True,
        help="How the request reached the centre; patrol requests are raised by "
        "staff during their rounds.",
    )
    priority = fields.Selection(
        PRIORITIES,
        required=True,
        default="0",
        tracking=True,
        help="Emergencies are dispatched at once and their team leader is notified.",
    )
    estate_id = fields.Many2one(
        "property.estate",
        compute="_compute_estate_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    building_id = fields.Many2one(
        "property.building",
        compute="_compute_building_id",
        store=True,
        readonly=False,
        precompute=True,
        ondelete="restrict",
        domain="[('estate_id', '=?', estate_id)]",
    )
    unit_id = fields.Many2one(
        "property.unit",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        domain="[('estate_id', '=?', estate_id)]",
    )
    location = fields.Char(
        help="Where exactly, e.g. the lift lobby of building 3 for a public-area "
        "repair."
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Requester",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    contact_phone = fields.Char(
        compute="_compute_contact_phone", store=True, readonly=False, precompute=True
    )
    received_date = fields.Datetime(
        string="Received On",
        required=True,
        index=True,
        default=fields.Datetime.now,
        help="When the request reached the centre; deadlines are counted from it.",
    )
    accepted_by_id = fields.Many2one(
        "res.users",
        string="First Contact",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="First-contact responsibility: the person who accepted the request "
        "follows it until it is closed. Recorded once, never changed.",
    )
    accepted_date = fields.Datetime(string="Taken On", readonly=True)

    # dispatch
    team_id = fields.Many2one(
        "property.team",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assignee",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    dispatch_date = fields.Datetime(string="Dispatched On", readonly=True)
    dispatch_ids = fields.One2many(
        "property.ticket.dispatch", "ticket_id", string="Dispatch History"
    )
    dispatch_count = fields.Integer(compute="_compute_dispatch_count")

    state = fields.Selection(
        TICKET_STATES,
        required=True,
        default="new",
        copy=False,
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    answered_date = fields.Datetime(
        string="Answered On",
        readonly=True,
        copy=False,
        help="When the requester was answered: reply given, dispatch confirmed or "
        "request resolved.",
    )
    start_date = fields.Datetime(string="Started On", readonly=True, copy=False)
    resolution = fields.Text(copy=False, help="What was done, by whom.")
    resolved_date = fields.Datetime(string="Resolved On", readonly=True, copy=False)
    resolved_by_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    rework_date = fields.Datetime(
        string="Sent Back On",
        readonly=True,
        copy=False,
        help="Last time the ticket was sent back to its assignee after an "
        "unsatisfied callback; the resolution deadline counts from it.",
    )
    rework_count = fields.Integer(string="Sent Back", readonly=True, copy=False)
    closed_date = fields.Datetime(
        string="Closed On", readonly=True, copy=False, index="btree_not_null"
    )
    cancel_reason = fields.Text(readonly=True, copy=False)

    # deadlines (working time of the estate's calendar)
    answer_deadline = fields.Datetime(
        compute="_compute_deadlines", store=True, precompute=True, tracking=True
    )
    resolve_deadline = fields.Datetime(
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        index=True,
        tracking=True,
    )
    callback_deadline = fields.Datetime(
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        index="btree_not_null",
        tracking=True,
    )
    complaint_record_deadline = fields.Datetime(
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        help="A complaint still open one working day after it was received needs a "
        "complaint record.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        readonly=True,
        copy=False,
        help="Set by the scheduled check when a deadline has passed; cleared when "
        "the late step is done.",
    )
    overdue_stage = fields.Selection(
        OVERDUE_STAGES, string="Late On", readonly=True, copy=False
    )
    overdue_date = fields.Datetime(
        string="Marked Overdue On", readonly=True, copy=False
    )

    # callbacks
    callback_ids = fields.One2many(
        "property.ticket.callback", "ticket_id", string="Callbacks"
    )
    callback_done = fields.Boolean(
        readonly=True,
        copy=False,
        help="A callback was recorded since the last resolution and the requester "
        "was not dissatisfied with the result.",
    )
    last_callback_id = fields.Many2one(
        "property.ticket.callback",
        compute="_compute_last_callback",
        store=True,
    )
    result_rating = fields.Selection(
        related="last_callback_id.result_rating", string="Result Satisfaction"
    )
    attitude_rating = fields.Selection(
        related="last_callback_id.attitude_rating", string="Attitude Satisfaction"
    )

    # complaints
    origin_ticket_id = fields.Many2one(
        "property.ticket",
        string="Raised From",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="Ticket whose callback gave rise to this complaint.",
    )
    complaint_ticket_ids = fields.One2many(
        "property.ticket", "origin_ticket_id", string="Complaints Raised"
    )
    complained_user_id = fields.Many2one(
        "res.users",
        string="Staff Complained About",
        ondelete="set null",
        tracking=True,
    )
    complaint_record_ids = fields.One2many(
        "property.complaint.record", "ticket_id", string="Complaint Records"
    )
    complaint_record_id = fields.Many2one(
        "property.complaint.record",
        compute="_compute_complaint_record_id",
    )

    # statistics
    resolve_hours_spent = fields.Float(
        string="Time to Resolve (working hours)",
        readonly=True,
        copy=False,
        aggregator="avg",
        digits=(10, 1),
    )
    resolved_on_time = fields.Boolean(
        string="Resolved within Deadline", readonly=True, copy=False
    )
    on_time_rate = fields.Float(
        string="Within Deadline (%)",
        readonly=True,
        copy=False,
        aggregator="avg",
        digits=(5, 1),
        help="100 for a ticket resolved within its deadline, 0 otherwise: its "
        "average is the share of tickets resolved in time.",
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "The ticket reference must be unique.",
        ),
    ]

    def init(self):
        # the daily review and the overdue check only look at open tickets
        self.env.cr.execute(
            """CREATE INDEX IF NOT EXISTS property_ticket_open_state_index
               ON property_ticket (company_id, state)
               WHERE state IN ('new', 'dispatched', 'in_progress', 'resolved')"""
        )
        self.env.cr.execute(
            """CREATE INDEX IF NOT EXISTS property_ticket_overdue_index
               ON property_ticket (company_id)
               WHERE is_overdue"""
        )

    # === COMPUTE METHODS === #
    @api.depends("unit_id", "building_id")
    def _compute_estate_id(self):
        for ticket in self:
            source = ticket.unit_id or ticket.building_id
            if source:
                ticket.estate_id = source.estate_id

    @api.depends("unit_id")
    def _compute_building_id(self):
        for ticket in self:
            if ticket.unit_id:
                ticket.building_id = ticket.unit_id.building_id

    @api.depends("unit_id")
    def _compute_partner_id(self):
        for ticket in self:
            if ticket.unit_id and not ticket.partner_id:
                ticket.partner_id = ticket.unit_id.payer_partner_id

    @api.depends("partner_id")
    def _compute_contact_phone(self):
        for ticket in self:
            if ticket.partner_id:
                partner = ticket.partner_id
                ticket.contact_phone = partner.mobile or partner.phone or False

    @api.depends(
        "type_id",
        "estate_id",
        "received_date",
        "rework_date",
        "resolved_date",
    )
    def _compute_deadlines(self):
        cache = {}
        for ticket in self:
            calendar = ticket.estate_id.resource_calendar_id
            ticket_type = ticket.type_id
            if not calendar or not ticket_type or not ticket.received_date:
                ticket.answer_deadline = ticket.resolve_deadline = False
                ticket.callback_deadline = ticket.complaint_record_deadline = False
                continue
            received = ticket.received_date
            plan = calendar._property_plan_hours
            ticket.answer_deadline = plan(
                received, ticket_type.answer_minutes / 60.0, cache
            )
            ticket.resolve_deadline = plan(
                ticket.rework_date or received, ticket_type.resolve_hours, cache
            )
            ticket.callback_deadline = (
                ticket.resolved_date
                and ticket_type.callback_required
                and plan(ticket.resolved_date, ticket_type.callback_hours, cache)
            )
            ticket.complaint_record_deadline = ticket_type.kind == "complaint" and plan(
                received, calendar.hours_per_day or 8.0, cache
            )

    def _compute_dispatch_count(self):
        counts = dict(
            self.env["property.ticket.dispatch"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.dispatch_count = counts.get(ticket, 0)

    @api.depends("callback_ids.date")
    def _compute_last_callback(self):
        for ticket in self:
            ticket.last_callback_id = ticket.callback_ids.sorted(
                lambda c: (c.date, c.id), reverse=True
            )[:1]

    @api.depends("complaint_record_ids")
    def _compute_complaint_record_id(self):
        for ticket in self:
            ticket.complaint_record_id = ticket.complaint_record_ids[:1]

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for ticket in self:
            ticket.access_url = f"/my/requests/{ticket.id}"
        return res

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    # === CONSTRAINT METHODS === #
    @api.constrains("unit_id", "estate_id", "building_id", "type_id")
    def _check_location(self):
        for ticket in self:
            if ticket.type_id.company_id not in (
                ticket.company_id,
                self.env["res.company"],
            ):
                raise ValidationError(
                    self.env._(
                        "Ticket %(name)s: type %(type)s belongs to another company.",
                        name=ticket.name,
                        type=ticket.type_id.name,
                    )
                )
            if ticket.unit_id and ticket.unit_id.estate_id != ticket.estate_id:
                raise ValidationError(
                    self.env._(
                        "Ticket %(name)s: unit %(unit)s is not in estate %(estate)s.",
                        name=ticket.name,
                        unit=ticket.unit_id.display_name,
                        estate=ticket.estate_id.name,
                    )
                )
            if ticket.building_id and ticket.building_id.estate_id != ticket.estate_id:
                raise ValidationError(
                    self.env._(
                        "Ticket %(name)s: building %(building)s is not in estate "
                        "%(estate)s.",
                        name=ticket.name,
                        building=ticket.building_id.display_name,
                        estate=ticket.estate_id.name,
                    )
                )

    @api.constrains("team_id", "user_id")
    def _check_assignee_in_team(self):
        for ticket in self:
            if (
                ticket.team_id
                and ticket.user_id
                and ticket.user_id not in ticket.team_id._get_staff()
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of team %(team)s (ticket %(name)s).",
                        user=ticket.user_id.name,
                        team=ticket.team_id.name,
                        name=ticket.name,
                    )
                )

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        internal = not self.env.user.share
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                company = self._get_company_from_vals(vals)
                vals["name"] = self.env["ir.sequence"].with_company(
                    company
                ).next_by_code("property.ticket") or self.env._("New")
            vals.setdefault("received_date", now)
            if (
                not vals.get("accepted_by_id")
                and internal
                and vals.get("channel") != "portal"
            ):
                vals["accepted_by_id"] = self.env.uid
            if vals.get("accepted_by_id"):
                vals.setdefault("accepted_date", now)
        tickets = super().create(vals_list)
        tickets._subscribe_stakeholders()
        tickets.filtered(
            lambda t: t.priority == EMERGENCY and t.state == "new"
        )._dispatch_emergency()
        return tickets

    def write(self, vals):
        if "accepted_by_id" in vals or "accepted_date" in vals:
            if fixed := self.filtered("accepted_by_id"):
                raise UserError(
                    self.env._(
                        "The first contact of a ticket is recorded once and cannot "
                        "be changed: %(names)s",
                        names=", ".join(fixed.mapped("name")),
                    )
                )
        res = super().write(vals)
        if vals.get("priority") == EMERGENCY:
            self.filtered(lambda t: t.state == "new")._dispatch_emergency()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        if registered := self.filtered(lambda t: t.state not in ("new", "cancelled")):
            raise UserError(
                self.env._(
                    "Tickets that have been dispatched stay in the register; cancel "
                    "them instead of deleting them: %(names)s",
                    names=", ".join(registered.mapped("name")),
                )
            )

    def _get_company_from_vals(self, vals):
        if vals.get("estate_id"):
            return self.env["property.estate"].browse(vals["estate_id"]).company_id
        if vals.get("unit_id"):
            return self.env["property.unit"].browse(vals["unit_id"]).company_id
        if vals.get("building_id"):
            return self.env["property.building"].browse(vals["building_id"]).company_id
        return self.env.company

    def message_unsubscribe(self, partner_ids=None):
        if partner_ids:
            for ticket in self.filtered(
                lambda t: t.state in OPEN_STATES and t.accepted_by_id
            ):
                if ticket.accepted_by_id.partner_id.id in partner_ids:
                    raise UserError(
                        self.env._(
                            "%(user)s accepted ticket %(name)s and follows it until "
                            "it is closed.",
                            user=ticket.accepted_by_id.name,
                            name=ticket.name,
                        )
                    )
        return super().message_unsubscribe(partner_ids=partner_ids)

    def _track_subtype(self, init_values):
        self.ensure_one()
        if "state" in init_values:
            if self.state == "resolved":
                return self.env.ref("property_frontdesk.mt_ticket_resolved")
            if self.state == "dispatched":
                return self.env.ref("property_frontdesk.mt_ticket_dispatched")
        return super()._track_subtype(init_values)

    # === ACTION METHODS === #
    def action_accept(self):
        """Accept requests that came without a first contact (portal)."""
        if self.env.user.share:
            raise UserError(self.env._("Only staff of the centre accept requests."))
        if accepted := self.filtered("accepted_by_id"):
            raise UserError(
                self.env._(
                    "Already accepted: %(names)s",
                    names=", ".join(
                        f"{t.name} ({t.accepted_by_id.name})" for t in accepted
                    ),
                )
            )
        self._check_state(
            ACTIVE_STATES, self.env._("Only open tickets can be accepted")
        )
        # allowed by write(): these tickets have no first contact yet
        self.write(
            {"accepted_by_id": self.env.uid, "accepted_date": fields.Datetime.now()}
        )
        self._subscribe_stakeholders()
        return True

    def action_open_dispatch_wizard(self):
        self._check_state(
            ACTIVE_STATES, self.env._("Only open tickets can be dispatched")
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_dispatch_wizard_action"
        )
        action["context"] = {"active_model": self._name, "active_ids": self.ids}
        return action

    def action_start(self):
        self._check_state(
            ("dispatched",), self.env._("Only dispatched tickets can be started")
        )
        self.write({"state": "in_progress", "start_date": fields.Datetime.now()})
        return True

    def action_resolve(self):
        self._check_state(
            ACTIVE_STATES, self.env._("Only open tickets can be resolved")
        )
        if missing := self.filtered(lambda t: not (t.resolution or "").strip()):
            raise UserError(
                self.env._(
                    "Describe how the request was resolved before marking it "
                    "resolved: %(names)s",
                    names=", ".join(missing.mapped("name")),
                )
            )
        now = fields.Datetime.now()
        for ticket in self:
            calendar = ticket.estate_id.resource_calendar_id
            on_time = bool(ticket.resolve_deadline and now <= ticket.resolve_deadline)
            ticket.write(
                {
                    "state": "resolved",
                    "resolved_date": now,
                    "resolved_by_id": self.env.uid,
                    "answered_date": ticket.answered_date or now,
                    "callback_done": False,
                    "resolve_hours_spent": calendar._property_work_hours_between(
                        ticket.received_date, now
                    ),
                    "resolved_on_time": on_time,
                    "on_time_rate": 100.0 if on_time else 0.0,
                }
            )
        self._clear_overdue(("answer", "resolve"))
        return True

    def action_close(self):
        self._check_state(
            ("resolved",), self.env._("Only resolved tickets can be closed")
        )
        if waiting := self.filtered(
            lambda t: t.callback_required and not t.callback_done
        ):
            raise UserError(
                self.env._(
                    "Call the requester back before closing; the type of these "
                    "tickets requires a callback: %(names)s",
                    names=", ".join(waiting.mapped("name")),
                )
            )
        now = fields.Datetime.now()
        for ticket in self:
            if ticket._needs_complaint_record(now):
                record = ticket.complaint_record_id
                if not record or not record.is_complete:
                    raise UserError(
                        self.env._(
                            "Complaint %(name)s was not closed within one working "
                            "day: complete its complaint record (cause, corrective "
                            "measures, person responsible, feedback to the owner) "
                            "before closing it.",
                            name=ticket.name,
                        )
                    )
        self.write({"state": "closed", "closed_date": now})
        self.complaint_record_ids.filtered(lambda r: not r.date_closed).write(
            {"date_closed": fields.Date.context_today(self)}
        )
        self._clear_overdue()
        return True

    def action_open_cancel_wizard(self):
        self._check_state(
            ACTIVE_STATES, self.env._("Only open tickets can be cancelled")
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_cancel_wizard_action"
        )
        action["context"] = {"active_model": self._name, "active_ids": self.ids}
        return action

    def action_open_callback_wizard(self):
        self.ensure_one()
        self._check_state(
            ("resolved",), self.env._("Only resolved tickets can be called back")
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_callback_wizard_action"
        )
        action["context"] = {"default_ticket_id": self.id}
        return action

    def action_open_complaint_record(self):
        self.ensure_one()
        if self.type_kind != "complaint":
            raise UserError(self.env._("Only complaints have a complaint record."))
        record = self.complaint_record_id or self.env[
            "property.complaint.record"
        ].create({"ticket_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.complaint.record",
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_dispatches(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_dispatch_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        return action

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_frontdesk.property_ticket_action"
        )
        action["domain"] = [("origin_ticket_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # === BUSINESS METHODS === #
    def _check_state(self, states, message):
        if wrong := self.filtered(lambda t: t.state not in states):
            raise UserError(
                self.env._(
                    "%(message)s: %(names)s",
                    message=message,
                    names=", ".join(
                        f"{t.name} ({t._get_state_label()})" for t in wrong
                    ),
                )
            )

    def _get_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _get_supervisor(self):
        """Front-desk supervisor of the ticket's estate (its manager if none)."""
        self.ensure_one()
        return self.estate_id.supervisor_id or self.estate_id.manager_id

    def _subscribe_stakeholders(self):
        """The first contact and the requester follow the ticket; for complaints the
        supervisor is informed (follower) as well."""
        by_partners = defaultdict(list)
        for ticket in self:
            partners = ticket.accepted_by_id.partner_id | ticket.partner_id
            if ticket.type_kind == "complaint":
                partners |= ticket._get_supervisor().partner_id
            by_partners[tuple(sorted(partners.ids))].append(ticket.id)
        for partner_ids, ticket_ids in by_partners.items():
            if partner_ids:
                self.browse(ticket_ids).message_subscribe(partner_ids=list(partner_ids))

    def _dispatch(self, team, user=None, note=False):
        """Dispatch (or re-dispatch) the tickets to a team and an assignee (the team
        leader when none is given); the history keeps every dispatch."""
        self._check_state(
            ACTIVE_STATES, self.env._("Only open tickets can be dispatched")
        )
        if not team:
            raise UserError(self.env._("Choose the team the tickets go to."))
        user = user or team.leader_id
        if user not in team._get_staff():
            raise UserError(
                self.env._(
                    "%(user)s is not a member of team %(team)s.",
                    user=user.name,
                    team=team.name,
                )
            )
        redispatched = self.filtered(lambda t: t.state != "new")
        if redispatched and not (note or "").strip():
            raise UserError(
                self.env._(
                    "Give the reason for dispatching again: %(names)s",
                    names=", ".join(redispatched.mapped("name")),
                )
            )
        now = fields.Datetime.now()
        # the history is written by the system once the ticket may be changed
        self.check_access("write")
        self.env["property.ticket.dispatch"].sudo().create(
            [
                {
                    "ticket_id": ticket.id,
                    "team_id": team.id,
                    "user_id": user.id,
                    "previous_user_id": ticket.user_id.id,
                    "note": note,
                    "date": now,
                    "dispatched_by_id": self.env.uid,
                }
                for ticket in self
            ]
        )
        for ticket in self:
            ticket.write(
                {
                    "team_id": team.id,
                    "user_id": user.id,
                    "state": "dispatched",
                    "dispatch_date": now,
                    "answered_date": ticket.answered_date or now,
                }
            )
        self._clear_overdue(("answer",))
        for ticket in self:
            ticket._notify_dispatch(note)
        return True

    def _notify_dispatch(self, note=False):
        self.ensure_one()
        partners = self.user_id.partner_id
        if self.priority == EMERGENCY:
            partners |= self.team_id.leader_id.partner_id
            body = self.env._(
                "Emergency dispatched to %(team)s, assignee %(user)s: act at once.",
                team=self.team_id.name,
                user=self.user_id.name,
            )
        else:
            body = self.env._(
                "Dispatched to %(team)s, assignee %(user)s.",
                team=self.team_id.name,
                user=self.user_id.name,
            )
        if note:
            body = Markup("%s<br/>%s") % (body, note)
        self.message_subscribe(partner_ids=partners.ids)
        self.message_post(
            body=body,
            partner_ids=partners.ids,
            subtype_xmlid="mail.mt_note",
        )

    def _dispatch_emergency(self):
        """Emergencies go at once to their team (the type's default team if none was
        chosen) and the team leader is notified."""
        for ticket in self:
            team = ticket.team_id or ticket.type_id.default_team_id
            if not team:
                raise UserError(
                    self.env._(
                        "Emergency %(name)s must be dispatched at once: choose its "
                        "team (or give the ticket type a default team).",
                        name=ticket.name,
                    )
                )
            user = ticket.user_id if ticket.user_id in team._get_staff() else None
            ticket._dispatch(team, user)

    def _record_callback(self, vals):
        """Record a callback; an unsatisfied result sends the ticket back to its
        assignee, a complaint about the staff opens a linked complaint."""
        self.ensure_one()
        self._check_state(
            ("resolved",), self.env._("Only resolved tickets can be called back")
        )
        callback = self.env["property.ticket.callback"].create(
            {**vals, "ticket_id": self.id}
        )
        if callback.result_rating == "unsatisfied":
            self._send_back(callback)
        else:
            self.write({"callback_done": True})
            self._clear_overdue(("callback",))
        if callback.complaint_about_staff:
            callback.complaint_ticket_id = self._create_staff_complaint(callback)
        return callback

    def _send_back(self, callback):
        """The requester is not satisfied: back to the assignee, with a fresh
        resolution deadline."""
        self.ensure_one()
        now = fields.Datetime.now()
        self.write(
            {
                "state": "in_progress",
                "rework_date": now,
                "rework_count": self.rework_count + 1,
                "resolved_date": False,
                "callback_done": False,
            }
        )
        self._clear_overdue()
        assignee = self.user_id or self.team_id.leader_id
        if assignee:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=assignee.id,
                summary=self.env._("Requester not satisfied: work again"),
                note=callback.comment or False,
            )

    def _create_staff_complaint(self, callback):
        self.ensure_one()
        complaint_type = self.env["property.ticket.type"]._get_default_for_kind(
            "complaint", self.company_id
        )
        if not complaint_type:
            raise UserError(
                self.env._(
                    "Configure a ticket type of kind Complaint to record complaints "
                    "about staff."
                )
            )
        staff = self.user_id
        complaint = self.create(
            {
                "subject": self.env._(
                    "Complaint about %(user)s (ticket %(name)s)",
                    user=staff.name or self.team_id.name or "",
                    name=self.name,
                ),
                "description": callback.comment,
                "type_id": complaint_type.id,
                "channel": "visit" if callback.method == "on_site" else "phone",
                "estate_id": self.estate_id.id,
                "unit_id": self.unit_id.id,
                "partner_id": self.partner_id.id,
                "contact_phone": self.contact_phone,
                "origin_ticket_id": self.id,
                "complained_user_id": staff.id,
            }
        )
        self.message_post(
            body=self.env._(
                "Complaint %(complaint)s recorded about the staff during the callback.",
                complaint=complaint._get_html_link(),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return complaint

    def _needs_complaint_record(self, when=None):
        self.ensure_one()
        when = when or fields.Datetime.now()
        return bool(
            self.type_kind == "complaint"
            and self.complaint_record_deadline
            and when > self.complaint_record_deadline
        )

    def _cancel(self, reason):
        self._check_state(
            ACTIVE_STATES, self.env._("Only open tickets can be cancelled")
        )
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for cancelling."))
        self.write({"state": "cancelled", "cancel_reason": reason})
        self._clear_overdue()
        return True

    def _clear_overdue(self, stages=None):
        """The late step is done: the mark and its reminders go."""
        late = self.filtered(
            lambda t: t.is_overdue and (stages is None or t.overdue_stage in stages)
        )
        if late:
            late.write({"is_overdue": False, "overdue_stage": False})
            late.activity_unlink(["property_frontdesk.mail_activity_ticket_overdue"])

    # === CRON === #
    @api.model
    def _get_overdue_domains(self, now):
        """Domain of the tickets newly late at ``now``, per stage."""
        return {
            "answer": [
                ("state", "in", ACTIVE_STATES),
                ("answered_date", "=", False),
                ("answer_deadline", "<", now),
                ("overdue_stage", "=", False),
            ],
            "resolve": [
                ("state", "in", ACTIVE_STATES),
                ("resolve_deadline", "<", now),
                ("overdue_stage", "in", [False, "answer"]),
            ],
            "callback": [
                ("state", "=", "resolved"),
                ("callback_done", "=", False),
                ("callback_deadline", "<", now),
                ("overdue_stage", "in", [False, "answer", "resolve"]),
            ],
        }

    @api.model
    def _cron_mark_overdue(self):
        """Mark the tickets whose deadline has passed, remind who must act (the
        assignee, the first contact for callbacks, the supervisor for complaints)
        and open the complaint records of complaints late by a working day."""
        now = fields.Datetime.now()
        marked = self.browse()
        for stage, domain in self._get_overdue_domains(now).items():
            # a ticket late on an earlier stage is escalated again on a later one
            tickets = self.search(domain, order="id") - marked
            if tickets:
                tickets._mark_overdue(stage, now)
                marked |= tickets
        self.env["property.complaint.record"]._create_for_late_complaints(now)
        return marked

    def _mark_overdue(self, stage, now):
        self.write({"is_overdue": True, "overdue_stage": stage, "overdue_date": now})
        summaries = {
            "answer": self.env._("Requester not answered in time"),
            "resolve": self.env._("Not resolved in time"),
            "callback": self.env._("Callback not made in time"),
        }
        activity_type = self.env.ref("property_frontdesk.mail_activity_ticket_overdue")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        for ticket in self:
            users = ticket._get_overdue_responsibles(stage)
            for user in users:
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": ticket.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": summaries[stage],
                        "date_deadline": today,
                        "automated": True,
                    }
                )
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            vals_list
        )

    def _get_overdue_responsibles(self, stage):
        self.ensure_one()
        if stage == "callback":
            users = self.accepted_by_id
        else:
            users = self.user_id or self.team_id.leader_id or self.accepted_by_id
        supervisor = self._get_supervisor()
        if self.type_kind == "complaint" or not users:
            users |= supervisor
        return users.filtered(lambda u: u.active and not u.share)

    @api.model
    def _get_today_bounds(self, day=None):
        """Naive UTC datetimes of the start and end of a day in the user's timezone."""
        day = day or self.env["property.unit"]._property_today()
        start = fields.Datetime.to_datetime(day)
        tz_start = fields.Datetime.context_timestamp(self, start)
        offset = tz_start.utcoffset() or timedelta(0)
        return start - offset, start - offset + timedelta(days=1)
