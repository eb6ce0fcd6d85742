//! Entry point: panic hook, then mount the app in place of the static boot screen.

fn main() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(kinerja_frontend::App);
}
