from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

UNANSWERED_LIMIT = 2


class PropertyButlerWakeup(models.Model):
    _name = "property.butler.wakeup"
    _description = "Wake-up Call"
    _inherit = ["property.butler.mixin"]
    _order = "wake_time desc, id desc"

    # === FIELDS === #
    unit_id = fields.Many2one(required=True)
    partner_id = fields.Many2one(required=True)
    phone = fields.Char(
        compute="_compute_phone", store=True, readonly=False, precompute=True
    )
    wake_time = fields.Datetime(string="Wake-up Time", required=True, tracking=True)
    state = fields.Selection(
        [
            ("scheduled", "Scheduled"),
            ("door", "Someone Sent to the Door"),
            ("done", "Woken Up"),
            ("cancelled", "Cancelled"),
        ],
        default="scheduled",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    attempt_ids = fields.One2many(
        "property.butler.wakeup.attempt", "wakeup_id", string="Calls"
    )
    attempt_count = fields.Integer(
        compute="_compute_attempt_count", string="Calls Made"
    )
    door_user_id = fields.Many2one(
        "res.users",
        string="Sent to the Door",
        copy=False,
        ondelete="restrict",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_door = fields.Datetime(
        string="Door Call Ordered On", readonly=True, copy=False
    )
    date_cancelled = fields.Datetime(
        string="Cancelled On", readonly=True, copy=False, tracking=True
    )
    cancel_reason = fields.Char(copy=False, tracking=True)

    # === COMPUTES === #
    @api.depends("partner_id")
    def _compute_phone(self):
        for record in self:
            record.phone = record.partner_id.mobile or record.partner_id.phone

    @api.depends("attempt_ids")
    def _compute_attempt_count(self):
        for record in self:
            record.attempt_count = len(record.attempt_ids)

    # === ONCHANGE === #
    @api.onchange("unit_id", "wake_time")
    def _onchange_wake_time(self):
        """The same unit booked twice on a day: ask whether both calls are wanted."""
        if not (self.unit_id and self.wake_time):
            return None
        day = self.wake_time.date()
        others = self.search(
            [
                ("unit_id", "=", self.unit_id.id),
                ("state", "=", "scheduled"),
                ("id", "!=", self._origin.id or 0),
                ("wake_time", ">=", fields.Datetime.to_datetime(day)),
                (
                    "wake_time",
                    "<",
                    fields.Datetime.to_datetime(day + timedelta(days=1)),
                ),
            ]
        )
        if not others:
            return None
        return {
            "warning": {
                "title": self.env._("Another wake-up call"),
                "message": self.env._(
                    "Unit %(unit)s already has wake-up call %(names)s that day: ask "
                    "the owner whether both calls are wanted or the earlier one is "
                    "cancelled.",
                    unit=self.unit_id.display_name,
                    names=", ".join(others.mapped("name")),
                ),
            }
        }

    # === CRUD === #
    @api.ondelete(at_uninstall=False)
    def _unlink_except_called(self):
        if self.filtered("attempt_ids"):
            raise UserError(
                self.env._(
                    "Wake-up calls already made stay in the register; cancel the "
                    "booking instead."
                )
            )

    # === ACTIONS === #
    def _record_attempt(self, result):
        for record in self:
            if record.state != "scheduled":
                raise UserError(
                    self.env._(
                        "Wake-up call %(name)s is not waiting for a call.",
                        name=record.name,
                    )
                )
            record.attempt_ids = [
                fields.Command.create({"result": result, "user_id": self.env.user.id})
            ]
            if result == "answered":
                record.state = "done"
                continue
            unanswered = record.attempt_ids.filtered(lambda a: a.result != "answered")
            if len(unanswered) >= UNANSWERED_LIMIT:
                record._send_to_door()
        return True

    def action_answered(self):
        return self._record_attempt("answered")

    def action_no_answer(self):
        return self._record_attempt("no_answer")

    def action_busy(self):
        return self._record_attempt("busy")

    def _send_to_door(self):
        """Two unanswered calls: somebody goes to the door at once."""
        for record in self:
            assignee = record.door_user_id or record._get_supervisor() or self.env.user
            record.write(
                {
                    "state": "door",
                    "door_user_id": assignee.id,
                    "date_door": fields.Datetime.now(),
                }
            )
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=assignee.id,
                summary=record._env_in_lang_of(assignee)._(
                    "Two wake-up calls unanswered: knock at %(unit)s now",
                    unit=record.unit_id.display_name,
                ),
            )

    def action_door_done(self):
        for record in self:
            if record.state != "door":
                raise UserError(
                    self.env._(
                        "Nobody was sent to the door for wake-up call %(name)s.",
                        name=record.name,
                    )
                )
        self.write({"state": "done"})
        self.activity_feedback(
            ["mail.mail_activity_data_todo"],
            feedback=self.env._("Woken up at the door."),
        )
        return True

    def action_cancel(self):
        for record in self:
            if record.state != "scheduled":
                raise UserError(
                    self.env._(
                        "Only scheduled wake-up calls can be cancelled (%(name)s).",
                        name=record.name,
                    )
                )
            if not record.cancel_reason:
                raise UserError(
                    self.env._(
                        "Record who cancelled wake-up call %(name)s and why.",
                        name=record.name,
                    )
                )
        self.write({"state": "cancelled", "date_cancelled": fields.Datetime.now()})
        return True
