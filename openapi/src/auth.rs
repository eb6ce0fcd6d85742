//! Authentication: login, token refresh, the signed-in user, password change.

use serde::{Deserialize, Serialize};
use uuid::Uuid;
use validator::Validate;

use crate::validation::{PASSWORD_MAX, PASSWORD_MIN, not_blank};

/// A role granted to a user account. Superior rights (atasan / Pejabat Penilai Kinerja) are not
/// a role: they follow from the organisation data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Every civil servant (PNS/PPPK) using the system.
    Pegawai,
    /// The instansi's HR office (BKPSDM).
    Admin,
    /// Reads dashboards of a unit subtree.
    Pimpinan,
    /// Read-only access, including the audit trail.
    Auditor,
    /// Operates the installation; may grant admin rights.
    Superadmin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Pegawai,
        Role::Admin,
        Role::Pimpinan,
        Role::Auditor,
        Role::Superadmin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Pegawai => "pegawai",
            Role::Admin => "admin",
            Role::Pimpinan => "pimpinan",
            Role::Auditor => "auditor",
            Role::Superadmin => "superadmin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// Something a signed-in user may do; the server decides, the SPA only uses it to show the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Read and edit one's own profile and password.
    ManageOwnProfile,
    /// Create users, change their roles, deactivate them.
    ManageUsers,
    /// Grant or revoke the `admin` and `superadmin` roles.
    GrantAdminRoles,
    /// Read the audit trail and verify its hash chain.
    ReadAudit,
    /// Read performance dashboards of a unit subtree.
    ReadUnitDashboards,
    /// Create and change units, positions and employees.
    ManageOrganisation,
    /// Read the full record of every employee (others see a directory view).
    ReadAllEmployees,
}

/// How the refresh token is handed out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RefreshDelivery {
    /// In an HttpOnly, SameSite=Strict cookie scoped to `/api/v1/auth` (browsers).
    #[default]
    Cookie,
    /// In the response body (scripts and other systems).
    Body,
}

/// `POST /api/v1/auth/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// Username; for staff, the 18-digit NIP.
    #[validate(
        length(min = 1, max = 64, code = "nama_pengguna_wajib_64"),
        custom(function = "not_blank")
    )]
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 64,
            pattern = "\\S",
            example = "199001012015031001"
        )
    )]
    pub username: String,
    #[validate(length(min = 1, max = 128, code = "sandi_wajib_128"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, format = Password, example = "rahasia-sekali"))]
    pub password: String,
    /// Where the refresh token goes; default `cookie`.
    #[serde(default)]
    pub refresh_delivery: RefreshDelivery,
}

/// `POST /api/v1/auth/refresh` and `/logout`. Browsers send an empty body and the cookie.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token, when it was delivered in the body.
    #[serde(default)]
    #[validate(length(min = 1, max = 256, code = "token_tidak_valid_singkat"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 256))]
    pub refresh_token: Option<String>,
}

/// Issued tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// Short-lived JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Always `Bearer`.
    #[cfg_attr(feature = "openapi", schema(example = "Bearer"))]
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    #[cfg_attr(feature = "openapi", schema(example = 900))]
    pub expires_in: i64,
    /// Present only with `refresh_delivery: body`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    pub user: CurrentUser,
}

/// The signed-in user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CurrentUser {
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "199001012015031001"))]
    pub username: String,
    pub email: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "Siti Rahmawati, S.E."))]
    pub full_name: String,
    pub roles: Vec<Role>,
    /// What the roles allow, as decided by the server's policy.
    pub permissions: Vec<Permission>,
    pub password_changed_at: chrono::DateTime<chrono::Utc>,
    /// The account holds a one-time password from the HR office: the holder must change it
    /// before anything else (other calls answer 403 `password_change_required`).
    #[serde(default)]
    pub harus_ganti_password: bool,
    /// The employee record linked to the account, if any.
    #[serde(default)]
    pub employee_id: Option<Uuid>,
    /// Whether the employee rates or oversees anyone today: the PPKin or Atasan PPKin of an
    /// SKP in an open period, an acting or overriding rater, or the holder of a position that
    /// other positions report to. Only decides which menus are shown; every page checks again.
    #[serde(default)]
    pub punya_bawahan: bool,
}

impl CurrentUser {
    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }
}

/// `POST /api/v1/auth/change-password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    #[validate(length(min = 1, max = 128, code = "sandi_saat_ini_wajib"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128, format = Password))]
    pub current_password: String,
    /// At least 10 characters and not equal to the username (NIP).
    #[validate(length(min = "PASSWORD_MIN", max = "PASSWORD_MAX", code = "sandi_baru_10_128"))]
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 128, format = Password))]
    pub new_password: String,
}
