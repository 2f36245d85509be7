from odoo.tests import tagged

from .common import PropertyConciergeCommon


@tagged("post_install", "-at_install")
class TestReport(PropertyConciergeCommon):
    def _render(self, order):
        html, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "property_concierge.action_report_property_work_order", order.ids
        )
        return html.decode() if isinstance(html, bytes) else html

    def test_triplicate_with_labels_and_signatures(self):
        order = self._done_order(quantity=2)
        html = self._render(order)
        for label in (
            "First copy: customer service centre file",
            "Second copy: engineering (service) department",
            "Third copy: finance",
        ):
            self.assertEqual(html.count(label), 1, label)
        self.assertNotIn("Owner&#39;s copy", html)
        self.assertNotIn("Owner's copy", html)
        self.assertEqual(html.count("Special Service / Repair Work Order"), 3)
        self.assertIn(order.name, html)
        self.assertIn("40.00", html)
        self.assertEqual(order.amount_words, "肆拾元整")
        self.assertIn("肆拾元整", html)
        for signature in ("Owner", "Technician", "Front Desk"):
            self.assertIn(signature, html)

    def test_owner_copy_on_request(self):
        order = self._done_order()
        order.owner_copy = True
        html = self._render(order)
        self.assertEqual(html.count("Special Service / Repair Work Order"), 4)
        self.assertTrue("Owner&#39;s copy" in html or "Owner's copy" in html)

    def test_labels_in_the_owners_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.owner.lang = "zh_CN"
        html = self._render(self._done_order())
        for label in ("第一联 客服中心存档", "第二联 工程（服务）部门", "第三联 财务"):
            self.assertIn(label, html)
        self.assertIn("特约服务/维修工作单", html)
