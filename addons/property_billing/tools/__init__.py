from . import period
