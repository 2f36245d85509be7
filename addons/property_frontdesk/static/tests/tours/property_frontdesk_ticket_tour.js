import { registry } from "@web/core/registry";

/**
 * A phone repair request, from the unit form to the callback, in three sessions:
 * the clerk takes the call and dispatches it, the engineer resolves it, the clerk
 * calls the owner back and closes it.
 */
registry.category("web_tour.tours").add("property_frontdesk_ticket_tour", {
    steps: () => [
        {
            content: "On the unit's form, take the request",
            trigger: '.o_form_view .o_field_widget[name="code"]:contains("8-0801")',
        },
        {
            trigger: 'button[name="action_new_ticket"]',
            run: "click",
        },
        {
            content: "The unit and its owner are filled in",
            trigger: '.o_field_widget[name="partner_id"] input:value("欧阳业主")',
        },
        {
            trigger: '.o_field_widget[name="type_id"] input',
            run: "edit 导览报修",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("导览报修")',
            run: "click",
        },
        {
            content: "A phone call",
            trigger: '.o_field_widget[name="channel"] select',
            run: 'select "phone"',
        },
        {
            trigger: '.o_field_widget[name="subject"] input',
            run: "edit 卫生间水管漏水",
        },
        {
            trigger: '.o_field_widget[name="description"] textarea',
            run: "edit 业主来电：卫生间洗手盆下水管漏水。",
        },
        {
            content: "Dispatch (saves the ticket)",
            trigger: 'button[name="action_open_dispatch_wizard"]',
            run: "click",
        },
        {
            content: "The type's team is proposed",
            trigger: '.modal .o_field_widget[name="team_id"] input:value("导览工程部")',
        },
        {
            trigger: '.modal .o_field_widget[name="user_id"] input',
            run: "edit 导览师傅",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("导览师傅")',
            run: "click",
        },
        {
            trigger: '.modal button[name="action_dispatch"]',
            run: "click",
        },
        {
            content: "Dispatched",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="dispatched"]',
        },
        {
            trigger: '.o_field_widget[name="user_id"]:contains("导览师傅")',
        },
    ],
});

registry.category("web_tour.tours").add("property_frontdesk_ticket_resolve_tour", {
    steps: () => [
        {
            content: "The engineer opens the ticket from his tickets",
            trigger: '.o_kanban_record:contains("卫生间水管漏水")',
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
            trigger: '.o_notebook_headers a[name="resolution"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="resolution"] textarea',
            run: "edit 更换洗手盆下水管及密封圈，试水无渗漏。",
        },
        {
            trigger: 'button[name="action_resolve"]',
            run: "click",
        },
        {
            content: "Resolved",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="resolved"]',
        },
    ],
});

registry.category("web_tour.tours").add("property_frontdesk_ticket_callback_tour", {
    steps: () => [
        {
            content: "The clerk's callbacks to make",
            trigger: '.o_data_row td[name="subject"]:contains("卫生间水管漏水")',
            run: "click",
        },
        {
            trigger: 'button[name="action_open_callback_wizard"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="result_rating"] input[data-value="satisfied"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="attitude_rating"] input[data-value="basic"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="comment"] textarea',
            run: "edit 修好了，师傅很专业，就是来得稍晚。",
        },
        {
            trigger: '.modal button[name="action_record"]',
            run: "click",
        },
        {
            trigger: '.o_notebook_headers a[name="callbacks"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="callback_ids"] .o_data_row:contains("修好了")',
        },
        {
            trigger: 'button[name="action_close"]',
            run: "click",
        },
        {
            content: "Closed",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="closed"]',
        },
    ],
});
