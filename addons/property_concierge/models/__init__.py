from . import property_service_item
from . import property_work_order
from . import property_work_order_material
from . import property_work_order_callback
from . import property_service_month
from . import property_service_month_line
