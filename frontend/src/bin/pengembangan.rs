//! Entry point of the `pengembangan` bundle (`pengembangan.html`): competency development.

fn main() {
    kinerja_frontend::start(
        kinerja_frontend::Bundle::Pengembangan,
        kinerja_frontend::PengembanganApp,
    );
}
