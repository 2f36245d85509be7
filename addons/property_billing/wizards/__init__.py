from . import property_notice_delivery_wizard
from . import property_dunning_delivery_wizard
from . import property_bank_collection_import_wizard
