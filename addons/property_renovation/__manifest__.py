{
    "name": "Property Renovation",
    "summary": "Renovation filings: papers, deposits, passes, inspection, refund",
    "version": "18.0.1.0.0",
    "author": "Property Suite Developers",
    "website": "https://github.com/property-suite/property-suite",
    "license": "LGPL-3",
    "category": "Services/Property",
    "depends": ["property_frontdesk", "property_billing"],
    "data": [
        "security/property_renovation_groups.xml",
        "views/property_renovation_menus.xml",
    ],
}
