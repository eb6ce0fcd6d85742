//! Reusable widgets. Route components live in `pages/`.

pub mod feedback;
pub mod field;
pub mod lang_switch;
pub mod loader;
pub mod page_header;
pub mod pager;
pub mod shell;
pub mod upload;

pub use feedback::{Alert, AlertKind, ErrorAlert, ErrorPanel, FullPageLoading, Loading};
pub use field::{Choice, Field, SelectField};
pub use lang_switch::LangSwitch;
pub use loader::{Built, Load, LoadedList, Loader, background, built, load, replace_item};
pub use page_header::PageHeader;
pub use pager::Pager;
pub use shell::Shell;
pub use upload::{FileUpload, UploadTexts};
