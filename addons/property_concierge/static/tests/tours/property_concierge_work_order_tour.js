import { registry } from "@web/core/registry";

/**
 * A tap repair, in three sessions: the clerk registers the request, records the
 * owner's agreement, dispatches it, confirms the price and prints the triplicate; the
 * engineer takes it, arrives, works and has the owner sign; the clerk takes the
 * payment by a receipt and calls the owner back.
 */

const waitForDownload = {
    content: "The triplicate work order is downloaded",
    trigger: ".o_form_view",
    async run() {
        const downloaded = () =>
            performance
                .getEntriesByType("resource")
                .some((entry) => entry.name.includes("/report/download"));
        for (let attempt = 0; attempt < 150 && !downloaded(); attempt++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        if (!downloaded()) {
            throw new Error("The work order was not downloaded.");
        }
    },
};

registry.category("web_tour.tours").add("property_concierge_work_order_tour", {
    steps: () => [
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="unit_id"] input',
            run: "edit 8-0801",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("8-0801")',
            run: "click",
        },
        {
            content: "The owner is the requester",
            trigger: '.o_field_widget[name="partner_id"] input:value("欧阳导览")',
        },
        {
            trigger: '.o_field_widget[name="service_item_id"] input',
            run: "edit 导览水龙头",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("导览水龙头更换")',
            run: "click",
        },
        {
            content: "The published price",
            trigger: '.o_field_widget[name="amount"]:contains("20.00")',
        },
        {
            trigger: '.o_field_widget[name="description"] textarea',
            run: "edit 厨房水龙头关不紧，一直滴水，要求更换。",
        },
        {
            content: "The service is paid: the owner agrees (saves the order)",
            trigger: 'button[name="action_owner_agrees"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="owner_agreed"] input:checked',
        },
        {
            trigger: '.o_field_widget[name="user_id"] input',
            run: "edit 导览师傅",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("导览师傅")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="appointment_date"] input',
            run: "edit 2026年11月25日 10时00分00秒",
        },
        {
            trigger: '.o_field_widget[name="description"] textarea',
            run: "click",
        },
        {
            trigger: 'button[name="action_dispatch"]',
            run: "click",
        },
        {
            content: "Dispatched, the requester answered",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="dispatched"]',
        },
        {
            trigger: 'button[name="action_confirm_price"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="price_confirmed"] input:checked',
        },
        {
            trigger: ".o_property_work_order_print",
            run: "click",
        },
        waitForDownload,
        {
            trigger: "body:not(:has(.o_error_dialog)) .o_form_view",
        },
    ],
});

registry.category("web_tour.tours").add("property_concierge_work_order_onsite_tour", {
    steps: () => [
        {
            content: "The engineer takes the order",
            trigger: 'button[name="action_take"]',
            run: "click",
        },
        {
            trigger: 'button[name="action_arrive"]',
            run: "click",
        },
        {
            trigger: 'button[name="action_start"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="in_progress"]',
        },
        {
            trigger: '.o_notebook_headers a[name="on_site"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="work_done"] textarea',
            run: "edit 更换陶瓷阀芯水龙头一个，缠生料带，试水不渗漏。",
        },
        {
            content: "The owner tries the tap and signs",
            trigger: '.o_field_widget[name="owner_signature"] .o_signature',
            run: "click",
        },
        {
            trigger: ".modal .modal-footer .btn-primary:not([disabled])",
            run: "click",
        },
        {
            trigger: 'body:not(:has(.modal)) .o_field_widget[name="owner_signature"] img.o_signature',
        },
        {
            trigger: 'button[name="action_owner_accept"]',
            run: "click",
        },
        {
            content: "Accepted by the owner",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
    ],
});

registry.category("web_tour.tours").add("property_concierge_work_order_close_tour", {
    steps: () => [
        {
            content: "The owner pays at the desk: a receipt of the work order",
            trigger: 'button[name="action_create_receipt"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="line_ids"] td:contains("导览水龙头更换")',
        },
        {
            trigger: 'button[name="action_issue"]',
            run: "click",
        },
        {
            content: "Issued",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="issued"]',
        },
        {
            content: "Back to the work order",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("TY")',
            run: "click",
        },
        {
            content: "Paid: nothing more to take",
            trigger: 'body:not(:has(button[name="action_create_receipt"])) button[name="action_close"]',
        },
        {
            content: "The clerk calls the owner back",
            trigger: 'button[name="action_new_callback"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="rating"] input[data-value="3"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="owner_words"] textarea',
            run: "edit 师傅准时上门，修得很好。",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "Called back",
            trigger: 'body:not(:has(.modal)) .o_notebook_headers a[name="callbacks"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="callback_ids"] td:contains("师傅准时上门")',
        },
    ],
});
