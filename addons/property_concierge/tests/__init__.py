from . import test_work_order
from . import test_callback
from . import test_statement
from . import test_report
from . import test_ui
from . import test_portal
from . import test_charging
