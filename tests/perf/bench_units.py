"""Benchmark: an estate of 20,000 units with 40,000 members created in one batch, then
search_read of 1,000 units by building and floor.

    make bench ARGS=units          (or: scripts/bench.sh units)

Budget (issue #2): the 20,000 units with their members in under 60 s on 2 cores.
Everything is rolled back at the end unless --keep is given.
"""

import random
import sys
import time

from common import Timer, environment, parse_args, percentiles, verdict

from odoo import Command


def extra(parser):
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--buildings", type=int, default=50)


def main():
    args = parse_args(__doc__, extra)
    random.seed(42)
    with environment(args) as env:
        env = env(
            context=dict(
                env.context,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_notrack=True,
            )
        )
        floors = 40
        per_floor = max(1, args.units // (args.buildings * floors))
        n_units = args.buildings * floors * per_floor
        print(
            f"Generating {n_units} units ({args.buildings} buildings x {floors} "
            f"floors x {per_floor}) with {2 * n_units} members"
        )
        estate = env["property.estate"].create(
            {"name": "Benchmark Estate", "code": f"BENCH{int(time.time())}"}
        )
        buildings = env["property.building"].create(
            [
                {
                    "estate_id": estate.id,
                    "name": f"Building {b}",
                    "code": str(b),
                    "floor_count": floors,
                }
                for b in range(1, args.buildings + 1)
            ]
        )
        with Timer(f"create {2 * n_units} partners (one batch)"):
            partners = env["res.partner"].create(
                [
                    {"name": f"Resident {i:06d}", "mobile": f"138{i:08d}"}
                    for i in range(2 * n_units)
                ]
            )
        partner_ids = partners.ids
        vals_list = []
        index = 0
        for building in buildings:
            for floor in range(1, floors + 1):
                for number in range(1, per_floor + 1):
                    built = round(random.uniform(60, 180), 2)
                    vals_list.append(
                        {
                            "building_id": building.id,
                            "floor": floor,
                            "number": f"{floor}{number:02d}",
                            "built_area": built,
                            "inner_area": round(built * 0.8, 2),
                            "delivery_state": "occupied",
                            "member_ids": [
                                Command.create(
                                    {
                                        "partner_id": partner_ids[2 * index],
                                        "role": "owner",
                                        "date_start": "2020-01-01",
                                        "is_payer": True,
                                    }
                                ),
                                Command.create(
                                    {
                                        "partner_id": partner_ids[2 * index + 1],
                                        "role": "family",
                                        "date_start": "2020-01-01",
                                    }
                                ),
                            ],
                        }
                    )
                    index += 1
        with Timer(
            f"create {n_units} units + {2 * n_units} members (one batch)"
        ) as timer:
            units = env["property.unit"].create(vals_list)
            env.flush_all()
        ok = verdict(f"{n_units} units with members", timer.seconds, 60)
        assert len(units) == n_units and len(units.member_ids) == 2 * n_units

        env.invalidate_all()
        Unit = env["property.unit"]
        list_fields = [
            "code",
            "floor",
            "number",
            "usage",
            "built_area",
            "inner_area",
            "delivery_state",
        ]
        samples = []
        # 1,000 units: whole floors of a few buildings, as the desk's list does
        span = -(-1000 // (floors * per_floor)) or 1
        for offset in range(0, 10 * span, span):
            group = buildings[offset : offset + span]
            domain = [
                ("building_id", "in", group.ids),
                ("floor", ">=", 1),
                ("floor", "<=", floors),
            ]
            env.invalidate_all()
            start = time.perf_counter()
            rows = Unit.search_read(domain, list_fields, limit=1000)
            samples.append(time.perf_counter() - start)
        stats = percentiles(samples)
        print(
            f"search_read {len(rows)} units by building and floor "
            f"(stored fields, 10 runs): p50 {stats['p50'] * 1000:.1f} ms, "
            f"p95 {stats['p95'] * 1000:.1f} ms"
        )

        env.invalidate_all()
        with Timer("search_read 1000 units by building and floor, list view fields"):
            rows = Unit.search_read(
                [("building_id", "in", buildings[:3].ids), ("floor", "<=", 40)],
                [*list_fields, "estate_id", "owner_names", "payer_partner_id"],
                limit=1000,
            )
        assert len(rows) == 1000
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
