from . import test_butler_storage
from . import test_butler_transfer
from . import test_butler_loan
from . import test_butler_wakeup
from . import test_ui
