from . import controllers
from . import models
from . import wizards


def _property_billing_post_init(env):
    """Journals and accounts of the companies that already have a chart of accounts;
    companies that get one later are set up when it is loaded."""
    env["res.company"]._property_billing_setup_all()
