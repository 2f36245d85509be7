from . import test_unit
from . import test_member
from . import test_archive
from . import test_security
from . import test_ui
from . import test_report_engine
