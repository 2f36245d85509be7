import io
import shutil
import unittest

from PyPDF2 import PdfFileReader

from odoo.tests import TransactionCase, tagged

from ..models.ir_actions_report import merge_html_bodies, wkhtmltopdf_is_patched


def _page(text):
    return (
        "<!DOCTYPE html><html><head><style>p {color: black;}</style></head>"
        f"<body><main><div class='article'><p>{text}</p></div></main></body></html>"
    )


@tagged("post_install", "-at_install")
class TestReportEngine(TransactionCase):
    def test_merge_html_bodies(self):
        html = merge_html_bodies([_page("first"), _page("second"), _page("third")])
        self.assertEqual(html.count("<head>"), 1)
        self.assertEqual(html.count("page-break-before: always"), 2)
        self.assertLess(html.index("first"), html.index("second"))
        self.assertLess(html.index("second"), html.index("third"))

    @unittest.skipUnless(shutil.which("wkhtmltopdf"), "wkhtmltopdf is not installed")
    def test_several_documents_in_one_call(self):
        """Debian's unpatched wkhtmltopdf writes an empty file for several pages; the
        override prints them as one page with page breaks: one sheet each."""
        content = self.env["ir.actions.report"]._run_wkhtmltopdf(
            [_page("Receipt 0001"), _page("Receipt 0002"), _page("Receipt 0003")]
        )
        reader = PdfFileReader(io.BytesIO(content))
        self.assertEqual(reader.numPages, 3)
        for number, page in enumerate(reader.pages, start=1):
            self.assertIn(f"000{number}", page.extractText())

    def test_patched_detection_is_cached(self):
        self.assertIs(wkhtmltopdf_is_patched(), wkhtmltopdf_is_patched())
