//! Entry point of the `panduan` bundle (`panduan.html`): the in-app guides and the glossary.

fn main() {
    kinerja_frontend::start(
        kinerja_frontend::Bundle::Panduan,
        kinerja_frontend::PanduanApp,
    );
}
