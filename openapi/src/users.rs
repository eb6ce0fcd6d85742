//! User accounts, managed by the HR office (admin).

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::auth::Role;
use crate::validation::{
    PASSWORD_MAX, PASSWORD_MIN, USERNAME_MAX, USERNAME_MIN, not_blank, username_chars,
};

/// A user account as the admin sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    /// Optimistic lock: send it back with every edit; bumped by each one.
    pub lock_version: i32,
    pub id: Uuid,
    pub username: String,
    pub email: Option<String>,
    pub full_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub password_changed_at: chrono::DateTime<chrono::Utc>,
    pub last_login_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// The account holds a one-time password that must be changed at the next sign-in.
    #[serde(default)]
    pub harus_ganti_password: bool,
}

/// `POST /api/v1/users`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// For staff, the NIP (digits only).
    #[validate(
        length(
            min = "USERNAME_MIN",
            max = "USERNAME_MAX",
            code = "nama_pengguna_3_64"
        ),
        custom(function = "username_chars")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 3,
            max_length = 64,
            pattern = "^[A-Za-z0-9._-]+$",
            example = "199001012015031001"
        )
    )]
    pub username: String,
    #[validate(
        custom(function = "crate::validation::email_address"),
        length(max = 254, code = "email_maks_254")
    )]
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub email: Option<String>,
    #[validate(
        length(min = 1, max = 200, code = "nama_lengkap_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 200,
            pattern = "\\S",
            example = "Siti Rahmawati, S.E."
        )
    )]
    pub full_name: String,
    /// Initial password: at least 10 characters, not equal to the username.
    #[validate(length(min = "PASSWORD_MIN", max = "PASSWORD_MAX", code = "sandi_10_128"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128, format = Password))]
    pub password: String,
    /// Roles; `pegawai` when empty.
    #[serde(default)]
    #[validate(length(max = 5, code = "terlalu_banyak_peran"))]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub roles: Vec<Role>,
}

/// `PATCH /api/v1/users/{id}`: only the fields present change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    /// Optimistic lock: the `lock_version` of the record as it was read. Required, so that an
    /// edit based on an older version is refused (409) instead of overwriting a change made
    /// in the meantime; reload and redo the edit then.
    pub lock_version: i32,
    #[validate(
        custom(function = "crate::validation::email_address"),
        length(max = 254, code = "email_maks_254")
    )]
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub email: Option<String>,
    #[validate(
        length(min = 1, max = 200, code = "nama_lengkap_wajib_200"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub full_name: Option<String>,
    #[validate(length(min = 1, max = 5, code = "pilih_1_5_peran"))]
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub roles: Option<Vec<Role>>,
    pub active: Option<bool>,
    /// Why the change is made; stored in the audit trail.
    #[validate(length(max = 500, code = "alasan_maks_500"))]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
}

/// Filters of `GET /api/v1/users`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct UserQuery {
    /// Search in username (prefix), name and email.
    #[validate(length(max = 100, code = "kata_kunci_maks_100"))]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
}

/// `POST /api/v1/users/akun-pegawai`: an account for one employee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BuatAkunPegawai {
    pub employee_id: Uuid,
}

/// `POST /api/v1/users/akun-pegawai/unit`: accounts for every employee of a unit who has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BuatAkunUnit {
    pub unit_id: Uuid,
    /// Include the employees of every unit below it.
    #[serde(default)]
    pub termasuk_sub_unit: bool,
}

/// An account made for an employee, with its one-time password. The password is shown this
/// once and never stored in clear: hand it to the employee, who must change it at first
/// sign-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AkunPegawai {
    pub user: User,
    pub employee_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "199003172015032001"))]
    pub nip: String,
    /// The name with titles.
    pub nama: String,
    pub unit: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "7hQm-4kPz-W2nc"))]
    pub password_sekali: String,
}

/// Why no account was made for an employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlasanDilewati {
    /// The employee already has an account.
    SudahPunyaAkun,
    /// Another account already uses the NIP as its username.
    NamaPenggunaTerpakai,
    /// The employee is no longer active (retired, moved out, ...).
    TidakAktif,
    /// More than the 200 accounts one request makes: send the same request again for the rest.
    MelebihiBatas,
}

/// An employee skipped by a bulk creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AkunDilewati {
    pub employee_id: Uuid,
    pub nip: String,
    pub nama: String,
    pub unit: Option<String>,
    pub alasan: AlasanDilewati,
}

/// Result of `POST /api/v1/users/akun-pegawai/unit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HasilAkunUnit {
    /// New accounts with their one-time passwords, by unit and name.
    pub dibuat: Vec<AkunPegawai>,
    /// Employees left as they were, with the reason.
    pub dilewati: Vec<AkunDilewati>,
}

/// Result of `POST /api/v1/users/{id}/reset-password`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordDireset {
    pub user: User,
    /// Shown this once; the holder must change it at the next sign-in.
    pub password_sekali: String,
}
