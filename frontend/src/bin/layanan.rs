//! Entry point of the `layanan` bundle (`layanan.html`): the citizen satisfaction surveys.

fn main() {
    kinerja_frontend::start(
        kinerja_frontend::Bundle::Layanan,
        kinerja_frontend::LayananApp,
    );
}
