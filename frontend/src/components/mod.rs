//! Reusable widgets. Route components live in `pages/`.

pub mod feedback;
pub mod field;
pub mod form_status;
pub mod istilah;
pub mod lang_switch;
pub mod loader;
pub mod page_header;
pub mod pager;
pub mod pengumuman;
pub mod row_input;
pub mod shell;
pub mod sub_period;
pub mod upload;

pub use feedback::{Alert, AlertKind, ErrorAlert, ErrorPanel, FullPageLoading, Loading};
pub use field::{Choice, Field, SelectField};
pub use form_status::{FormStatus, Outcome, failed, info};
pub use istilah::Istilah;
pub use lang_switch::LangSwitch;
pub use loader::{Built, Load, LoadedList, Loader, background, built, load, replace_item};
pub use page_header::PageHeader;
pub use pager::Pager;
pub use row_input::RowInput;
pub use shell::Shell;
pub use sub_period::{
    SubPeriodSelect, asked_sub_period, current_sub_period, jumlah, sub_period_label,
};
pub use upload::{FileUpload, UploadTexts};
