//! Entry point of the `penilaian` bundle (`penilaian.html`): evaluation and the admin screens.

fn main() {
    kinerja_frontend::start(
        kinerja_frontend::Bundle::Penilaian,
        kinerja_frontend::PenilaianApp,
    );
}
