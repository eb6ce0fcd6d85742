//! Entry point of the `kepegawaian` bundle (`kepegawaian.html`): the HR office's screens.

fn main() {
    kinerja_frontend::start(
        kinerja_frontend::Bundle::Kepegawaian,
        kinerja_frontend::KepegawaianApp,
    );
}
