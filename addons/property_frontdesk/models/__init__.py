from . import res_partner
from . import ir_attachment
from . import ir_actions_report
from . import property_document_type
from . import property_estate
from . import property_building
from . import property_unit
from . import property_unit_member
