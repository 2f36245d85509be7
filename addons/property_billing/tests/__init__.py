from . import test_period
