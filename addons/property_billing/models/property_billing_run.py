import logging
import time
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

from odoo.addons.property_frontdesk.models.property_unit import DELIVERED_STATES

from ..tools import period as billing_period

_logger = logging.getLogger(__name__)

# context of the batch creation: no chatter message per notice, no tracking
FAST_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
}


class PropertyBillingRun(models.Model):
    _name = "property.billing.run"
    _description = "Billing Run"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "period desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    estate_id = fields.Many2one(
        "property.estate",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
    )
    period = fields.Char(
        required=True, index=True, tracking=True, help="Month billed, e.g. 2026-11."
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("done", "Done")],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    date_from = fields.Date(compute="_compute_period_bounds", string="From")
    date_to = fields.Date(compute="_compute_period_bounds", string="To")
    cutoff_date = fields.Date(
        string="Reading Cut-off",
        compute="_compute_dates",
        store=True,
        readonly=False,
        help="Readings dated after the previous period's cut-off and up to this day "
        "are billed.",
    )
    due_date = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        help="Payers are asked to pay by this date.",
    )
    delivery_deadline = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        help="The notices must be delivered to the payers by this date.",
    )
    batch_size = fields.Integer(
        default=500,
        help="Units billed per batch; a run of more units goes on in the background, "
        "committing each batch, and can be resumed after an interruption.",
    )
    total_count = fields.Integer(string="Units to Bill", readonly=True, copy=False)
    processed_count = fields.Integer(
        string="Units Processed", readonly=True, copy=False
    )
    last_unit_id = fields.Integer(
        readonly=True, copy=False, help="Units are billed in id order up to this one."
    )
    progress = fields.Float(compute="_compute_progress")
    date_started = fields.Datetime(readonly=True, copy=False)
    date_done = fields.Datetime(readonly=True, copy=False)
    notice_ids = fields.One2many(
        "account.move", "property_billing_run_id", string="Notices"
    )
    notice_count = fields.Integer(compute="_compute_notice_stats")
    amount_total = fields.Monetary(compute="_compute_notice_stats")
    printed_count = fields.Integer(compute="_compute_notice_stats")
    delivered_count = fields.Integer(compute="_compute_notice_stats")
    unsent_count = fields.Integer(compute="_compute_notice_stats")
    currency_id = fields.Many2one(related="company_id.currency_id")

    _sql_constraints = [
        (
            "estate_period_uniq",
            "UNIQUE(estate_id, period)",
            "There is already a billing run for this estate and period.",
        ),
    ]

    # === COMPUTE METHODS === #
    @api.depends("estate_id", "period")
    def _compute_name(self):
        for run in self:
            if not run.name and run.estate_id and run.period:
                run.name = f"{run.estate_id.name} {run.period}"

    @api.depends("period")
    def _compute_period_bounds(self):
        for run in self:
            if billing_period.is_period(run.period):
                run.date_from, run.date_to = billing_period.period_bounds(run.period)
            else:
                run.date_from = run.date_to = False

    @api.depends(
        "period",
        "estate_id.billing_cutoff_day",
        "estate_id.notice_delivery_day",
    )
    def _compute_dates(self):
        for run in self:
            if not billing_period.is_period(run.period):
                run.cutoff_date = run.due_date = run.delivery_deadline = False
                continue
            run.cutoff_date = billing_period.period_day(
                run.period, run.estate_id.billing_cutoff_day or 20
            )
            run.delivery_deadline = billing_period.period_day(
                run.period, run.estate_id.notice_delivery_day or 28
            )
            run.due_date = billing_period.period_bounds(run.period)[1]

    @api.depends("total_count", "processed_count")
    def _compute_progress(self):
        for run in self:
            run.progress = (
                100.0 * run.processed_count / run.total_count
                if run.total_count
                else 0.0
            )

    def _compute_notice_stats(self):
        Move = self.env["account.move"]
        domain = [("property_billing_run_id", "in", self.ids), ("state", "=", "posted")]
        stats = {
            run: (count, amount)
            for run, count, amount in Move._read_group(
                domain, ["property_billing_run_id"], ["__count", "amount_total:sum"]
            )
        }
        states = defaultdict(int)
        for run, state, count in Move._read_group(
            domain,
            ["property_billing_run_id", "property_delivery_state"],
            ["__count"],
        ):
            states[(run, state)] = count
        for run in self:
            run.notice_count, run.amount_total = stats.get(run, (0, 0.0))
            run.delivered_count = states[(run, "delivered")]
            run.printed_count = states[(run, "printed")] + run.delivered_count
            run.unsent_count = run.notice_count - run.delivered_count

    # === CONSTRAINT METHODS === #
    @api.constrains("period")
    def _check_period(self):
        for run in self:
            if not billing_period.is_period(run.period):
                raise ValidationError(
                    self.env._(
                        "The period %(period)s is not a month written YYYY-MM, "
                        "e.g. 2026-11.",
                        period=run.period,
                    )
                )

    @api.constrains("batch_size")
    def _check_batch_size(self):
        if self.filtered(lambda r: r.batch_size < 1):
            raise ValidationError(self.env._("A batch must bill at least one unit."))

    # === CRUD METHODS === #
    @api.ondelete(at_uninstall=False)
    def _unlink_except_billed(self):
        if self.filtered(lambda r: r.state != "draft" or r.notice_ids):
            raise UserError(
                self.env._(
                    "A billing run that has issued notices cannot be deleted; its "
                    "notices are reversed one by one if they are wrong."
                )
            )

    # === ACTION METHODS === #
    def action_start(self):
        """Count the units to bill and bill them: at once when they fit in one
        batch, else in the background (cron), batch by batch."""
        for run in self:
            if run.state != "draft":
                raise UserError(
                    self.env._(
                        "The billing run %(run)s has already been started.",
                        run=run.name,
                    )
                )
            run._check_can_run()
            total = self.env["property.unit"].search_count(run._get_units_domain())
            run.write(
                {
                    "state": "running",
                    "total_count": total,
                    "processed_count": 0,
                    "last_unit_id": 0,
                    "date_started": fields.Datetime.now(),
                }
            )
            run.message_post(
                body=self.env._("Billing started: %(count)s units.", count=total)
            )
        self._continue()
        return True

    def action_resume(self):
        """Continue a run that was interrupted (the units already billed are
        skipped)."""
        if bad := self.filtered(lambda r: r.state != "running"):
            raise UserError(
                self.env._(
                    "Only a running billing run can be resumed: %(runs)s.",
                    runs=", ".join(bad.mapped("name")),
                )
            )
        self._continue()
        return True

    def action_rerun(self):
        """Bill again what is missing for the period (units delivered or payers
        registered since): the units already billed are skipped."""
        if bad := self.filtered(lambda r: r.state != "done"):
            raise UserError(
                self.env._(
                    "Only a finished billing run can be run again: %(runs)s.",
                    runs=", ".join(bad.mapped("name")),
                )
            )
        self.write({"state": "draft"})
        return self.action_start()

    def action_view_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_notice_action"
        )
        action["domain"] = [("property_billing_run_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # === BUSINESS METHODS === #
    def _check_can_run(self):
        self.ensure_one()
        self.env["property.unit"].check_access("read")
        if not self.env.user.has_group(
            "property_frontdesk.group_property_finance"
        ) and not self.env.user.has_group("property_frontdesk.group_property_manager"):
            raise UserError(
                self.env._(
                    "Only finance staff or a service-centre manager can run the "
                    "monthly billing."
                )
            )
        if not self.company_id.property_notice_journal_id:
            raise UserError(
                self.env._(
                    "Set the payment notice journal of %(company)s first "
                    "(Settings › Property Billing).",
                    company=self.company_id.name,
                )
            )

    def _continue(self):
        """Bill the runs now when small, else leave them to the cron."""
        cron = self.env.ref(
            "property_billing.ir_cron_property_billing_run", raise_if_not_found=False
        )
        for run in self:
            remaining = run.total_count - run.processed_count
            if remaining <= run.batch_size or not cron:
                run.sudo()._process_batches(commit=False)
            else:
                cron.sudo()._trigger()
                run.message_post(
                    body=self.env._(
                        "%(count)s units remain: the billing goes on in the "
                        "background.",
                        count=remaining,
                    )
                )

    @api.model
    def _cron_process_runs(self):
        runs = self.search([("state", "=", "running")])
        commit = not self.env.context.get("property_billing_no_commit")
        for run in runs:
            run._process_batches(commit=commit)

    def _process_batches(self, commit=False, max_batches=None):
        """Bill the units of the run batch by batch, in id order from the last unit
        billed; ``commit`` (cron) saves each batch so that an interruption loses at
        most the current one."""
        self.ensure_one()
        Unit = self.env["property.unit"].with_context(active_test=True)
        done = 0
        while max_batches is None or done < max_batches:
            units = Unit.search(
                self._get_units_domain() + [("id", ">", self.last_unit_id)],
                order="id",
                limit=self.batch_size,
            )
            if not units:
                self._finish()
                break
            started = time.perf_counter()
            self._bill_units(units)
            self.write(
                {
                    "processed_count": self.processed_count + len(units),
                    "last_unit_id": units[-1].id,
                }
            )
            done += 1
            _logger.info(
                "Billing run %s: %s/%s units (%.1f s for the batch)",
                self.name,
                self.processed_count,
                self.total_count,
                time.perf_counter() - started,
            )
            if commit:
                self.env["ir.cron"]._notify_progress(
                    done=self.processed_count,
                    remaining=max(self.total_count - self.processed_count, 0),
                )
                self.env.cr.commit()  # pylint: disable=invalid-commit
                self.env.invalidate_all()
        return True

    def _process_batches_all(self):
        """Bill every unit of a run at once, from the start (benchmark, tests)."""
        self.ensure_one()
        self.write(
            {
                "state": "running",
                "processed_count": 0,
                "last_unit_id": 0,
                "total_count": self.env["property.unit"].search_count(
                    self._get_units_domain()
                ),
            }
        )
        return self._process_batches()

    def _finish(self):
        self.ensure_one()
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        self.message_post(
            body=self.env._(
                "Billing done: %(count)s notices, %(amount)s in total.",
                count=self.notice_count,
                amount=self.amount_total,
            )
        )

    def _get_units_domain(self):
        self.ensure_one()
        return [
            ("estate_id", "=", self.estate_id.id),
            ("delivery_state", "in", DELIVERED_STATES),
        ]

    def _get_payer_spans(self, units):
        """{unit: [(partner, date_from, date_to)]}: who pays the unit on which days
        of the period (a resale in the month splits it)."""
        self.ensure_one()
        members = self.env["property.unit.member"].search(
            [
                ("unit_id", "in", units.ids),
                ("is_payer", "=", True),
                ("date_start", "<=", self.date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", self.date_from),
            ],
            order="unit_id, date_start",
        )
        spans = defaultdict(list)
        for member in members:
            span = billing_period.overlap(
                self.date_from, self.date_to, member.date_start, member.date_end
            )
            if span:
                spans[member.unit_id].append((member.partner_id, *span))
        return spans

    def _get_billed_keys(self, units):
        """(unit id, partner id) already billed in the period."""
        self.ensure_one()
        self.env["account.move"].flush_model()
        self.env.cr.execute(
            """SELECT property_unit_id, partner_id FROM account_move
                WHERE property_is_notice AND state != 'cancel'
                  AND property_period = %s AND property_unit_id = ANY(%s)""",
            [self.period, units.ids],
        )
        return set(self.env.cr.fetchall())

    def _prepare_fee_charges(self, units, spans):
        """{(unit, partner): [line dicts]} of the fee standards and the meters."""
        self.ensure_one()
        period = self.period
        rules = self.env["property.fee.rule"]._get_active_rules(
            self.estate_id, self.date_from, self.date_to
        )
        rules_by_usage = defaultdict(list)
        for rule in rules:
            rules_by_usage[rule.usage].append(rule)
        consumption = self._get_unit_consumption(units)
        days = billing_period.days_between(self.date_from, self.date_to)
        charges = defaultdict(list)
        for unit in units:
            unit_spans = spans.get(unit)
            if not unit_spans:
                continue
            for rule in rules_by_usage.get(unit.usage, ()):
                if rule.basis == "meter":
                    used = consumption.get((unit.id, rule.meter_type), 0.0)
                    if not used:
                        continue
                    # the consumption is billed to the payer on the cut-off day
                    partner = next(
                        (
                            p
                            for p, start, stop in unit_spans
                            if start <= self.cutoff_date <= stop
                        ),
                        unit_spans[-1][0],
                    )
                    charges[(unit, partner)].append(
                        self._prepare_charge(rule, used, rule.price, period)
                    )
                    continue
                base = {"area": unit.built_area, "fixed": 1.0, "piece": rule.quantity}[
                    rule.basis
                ]
                for partner, start, stop in unit_spans:
                    span = billing_period.overlap(
                        start, stop, rule.date_start, rule.date_end
                    )
                    if not span:
                        continue
                    covered = billing_period.days_between(*span)
                    if covered == days:
                        charges[(unit, partner)].append(
                            self._prepare_charge(rule, base, rule.price, period)
                        )
                    else:
                        charges[(unit, partner)].append(
                            self._prepare_charge(
                                rule,
                                float_round(base * covered / days, precision_digits=2),
                                rule.price,
                                period,
                                covered=covered,
                                days=days,
                            )
                        )
        return charges

    def _prepare_charge(self, rule, quantity, price, period, covered=0, days=0):
        name = f"{rule.product_id.name} {period}"
        if covered:
            name = self.env._(
                "%(item)s (%(covered)s of %(days)s days)",
                item=name,
                covered=covered,
                days=days,
            )
        return {
            "product_id": rule.product_id.id,
            "name": name,
            "quantity": quantity,
            "price_unit": price,
        }

    def _get_unit_consumption(self, units):
        """{(unit id, meter type): consumption} of the readings after the previous
        period's cut-off up to this one's, shared meters apportioned by area."""
        self.ensure_one()
        previous = billing_period.period_add(self.period, -1)
        date_from = billing_period.period_day(
            previous, self.estate_id.billing_cutoff_day or 20
        )
        Meter = self.env["property.meter"]
        meters = Meter.search(
            [
                ("estate_id", "=", self.estate_id.id),
                "|",
                ("unit_id", "in", units.ids),
                ("shared_unit_ids", "in", units.ids),
            ]
        )
        used = self.env["property.meter.reading"]._read_group(
            [
                ("meter_id", "in", meters.ids),
                ("date", ">", date_from),
                ("date", "<=", self.cutoff_date),
            ],
            ["meter_id"],
            ["consumption:sum"],
        )
        result = defaultdict(float)
        unit_ids = set(units.ids)
        for meter, total in used:
            for unit, share in meter._get_apportionment().items():
                if unit.id in unit_ids:
                    result[(unit.id, meter.meter_type)] += float_round(
                        total * share, precision_digits=2
                    )
        return result

    def _get_extra_charges(self, units):
        """Charges of other addons (special services…) for ``units`` in the run's
        period -> list of dicts: unit_id, product_id, name, price_unit, origin_ref,
        source (a record). Override, call super() and extend the list; return only
        charges not yet billed."""
        self.ensure_one()
        return []

    def _extra_charges_billed(self, charges):
        """Called after the notices are created; every dict has gained
        move_line_id."""
        self.ensure_one()
        return True

    def _prepare_notice_vals(self, unit, partner, lines):
        self.ensure_one()
        return {
            "move_type": "out_invoice",
            "journal_id": self.company_id.property_notice_journal_id.id,
            "company_id": self.company_id.id,
            "partner_id": partner.id,
            "invoice_date": self.cutoff_date,
            "date": self.cutoff_date,
            "invoice_date_due": self.due_date,
            "invoice_origin": self.name,
            "property_is_notice": True,
            "property_unit_id": unit.id,
            "property_estate_id": unit.estate_id.id,
            "property_period": self.period,
            "property_billing_run_id": self.id,
            "invoice_line_ids": [
                Command.create(
                    {
                        key: value
                        for key, value in line.items()
                        if key in ("product_id", "name", "quantity", "price_unit")
                    }
                )
                for line in lines
            ],
        }

    def _subscribe_payers(self, moves):
        """Fast path: follow the new notices by their payers in one batch (as
        posting does notice by notice), with the default customer subtypes."""
        _all, _internal, external = self.env["mail.message.subtype"].default_subtypes(
            "account.move"
        )
        self.env["mail.followers"].sudo().create(
            [
                {
                    "res_model": "account.move",
                    "res_id": move.id,
                    "partner_id": move.partner_id.id,
                    "subtype_ids": [Command.set(external.ids)],
                }
                for move in moves
            ]
        )
        moves.invalidate_recordset(["message_partner_ids", "message_follower_ids"])

    def _add_journal_lines(self, vals_list):
        """Fast path: write the whole journal entry of each notice (income lines and
        the receivable line) instead of letting the invoice compute its dynamic
        lines one by one. Notices have no taxes and no payment terms: the result is
        the same ledger (tested against the ordinary path)."""
        self.ensure_one()
        company = self.company_id
        currency = company.currency_id
        Product = self.env["product.product"].with_company(company)
        products = Product.browse(
            {
                command[2]["product_id"]
                for vals in vals_list
                for command in vals["invoice_line_ids"]
            }
        )
        income = {
            product.id: product.product_tmpl_id._get_product_accounts()["income"]
            for product in products
        }
        taxed = products.filtered(
            lambda p: p.taxes_id.filtered(lambda t: t.company_id == company)
        )
        if taxed:
            raise UserError(
                self.env._(
                    "Fee items on payment notices carry no tax: remove the taxes of "
                    "%(items)s.",
                    items=", ".join(taxed.mapped("display_name")),
                )
            )
        partners = (
            self.env["res.partner"]
            .with_company(company)
            .browse({vals["partner_id"] for vals in vals_list})
        )
        receivable = {
            partner.id: partner.property_account_receivable_id for partner in partners
        }
        # Measured: the analytic distribution computed line by line (one search of
        # the distribution models per line, then again when posting) took ~20% of
        # the run. Without any distribution model it is always empty, so the lines
        # get it directly; with models, Odoo computes it as usual.
        no_analytic = not self.env["account.analytic.distribution.model"].search_count(
            [("company_id", "in", [company.id, False])], limit=1
        )
        checked = company.property_notice_journal_id.autocheck_on_post
        for vals in vals_list:
            vals["checked"] = checked  # what posting sets (see _bill_units)
            lines = []
            total = 0.0
            for command in vals.pop("invoice_line_ids"):
                line = command[2]
                amount = currency.round(line["quantity"] * line["price_unit"])
                total += amount
                account = income[line["product_id"]]
                if not account:
                    raise UserError(
                        self.env._(
                            "The fee item %(item)s has no income account.",
                            item=Product.browse(line["product_id"]).display_name,
                        )
                    )
                lines.append(
                    Command.create(
                        {
                            **line,
                            "display_type": "product",
                            "account_id": account.id,
                            "partner_id": vals["partner_id"],
                            "balance": -amount,
                            "amount_currency": -amount,
                            "tax_ids": [Command.clear()],
                            **({"analytic_distribution": False} if no_analytic else {}),
                        }
                    )
                )
            total = currency.round(total)
            lines.append(
                Command.create(
                    {
                        "display_type": "payment_term",
                        "name": "",
                        "account_id": receivable[vals["partner_id"]].id,
                        "partner_id": vals["partner_id"],
                        "balance": total,
                        "amount_currency": total,
                        "date_maturity": vals["invoice_date_due"],
                    }
                )
            )
            vals["line_ids"] = lines
        return vals_list

    def _assign_notice_names(self, vals_list):
        """Fast path: number the notices of a batch at once, as posting them one by
        one would (measured: Odoo's per-move numbering, one query for the last
        number of the journal and one flush per notice, was a third of the posting
        time). One query finds the last number of the journal for the period, then
        the notices get the following numbers in creation order (Odoo numbers the
        moves of a date in id order): gapless, in the journal's own format.

        The journal row is locked until the end of the transaction so that two
        runs (two estates of the company) cannot take the same numbers; a notice
        posted by hand at the same time would be stopped by the unique index of
        posted names (the batch then fails and is billed again, no number is
        lost or duplicated)."""
        self.ensure_one()
        if not vals_list:
            return vals_list
        first = vals_list[0]
        if any(
            (vals["journal_id"], vals["date"], vals["move_type"])
            != (first["journal_id"], first["date"], first["move_type"])
            for vals in vals_list
        ):
            return vals_list  # mixed journals/dates: let Odoo number them
        self.env["account.move"].flush_model()
        # a lock on the journal row (NO KEY: moves can still be created in it)
        self.env.cr.execute(
            "SELECT id FROM account_journal WHERE id = %s FOR NO KEY UPDATE",
            [first["journal_id"]],
        )
        probe = self.env["account.move"].new(
            {
                "move_type": first["move_type"],
                "journal_id": first["journal_id"],
                "company_id": first["company_id"],
                "date": first["date"],
            }
        )
        format_string, format_values = probe._get_next_sequence_format()
        seq = format_values.pop("seq")
        for offset, vals in enumerate(vals_list, start=1):
            vals["name"] = format_string.format(**format_values, seq=seq + offset)
        # Odoo keeps the last number it gave in this transaction per sequence: drop
        # it so that a move numbered by Odoo afterwards looks the number up again
        key = (format_string.format(**format_values, seq=0), probe.journal_id)
        probe._get_sequence_cache().pop(key, None)
        return vals_list

    def _bill_units(self, units, fast=True):
        """Create and post the notices of ``units`` that are missing. ``fast``
        creates and posts them in one batch (the monthly run); otherwise one by
        one as a user would (the reference the fast path is tested against)."""
        self.ensure_one()
        units = units.with_prefetch(units._prefetch_ids)
        spans = self._get_payer_spans(units)
        billed = self._get_billed_keys(units)
        charges = self._prepare_fee_charges(units, spans)
        extra = [
            charge for charge in self._get_extra_charges(units) if charge.get("unit_id")
        ]
        Unit = self.env["property.unit"]
        for charge in extra:
            unit = Unit.browse(charge["unit_id"])
            unit_spans = spans.get(unit)
            if not unit_spans:
                continue
            charge["quantity"] = charge.get("quantity", 1.0)
            if charge.get("origin_ref"):
                charge["name"] = f"{charge['origin_ref']} {charge['name']}"
            charges[(unit, unit_spans[-1][0])].append(charge)
        keys = [
            key
            for key, lines in charges.items()
            if lines and (key[0].id, key[1].id) not in billed
        ]
        if not keys:
            return self.env["account.move"]
        vals_list = [
            self._prepare_notice_vals(unit, partner, charges[(unit, partner)])
            for unit, partner in keys
        ]
        Move = self.env["account.move"]
        timings = self.env.context.get("property_billing_timings")
        if fast:
            started = time.perf_counter()
            self._add_journal_lines(vals_list)
            self._assign_notice_names(vals_list)
            moves = Move.with_context(
                **FAST_CONTEXT, skip_invoice_sync=True, skip_invoice_line_sync=True
            ).create(vals_list)
            moves.flush_recordset()
            created = time.perf_counter()
            self._subscribe_payers(moves)
            # Measured: posting sets ``checked`` notice by notice, each a full
            # account.move write (business checks, balance query). The notices are
            # created with the journal's value already (see _add_journal_lines), and
            # protecting the field turns those writes into a no-op on the cache.
            with self.env.protecting([Move._fields["checked"]], moves):
                moves.with_context(**FAST_CONTEXT)._post(soft=False)
            self.env.flush_all()
            if timings is not None:
                timings["create"] = timings.get("create", 0.0) + created - started
                timings["post"] = (
                    timings.get("post", 0.0) + time.perf_counter() - created
                )
        else:
            moves = Move
            for vals in vals_list:
                move = Move.create(vals)
                move.action_post()
                moves |= move
        billed_extra = []
        for move, key in zip(moves, keys, strict=True):
            lines = move.invoice_line_ids.sorted("sequence")
            for line, charge in zip(lines, charges[key], strict=True):
                if "source" in charge or "origin_ref" in charge:
                    charge["move_line_id"] = line.id
                    billed_extra.append(charge)
        if billed_extra:
            self._extra_charges_billed(billed_extra)
        return moves

    def action_print_notices(self):
        self.ensure_one()
        notices = self.notice_ids.filtered(lambda m: m.state == "posted").sorted(
            lambda m: (m.property_unit_id.code or "", m.id)
        )
        return self.env.ref(
            "property_billing.action_report_property_notice"
        ).report_action(notices)

    def action_register_delivery(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_billing.property_notice_delivery_wizard_action"
        )
        unsent = self.notice_ids.filtered(
            lambda m: m.state == "posted" and not m.property_delivered_date
        )
        action["context"] = {"default_move_ids": unsent.ids}
        return action
