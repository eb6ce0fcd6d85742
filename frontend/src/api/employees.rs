//! `/api/v1/employees`: the list, records, history, superiors, and the XLSX/CSV import and
//! export. Writing needs `manage_organisation`; the export needs `read_all_employees` or
//! `read_unit_dashboards`.

use chrono::NaiveDate;
use kinerja_api::employees::{
    Assignment, CreateEmployee, Employee, EmployeeQuery, ImportMode, ImportReport, Superiors,
    UpdateEmployee,
};
use kinerja_api::{Page, PageQuery};
use uuid::Uuid;

use super::client::{self, ApiError, Call, Progress};

/// The query parameters of the list and the export.
fn filters(query: &EmployeeQuery) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("q", query.q.clone()),
        ("within", query.within.map(|id| id.to_string())),
        ("instansi_id", query.instansi_id.map(|id| id.to_string())),
        (
            "jenis_jabatan",
            query.jenis_jabatan.map(|j| j.as_str().to_owned()),
        ),
        ("jenjang", query.jenjang.map(|j| j.as_str().to_owned())),
        ("golongan", query.golongan.clone()),
        ("status", query.status.map(|s| s.as_str().to_owned())),
        (
            "jenis_pegawai",
            query.jenis_pegawai.map(|j| j.as_str().to_owned()),
        ),
        ("sort", query.sort.map(|s| s.as_str().to_owned())),
    ]
}

/// One page of employees; rows outside the viewer's remit come as the directory view.
///
/// # Errors
/// `validation_failed` for a bad filter, or a network/decoding failure.
pub async fn list(query: &EmployeeQuery, page: PageQuery) -> Result<Page<Employee>, ApiError> {
    let mut params = filters(query);
    params.push(("page", Some(page.page.to_string())));
    params.push(("per_page", Some(page.per_page.to_string())));
    client::authed(Call::get("/employees").query(&params)).await
}

/// One employee (full record or directory view).
///
/// # Errors
/// `not_found`, or a network/decoding failure.
pub async fn get(id: Uuid) -> Result<Employee, ApiError> {
    client::authed(Call::get(&format!("/employees/{id}"))).await
}

/// The positions an employee has held, newest first.
///
/// # Errors
/// `forbidden` for the directory view, `not_found`, or a network/decoding failure.
pub async fn assignments(id: Uuid) -> Result<Vec<Assignment>, ApiError> {
    client::authed(Call::get(&format!("/employees/{id}/assignments"))).await
}

/// The PPKin and Atasan PPKin on `date` (default today).
///
/// # Errors
/// `forbidden` for the directory view, `not_found`, or a network/decoding failure.
pub async fn superiors(id: Uuid, date: Option<NaiveDate>) -> Result<Superiors, ApiError> {
    client::authed(
        Call::get(&format!("/employees/{id}/superiors"))
            .query(&[("date", date.map(|d| d.to_string()))]),
    )
    .await
}

/// Creates an employee.
///
/// # Errors
/// `validation_failed` (422) with per-field messages (the NIP's name the wrong segment),
/// `conflict`, `forbidden`, or a network/decoding failure.
pub async fn create(request: &CreateEmployee) -> Result<Employee, ApiError> {
    client::authed(Call::post_json("/employees", request)?).await
}

/// Changes an employee's record.
///
/// # Errors
/// As [`create`], and `not_found`.
pub async fn update(id: Uuid, request: &UpdateEmployee) -> Result<Employee, ApiError> {
    client::authed(Call::patch_json(&format!("/employees/{id}"), request)?).await
}

/// Downloads the filtered list as XLSX.
///
/// # Errors
/// `forbidden` without the export permission, or a network failure.
pub async fn export(query: &EmployeeQuery) -> Result<(), ApiError> {
    client::download(
        Call::get("/employees/export").query(&filters(query)),
        "pegawai.xlsx",
    )
    .await
}

/// Downloads the import template (XLSX).
///
/// # Errors
/// `forbidden` without `manage_organisation`, or a network failure.
pub async fn import_template() -> Result<(), ApiError> {
    client::download(
        Call::get("/employees/import/template"),
        "templat-impor-pegawai.xlsx",
    )
    .await
}

/// Uploads an XLSX or CSV file: `DryRun` only checks it, `Commit` imports every row or none.
///
/// # Errors
/// `payload_too_large` (413), `unsupported_media_type` (415), `validation_failed` (422, on
/// `file` or `instansi_id`), `forbidden`, or a network/decoding failure.
pub async fn import(
    instansi_id: Uuid,
    mode: ImportMode,
    file: &web_sys::File,
    progress: Progress,
) -> Result<ImportReport, ApiError> {
    let form = client::file_form(file)?;
    client::upload(
        Call::post_empty("/employees/import").query(&[
            ("instansi_id", Some(instansi_id.to_string())),
            ("mode", Some(mode.as_str().to_owned())),
        ]),
        &form,
        progress,
    )
    .await
}
