from . import property_renovation_filing_line
from . import property_renovation_filing
from . import property_renovation_worker
from . import property_renovation_extension
from . import property_renovation_patrol
from . import property_renovation_violation
from . import property_estate
from . import property_building
