from . import property_butler_mixin
from . import property_butler_storage
from . import property_butler_transfer
from . import property_butler_lending_item
from . import property_butler_loan
from . import property_butler_wakeup
from . import property_butler_wakeup_attempt
from . import property_estate
