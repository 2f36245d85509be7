from . import test_filing
from . import test_papers
from . import test_works
from . import test_refund
from . import test_reports
from . import test_security
from . import test_ui
