from . import property_receipt_void_wizard
from . import property_receipt_fapiao_wizard
from . import property_deposit_refund_wizard
from . import property_cashier_report_wizard
