from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from .property_renovation_filing_line import PAPER_TYPES

FILING_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("deposit_paid", "Deposits Paid"),
    ("certificate_issued", "Certificate Issued"),
    ("in_progress", "In Progress"),
    ("inspection_requested", "Inspection Requested"),
    ("inspected", "Inspected"),
    ("refund_eligible", "Refund Eligible"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
# states in which works may go on at the unit (patrols, passes, extensions)
WORKING_STATES = ("certificate_issued", "in_progress", "inspection_requested")
# states in which the filing still has an end date to watch
OPEN_WORK_STATES = ("certificate_issued", "in_progress", "inspection_requested")
MAX_MONTHS = 3
REFUND_WAITING_DAYS = 7
REMINDER_DAYS = 7
SUPERVISOR_GROUP = "property_renovation.group_property_renovation_supervisor"


class PropertyRenovationFiling(models.Model):
    _name = "property.renovation.filing"
    _description = "Renovation Filing"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_filed desc, id desc"
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
    state = fields.Selection(
        FILING_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_filed = fields.Date(
        string="Filing Date",
        required=True,
        default=lambda self: self.env["property.unit"]._property_today(),
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
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    building_id = fields.Many2one(
        related="unit_id.building_id", store=True, index=True, precompute=True
    )
    estate_id = fields.Many2one(
        related="unit_id.estate_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="unit_id.company_id", store=True, index=True, precompute=True
    )
    floor = fields.Integer(related="unit_id.floor", store=True)
    unit_usage = fields.Selection(related="unit_id.usage")
    owner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        compute="_compute_owner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    owner_phone = fields.Char(compute="_compute_phones")
    applicant_id = fields.Many2one(
        "res.partner",
        string="Applicant",
        required=True,
        ondelete="restrict",
        tracking=True,
        compute="_compute_applicant_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The owner, or the occupant who renovates with the owner's consent.",
    )
    applicant_phone = fields.Char(compute="_compute_phones")
    applicant_is_owner = fields.Boolean(compute="_compute_applicant_is_owner")
    owner_consent_confirmed = fields.Boolean(
        string="Consent Confirmed with the Owner",
        tracking=True,
        help="The desk has confirmed with the owner the written consent given to the "
        "occupant who renovates.",
    )
    self_renovation = fields.Boolean(
        string="Self-renovation",
        tracking=True,
        help="The owner renovates without a contractor (自装): the owner pays the "
        "whole deposit and no contractor papers are asked.",
    )
    contractor_id = fields.Many2one(
        "res.partner",
        string="Contractor",
        ondelete="restrict",
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    manager_name = fields.Char(string="Person in Charge", tracking=True)
    manager_id_number = fields.Char(string="Person in Charge ID Number")
    manager_mobile = fields.Char(string="Person in Charge Mobile", tracking=True)
    main_works = fields.Text(required=True)
    date_start = fields.Date(
        string="Planned Start",
        required=True,
        tracking=True,
        default=lambda self: self.env["property.unit"]._property_today(),
    )
    date_end_planned = fields.Date(
        string="Planned End",
        required=True,
        tracking=True,
        default=lambda self: (
            self.env["property.unit"]._property_today() + relativedelta(months=1)
        ),
        help="End of the works as filed; at most three months after the start.",
    )
    date_end = fields.Date(
        string="Current End",
        compute="_compute_date_end",
        store=True,
        readonly=True,
        index=True,
        tracking=True,
        help="The planned end, or the end of the last approved extension.",
    )
    # kinds of work: they decide the papers required
    simple_works_only = fields.Boolean(
        string="Simple Works Only",
        help="Floor laying, painting, wallpaper: no qualification certificate and no "
        "drawings needed.",
    )
    work_wiring = fields.Boolean(string="Water/Electric Wiring Changes")
    work_structure = fields.Boolean(string="Structure or Load Changes")
    work_facade = fields.Boolean(
        string="Facade, Added Structures or New Openings",
        help="Changes of the facade, added structures, new doors or windows in "
        "non-bearing outer walls.",
    )
    work_hot = fields.Boolean(string="Hot Work (Welding, Cutting)")
    work_advertising = fields.Boolean(
        string="Outdoor Advertising",
        help="Light boxes, neon lights, screens, signs, shop windows.",
    )
    work_waterproof = fields.Boolean(string="Breaks the Waterproof Layer")
    declaration_signed = fields.Boolean(
        string="Renovation Declaration Signed",
        tracking=True,
        help="The contractor cannot provide every paper the centre requires: the "
        "owner's signed renovation declaration (装修声明) stands in for them until "
        "they are provided.",
    )
    declaration_note = fields.Text(
        string="Declaration",
        help="What the owner declares in place of the missing papers.",
    )
    line_ids = fields.One2many(
        "property.renovation.filing.line", "filing_id", string="Papers", copy=False
    )
    papers_missing = fields.Text(
        string="Missing Papers",
        compute="_compute_papers",
        help="Required papers not on file, by who has to provide them.",
    )
    papers_complete = fields.Boolean(compute="_compute_papers")
    worker_ids = fields.One2many(
        "property.renovation.worker", "filing_id", string="Workers", copy=False
    )
    worker_count = fields.Integer(compute="_compute_pass_counts")
    pass_issued_count = fields.Integer(
        string="Passes Issued", compute="_compute_pass_counts"
    )
    pass_returned_count = fields.Integer(
        string="Passes Returned", compute="_compute_pass_counts"
    )
    extension_ids = fields.One2many(
        "property.renovation.extension", "filing_id", string="Extensions", copy=False
    )
    patrol_ids = fields.One2many(
        "property.renovation.patrol", "filing_id", string="Patrols", copy=False
    )
    violation_ids = fields.One2many(
        "property.renovation.violation", "filing_id", string="Violations", copy=False
    )
    open_violation_count = fields.Integer(compute="_compute_violations")
    violation_deduction = fields.Monetary(
        string="Deductions for Violations",
        compute="_compute_violations",
        help="Deductions of the violations to apply at the refund.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # approval, certificate
    reject_reason = fields.Text(readonly=True, copy=False, tracking=True)
    approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, ondelete="restrict"
    )
    date_approved = fields.Date(readonly=True, copy=False)
    certificate_date = fields.Date(
        string="Certificate Issued On", readonly=True, copy=False, tracking=True
    )
    # inspection
    inspection_request_date = fields.Date(readonly=True, copy=False)
    inspection_date = fields.Date(readonly=True, copy=False, tracking=True)
    inspection_user_id = fields.Many2one(
        "res.users",
        string="Inspected By",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    inspection_result = fields.Selection(
        [("passed", "Passed"), ("failed", "Failed")],
        readonly=True,
        copy=False,
        tracking=True,
    )
    rectification_items = fields.Text(
        help="What the owner or the contractor must put right before a new "
        "inspection (inspection failed).",
    )
    refund_date_earliest = fields.Date(
        string="Refund Possible From",
        compute="_compute_refund_date_earliest",
        help="Seven working days of the estate's calendar after the inspection passed.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Past its end date and not inspected yet.",
    )
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    # refund
    certificate_original_returned = fields.Boolean(
        string="Certificate Original Returned", tracking=True
    )
    refund_receipt_number = fields.Char(
        string="Original Receipt Number",
        tracking=True,
        help="Number of the deposit receipt (red copy) shown at the refund; it must "
        "match a receipt that took the deposit.",
    )
    refund_deduction = fields.Monetary(
        string="Deduction for Damages",
        tracking=True,
        help="Damages to deduct from the deposits, besides the violations.",
    )
    refund_deduction_reason = fields.Char(string="Reason of the Deduction")
    owner_ack = fields.Boolean(
        string="Owner's Acknowledgement",
        tracking=True,
        help="The owner has signed for the refund (已收退装修保证金).",
    )
    contractor_ack = fields.Boolean(
        string="Contractor's Acknowledgement",
        tracking=True,
        help="The contractor has signed for the refund.",
    )
    date_closed = fields.Date(readonly=True, copy=False)
    note = fields.Html()
    # money: deposits, tax and rubbish fee taken by billing receipts
    receipt_line_ids = fields.One2many(
        "property.receipt.line", "renovation_filing_id", string="Receipt Lines"
    )
    deposit_ids = fields.One2many(
        "property.deposit", "renovation_filing_id", string="Deposits", readonly=True
    )
    deposit_held = fields.Monetary(string="Deposits Held", compute="_compute_deposits")
    deposit_refunded = fields.Monetary(
        string="Deposits Refunded", compute="_compute_deposits"
    )
    receipt_count = fields.Integer(compute="_compute_deposits")
    # renovation tax collected on the owner's behalf
    tax_collected = fields.Boolean(related="estate_id.renovation_tax_collected")
    tax_amount = fields.Monetary(
        string="Renovation Tax",
        tracking=True,
        help="Renovation tax the service centre collects on the owner's behalf.",
    )
    tax_state = fields.Selection(
        [
            ("not_collected", "Not Collected Here"),
            ("due", "Due"),
            ("paid", "Paid"),
        ],
        string="Tax Status",
        compute="_compute_tax_state",
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(name, company_id)",
            "The filing reference must be unique.",
        ),
        (
            "tax_amount_positive",
            "CHECK(tax_amount >= 0)",
            "The tax cannot be negative.",
        ),
        (
            "refund_deduction_positive",
            "CHECK(refund_deduction >= 0)",
            "A deduction cannot be negative.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("unit_id")
    def _compute_owner_id(self):
        today = self.env["property.unit"]._property_today()
        for filing in self:
            if filing.unit_id and not filing.owner_id:
                owners = filing.unit_id.member_ids.filtered(
                    lambda m, d=today: (
                        m.role in ("owner", "co_owner") and m._is_current_on(d)
                    )
                )
                filing.owner_id = owners[:1].partner_id

    @api.depends("owner_id")
    def _compute_applicant_id(self):
        for filing in self:
            if not filing.applicant_id:
                filing.applicant_id = filing.owner_id

    @api.depends("owner_id", "applicant_id")
    def _compute_applicant_is_owner(self):
        for filing in self:
            filing.applicant_is_owner = (
                not filing.applicant_id
                or filing.applicant_id.commercial_partner_id
                == filing.owner_id.commercial_partner_id
            )

    @api.depends("owner_id.mobile", "owner_id.phone", "applicant_id.mobile")
    def _compute_phones(self):
        for filing in self:
            filing.owner_phone = filing.owner_id.mobile or filing.owner_id.phone
            filing.applicant_phone = (
                filing.applicant_id.mobile or filing.applicant_id.phone
            )

    @api.depends(
        "date_end_planned", "extension_ids.state", "extension_ids.date_new_end"
    )
    def _compute_date_end(self):
        for filing in self:
            approved = filing.extension_ids.filtered(lambda e: e.state == "approved")
            ends = approved.mapped("date_new_end")
            filing.date_end = max(ends) if ends else filing.date_end_planned

    @api.depends("line_ids.status", "line_ids.required", "line_ids.provider")
    def _compute_papers(self):
        for filing in self:
            missing = filing._get_missing_lines()
            filing.papers_complete = not missing
            filing.papers_missing = filing._format_missing_lines(missing)

    @api.depends("worker_ids.pass_number", "worker_ids.pass_returned")
    def _compute_pass_counts(self):
        for filing in self:
            issued = filing.worker_ids.filtered("pass_number")
            filing.worker_count = len(filing.worker_ids)
            filing.pass_issued_count = len(issued)
            filing.pass_returned_count = len(issued.filtered("pass_returned"))

    @api.depends("violation_ids.state", "violation_ids.deduction")
    def _compute_violations(self):
        for filing in self:
            filing.open_violation_count = len(
                filing.violation_ids.filtered(lambda v: v.state == "open")
            )
            filing.violation_deduction = sum(
                filing.violation_ids.filtered(lambda v: v.state != "cancelled").mapped(
                    "deduction"
                )
            )

    @api.depends("inspection_date", "inspection_result", "estate_id")
    def _compute_refund_date_earliest(self):
        for filing in self:
            if filing.inspection_result == "passed" and filing.inspection_date:
                # seven full working days after the inspection day: the day after
                # the seventh working day
                filing.refund_date_earliest = filing._add_working_days(
                    filing.inspection_date, REFUND_WAITING_DAYS
                ) + timedelta(days=1)
            else:
                filing.refund_date_earliest = False

    @api.depends("date_end", "state")
    @api.depends_context("date")
    def _compute_is_overdue(self):
        today = self.env["property.unit"]._property_today()
        for filing in self:
            filing.is_overdue = bool(
                filing.state in OPEN_WORK_STATES
                and filing.date_end
                and filing.date_end < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on the overdue flag."))
        today = self.env["property.unit"]._property_today()
        domain = [("state", "in", OPEN_WORK_STATES), ("date_end", "<", today)]
        if (operator == "=") == value:
            return domain
        return ["|", ("state", "not in", OPEN_WORK_STATES), ("date_end", ">=", today)]

    @api.depends(
        "tax_collected",
        "tax_amount",
        "receipt_line_ids.amount",
        "receipt_line_ids.state",
    )
    def _compute_tax_state(self):
        for filing in self:
            if not filing.tax_collected:
                filing.tax_state = "not_collected"
            else:
                filing.tax_state = "paid" if filing._is_tax_paid() else "due"

    def _is_tax_paid(self):
        """The renovation tax was received by issued receipts of the filing."""
        self.ensure_one()
        received = sum(
            self.receipt_line_ids.filtered(
                lambda ln: (
                    ln.line_type == "on_behalf" and ln.receipt_id.state == "issued"
                )
            ).mapped("amount")
        )
        return bool(
            self.tax_amount
            and self.currency_id.compare_amounts(received, self.tax_amount) >= 0
        )

    @api.depends(
        "deposit_ids.amount_held",
        "deposit_ids.amount_refunded",
        "receipt_line_ids.receipt_id",
    )
    def _compute_deposits(self):
        for filing in self:
            mine = filing.deposit_ids
            filing.deposit_held = sum(mine.mapped("amount_held"))
            filing.deposit_refunded = sum(mine.mapped("amount_refunded"))
            filing.receipt_count = len(filing.receipt_line_ids.receipt_id)

    def _get_tax_status_label(self):
        self.ensure_one()
        return dict(self._fields["tax_state"]._description_selection(self.env))[
            self.tax_state
        ]

    def _compute_access_url(self):
        for filing in self:
            filing.access_url = f"/my/renovations/{filing.id}"

    # === CONSTRAINT METHODS === #
    @api.constrains("date_start", "date_end_planned")
    def _check_duration(self):
        for filing in self:
            if filing.date_end_planned < filing.date_start:
                raise ValidationError(
                    self.env._(
                        "Filing %(name)s: the planned end (%(end)s) cannot be before "
                        "the start (%(start)s).",
                        name=filing.name,
                        end=format_date(self.env, filing.date_end_planned),
                        start=format_date(self.env, filing.date_start),
                    )
                )
            limit = filing.date_start + relativedelta(months=MAX_MONTHS)
            if filing.date_end_planned > limit:
                raise ValidationError(
                    self.env._(
                        "Filing %(name)s: renovation works are filed for at most "
                        "three months; the end must be on %(limit)s at the latest. "
                        "Longer works are extended when the three months are over.",
                        name=filing.name,
                        limit=format_date(self.env, limit),
                    )
                )

    @api.constrains(
        "simple_works_only",
        "work_wiring",
        "work_structure",
        "work_facade",
        "work_hot",
        "work_waterproof",
    )
    def _check_simple_works(self):
        for filing in self.filtered("simple_works_only"):
            if kinds := filing._get_non_simple_kinds():
                raise ValidationError(
                    self.env._(
                        "Filing %(name)s: simple works (floors, painting, wallpaper) "
                        "cannot include %(kinds)s.",
                        name=filing.name,
                        kinds=", ".join(kinds),
                    )
                )

    @api.constrains("self_renovation", "contractor_id")
    def _check_contractor(self):
        for filing in self:
            if filing.self_renovation and filing.contractor_id:
                raise ValidationError(
                    self.env._(
                        "Filing %(name)s is a self-renovation: it has no contractor.",
                        name=filing.name,
                    )
                )

    def _get_non_simple_kinds(self):
        self.ensure_one()
        fields_ = ("work_wiring", "work_structure", "work_facade", "work_hot")
        fields_ += ("work_waterproof",)
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in fields_
            if self[name]
        ]

    # === CRUD METHODS === #
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                unit = self.env["property.unit"].browse(vals.get("unit_id"))
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(unit.company_id or self.env.company)
                    .next_by_code("property.renovation.filing")
                ) or self.env._("New")
        filings = super().create(vals_list)
        filings._sync_paper_lines()
        return filings

    def write(self, vals):
        res = super().write(vals)
        if not self.env.context.get("property_renovation_no_sync") and set(vals) & set(
            self._get_paper_trigger_fields()
        ):
            self._sync_paper_lines()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_filed(self):
        if filed := self.filtered(lambda f: f.state not in ("draft", "cancelled")):
            raise UserError(
                self.env._(
                    "Filings that went beyond the draft are kept in the renovation "
                    "ledger; cancel or close them instead: %(names)s",
                    names=", ".join(filed.mapped("name")),
                )
            )

    # === PAPERS === #
    def _get_paper_trigger_fields(self):
        return [
            "unit_id",
            "owner_id",
            "applicant_id",
            "self_renovation",
            "simple_works_only",
            "work_wiring",
            "work_structure",
            "work_facade",
            "work_hot",
            "work_advertising",
            "work_waterproof",
            "declaration_signed",
        ]

    def _get_required_paper_types(self):
        """Codes of the papers this filing requires, in filing order (the centre's
        archive order: contractor papers first)."""
        self.ensure_one()
        codes = []
        if not self.self_renovation:
            codes.append("business_licence")
            if not self.simple_works_only:
                codes.append("qualification")
            codes += ["manager_id", "worker_ids"]
            if self.estate_id.renovation_tax_collected:
                codes.append("contract")
        if not self.simple_works_only:
            codes.append("drawings")
        if self.work_wiring:
            codes.append("wiring_plan")
        if self.work_structure:
            codes.append("structure_design")
            if self.unit_id.usage != "residential":
                codes.append("construction_permit")
        if self.work_facade:
            codes += ["planning_approval", "owners_consent", "centre_style"]
        if self.work_hot:
            codes.append("fire_approval")
        if self.work_advertising:
            codes.append("advertising_certificate")
        if self.work_waterproof:
            codes.append("waterproof_commitment")
        if not self.applicant_is_owner:
            codes.append("owner_consent")
        if self.declaration_signed:
            codes.append("declaration")
        return codes

    def _sync_paper_lines(self):
        """Add a line for every paper now required; lines no longer required go
        away while nothing was filed on them, otherwise they stay, not required."""
        sequences = {code: index for index, (code, _label) in enumerate(PAPER_TYPES)}
        for filing in self:
            if filing.state not in ("draft", "submitted"):
                continue
            required = filing._get_required_paper_types()
            existing = {line.paper_type: line for line in filing.line_ids}
            commands = []
            for code in required:
                line = existing.get(code)
                if not line:
                    commands.append(
                        Command.create(
                            {
                                "paper_type": code,
                                "sequence": sequences[code],
                                "required": True,
                            }
                        )
                    )
                elif not line.required:
                    commands.append(Command.update(line.id, {"required": True}))
            for code, line in existing.items():
                if code in required:
                    continue
                if line.status == "missing" and not line.attachment_ids:
                    commands.append(Command.delete(line.id))
                elif line.required:
                    commands.append(Command.update(line.id, {"required": False}))
            if commands:
                filing.with_context(property_renovation_no_sync=True).write(
                    {"line_ids": commands}
                )

    def _get_missing_lines(self, include_declared=True):
        """Required lines not on file; with ``include_declared`` those covered by
        the owner's declaration count as missing too (they are still owed)."""
        self.ensure_one()
        statuses = ("missing", "declared") if include_declared else ("missing",)
        return self.line_ids.filtered(lambda ln: ln.required and ln.status in statuses)

    def _format_missing_lines(self, lines):
        by_provider = {}
        providers = dict(
            self.env["property.renovation.filing.line"]
            ._fields["provider"]
            ._description_selection(self.env)
        )
        for line in lines:
            by_provider.setdefault(line.provider, []).append(line.display_name)
        return "\n".join(
            f"{providers[provider]}: {', '.join(names)}"
            for provider, names in sorted(by_provider.items())
        )

    # === HELPERS === #
    def _check_supervisor(self, what):
        if not self.env.su and not self.env.user.has_group(SUPERVISOR_GROUP):
            raise AccessError(
                self.env._(
                    "Only the renovation supervisor (装修负责人) may %(what)s.",
                    what=what,
                )
            )

    def _check_state(self, states, action):
        if bad := self.filtered(lambda f: f.state not in states):
            state_names = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(names)s (state: %(states)s).",
                    action=action,
                    names=", ".join(bad.mapped("name")),
                    states=", ".join(
                        sorted({state_names[s] for s in bad.mapped("state")})
                    ),
                )
            )

    def _today(self):
        return self.env["property.unit"]._property_today()

    def _add_working_days(self, day, days):
        """The date ``days`` working days after ``day`` on the estate's calendar
        (public holidays skipped)."""
        self.ensure_one()
        calendar = self.estate_id.resource_calendar_id
        if not calendar:
            return day + timedelta(days=days)
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        stop = start + timedelta(days=days * 4 + 60)
        intervals = calendar._work_intervals_batch(start, stop)[False]
        working_days = sorted(
            {begin.astimezone(tz).date() for begin, _s, _m in intervals}
        )
        if len(working_days) < days:
            return day + timedelta(days=days)
        return working_days[days - 1]

    # === ACTION METHODS: FLOW === #
    def action_submit(self):
        self._check_state(("draft",), self.env._("Submitting"))
        for filing in self:
            problems = filing._get_submit_problems()
            if problems:
                raise UserError(
                    self.env._(
                        "Filing %(name)s cannot be submitted yet:\n%(problems)s",
                        name=filing.name,
                        problems="\n".join(f"- {p}" for p in problems),
                    )
                )
        self.write({"state": "submitted"})
        for filing in self:
            filing.message_post(
                body=self.env._(
                    "Papers checked by the desk; filing sent to the renovation "
                    "supervisor for review."
                )
            )
            filing._schedule_supervisor_review()
        return True

    def _get_submit_problems(self):
        self.ensure_one()
        problems = []
        if not self.self_renovation:
            if not self.contractor_id:
                problems.append(self.env._("the contractor (or tick self-renovation)"))
            if not (
                self.manager_name and self.manager_id_number and self.manager_mobile
            ):
                problems.append(
                    self.env._(
                        "the contractor's person in charge: name, ID number and mobile"
                    )
                )
        if not self.applicant_is_owner and not self.owner_consent_confirmed:
            problems.append(
                self.env._(
                    "the owner's consent to the occupant's renovation, confirmed "
                    "with the owner"
                )
            )
        if self.declaration_signed and not (self.declaration_note or "").strip():
            problems.append(self.env._("what the renovation declaration covers"))
        declared = self.line_ids.filtered(lambda ln: ln.status == "declared")
        if declared and not self.declaration_signed:
            problems.append(
                self.env._(
                    "the owner's signed renovation declaration, for the papers "
                    "marked as covered by it"
                )
            )
        missing = self._get_missing_lines(include_declared=False)
        if missing:
            problems.append(
                self.env._(
                    "the papers still missing: %(papers)s",
                    papers=", ".join(missing.mapped("display_name")),
                )
            )
        return problems

    def _schedule_supervisor_review(self):
        group = self.env.ref(SUPERVISOR_GROUP, raise_if_not_found=False)
        users = (
            group.users.filtered(lambda u: not u.share and u.active) if group else []
        )
        user = users[:1] if users else self.env.user
        for filing in self:
            filing.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Review renovation filing"),
                user_id=user.id,
            )

    def action_approve(self):
        self._check_supervisor(self.env._("approve a renovation filing"))
        self._check_state(("submitted",), self.env._("Approval"))
        today = self._today()
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "date_approved": today,
                "reject_reason": False,
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for filing in self:
            filing.message_post(
                body=self.env._(
                    "Approved by the renovation supervisor %(user)s; the owner is "
                    "asked to sign the agreement and pay the deposits.",
                    user=self.env.user.name,
                ),
                partner_ids=filing.applicant_id.ids,
            )
        return True

    def _reject(self, reason):
        self._check_supervisor(self.env._("reject a renovation filing"))
        self._check_state(("submitted",), self.env._("Rejection"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the rejection."))
        self.write({"state": "rejected", "reject_reason": reason.strip()})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        for filing in self:
            filing.message_post(
                body=self.env._("Rejected: %(reason)s", reason=reason.strip()),
                partner_ids=filing.applicant_id.ids,
            )
        return True

    def action_reset_draft(self):
        self._check_state(("rejected", "cancelled"), self.env._("Back to draft"))
        self.write({"state": "draft"})
        for filing in self:
            filing.message_post(body=self.env._("Filing reopened as a draft."))
        return True

    def action_cancel(self):
        self._check_state(
            ("draft", "submitted", "approved", "rejected"), self.env._("Cancelling")
        )
        self._check_no_deposit_taken()
        self.write({"state": "cancelled"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        for filing in self:
            filing.message_post(body=self.env._("Filing cancelled."))
        return True

    def _check_no_deposit_taken(self):
        """A filing whose deposits were taken is refunded, never cancelled."""
        for filing in self:
            if filing.deposit_ids.filtered(lambda d: d.state != "draft"):
                raise UserError(
                    self.env._(
                        "The deposits of %(name)s were taken: the filing goes on to "
                        "the refund instead of being cancelled.",
                        name=filing.name,
                    )
                )

    # === DEPOSITS (billing) === #
    def _get_deposit_plan(self):
        """[(payer, amount, label)] of the deposits the filing takes."""
        self.ensure_one()
        estate = self.estate_id
        if self.self_renovation:
            return [
                (
                    self.owner_id,
                    estate.renovation_deposit_self,
                    self.env._("Renovation deposit (self-renovation)"),
                )
            ]
        return [
            (
                self.owner_id,
                estate.renovation_deposit_owner,
                self.env._("Renovation deposit (owner)"),
            ),
            (
                self.contractor_id,
                estate.renovation_deposit_contractor,
                self.env._("Renovation deposit (contractor)"),
            ),
        ]

    def action_prepare_receipts(self):
        """Create the deposits and the draft receipts the cashier issues: one per
        payer, with the deposit, the renovation tax collected on behalf (paid by
        the contractor, or the owner when self-renovating) and the rubbish fee."""
        self.ensure_one()
        self._check_state(("approved",), self.env._("Taking the deposits"))
        if self.receipt_line_ids.receipt_id.filtered(lambda r: r.state != "void"):
            raise UserError(
                self.env._(
                    "The receipts of %(name)s are already prepared.", name=self.name
                )
            )
        if self.tax_collected and not self.tax_amount:
            raise UserError(
                self.env._(
                    "Estate %(estate)s collects the renovation tax: enter its amount "
                    "first.",
                    estate=self.estate_id.name,
                )
            )
        Deposit = self.env["property.deposit"]
        receipts = self.env["property.receipt"]
        deposits = self.deposit_ids.filtered(lambda d: d.state == "draft")
        tax_payer = self.owner_id if self.self_renovation else self.contractor_id
        for payer, amount, label in self._get_deposit_plan():
            deposit = deposits.filtered(lambda d, p=payer: d.partner_id == p)[:1]
            if not deposit:
                deposit = Deposit.create(
                    {
                        "deposit_type": "renovation",
                        "partner_id": payer.id,
                        "unit_id": self.unit_id.id,
                        "company_id": self.company_id.id,
                        "amount_expected": amount,
                        "res_model": self._name,
                        "res_id": self.id,
                        "renovation_filing_id": self.id,
                        "note": f"{self.name} {label}",
                    }
                )
            lines = [
                Command.create(
                    {
                        "line_type": "deposit",
                        "deposit_id": deposit.id,
                        "name": f"{self.name} {label}",
                        "amount": amount,
                        "renovation_filing_id": self.id,
                    }
                )
            ]
            if payer == tax_payer and self.tax_collected and self.tax_amount:
                tax = self.env.ref("property_billing.product_fee_renovation_tax")
                lines.append(
                    Command.create(
                        {
                            "line_type": "on_behalf",
                            "product_id": tax.product_variant_id.id,
                            "name": self.env._(
                                "%(name)s renovation tax", name=self.name
                            ),
                            "amount": self.tax_amount,
                            "renovation_filing_id": self.id,
                        }
                    )
                )
            if payer == self.owner_id and self.estate_id.renovation_rubbish_fee:
                rubbish = self.env.ref("property_billing.product_fee_rubbish")
                lines.append(
                    Command.create(
                        {
                            "line_type": "fee",
                            "product_id": rubbish.product_variant_id.id,
                            "name": self.env._(
                                "%(name)s renovation rubbish clearance",
                                name=self.name,
                            ),
                            "amount": self.estate_id.renovation_rubbish_fee,
                            "renovation_filing_id": self.id,
                        }
                    )
                )
            receipts |= self.env["property.receipt"].create(
                {
                    "partner_id": payer.id,
                    "unit_id": self.unit_id.id,
                    "payment_method": "cash",
                    "line_ids": lines,
                }
            )
        self.message_post(
            body=self.env._(
                "Receipts prepared for the deposits: %(count)s.", count=len(receipts)
            )
        )
        return self.action_view_receipts()

    def action_view_receipts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_receipt_action"
        )
        action["domain"] = [("id", "in", self.receipt_line_ids.receipt_id.ids)]
        action["context"] = {"create": False}
        return action

    def action_view_deposits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_deposit_action"
        )
        action["domain"] = [("id", "in", self.deposit_ids.ids)]
        action["context"] = {"create": False}
        return action

    def _update_after_receipts(self):
        """Receipts of the filings were issued or voided."""
        for filing in self:
            plan = filing._get_deposit_plan()
            held = filing.deposit_ids.filtered(lambda d: d.state == "held")
            payers_held = held.mapped("partner_id")
            all_held = all(payer in payers_held for payer, _a, _l in plan)
            if filing.state == "approved" and all_held:
                filing._mark_deposits_paid()
            elif filing.state == "deposit_paid" and not all_held:
                filing.write({"state": "approved"})
                filing.message_post(
                    body=self.env._(
                        "A deposit receipt was voided: the deposits are to be taken "
                        "again."
                    )
                )

    def _mark_deposits_paid(self):
        """Called once the deposits are held (billing receipts issued)."""
        self._check_state(("approved",), self.env._("Recording the deposits"))
        self.write({"state": "deposit_paid"})
        for filing in self:
            filing.message_post(
                body=self.env._(
                    "Deposits paid; the registration certificate can be issued."
                )
            )

    def action_issue_certificate(self):
        self._check_state(("deposit_paid",), self.env._("Issuing the certificate"))
        self.write({"state": "certificate_issued", "certificate_date": self._today()})
        for filing in self:
            filing.message_post(
                body=self.env._(
                    "Registration certificate issued: the original to the owner, "
                    "one copy for the passes (办理出入证专用), one for the door."
                )
            )
        return self.env.ref(
            "property_renovation.action_report_property_renovation_certificate"
        ).report_action(self)

    def action_start(self):
        self._check_state(("certificate_issued",), self.env._("Starting the works"))
        today = self._today()
        if early := self.filtered(lambda f: f.date_start > today):
            raise UserError(
                self.env._(
                    "The works of %(names)s start on %(date)s as filed.",
                    names=", ".join(early.mapped("name")),
                    date=format_date(self.env, early[0].date_start),
                )
            )
        self.write({"state": "in_progress"})
        for filing in self:
            filing.message_post(body=self.env._("Works started."))
        return True

    def action_request_inspection(self):
        self._check_state(
            ("in_progress", "inspected"), self.env._("Requesting the inspection")
        )
        if passed := self.filtered(lambda f: f.inspection_result == "passed"):
            raise UserError(
                self.env._(
                    "The completion inspection of %(names)s has already passed.",
                    names=", ".join(passed.mapped("name")),
                )
            )
        self.write(
            {"state": "inspection_requested", "inspection_request_date": self._today()}
        )
        for filing in self:
            filing.message_post(
                body=self.env._("Works completed; completion inspection requested.")
            )
            filing.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Completion inspection"),
                user_id=filing.user_id.id,
            )
        return True

    def action_inspection_pass(self):
        self._check_state(
            ("inspection_requested",), self.env._("Passing the inspection")
        )
        self._check_inspection_violations()
        self.write(
            {
                "state": "inspected",
                "inspection_result": "passed",
                "inspection_date": self._today(),
                "inspection_user_id": self.env.user.id,
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for filing in self:
            filing.message_post(
                body=self.env._(
                    "Completion inspection passed; the deposits can be refunded "
                    "from %(date)s.",
                    date=format_date(self.env, filing.refund_date_earliest),
                ),
                partner_ids=filing.owner_id.ids,
            )
        return True

    def _check_inspection_violations(self):
        for filing in self:
            if open_ := filing.violation_ids.filtered(lambda v: v.state == "open"):
                raise UserError(
                    self.env._(
                        "Filing %(name)s has violations not rectified: %(items)s",
                        name=filing.name,
                        items=", ".join(open_.mapped("display_name")),
                    )
                )

    def action_inspection_fail(self):
        self._check_state(
            ("inspection_requested",), self.env._("Failing the inspection")
        )
        if empty := self.filtered(lambda f: not (f.rectification_items or "").strip()):
            raise UserError(
                self.env._(
                    "List the rectification items of the failed inspection: %(names)s",
                    names=", ".join(empty.mapped("name")),
                )
            )
        self.write(
            {
                "state": "inspected",
                "inspection_result": "failed",
                "inspection_date": self._today(),
                "inspection_user_id": self.env.user.id,
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for filing in self:
            filing.message_post(
                body=self.env._(
                    "Completion inspection failed; to rectify: %(items)s",
                    items=filing.rectification_items,
                ),
                partner_ids=filing.owner_id.ids,
            )
        return True

    # === REFUND === #
    def _get_refund_blockers(self):
        """Everything that stands in the way of the deposit refund, as sentences."""
        self.ensure_one()
        env = self.env
        blockers = []
        today = self._today()
        if self.inspection_result != "passed":
            blockers.append(env._("the completion inspection has not passed"))
        elif today < self.refund_date_earliest:
            blockers.append(
                env._(
                    "7 working days must pass after the inspection (refund possible "
                    "from %(date)s)",
                    date=format_date(env, self.refund_date_earliest),
                )
            )
        if self.open_violation_count:
            blockers.append(
                env._(
                    "violations not rectified: %(items)s",
                    items=", ".join(
                        self.violation_ids.filtered(lambda v: v.state == "open").mapped(
                            "display_name"
                        )
                    ),
                )
            )
        blockers += self._get_tax_blockers()
        missing = self._get_missing_lines()
        if missing:
            blockers.append(
                env._(
                    "papers not on file: %(papers)s",
                    papers=self._format_missing_lines(missing).replace("\n", "; "),
                )
            )
        if self.pass_returned_count != self.pass_issued_count:
            not_returned = self.worker_ids.filtered(
                lambda w: w.pass_number and not w.pass_returned
            )
            blockers.append(
                env._(
                    "worker passes not returned: %(returned)s of %(issued)s returned "
                    "(missing: %(passes)s)",
                    returned=self.pass_returned_count,
                    issued=self.pass_issued_count,
                    passes=", ".join(f"{w.pass_number} {w.name}" for w in not_returned),
                )
            )
        if not self.certificate_original_returned:
            blockers.append(
                env._("the original of the registration certificate is not returned")
            )
        return blockers

    def _get_tax_blockers(self):
        self.ensure_one()
        if self.tax_state == "due":
            return [self.env._("the renovation tax collected on behalf is not settled")]
        return []

    def _raise_refund_blockers(self, blockers):
        if blockers:
            raise UserError(
                self.env._(
                    "The deposits of filing %(name)s cannot be refunded yet:\n"
                    "%(blockers)s",
                    name=self.name,
                    blockers="\n".join(f"- {b}" for b in blockers),
                )
            )

    def action_mark_refund_eligible(self):
        self._check_state(("inspected",), self.env._("Refund eligibility"))
        for filing in self:
            filing._raise_refund_blockers(filing._get_refund_blockers())
        self.write({"state": "refund_eligible"})
        for filing in self:
            filing.message_post(
                body=self.env._("Every condition of the deposit refund is met."),
                partner_ids=filing.owner_id.ids,
            )
        return True

    def action_close(self):
        self._check_state(("refund_eligible",), self.env._("Closing"))
        for filing in self:
            filing._check_can_close()
        self.write({"state": "closed", "date_closed": self._today()})
        for filing in self:
            filing.message_post(body=self.env._("Filing closed."))
        return True

    def _check_can_close(self):
        self.ensure_one()
        if pending := self.deposit_ids.filtered(lambda d: d.state != "refunded"):
            raise UserError(
                self.env._(
                    "Filing %(name)s is closed once its deposits are refunded: "
                    "%(deposits)s",
                    name=self.name,
                    deposits=", ".join(pending.mapped("name")),
                )
            )

    def _get_refund_request_blockers(self):
        """The refund conditions plus what the desk records at the counter."""
        self.ensure_one()
        env = self.env
        blockers = self._get_refund_blockers()
        receipts = self.receipt_line_ids.filtered(
            lambda ln: ln.line_type == "deposit" and ln.receipt_id.state == "issued"
        ).receipt_id
        number = (self.refund_receipt_number or "").strip()
        if not number:
            blockers.append(env._("the number of the original deposit receipt"))
        elif number not in receipts.mapped("name"):
            blockers.append(
                env._(
                    "receipt %(number)s did not take the deposits of this filing "
                    "(their receipts: %(receipts)s)",
                    number=number,
                    receipts=", ".join(receipts.mapped("name")) or "-",
                )
            )
        if self.refund_deduction and not (self.refund_deduction_reason or "").strip():
            blockers.append(env._("the reason of the deduction for damages"))
        if not self.owner_ack:
            blockers.append(env._("the owner's acknowledgement of the refund"))
        if not self.self_renovation and not self.contractor_ack:
            blockers.append(env._("the contractor's acknowledgement of the refund"))
        deduction = self._get_total_deduction()
        held = sum(
            self.deposit_ids.filtered(lambda d: d.state == "held").mapped("amount_held")
        )
        if self.currency_id.compare_amounts(deduction, held) > 0:
            blockers.append(
                env._(
                    "the deductions (%(deduction)s) exceed the deposits held "
                    "(%(held)s)",
                    deduction=deduction,
                    held=held,
                )
            )
        return blockers

    def _get_total_deduction(self):
        self.ensure_one()
        return self.refund_deduction + self.violation_deduction

    def _split_deduction(self):
        """{deposit: (deduction, reason)}: the contractor's deposit first."""
        self.ensure_one()
        reasons = [
            f"{v.display_name} {v.deduction}"
            for v in self.violation_ids.filtered(
                lambda v: v.state != "cancelled" and v.deduction
            )
        ]
        if self.refund_deduction:
            reasons.append(f"{self.refund_deduction_reason} {self.refund_deduction}")
        reason = "; ".join(reasons) or False
        remaining = self._get_total_deduction()
        deposits = self.deposit_ids.filtered(lambda d: d.state == "held").sorted(
            lambda d: d.partner_id != self.contractor_id
        )
        result = {}
        for deposit in deposits:
            part = min(remaining, deposit.amount_held)
            remaining -= part
            result[deposit] = (part, reason if part else False)
        return result

    def action_request_refund(self):
        """The desk asks for the refund of the deposits (billing approval follows)."""
        self._check_state(("refund_eligible",), self.env._("Requesting the refund"))
        for filing in self:
            filing._raise_refund_blockers(filing._get_refund_request_blockers())
            for deposit, (deduction, reason) in filing._split_deduction().items():
                deposit.action_request_refund(deduction=deduction, reason=reason)
            filing.message_post(
                body=self.env._(
                    "Refund of the deposits requested (receipt %(number)s, "
                    "deductions %(deduction)s); acknowledged by the "
                    "owner%(contractor)s.",
                    number=filing.refund_receipt_number,
                    deduction=filing._get_total_deduction(),
                    contractor=""
                    if filing.self_renovation
                    else self.env._(" and the contractor"),
                )
            )
        return True

    def action_approve_refund(self):
        """The service-centre manager approves the refund of the deposits."""
        for filing in self:
            deposits = filing.deposit_ids.filtered(
                lambda d: d.state == "refund_requested"
            )
            if not deposits:
                raise UserError(
                    self.env._("No refund is requested for %(name)s.", name=filing.name)
                )
            deposits.action_approve_refund()
            filing.message_post(body=self.env._("Refund of the deposits approved."))
        return True

    def action_refund(self):
        """Finance pays the deposits back; the filing is then closed."""
        for filing in self:
            deposits = filing.deposit_ids.filtered(
                lambda d: d.state == "refund_approved"
            )
            if not deposits:
                raise UserError(
                    self.env._(
                        "No approved refund to pay for %(name)s.", name=filing.name
                    )
                )
            deposits.action_refund()
            filing.sudo().message_post(
                body=self.env._(
                    "Deposits refunded: %(amount)s.",
                    amount=sum(deposits.mapped("amount_refunded")),
                )
            )
            if filing.state == "refund_eligible" and all(
                d.state == "refunded" for d in filing.deposit_ids
            ):
                filing.sudo().action_close()
        return True

    # === EXTENSIONS, WORKERS === #
    def _get_report_copy_labels(self):
        return [
            self.env._("Contractor's copy"),
            self.env._("Owner's copy"),
            self.env._("Service centre's copy"),
        ]

    def _get_certificate_copy_labels(self):
        return [
            self.env._("Original"),
            self.env._("Copy – for the access passes (办理出入证专用)"),
            self.env._("Copy – to be posted on the door"),
        ]

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Renovation %(name)s", name=self.name)

    def _get_kind_labels(self):
        self.ensure_one()
        names = [
            "simple_works_only",
            "work_wiring",
            "work_structure",
            "work_facade",
            "work_hot",
            "work_advertising",
            "work_waterproof",
        ]
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in names
            if self[name]
        ]

    # === CRON === #
    @api.model
    def _cron_remind_ending(self):
        """Remind the owner and the desk seven days before a filing's end."""
        today = self._today()
        filings = self.search(
            [
                ("state", "in", OPEN_WORK_STATES),
                ("reminder_sent", "=", False),
                ("date_end", "<=", today + timedelta(days=REMINDER_DAYS)),
                ("date_end", ">=", today),
            ]
        )
        for filing in filings:
            filing._send_end_reminder()
        return filings

    def _send_end_reminder(self):
        self.ensure_one()
        end = format_date(self.env, self.date_end)
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=self.date_end,
            summary=self.env._("Renovation ends on %(date)s", date=end),
            user_id=self.user_id.id,
        )
        self.message_post(
            body=self.env._(
                "Reminder: the renovation filed under %(name)s ends on %(date)s. "
                "Please request the completion inspection, or an extension at the "
                "service centre, before that date.",
                name=self.name,
                date=end,
            ),
            partner_ids=self.owner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.reminder_sent = True

    # === VIEW ACTIONS === #
    def action_print_agreement(self):
        return self.env.ref(
            "property_renovation.action_report_property_renovation_agreement"
        ).report_action(self)

    def action_print_certificate(self):
        return self.env.ref(
            "property_renovation.action_report_property_renovation_certificate"
        ).report_action(self)
