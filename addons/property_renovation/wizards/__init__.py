from . import property_renovation_filing_reject
