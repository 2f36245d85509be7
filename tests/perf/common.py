"""Helpers shared by the benchmarks: boot Odoo on a database from the command line."""

import argparse
import contextlib
import statistics
import time

import odoo
from odoo import SUPERUSER_ID, api


def parse_args(description, extra=None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--database", "-d", required=True, help="database with the addons installed"
    )
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--db-host", default=None)
    parser.add_argument("--db-port", default=None)
    parser.add_argument("--db-user", default=None)
    parser.add_argument("--db-password", default=None)
    parser.add_argument("--data-dir", default=None)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="commit the generated data instead of rolling back",
    )
    if extra:
        extra(parser)
    args = parser.parse_args()
    options = [
        "-d",
        args.database,
        f"--addons-path={args.addons_path}",
        "--log-level=warn",
    ]
    for name in ("db_host", "db_port", "db_user", "db_password", "data_dir"):
        value = getattr(args, name)
        if value:
            options.append(f"--{name.replace('data_dir', 'data-dir')}={value}")
    odoo.tools.config.parse_config(options)
    return args


@contextlib.contextmanager
def environment(args):
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(
            cr, SUPERUSER_ID, {"lang": "en_US", "tz": "Asia/Shanghai"}
        )
        try:
            yield env
        finally:
            if args.keep:
                cr.commit()
            else:
                cr.rollback()


class Timer:
    def __init__(self, label):
        self.label = label
        self.seconds = None

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        print(f"{self.label:<60} {self.seconds:9.3f} s", flush=True)


def percentiles(samples):
    ordered = sorted(samples)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)],
        "max": ordered[-1],
    }


def verdict(label, value, target, unit="s"):
    status = "OK" if value <= target else "OVER BUDGET"
    print(
        f"{label:<60} {value:9.3f} {unit}  (target < {target} {unit}: {status})",
        flush=True,
    )
    return value <= target
