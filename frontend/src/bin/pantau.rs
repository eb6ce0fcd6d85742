//! Entry point of the `pantau` bundle (`pantau.html`): the dashboards.

fn main() {
    kinerja_frontend::start(
        kinerja_frontend::Bundle::Pantau,
        kinerja_frontend::PantauApp,
    );
}
