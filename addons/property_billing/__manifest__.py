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
        "security/ir.model.access.csv",
        "security/property_billing_run_security.xml",
        "views/property_estate_run_views.xml",
        "views/property_fee_rule_views.xml",
        "views/property_meter_views.xml",
        "views/property_billing_menus.xml",
        "views/property_billing_run_menus.xml",
    ],
}
