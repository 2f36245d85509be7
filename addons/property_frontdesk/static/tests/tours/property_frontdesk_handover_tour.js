import { registry } from "@web/core/registry";

/**
 * A first delivery at the desk: documents checked, agreement signed, meters read,
 * keys signed for; the handover is completed and its confirmation printed.
 */
registry.category("web_tour.tours").add("property_frontdesk_handover_tour", {
    steps: () => [
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="unit_id"] input',
            run: "edit 8-0802",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("8-0802")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="partner_id"] input',
            run: "edit 司徒新业主",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("司徒新业主")',
            run: "click",
        },
        {
            content: "The document checklist of a family",
            trigger: 'div[name="document_line_ids"] .o_data_row td[name="name"]:contains("导览身份证")',
            run: "click",
        },
        {
            trigger: 'div[name="document_line_ids"] .o_selected_row .o_field_widget[name="status"] select',
            run: 'select "copy_kept"',
        },
        {
            trigger: '.o_notebook_headers a[name="agreements"]',
            run: "click",
        },
        {
            trigger: 'div[name="agreement_line_ids"] .o_data_row td[name="name"]:contains("导览服务协议")',
        },
        {
            content: "Signed",
            trigger: 'div[name="agreement_line_ids"] .o_data_row td[name="signed"] input',
            run: "click",
        },
        {
            trigger: '.o_notebook_headers a[name="inspection"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="water_reading"] input',
            run: "edit 3.25",
        },
        {
            trigger: '.o_field_widget[name="electricity_reading"] input',
            run: "edit 12.6",
        },
        {
            trigger: '.o_field_widget[name="readings_confirmed"] input',
            run: "click",
        },
        {
            trigger: '.o_notebook_headers a[name="keys"]',
            run: "click",
        },
        {
            trigger: 'div[name="key_line_ids"] .o_data_row td[name="name"]:contains("导览钥匙")',
        },
        {
            trigger: '.o_field_widget[name="keys_signed"] input',
            run: "click",
        },
        {
            trigger: 'button[name="action_complete"]',
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Completed",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
        {
            trigger: ".o_property_handover_print",
            run: "click",
        },
        {
            content: "The handover confirmation is downloaded",
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
                    throw new Error("The handover confirmation was not downloaded.");
                }
            },
        },
        {
            trigger: "body:not(:has(.o_error_dialog)) .o_form_view",
        },
    ],
});
