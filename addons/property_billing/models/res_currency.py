import cn2an

from odoo import models
from odoo.tools import float_round


class ResCurrency(models.Model):
    _inherit = "res.currency"

    def _property_amount_to_chinese(self, amount):
        """Amount in Chinese capitals as written on receipts (人民币大写), e.g.
        1234.5 -> 壹仟贰佰叁拾肆元伍角整; the ``人民币`` prefix is not included."""
        amount = float_round(amount or 0.0, precision_digits=2)
        words = cn2an.an2cn(f"{abs(amount):.2f}", "rmb")
        if words.endswith("角"):
            words += "整"
        if amount < 0:
            words = "负" + words
        return words
