"""Benchmark: issuing one receipt that settles 3 payment notices at the desk.

    make bench ARGS=receipt          (or: scripts/bench.sh receipt)

Budget (issue #4): under 300 ms per receipt (created and issued by a clerk: number
from the clerk's book, payment posted, reconciled with the 3 notices oldest first).
Everything is rolled back at the end unless --keep is given.
"""

import sys
import time

from common import Timer, environment, parse_args, percentiles, verdict

from odoo import Command


def extra(parser):
    parser.add_argument("--receipts", type=int, default=50)


def main():
    args = parse_args(__doc__, extra)
    with environment(args) as env:
        env = env(context=dict(env.context, mail_create_nolog=True))
        company = env.company
        company._property_billing_setup()
        stamp = int(time.time())
        clerk = env["res.users"].create(
            {
                "name": "Benchmark Clerk",
                "login": f"bench_clerk_{stamp}",
                "groups_id": [
                    Command.set([env.ref("property_frontdesk.group_property_clerk").id])
                ],
            }
        )
        book = env["property.receipt.book"].create(
            {
                "name": f"BENCH-{stamp}",
                "prefix": f"B{stamp}",
                "number_from": 1,
                "number_to": args.receipts + 10,
                "user_id": clerk.id,
                "state": "open",
            }
        )
        estate = env["property.estate"].create(
            {"name": "Benchmark Receipts", "code": f"BR{stamp}"}
        )
        building = env["property.building"].create(
            {"estate_id": estate.id, "name": "1", "code": "1", "floor_count": 30}
        )
        payers = env["res.partner"].create(
            [{"name": f"Payer {i:04d}"} for i in range(args.receipts)]
        )
        units = env["property.unit"].create(
            [
                {
                    "building_id": building.id,
                    "floor": 1 + i // 10,
                    "number": f"{i:04d}",
                    "built_area": 100.0,
                    "inner_area": 80.0,
                    "delivery_state": "occupied",
                    "member_ids": [
                        Command.create(
                            {"partner_id": payer.id, "role": "owner", "is_payer": True}
                        )
                    ],
                }
                for i, payer in enumerate(payers)
            ]
        )
        service = env.ref("property_billing.product_fee_service").product_variant_id
        with Timer(f"create and post {3 * len(units)} notices"):
            notices = env["account.move"].create(
                [
                    {
                        "move_type": "out_invoice",
                        "partner_id": unit.payer_partner_id.id,
                        "journal_id": company.property_notice_journal_id.id,
                        "invoice_date": f"2026-{month:02d}-01",
                        "property_is_notice": True,
                        "property_unit_id": unit.id,
                        "property_period": f"2026-{month:02d}",
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": service.id,
                                    "price_unit": 250.0,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                    for unit in units
                    for month in (8, 9, 10)
                ]
            )
            notices.action_post()
        env.flush_all()
        Receipt = env["property.receipt"].with_user(clerk)
        samples = []
        for unit in units:
            start = time.perf_counter()
            receipt = Receipt.create(
                {
                    "partner_id": unit.payer_partner_id.id,
                    "unit_id": unit.id,
                    "payment_method": "cash",
                    "line_ids": [
                        Command.create(
                            {"line_type": "notice", "name": "Fees", "amount": 750.0}
                        )
                    ],
                }
            )
            receipt.action_issue()
            env.flush_all()
            samples.append(time.perf_counter() - start)
            if len(receipt.settled_move_ids) != 3 or any(
                m.payment_state != "paid" for m in receipt.settled_move_ids
            ):
                print(f"{receipt.name}: the 3 notices are not settled", flush=True)
                return 1
        stats = percentiles(samples)
        print(
            f"{len(samples)} receipts settling 3 notices each: "
            f"p50 {stats['p50'] * 1000:.0f} ms, p95 {stats['p95'] * 1000:.0f} ms, "
            f"max {stats['max'] * 1000:.0f} ms",
            flush=True,
        )
        book.invalidate_recordset()
        ok = verdict("one receipt settling 3 notices (p95)", stats["p95"], 0.3)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
