import { registry } from "@web/core/registry";

/**
 * A self-renovation with simple works at the desk: filed, submitted, approved by
 * the renovation supervisor, deposit taken by a receipt, certificate printed.
 */
registry.category("web_tour.tours").add("property_renovation_filing_tour", {
    steps: () => [
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="unit_id"] input',
            run: "edit 9-902",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("9-902")',
            run: "click",
        },
        {
            content: "The owner of the unit is filled in",
            trigger: '.o_field_widget[name="owner_id"] input:value("欧阳装修")',
        },
        {
            trigger: '.o_field_widget[name="self_renovation"] input',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="simple_works_only"] input',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="main_works"] textarea',
            run: "edit 铺木地板、墙面刷漆",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="name"]:contains("REN/")',
        },
        {
            trigger: 'button[name="action_submit"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="submitted"]',
        },
        {
            trigger: 'button[name="action_approve"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="approved"]',
        },
        {
            content: "The deposit receipt is prepared",
            trigger: 'button[name="action_prepare_receipts"]',
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row td.o_data_cell",
            run: "click",
        },
        {
            trigger: 'button[name="action_issue"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="issued"]',
        },
        {
            content: "Back to the filing",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("REN/")',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="deposit_paid"]',
        },
        {
            trigger: 'button[name="action_issue_certificate"]',
            run: "click",
        },
        {
            content: "The registration certificate is downloaded",
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
                    throw new Error("The certificate was not downloaded.");
                }
            },
        },
        {
            trigger: "body:not(:has(.o_error_dialog)) .o_form_view",
        },
    ],
});
