from odoo.addons.property_billing.tests.common import PropertyBillingCommon

from .common_butler import PropertyButlerCommon


class PropertyButlerBillingCommon(PropertyBillingCommon, PropertyButlerCommon):
    """The butler fixtures plus billing: the clerk holds an open receipt book."""
