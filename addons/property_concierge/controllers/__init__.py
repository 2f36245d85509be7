from . import portal
from . import butler_portal
