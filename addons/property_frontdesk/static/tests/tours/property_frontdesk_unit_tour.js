import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

/**
 * A clerk working in Chinese opens the app, registers a unit and adds its owner,
 * who pays the bills, then marks the unit as occupied.
 */
registry.category("web_tour.tours").add("property_frontdesk_unit_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "property_frontdesk.property_frontdesk_menu_root",
            "Open the property service app"
        ),
        {
            content: "The app speaks Chinese",
            trigger: '.o_menu_brand:contains("物业服务")',
        },
        {
            trigger: 'button[data-menu-xmlid="property_frontdesk.property_frontdesk_menu_property"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="property_frontdesk.property_frontdesk_menu_unit"]',
            run: "click",
        },
        {
            trigger: '.o_breadcrumb:contains("单元")',
        },
        {
            content: "New unit",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="building_id"] input',
            run: "edit 导览楼",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("导览楼")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="floor"] input',
            run: "edit 16",
        },
        {
            trigger: '.o_field_widget[name="number"] input',
            run: "edit 1608",
        },
        {
            trigger: '.o_field_widget[name="built_area"] input',
            run: "edit 126.5",
        },
        {
            trigger: '.o_field_widget[name="inner_area"] input',
            run: "edit 101.2",
        },
        {
            content: "The unit code is computed from the building and the number",
            trigger: '.o_field_widget[name="code"]:contains("8-1608")',
        },
        {
            content: "Add the owner",
            trigger: 'div[name="member_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            trigger: 'div[name="member_ids"] .o_selected_row .o_field_widget[name="partner_id"] input',
            run: "edit 欧阳导览",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("欧阳导览")',
            run: "click",
        },
        {
            trigger: 'div[name="member_ids"] .o_selected_row .o_field_widget[name="role"] select',
            run: 'select "owner"',
        },
        {
            content: "The owner pays the bills",
            trigger: 'div[name="member_ids"] .o_selected_row .o_field_widget[name="is_payer"] input',
            run: "click",
        },
        {
            content: "Mark the unit as occupied (saves the unit)",
            trigger: '.o_statusbar_status button[data-value="occupied"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="occupied"]',
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            trigger: 'div[name="member_ids"] .o_data_row:contains("欧阳导览")',
        },
    ],
});
