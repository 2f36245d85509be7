from . import property_ticket_dispatch_wizard
from . import property_ticket_cancel_wizard
from . import property_ticket_callback_wizard
from . import property_ticket_register_wizard
