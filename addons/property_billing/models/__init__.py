from . import property_estate
from . import property_fee_rule
from . import property_meter
from . import property_meter_reading
