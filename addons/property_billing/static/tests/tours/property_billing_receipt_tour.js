import { registry } from "@web/core/registry";

/**
 * A clerk takes a cash payment at the desk against a unit's notices and prints
 * the receipt.
 */
registry.category("web_tour.tours").add("property_billing_receipt_tour", {
    steps: () => [
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="partner_id"] input',
            run: "edit 欧阳缴费",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("欧阳缴费")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="unit_id"] input',
            run: "edit 9-0901",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("9-0901")',
            run: "click",
        },
        {
            content: "Cash is the default",
            trigger: '.o_field_widget[name="payment_method"] select',
        },
        {
            trigger: 'div[name="line_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            trigger: 'div[name="line_ids"] .o_selected_row .o_field_widget[name="name"] input',
            run: "edit 物业服务费 2026年8-10月",
        },
        {
            trigger: 'div[name="line_ids"] .o_selected_row .o_field_widget[name="amount"] input',
            run: "edit 900",
        },
        {
            content: "Leave the line",
            trigger: ".o_form_sheet .oe_title",
            run: "click",
        },
        {
            content: "The total in Chinese capitals",
            trigger: '.o_field_widget[name="amount_total_words"]:contains("玖佰元整")',
        },
        {
            trigger: 'button[name="action_issue"]',
            run: "click",
        },
        {
            content: "Issued with the next number of the clerk's book",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="issued"]',
        },
        {
            trigger: '.o_field_widget[name="name"]:contains("TOUR000001")',
        },
        {
            trigger: 'button[name="action_print"]:visible',
            run: "click",
        },
        {
            content: "The receipt is downloaded",
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
                    throw new Error("The receipt was not downloaded.");
                }
            },
        },
        {
            trigger: "body:not(:has(.o_error_dialog)) .o_form_view",
        },
    ],
});
