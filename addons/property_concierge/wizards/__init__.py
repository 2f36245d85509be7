from . import property_work_order_reason
