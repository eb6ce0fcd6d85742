//! Entry point of the `utama` bundle (`index.html`).

fn main() {
    kinerja_frontend::start(kinerja_frontend::Bundle::Utama, kinerja_frontend::App);
}
