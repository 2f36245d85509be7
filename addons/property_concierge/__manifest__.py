{
    "name": "Property Concierge",
    "summary": "Special paid services with triplicate work orders, and butler services",
    "version": "18.0.1.0.0",
    "author": "Property Suite Developers",
    "website": "https://github.com/property-suite/property-suite",
    "license": "LGPL-3",
    "category": "Services/Property",
    "depends": ["property_frontdesk", "property_billing"],
    "data": [
        "views/property_concierge_menus.xml",
    ],
}
