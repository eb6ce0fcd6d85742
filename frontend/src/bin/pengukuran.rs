//! Entry point of the `pengukuran` bundle (`pengukuran.html`): realisasi, evidence, feedback.

fn main() {
    kinerja_frontend::start(
        kinerja_frontend::Bundle::Pengukuran,
        kinerja_frontend::PengukuranApp,
    );
}
