import { registry } from "@web/core/registry";

/**
 * The monthly run: finance creates the run of an estate for a month, generates the
 * payment notices, opens them and registers their delivery.
 */
registry.category("web_tour.tours").add("property_billing_run_tour", {
    steps: () => [
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="estate_id"] input',
            run: "edit 导览花园",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option) a:contains("导览花园")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="period"] input',
            run: "edit 2026-11",
        },
        {
            trigger: '.o_form_button_save',
            run: "click",
        },
        {
            trigger: 'button[name="action_start"]',
            run: "click",
        },
        {
            content: "Done: two notices",
            trigger: 'button[name="action_rerun"]',
        },
        {
            trigger: 'button[name="action_view_notices"] .o_stat_value:contains("2")',
        },
        {
            trigger: 'button[name="action_register_delivery"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="signed_by"] input',
            run: "edit 业主本人",
        },
        {
            trigger: '.modal button[name="action_confirm"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="delivered_count"]:contains("2")',
        },
        {
            trigger: 'button[name="action_view_notices"]',
            run: "click",
        },
        {
            trigger: '.o_list_view .o_data_row td[name="partner_id"]:contains("欧阳导览")',
        },
    ],
});
