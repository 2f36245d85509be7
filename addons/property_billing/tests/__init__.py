from . import test_receipt
from . import test_receipt_book
from . import test_deposit
from . import test_cashier_report
from . import test_handover
from . import test_report
from . import test_ui
from . import test_portal
