from . import property_receipt_void_wizard
from . import property_receipt_fapiao_wizard
from . import property_deposit_refund_wizard
from . import property_cashier_report_wizard
from . import property_notice_delivery_wizard
from . import property_dunning_delivery_wizard
from . import property_bank_collection_import_wizard
