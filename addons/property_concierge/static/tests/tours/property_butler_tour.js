import { registry } from "@web/core/registry";

/**
 * Butler services at the desk: an owner's suitcase taken into the storage room,
 * then a wake-up call that nobody answers twice, so somebody goes to the door.
 */
registry.category("web_tour.tours").add("property_butler_storage_tour", {
    steps: () => [
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="unit_id"] input',
            run: "edit 8-0901",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("8-0901")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="partner_id"] input',
            run: "edit 欧阳管家",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("欧阳管家")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="items"] input',
            run: "edit 登机箱",
        },
        {
            trigger: '.o_field_widget[name="item_count"] input',
            run: "edit 2",
        },
        {
            trigger: '.o_field_widget[name="location"] input',
            run: "edit 寄存室A架-1",
        },
        {
            content: "Perishable goods are refused",
            trigger: '.o_field_widget[name="item_category"] select',
            run: 'select "perishable"',
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_dialog .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="item_category"] select',
            run: 'select "luggage"',
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved with its claim stub number",
            trigger: '.o_form_saved .o_field_widget[name="name"]:contains("JC")',
        },
    ],
});

registry.category("web_tour.tours").add("property_butler_wakeup_tour", {
    steps: () => [
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="unit_id"] input',
            run: "edit 8-0901",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("8-0901")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="partner_id"] input',
            run: "edit 欧阳管家",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("欧阳管家")',
            run: "click",
        },
        {
            content: "The phone comes from the owner",
            trigger: '.o_field_widget[name="phone"] input:value("138 8888 0009")',
        },
        {
            trigger: '.o_field_widget[name="wake_time"] input',
            run: "edit 2026-11-26 06:30:00",
        },
        {
            trigger: '.o_field_widget[name="note"] textarea',
            run: "edit 早班机",
        },
        {
            content: "First call: no answer",
            trigger: 'button[name="action_no_answer"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="attempt_ids"] .o_data_row',
        },
        {
            content: "Second call: line busy",
            trigger: 'button[name="action_busy"]',
            run: "click",
        },
        {
            content: "Somebody is sent to the door",
            trigger: 'button[name="action_door_done"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
    ],
});
