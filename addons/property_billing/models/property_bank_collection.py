import base64
import csv
import io

import openpyxl
import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare

from ..tools import period as billing_period

# key -> (header, value of a line)
EXPORT_COLUMNS = {
    "reference": ("reference", lambda line: line.reference),
    "payer": ("payer", lambda line: line.partner_id.name),
    "account_number": ("account_number", lambda line: line.bank_account_id.acc_number),
    "account_holder": (
        "account_holder",
        lambda line: line.bank_account_id.acc_holder_name or line.partner_id.name,
    ),
    "bank": ("bank", lambda line: line.bank_account_id.bank_id.name or ""),
    "amount": ("amount", lambda line: f"{line.amount:.2f}"),
    "unit": ("unit", lambda line: line.unit_id.code),
    "period": ("period", lambda line: line.move_id.property_period),
    "notice": ("notice", lambda line: line.move_id.name),
}
DEFAULT_COLUMNS = "reference,account_number,account_holder,amount,unit,period"
SUCCESS_VALUES = {"success", "ok", "paid", "0000", "成功", "1", "true", "s"}


class PropertyBankCollection(models.Model):
    _name = "property.bank.collection"
    _description = "Bank Collection Batch"
    _inherit = ["mail.thread"]
    _order = "collection_date desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    name = fields.Char(compute="_compute_name", store=True)
    estate_id = fields.Many2one(
        "property.estate", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        related="estate_id.company_id", store=True, index=True, precompute=True
    )
    collection_date = fields.Date(
        required=True,
        default=lambda self: self._default_collection_date(),
        help="Day the bank collects; notices due by then are included.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("exported", "Sent to the Bank"),
            ("done", "Result Imported"),
        ],
        required=True,
        default="draft",
        tracking=True,
    )
    file_format = fields.Selection(
        [("csv", "CSV"), ("xlsx", "Excel (XLSX)")], required=True, default="csv"
    )
    export_columns = fields.Char(
        required=True,
        default=DEFAULT_COLUMNS,
        help="Columns of the file for the bank, comma separated, among: "
        + ", ".join(EXPORT_COLUMNS),
    )
    line_ids = fields.One2many(
        "property.bank.collection.line", "collection_id", string="Lines"
    )
    amount_total = fields.Monetary(compute="_compute_totals")
    amount_collected = fields.Monetary(compute="_compute_totals")
    failed_count = fields.Integer(compute="_compute_totals")
    currency_id = fields.Many2one(related="company_id.currency_id")
    export_file = fields.Binary(readonly=True, attachment=True)
    export_filename = fields.Char(readonly=True)

    # === DEFAULT METHODS === #
    @api.model
    def _default_collection_date(self):
        today = self.env["property.unit"]._property_today()
        return billing_period.period_day(billing_period.period_of(today), 15)

    # === COMPUTE METHODS === #
    @api.depends("estate_id.name", "collection_date")
    def _compute_name(self):
        for batch in self:
            batch.name = f"{batch.estate_id.name or ''} {batch.collection_date or ''}"

    @api.depends("line_ids.amount", "line_ids.state")
    def _compute_totals(self):
        for batch in self:
            batch.amount_total = sum(batch.line_ids.mapped("amount"))
            batch.amount_collected = sum(
                batch.line_ids.filtered(lambda ln: ln.state == "success").mapped(
                    "amount"
                )
            )
            batch.failed_count = len(
                batch.line_ids.filtered(lambda ln: ln.state == "failed")
            )

    # === CONSTRAINT METHODS === #
    @api.constrains("export_columns")
    def _check_export_columns(self):
        for batch in self:
            unknown = set(batch._get_columns()) - set(EXPORT_COLUMNS)
            if unknown or "reference" not in batch._get_columns():
                raise ValidationError(
                    self.env._(
                        "The columns of the bank file must include reference and be "
                        "among %(known)s (unknown: %(unknown)s).",
                        known=", ".join(EXPORT_COLUMNS),
                        unknown=", ".join(sorted(unknown)) or "-",
                    )
                )

    # === ACTION METHODS === #
    def action_prepare(self):
        """Gather the due notices of the payers with an active authorisation."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft batch can be prepared."))
        mandates = self.env["property.bank.mandate"].search(
            [("estate_id", "=", self.estate_id.id), ("state", "=", "active")]
        )
        by_key = {(m.unit_id.id, m.partner_id.id): m for m in mandates}
        notices = self.env["account.move"].search(
            [
                ("property_is_notice", "=", True),
                ("state", "=", "posted"),
                ("property_estate_id", "=", self.estate_id.id),
                ("payment_state", "in", ("not_paid", "partial")),
                ("invoice_date_due", "<=", self.collection_date),
                ("property_unit_id", "in", mandates.unit_id.ids),
            ],
            order="property_period, id",
        )
        pending = self.env["property.bank.collection.line"].search(
            [("move_id", "in", notices.ids), ("state", "=", "pending")]
        )
        self.line_ids.unlink()
        vals_list = []
        for notice in notices - pending.move_id:
            mandate = by_key.get((notice.property_unit_id.id, notice.partner_id.id))
            if mandate:
                vals_list.append(
                    {
                        "collection_id": self.id,
                        "move_id": notice.id,
                        "mandate_id": mandate.id,
                        "amount": notice.amount_residual,
                        "reference": f"{self.id:05d}-{notice.id:08d}",
                    }
                )
        self.env["property.bank.collection.line"].create(vals_list)
        return True

    def action_export(self):
        """Write the file for the bank."""
        self.ensure_one()
        if self.state not in ("draft", "exported"):
            raise UserError(self.env._("The result of this batch is already imported."))
        if not self.line_ids:
            raise UserError(self.env._("Nothing to collect: prepare the batch first."))
        content = self._export_content()
        self.write(
            {
                "state": "exported",
                "export_file": base64.b64encode(content),
                "export_filename": (
                    f"collection_{self.collection_date}.{self.file_format}"
                ),
            }
        )
        return True

    # === BUSINESS METHODS === #
    def _get_columns(self):
        return [c.strip() for c in (self.export_columns or "").split(",") if c.strip()]

    def _export_rows(self):
        columns = self._get_columns()
        rows = [[EXPORT_COLUMNS[c][0] for c in columns]]
        for line in self.line_ids:
            rows.append([EXPORT_COLUMNS[c][1](line) or "" for c in columns])
        return rows

    def _export_content(self):
        rows = self._export_rows()
        if self.file_format == "csv":
            buffer = io.StringIO()
            csv.writer(buffer).writerows(rows)
            return buffer.getvalue().encode("utf-8-sig")
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet()
        for row_index, row in enumerate(rows):
            for col_index, value in enumerate(row):
                sheet.write_string(row_index, col_index, str(value))
        workbook.close()
        return buffer.getvalue()

    @api.model
    def _read_result_rows(self, content, filename):
        """Rows (dicts by lower-cased header) of the bank's result file."""
        if (filename or "").lower().endswith(".xlsx"):
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
            values = [
                ["" if v is None else str(v) for v in row]
                for row in workbook.active.iter_rows(values_only=True)
            ]
        else:
            text = content.decode("utf-8-sig")
            values = list(csv.reader(io.StringIO(text)))
        if not values:
            return []
        header = [h.strip().lower() for h in values[0]]
        if "reference" not in header or "status" not in header:
            raise UserError(
                self.env._(
                    "The bank's result file needs the columns reference and status."
                )
            )
        return [dict(zip(header, row, strict=False)) for row in values[1:] if any(row)]

    def _import_result(self, content, filename):
        """Successes become payments reconciled with their notices; failures stay
        due and are listed on the batch."""
        self.ensure_one()
        if self.state != "exported":
            raise UserError(
                self.env._("Import the bank's result of a batch sent to the bank.")
            )
        rows = self._read_result_rows(content, filename)
        lines = {line.reference: line for line in self.line_ids}
        unknown = [row["reference"] for row in rows if row["reference"] not in lines]
        if unknown:
            raise UserError(
                self.env._(
                    "The result file has references that are not in this batch: "
                    "%(refs)s.",
                    refs=", ".join(unknown[:10]),
                )
            )
        journal = self.company_id.property_bank_journal_id
        if not journal:
            raise UserError(
                self.env._("Set the desk bank journal of the company first.")
            )
        for row in rows:
            line = lines[row["reference"]]
            if line.state != "pending":
                continue
            ok = row.get("status", "").strip().lower() in SUCCESS_VALUES
            if not ok:
                line.write(
                    {
                        "state": "failed",
                        "failure_reason": row.get("message") or row.get("status"),
                    }
                )
                continue
            amount = float(row.get("amount") or line.amount)
            if float_compare(amount, line.amount, precision_rounding=0.01):
                line.write(
                    {
                        "state": "failed",
                        "failure_reason": self.env._(
                            "Amount collected %(amount)s differs from %(expected)s.",
                            amount=amount,
                            expected=line.amount,
                        ),
                    }
                )
                continue
            line.write({"state": "success", "payment_id": line._pay(journal).id})
        self.state = "done"
        self.message_post(
            body=self.env._(
                "Bank result imported: %(ok)s collected, %(failed)s failed.",
                ok=len(self.line_ids.filtered(lambda ln: ln.state == "success")),
                failed=self.failed_count,
            )
        )
        return True
