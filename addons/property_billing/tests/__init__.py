from . import test_receipt
from . import test_receipt_book
from . import test_deposit
from . import test_cashier_report
