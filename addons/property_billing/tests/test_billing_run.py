from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_run import PropertyBillingRunCommon


@tagged("post_install", "-at_install")
class TestBillingRun(PropertyBillingRunCommon):
    def _summary(self, run):
        return [
            (
                m.property_unit_id.code,
                m.partner_id.name,
                m.amount_total,
                m.state,
            )
            for m in self._notices(run)
        ]

    def test_run_bills_each_payer_and_unit(self):
        run = self._new_run()
        self.assertEqual(run.name, "Test Garden 2026-11")
        self.assertEqual(str(run.cutoff_date), "2026-11-20")
        self.assertEqual(str(run.delivery_deadline), "2026-11-28")
        self.assertEqual(str(run.due_date), "2026-11-30")
        run.action_start()
        self.assertEqual(run.state, "done")
        self.assertEqual((run.total_count, run.processed_count), (3, 3))
        self.assertEqual(
            self._summary(run),
            [
                ("3-1201", "Owner Zhou", 298.75, "posted"),
                ("3-1202", "Buyer Qian", 112.5, "posted"),
                ("3-1202", "Seller Sun", 112.5, "posted"),
                ("3-B1-008", "Owner Zhou", 80.0, "posted"),
            ],
        )
        self.assertEqual(run.notice_count, 4)
        self.assertAlmostEqual(run.amount_total, 603.75)
        notice = self._notices(run)[0]
        self.assertEqual(notice.journal_id, self.env.company.property_notice_journal_id)
        self.assertTrue(notice.property_is_notice)
        self.assertEqual(notice.property_period, "2026-11")
        # the payer follows the notice, as when it is posted by hand
        self.assertIn(notice.partner_id, notice.message_partner_ids)
        self.assertEqual(
            notice.invoice_line_ids.mapped(
                lambda ln: (ln.product_id, ln.quantity, ln.price_unit)
            ),
            [(self.fee_service, 98.5, 2.5), (self.fee_water, 12.5, 4.2)],
        )
        seller = self._notices(run)[2]
        self.assertEqual(seller.invoice_line_ids.quantity, 45.0)
        self.assertIn("(15 of 30 days)", seller.invoice_line_ids.name)
        # a second run for the same estate and period is refused
        with self.assertSqlConstraint("already a billing run for this estate"):
            self._new_run()

    def test_rerun_is_idempotent(self):
        run = self._new_run()
        run.action_start()
        before = run.notice_ids
        with self.assertRaisesRegex(UserError, "already been started"):
            run.action_start()
        run.action_rerun()
        self.assertEqual(run.notice_ids, before)
        # a unit delivered since: only it is billed
        self._create_unit(
            "1204",
            floor=12,
            delivery_state="vacant",
            member_ids=[
                Command.create(
                    {
                        "partner_id": self.tenant.id,
                        "role": "owner",
                        "date_start": "2026-11-01",
                        "is_payer": True,
                    }
                )
            ],
        )
        run.action_rerun()
        self.assertEqual(len(run.notice_ids), 5)
        self.assertEqual((run.notice_ids - before).amount_total, 225.0)
        self.assertEqual(run.state, "done")

    def test_unique_notice_index(self):
        run = self._new_run()
        run.action_start()
        notice = self._notices(run)[0]
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["account.move"].create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": notice.partner_id.id,
                        "property_is_notice": True,
                        "property_unit_id": notice.property_unit_id.id,
                        "property_period": "2026-11",
                        "invoice_line_ids": [
                            Command.create({"name": "again", "price_unit": 1.0})
                        ],
                    }
                )
                self.env.flush_all()

    def test_resume_after_interruption(self):
        run = self._new_run(batch_size=1)
        run.write({"state": "running", "total_count": 3})
        run._process_batches(max_batches=1)
        self.assertEqual(run.state, "running")
        self.assertEqual(run.processed_count, 1)
        self.assertEqual(run.progress, 100.0 / 3)
        self.assertEqual(len(run.notice_ids), 1)
        # a crash after the notices were created but before the cursor moved on
        # must not bill the unit twice
        run.last_unit_id = 0
        run.processed_count = 0
        # more than a batch left: the cron goes on with it
        run.action_resume()
        self.assertEqual(run.state, "running")
        self.assertIn("goes on in the background", run.message_ids[0].body)
        self.env["property.billing.run"].with_context(
            property_billing_no_commit=True
        )._cron_process_runs()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.processed_count, 3)
        self.assertEqual(len(run.notice_ids), 4)
        with self.assertRaisesRegex(UserError, "Only a running billing run"):
            run.action_resume()
        with self.assertRaisesRegex(UserError, "has issued notices cannot be deleted"):
            run.unlink()

    def test_cron_continues_running_runs(self):
        run = self._new_run(batch_size=2)
        run.write({"state": "running", "total_count": 3})
        self.env["property.billing.run"].with_context(
            property_billing_no_commit=True
        )._cron_process_runs()
        self.assertEqual(run.state, "done")
        self.assertEqual(len(run.notice_ids), 4)

    def test_period_and_batch_checks(self):
        with self.assertRaisesRegex(ValidationError, "not a month written YYYY-MM"):
            self._new_run(period="2026-13")
        with self.assertRaisesRegex(ValidationError, "at least one unit"):
            self._new_run(batch_size=0)

    def test_extra_charges_hook(self):
        billed = []

        def get_extra(run, units):
            return [
                {
                    "unit_id": self.unit.id,
                    "product_id": self.fee_special.id,
                    "name": "Tap replaced",
                    "price_unit": 80.0,
                    "origin_ref": "WO/2026/00012",
                    "source": self.unit,
                }
            ]

        def extra_billed(run, charges):
            billed.extend(charges)

        Run = type(self.env["property.billing.run"])
        self.patch(Run, "_get_extra_charges", get_extra)
        self.patch(Run, "_extra_charges_billed", extra_billed)
        run = self._new_run()
        run.action_start()
        notice = self._notices(run)[0]
        self.assertAlmostEqual(notice.amount_total, 378.75)
        line = notice.invoice_line_ids.filtered(
            lambda ln: ln.product_id == self.fee_special
        )
        self.assertEqual(line.name, "WO/2026/00012 Tap replaced")
        self.assertEqual(len(billed), 1)
        self.assertEqual(billed[0]["move_line_id"], line.id)

    def test_base_hook_returns_nothing(self):
        run = self._new_run()
        self.assertEqual(run._get_extra_charges(self.unit), [])

    def _ledger(self, moves):
        return sorted(
            (
                line.account_id.code,
                line.partner_id.name,
                line.product_id.id,
                line.name,
                round(line.debit, 2),
                round(line.credit, 2),
                line.quantity,
                line.price_unit,
                str(line.date),
                str(line.date_maturity),
                line.move_id.property_unit_id.code,
                line.move_id.journal_id.id,
                line.move_id.state,
                line.move_id.name,
                line.move_id.sequence_prefix,
                line.move_id.sequence_number,
                line.move_id.payment_reference,
                line.move_id.checked,
                line.move_id.posted_before,
            )
            for line in moves.line_ids
        )

    def test_fast_path_same_ledger_as_orm_path(self):
        run = self._new_run()
        units = self.env["property.unit"].search(run._get_units_domain())
        ledgers = []
        for fast in (True, False):
            try:
                with self.env.cr.savepoint():
                    moves = run._bill_units(units, fast=fast)
                    self.assertEqual(len(moves), 4)
                    numbers = moves.sorted("id").mapped("sequence_number")
                    # numbered in creation order, gapless, without a gap flag
                    self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 4)))
                    self.assertFalse(any(moves.mapped("made_sequence_gap")))
                    ledgers.append(self._ledger(moves))
                    raise RuntimeError("roll back")
            except RuntimeError:
                self.env.invalidate_all()
        self.assertEqual(ledgers[0], ledgers[1])
        self.assertEqual(len(ledgers[0]), 4 + 5)

    def test_access(self):
        run = self._new_run()
        with self.assertRaisesRegex(UserError, "Only finance staff"):
            run.with_user(self.clerk).action_start()
        run.with_user(self.finance).action_start()
        notice = self._notices(run)[0].with_user(self.clerk)
        self.assertEqual(notice.amount_total, 298.75)
        with self.assertRaises(AccessError):
            notice.write({"invoice_date_due": "2026-12-31"})
        with self.assertRaises(AccessError):
            self.env["property.fee.rule"].with_user(self.clerk).create(
                {
                    "estate_id": self.estate.id,
                    "usage": "office",
                    "product_id": self.fee_service.id,
                    "basis": "area",
                    "price": 1.0,
                }
            )

    def test_delivery_tracking(self):
        run = self._new_run()
        run.action_start()
        notices = self._notices(run)
        self.assertEqual(run.unsent_count, 4)
        self.env["ir.actions.report"]._render_qweb_html(
            "property_billing.action_report_property_notice", notices[:2].ids
        )
        self.assertEqual(notices[0].property_printed_count, 1)
        self.assertEqual(notices[0].property_delivery_state, "printed")
        run.invalidate_recordset()
        self.assertEqual(run.printed_count, 2)
        wizard = (
            self.env["property.notice.delivery.wizard"]
            .with_user(self.clerk)
            .create(
                {
                    "move_ids": [Command.set(notices[:2].ids)],
                    "signed_by": "Zhou (owner)",
                    "delivered_date": "2026-11-27 08:00:00",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(notices[0].property_delivery_state, "delivered")
        self.assertEqual(notices[0].property_delivered_by_id, self.clerk)
        self.assertEqual(notices[0].property_delivery_signed_by, "Zhou (owner)")
        self.assertFalse(notices[0].property_delivery_late)
        run.invalidate_recordset()
        self.assertEqual((run.delivered_count, run.unsent_count), (2, 2))
        with self.assertRaisesRegex(UserError, "already delivered"):
            notices[:1]._property_register_delivery(self.clerk, "x")
        with self.assertRaisesRegex(UserError, "Write who signed"):
            notices[2:3]._property_register_delivery(self.clerk, "")
        late = notices[3].with_context(date="2026-11-29")
        self.assertTrue(late.property_delivery_late)
        self.assertFalse(
            notices[3].with_context(date="2026-11-28").property_delivery_late
        )
