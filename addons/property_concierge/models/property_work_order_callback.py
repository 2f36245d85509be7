from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

DISSATISFACTION_CAUSES = [
    ("quality", "Quality of the Work"),
    ("timeliness", "Late or Slow"),
    ("attitude", "Attitude of the Staff"),
    ("price", "Price"),
    ("damage", "Damage to Property"),
    ("other", "Other"),
]


class PropertyWorkOrderCallback(models.Model):
    """Callback (回访) of a completed special service, or a manager's spot check."""

    _name = "property.work.order.callback"
    _description = "Special Service Callback"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    work_order_id = fields.Many2one(
        "property.work.order",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('state', 'in', ('done', 'closed'))]",
    )
    company_id = fields.Many2one(
        related="work_order_id.company_id", store=True, index=True
    )
    estate_id = fields.Many2one(related="work_order_id.estate_id", store=True)
    team_id = fields.Many2one(related="work_order_id.team_id", store=True)
    service_item_id = fields.Many2one(
        related="work_order_id.service_item_id", store=True
    )
    technician_id = fields.Many2one(related="work_order_id.user_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Called Back By",
        required=True,
        default=lambda self: self.env.user,
        ondelete="restrict",
    )
    method = fields.Selection(
        [("phone", "Phone"), ("on_site", "On Site")],
        required=True,
        default="phone",
        help="On-site callbacks: the owner signs and writes their opinion on the "
        "work order; by phone the caller writes the owner's words faithfully.",
    )
    rating = fields.Selection(
        [("3", "Very Satisfied"), ("2", "Satisfied"), ("1", "Dissatisfied")],
        required=True,
    )
    owner_words = fields.Text(string="Owner's Words", required=True)
    dissatisfaction_cause = fields.Selection(
        DISSATISFACTION_CAUSES, help="Why the owner is dissatisfied (analysis)."
    )
    improvement = fields.Text(
        string="Corrective Action", help="What is done so the owner is satisfied."
    )
    is_spot_check = fields.Boolean(
        string="Manager's Spot Check",
        help="The service-centre manager checks the callback work (at least 3 a "
        "month).",
    )
    is_satisfied = fields.Boolean(compute="_compute_is_satisfied", store=True)
    satisfaction_rate = fields.Float(
        string="Satisfaction (%)",
        compute="_compute_is_satisfied",
        store=True,
        aggregator="avg",
    )
    onsite_rate = fields.Float(
        string="On-site Share (%)",
        compute="_compute_is_satisfied",
        store=True,
        aggregator="avg",
    )

    @api.depends("rating", "method")
    def _compute_is_satisfied(self):
        for callback in self:
            callback.is_satisfied = callback.rating in ("2", "3")
            callback.satisfaction_rate = 100.0 if callback.is_satisfied else 0.0
            callback.onsite_rate = 100.0 if callback.method == "on_site" else 0.0

    @api.constrains("rating", "dissatisfaction_cause")
    def _check_cause(self):
        for callback in self:
            if callback.rating == "1" and not callback.dissatisfaction_cause:
                raise ValidationError(
                    self.env._(
                        "%(name)s: record why the owner is dissatisfied.",
                        name=callback.work_order_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        callbacks = super().create(vals_list)
        for callback in callbacks:
            order = callback.work_order_id
            if order.state not in ("done", "closed"):
                raise UserError(
                    self.env._(
                        "%(name)s is not completed: only completed orders are called "
                        "back.",
                        name=order.name,
                    )
                )
            if callback.is_spot_check:
                if not self.env.su and not self.env.user.has_group(
                    "property_frontdesk.group_property_manager"
                ):
                    raise UserError(
                        self.env._(
                            "Only the service-centre manager records spot checks."
                        )
                    )
                continue
            if len(order.callback_ids.filtered(lambda c: not c.is_spot_check)) > 1:
                raise UserError(
                    self.env._(
                        "%(name)s has already been called back.", name=order.name
                    )
                )
            order._write_workflow({"is_callback_overdue": False})
            if callback.rating == "1":
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Owner dissatisfied at the callback"),
                    user_id=(order.estate_id.supervisor_id or self.env.user).id,
                )
        return callbacks

    @api.depends("work_order_id", "date")
    def _compute_display_name(self):
        for callback in self:
            callback.display_name = callback.work_order_id.name or ""
