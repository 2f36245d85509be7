{
    "name": "Property Billing",
    "summary": "Property fees on Odoo accounting: notices, receipts, deposits, dunning",
    "version": "18.0.1.0.0",
    "author": "Property Suite Developers",
    "website": "https://github.com/property-suite/property-suite",
    "license": "LGPL-3",
    "category": "Services/Property",
    "depends": ["property_frontdesk", "account"],
    "data": [
        "views/property_billing_menus.xml",
    ],
}
