import base64
import csv
import io

import openpyxl

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common_run import PropertyBillingRunCommon


@tagged("post_install", "-at_install")
class TestBankCollection(PropertyBillingRunCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._new_run().action_start()
        Bank = cls.env["res.partner.bank"]
        Mandate = cls.env["property.bank.mandate"]
        cls.mandates = Mandate
        for unit, partner, number in (
            (cls.unit, cls.owner, "6222000011112222"),
            (cls.unit_sold, cls.buyer, "6222000033334444"),
        ):
            account = Bank.create({"partner_id": partner.id, "acc_number": number})
            cls.mandates |= Mandate.create(
                {
                    "unit_id": unit.id,
                    "partner_id": partner.id,
                    "bank_account_id": account.id,
                    "date_signed": "2026-01-05",
                    "document": base64.b64encode(b"signed"),
                }
            )
        cls.mandates.action_activate()

    def _batch(self, **vals):
        return self.env["property.bank.collection"].create(
            {"estate_id": self.estate.id, "collection_date": "2026-12-15", **vals}
        )

    def _result(self, batch, rows, fmt="csv"):
        header = ["reference", "status", "amount", "message"]
        if fmt == "csv":
            buffer = io.StringIO()
            csv.writer(buffer).writerows([header, *rows])
            return buffer.getvalue().encode(), "result.csv"
        workbook = openpyxl.Workbook()
        for row in [header, *rows]:
            workbook.active.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue(), "result.xlsx"

    def _exported_rows(self, batch):
        content = base64.b64decode(batch.export_file)
        if batch.file_format == "csv":
            return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_mandate_rules(self):
        Mandate = self.env["property.bank.mandate"]
        account = self.mandates[0].bank_account_id
        with self.assertRaisesRegex(ValidationError, "already has an active"):
            Mandate.create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "bank_account_id": account.id,
                    "state": "active",
                }
            )
        with self.assertRaisesRegex(ValidationError, "must belong to the payer"):
            Mandate.create(
                {
                    "unit_id": self.unit.id,
                    "partner_id": self.tenant.id,
                    "bank_account_id": account.id,
                }
            )
        draft = Mandate.create(
            {
                "unit_id": self.parking.id,
                "partner_id": self.owner.id,
                "bank_account_id": account.id,
            }
        )
        with self.assertRaisesRegex(UserError, "Attach the authorisation signed"):
            draft.action_activate()
        with self.assertRaisesRegex(UserError, "Only an active authorisation"):
            draft.action_revoke()

    def _round_trip(self, fmt):
        batch = self._batch(
            file_format=fmt, export_columns="reference,payer,account_number,amount,unit"
        )
        batch.action_prepare()
        self.assertEqual(len(batch.line_ids), 2)
        self.assertAlmostEqual(batch.amount_total, 298.75 + 112.5)
        batch.action_export()
        rows = self._exported_rows(batch)
        self.assertEqual(
            rows[0], ["reference", "payer", "account_number", "amount", "unit"]
        )
        by_unit = {row[4]: row for row in rows[1:]}
        self.assertEqual(
            by_unit["3-1201"][1:4], ["Owner Zhou", "6222000011112222", "298.75"]
        )
        content, name = self._result(
            batch,
            [
                [by_unit["3-1201"][0], "success", "298.75", ""],
                [by_unit["3-1202"][0], "failed", "", "Insufficient balance"],
            ],
            fmt,
        )
        batch._import_result(content, name)
        self.assertEqual(batch.state, "done")
        ok = batch.line_ids.filtered(lambda ln: ln.state == "success")
        failed = batch.line_ids.filtered(lambda ln: ln.state == "failed")
        self.assertEqual(ok.unit_id, self.unit)
        self.assertEqual(ok.move_id.payment_state, "paid")
        self.assertEqual(ok.payment_id.state, "paid")
        self.assertEqual(
            ok.payment_id.journal_id, self.env.company.property_bank_journal_id
        )
        self.assertEqual(failed.failure_reason, "Insufficient balance")
        self.assertEqual(failed.move_id.payment_state, "not_paid")
        self.assertEqual(batch.failed_count, 1)
        self.assertAlmostEqual(batch.amount_collected, 298.75)
        # the failed notice stays due: it goes into the next batch
        again = self._batch(collection_date="2027-01-15")
        again.action_prepare()
        self.assertEqual(again.line_ids.move_id, failed.move_id)

    def test_round_trip_csv(self):
        self._round_trip("csv")

    def test_round_trip_xlsx(self):
        self._round_trip("xlsx")

    def test_errors(self):
        with self.assertRaisesRegex(ValidationError, "must include reference"):
            self._batch(export_columns="payer,iban")
        batch = self._batch()
        with self.assertRaisesRegex(UserError, "prepare the batch first"):
            batch.action_export()
        batch.action_prepare()
        with self.assertRaisesRegex(UserError, "sent to the bank"):
            batch._import_result(b"reference,status\n", "r.csv")
        batch.action_export()
        with self.assertRaisesRegex(UserError, "not in this batch"):
            batch._import_result(b"reference,status\nXYZ,success\n", "r.csv")
        with self.assertRaisesRegex(
            UserError, "needs the columns reference and status"
        ):
            batch._import_result(b"ref,result\nXYZ,success\n", "r.csv")
        line = batch.line_ids[0]
        batch._import_result(
            f"reference,status,amount\n{line.reference},success,1.00\n".encode(),
            "r.csv",
        )
        self.assertEqual(line.state, "failed")
        self.assertIn("differs", line.failure_reason)
        self.assertEqual(line.move_id.payment_state, "not_paid")

    def test_wizard_import(self):
        batch = self._batch()
        batch.action_prepare()
        batch.action_export()
        content = "reference,status\n" + "".join(
            f"{line.reference},成功\n" for line in batch.line_ids
        )
        wizard = self.env["property.bank.collection.import.wizard"].create(
            {
                "collection_id": batch.id,
                "result_file": base64.b64encode(content.encode()),
                "filename": "result.csv",
            }
        )
        wizard.action_import()
        self.assertEqual(set(batch.line_ids.mapped("state")), {"success"})
        self.assertEqual(set(batch.line_ids.move_id.mapped("payment_state")), {"paid"})
        self.assertEqual(
            batch.line_ids.move_id.mapped("property_billing_run_id.period"), ["2026-11"]
        )
        self.assertTrue(all(p.state == "paid" for p in batch.line_ids.payment_id))
        self.assertFalse(self.mandates.filtered(lambda m: m.state != "active"))
        self.assertEqual(batch.line_ids.mapped("mandate_id"), self.mandates)
