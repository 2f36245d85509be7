import functools
import logging
import subprocess

import lxml.html

from odoo import models
from odoo.tools import pdf, split_every

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

_logger = logging.getLogger(__name__)

# documents rendered per wkhtmltopdf call when they have to share one page
UNPATCHED_CHUNK_SIZE = 40


@functools.cache
def wkhtmltopdf_is_patched():
    """Whether wkhtmltopdf is the build with patched Qt (the one Odoo recommends).

    Debian's package is not: it ignores headers/footers and, given several HTML pages in
    one call, writes an empty PDF."""
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return True  # not installed: let Odoo report it as usual
    return "patched qt" in version.lower()


def merge_html_bodies(bodies):
    """One HTML page holding the <body> of every given page, each document starting on
    a new sheet, under the <head> (styles) of the first one."""
    document = lxml.html.document_fromstring(bodies[0])
    target = document.body
    for body in bodies[1:]:
        page = lxml.html.document_fromstring(body)
        target.append(
            lxml.html.fragment_fromstring(
                '<div style="page-break-before: always;"></div>'
            )
        )
        for child in page.body:
            target.append(child)
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        if len(bodies) <= 1 or wkhtmltopdf_is_patched():
            return super()._run_wkhtmltopdf(
                bodies,
                report_ref=report_ref,
                header=header,
                footer=footer,
                landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size,
            )
        # Unpatched wkhtmltopdf: print the documents as pages of one HTML page, in
        # chunks (very large pages choke it), and merge the chunks.
        _logger.info(
            "Unpatched wkhtmltopdf: merging %s documents per call", UNPATCHED_CHUNK_SIZE
        )
        pdfs = [
            super(IrActionsReport, self)._run_wkhtmltopdf(
                [merge_html_bodies(chunk)],
                report_ref=report_ref,
                header=header,
                footer=footer,
                landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size,
            )
            for chunk in split_every(UNPATCHED_CHUNK_SIZE, bodies, list)
        ]
        return pdfs[0] if len(pdfs) == 1 else pdf.merge_pdf(pdfs)
