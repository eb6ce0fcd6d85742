//! Every permission decision, in one place, with unit tests.
//!
//! Roles grant permissions; handlers ask for a permission (through
//! [`crate::auth::RequirePermission`]) or call these functions, never compare roles themselves.

use kinerja_api::auth::{Permission, Role};

/// The permissions granted by a set of roles (sorted, without duplicates).
pub fn permissions_for(roles: &[Role]) -> Vec<Permission> {
    let mut permissions = vec![Permission::ManageOwnProfile];
    for role in roles {
        permissions.extend_from_slice(match role {
            Role::Pegawai => &[],
            Role::Pimpinan => &[Permission::ReadUnitDashboards],
            Role::Auditor => &[Permission::ReadAudit, Permission::ReadAllEmployees],
            Role::Admin => &[
                Permission::ManageUsers,
                Permission::ReadAudit,
                Permission::ReadUnitDashboards,
                Permission::ManageOrganisation,
                Permission::ReadAllEmployees,
            ],
            Role::Superadmin => &[
                Permission::ManageUsers,
                Permission::GrantAdminRoles,
                Permission::ReadAudit,
                Permission::ReadUnitDashboards,
                Permission::ManageOrganisation,
                Permission::ReadAllEmployees,
            ],
        });
    }
    permissions.sort();
    permissions.dedup();
    permissions
}

pub fn can(roles: &[Role], permission: Permission) -> bool {
    permissions_for(roles).contains(&permission)
}

/// Roles whose holders can change other people's access; only a superadmin grants or revokes them.
fn is_privileged(role: Role) -> bool {
    matches!(role, Role::Admin | Role::Superadmin)
}

/// Whether `actor` may change a user's roles from `before` to `after`.
pub fn can_change_roles(actor: &[Role], before: &[Role], after: &[Role]) -> bool {
    if !can(actor, Permission::ManageUsers) {
        return false;
    }
    let touches_privileged = before
        .iter()
        .chain(after)
        .filter(|r| is_privileged(**r))
        .any(|r| before.contains(r) != after.contains(r));
    !touches_privileged || can(actor, Permission::GrantAdminRoles)
}

/// Who may see an employee's full record (others get the directory view: name, NIP, position,
/// unit). `target_in_subtree` says whether the employee works in the unit subtree the actor
/// leads.
pub fn can_view_full_employee(actor: &[Role], is_self: bool, target_in_subtree: bool) -> bool {
    is_self
        || can(actor, Permission::ReadAllEmployees)
        || (can(actor, Permission::ReadUnitDashboards) && target_in_subtree)
}

/// Whether an account only reads: it holds reading roles only (auditor, pimpinan) and is no
/// employee, so no SKP, rating or upload is ever its own to write.
pub fn is_read_only(roles: &[Role], is_employee: bool) -> bool {
    !is_employee
        && !roles.is_empty()
        && roles
            .iter()
            .all(|r| matches!(r, Role::Auditor | Role::Pimpinan))
}

/// Whether `actor` may edit (or deactivate) the account of a user holding `target` roles:
/// an admin cannot lock out a superadmin or another admin.
pub fn can_manage_user(actor: &[Role], target: &[Role]) -> bool {
    can(actor, Permission::ManageUsers)
        && (!target.iter().any(|r| is_privileged(*r)) || can(actor, Permission::GrantAdminRoles))
}

/// What a viewer may do with one citizen satisfaction survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AksesSurvei {
    /// Create, edit, open, close, read the responses.
    Kelola,
    /// Read the survey and its result only.
    Baca,
}

/// Access to a survey: the HR office for every unit and the head of the survey's unit manage
/// it; everyone else reads it once it is published, and cannot even see it before (`None`).
pub fn akses_survei(roles: &[Role], heads_unit: bool, published: bool) -> Option<AksesSurvei> {
    if can(roles, Permission::ManageOrganisation) || heads_unit {
        Some(AksesSurvei::Kelola)
    } else if published {
        Some(AksesSurvei::Baca)
    } else {
        None
    }
}

/// Voiding a survey response is the HR office's alone: the result is the unit head's own
/// indicator.
pub fn can_void_survey_response(roles: &[Role]) -> bool {
    can(roles, Permission::ManageOrganisation)
}

/// Who a viewer is to the employee whose development data (needs, records, JP) is asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HubunganPengembangan {
    pub sendiri: bool,
    /// The viewer is the employee's PPKin today.
    pub ppkin: bool,
    /// The employee works in the unit subtree the viewer leads as pimpinan.
    pub dalam_subtree: bool,
}

/// What a viewer may do with one employee's development data; `None` means it stays hidden.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AksesPengembangan {
    /// Propose a need (the employee, the PPKin).
    pub usul: bool,
    /// Agree or reject a need (the PPKin, never for themself).
    pub putus: bool,
    /// Record an activity (the employee; the HR office for anyone).
    pub catat: bool,
    /// Verify or reject a record (the HR office, never their own).
    pub verifikasi: bool,
}

/// The one access rule of development data: the employee, their PPKin, the HR office and the
/// pimpinan of their unit (and readers of every employee) read it; nobody else sees it.
pub fn akses_pengembangan(roles: &[Role], h: HubunganPengembangan) -> Option<AksesPengembangan> {
    let hr = can(roles, Permission::ManageOrganisation);
    let baca = h.sendiri
        || h.ppkin
        || hr
        || can(roles, Permission::ReadAllEmployees)
        || (can(roles, Permission::ReadUnitDashboards) && h.dalam_subtree);
    baca.then_some(AksesPengembangan {
        usul: h.sendiri || h.ppkin,
        putus: h.ppkin && !h.sendiri,
        catat: h.sendiri || hr,
        verifikasi: hr && !h.sendiri,
    })
}

/// What a viewer may do with an instansi's yearly development plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AksesRencanaPengembangan {
    /// Draft it: consolidate the needs, edit items, start the next version (the HR office).
    pub kelola: bool,
    /// Set it (penetapan): the pimpinan heading the instansi, or a superadmin.
    pub tetapkan: bool,
    /// Every unit of the instansi; otherwise only the units of the viewer's subtree.
    pub semua_unit: bool,
}

/// Access to an instansi's development plan (PP 11/2017 Pasal 205–207: drafted by the HR
/// office, set by the PPK/pimpinan). `heads_instansi`: the viewer's subtree holds the
/// instansi's root unit; `leads_units_in_instansi`: it holds any unit of the instansi.
/// `None`: the viewer may not see it at all.
pub fn akses_rencana_pengembangan(
    roles: &[Role],
    heads_instansi: bool,
    leads_units_in_instansi: bool,
) -> Option<AksesRencanaPengembangan> {
    let pimpinan = roles.contains(&Role::Pimpinan);
    let tetapkan = roles.contains(&Role::Superadmin) || (pimpinan && heads_instansi);
    if can(roles, Permission::ManageOrganisation) {
        Some(AksesRencanaPengembangan {
            kelola: true,
            tetapkan,
            semua_unit: true,
        })
    } else if pimpinan && leads_units_in_instansi {
        Some(AksesRencanaPengembangan {
            kelola: false,
            tetapkan,
            semua_unit: heads_instansi,
        })
    } else {
        None
    }
}

/// Guides (panduan, docs/panduan.md) are written by the HR office; everyone signed in reads
/// them.
pub fn can_edit_panduan(roles: &[Role]) -> bool {
    can(roles, Permission::ManageOrganisation)
}

/// What a viewer may do with announcements (issue #19, docs/pengumuman.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AksesPengumuman {
    /// Write to everyone, any unit or a role, and manage every announcement of the instansi
    /// (the HR office); otherwise only to a unit one leads, and only one's own.
    pub semua_sasaran: bool,
}

/// The HR office announces to anyone; a pimpinan to the units they lead (`leads_units`);
/// nobody else writes announcements (everyone reads those meant for them).
pub fn akses_pengumuman(roles: &[Role], leads_units: bool) -> Option<AksesPengumuman> {
    if can(roles, Permission::ManageOrganisation) {
        Some(AksesPengumuman {
            semua_sasaran: true,
        })
    } else if roles.contains(&Role::Pimpinan) && leads_units {
        Some(AksesPengumuman {
            semua_sasaran: false,
        })
    } else {
        None
    }
}

/// How much of the talent grid (boxes with counts and names) a viewer sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LingkupTalenta {
    /// The HR office: every unit of the instansi.
    Instansi,
    /// A pimpinan: the units they lead and everything below.
    Subtree,
}

/// Talent data is the HR office's and the pimpinan's (their subtree only); an auditor or an
/// employee sees no one's box (an employee sees only their own, through
/// [`can_read_potensi`]).
pub fn lingkup_talenta(roles: &[Role]) -> Option<LingkupTalenta> {
    if can(roles, Permission::ManageOrganisation) {
        Some(LingkupTalenta::Instansi)
    } else if can(roles, Permission::ReadUnitDashboards) {
        Some(LingkupTalenta::Subtree)
    } else {
        None
    }
}

/// An employee's potential (and own box): the HR office always; the employee themself only
/// when their instansi turns that on; nobody else, whatever their rank.
pub fn can_read_potensi(roles: &[Role], is_self: bool, shown_to_employee: bool) -> bool {
    can(roles, Permission::ManageOrganisation) || (is_self && shown_to_employee)
}

/// Recording potential, editing the nine boxes and the setting, marking key positions and
/// their candidates: the HR office only.
pub fn can_manage_talenta(roles: &[Role]) -> bool {
    can(roles, Permission::ManageOrganisation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;
    use Role::*;

    #[test]
    fn every_signed_in_user_manages_their_own_profile() {
        for role in Role::ALL {
            assert!(can(&[role], ManageOwnProfile), "{role:?}");
        }
        assert!(can(&[], ManageOwnProfile));
    }

    #[test]
    fn role_permission_matrix() {
        let cases: &[(Role, &[Permission], &[Permission])] = &[
            (
                Pegawai,
                &[],
                &[ManageUsers, ReadAudit, ReadUnitDashboards, GrantAdminRoles],
            ),
            (
                Pimpinan,
                &[ReadUnitDashboards],
                &[ManageUsers, ReadAudit, GrantAdminRoles],
            ),
            (
                Auditor,
                &[ReadAudit],
                &[ManageUsers, ReadUnitDashboards, GrantAdminRoles],
            ),
            (
                Admin,
                &[ManageUsers, ReadAudit, ReadUnitDashboards],
                &[GrantAdminRoles],
            ),
            (
                Superadmin,
                &[ManageUsers, ReadAudit, ReadUnitDashboards, GrantAdminRoles],
                &[],
            ),
        ];
        for (role, allowed, denied) in cases {
            for p in *allowed {
                assert!(can(&[*role], *p), "{role:?} should have {p:?}");
            }
            for p in *denied {
                assert!(!can(&[*role], *p), "{role:?} must not have {p:?}");
            }
        }
    }

    #[test]
    fn roles_combine() {
        assert_eq!(
            permissions_for(&[Pimpinan, Auditor]),
            vec![
                ManageOwnProfile,
                ReadAudit,
                ReadUnitDashboards,
                ReadAllEmployees
            ]
        );
    }

    #[test]
    fn only_superadmin_grants_or_revokes_admin_roles() {
        assert!(can_change_roles(&[Admin], &[Pegawai], &[Pegawai, Pimpinan]));
        assert!(!can_change_roles(&[Admin], &[Pegawai], &[Pegawai, Admin]));
        assert!(!can_change_roles(&[Admin], &[Admin], &[Pegawai]));
        assert!(can_change_roles(&[Superadmin], &[Pegawai], &[Admin]));
        assert!(!can_change_roles(
            &[Pimpinan],
            &[Pegawai],
            &[Pegawai, Auditor]
        ));
        // Keeping an existing admin role while adding another role is not a privilege change.
        assert!(can_change_roles(&[Admin], &[Admin], &[Admin, Pimpinan]));
    }

    #[test]
    fn employee_privacy_rules() {
        assert!(
            can_view_full_employee(&[Pegawai], true, false),
            "own record"
        );
        assert!(
            !can_view_full_employee(&[Pegawai], false, true),
            "colleague: directory only"
        );
        assert!(
            can_view_full_employee(&[Pimpinan], false, true),
            "pimpinan: own subtree"
        );
        assert!(
            !can_view_full_employee(&[Pimpinan], false, false),
            "pimpinan: other units"
        );
        assert!(can_view_full_employee(&[Auditor], false, false));
        assert!(can_view_full_employee(&[Admin], false, false));
    }

    #[test]
    fn reading_roles_without_an_employee_record_only_read() {
        assert!(is_read_only(&[Auditor], false));
        assert!(is_read_only(&[Auditor, Pimpinan], false));
        assert!(!is_read_only(&[Auditor], true), "an auditor's own SKP");
        assert!(!is_read_only(&[Auditor, Pegawai], false));
        assert!(!is_read_only(&[Pimpinan, Admin], false));
        assert!(!is_read_only(&[], false));
    }

    #[test]
    fn admins_cannot_manage_privileged_accounts() {
        assert!(can_manage_user(&[Admin], &[Pegawai]));
        assert!(!can_manage_user(&[Admin], &[Admin]));
        assert!(!can_manage_user(&[Admin], &[Superadmin]));
        assert!(can_manage_user(&[Superadmin], &[Admin]));
        assert!(!can_manage_user(&[Auditor], &[Pegawai]));
    }

    #[test]
    fn surveys_are_managed_by_the_hr_office_and_the_unit_head() {
        use AksesSurvei::{Baca, Kelola};
        assert_eq!(akses_survei(&[Admin], false, false), Some(Kelola));
        assert_eq!(akses_survei(&[Pegawai], true, false), Some(Kelola));
        assert_eq!(akses_survei(&[Pegawai], false, false), None);
        assert_eq!(akses_survei(&[Pimpinan, Auditor], false, false), None);
        assert_eq!(akses_survei(&[Pegawai], false, true), Some(Baca));
        assert!(can_void_survey_response(&[Admin]));
        assert!(!can_void_survey_response(&[Pegawai, Pimpinan]));
    }

    #[test]
    fn development_data_is_for_the_employee_the_ppkin_the_hr_office_and_the_unit_head() {
        let nobody = HubunganPengembangan::default();
        let sendiri = HubunganPengembangan {
            sendiri: true,
            ..nobody
        };
        let ppkin = HubunganPengembangan {
            ppkin: true,
            ..nobody
        };
        let subtree = HubunganPengembangan {
            dalam_subtree: true,
            ..nobody
        };
        assert_eq!(akses_pengembangan(&[Pegawai], nobody), None);
        assert_eq!(akses_pengembangan(&[Pimpinan], nobody), None);
        assert_eq!(akses_pengembangan(&[Pegawai], subtree), None);
        let own = akses_pengembangan(&[Pegawai], sendiri).unwrap();
        assert!(own.usul && own.catat && !own.putus && !own.verifikasi);
        let rater = akses_pengembangan(&[Pegawai], ppkin).unwrap();
        assert!(rater.usul && rater.putus && !rater.catat && !rater.verifikasi);
        let head = akses_pengembangan(&[Pimpinan], subtree).unwrap();
        assert_eq!(head, AksesPengembangan::default());
        let hr = akses_pengembangan(&[Admin], nobody).unwrap();
        assert!(hr.catat && hr.verifikasi && !hr.usul && !hr.putus);
        let hr_self = akses_pengembangan(&[Admin, Pegawai], sendiri).unwrap();
        assert!(!hr_self.verifikasi, "nobody verifies their own record");
        assert_eq!(
            akses_pengembangan(&[Auditor], nobody),
            Some(AksesPengembangan::default())
        );
    }

    #[test]
    fn development_plans_are_drafted_by_the_hr_office_and_set_by_the_head_of_the_instansi() {
        let hr = akses_rencana_pengembangan(&[Admin], false, false).unwrap();
        assert!(hr.kelola && hr.semua_unit && !hr.tetapkan);
        let sa = akses_rencana_pengembangan(&[Superadmin], false, false).unwrap();
        assert!(sa.kelola && sa.tetapkan);
        let kepala = akses_rencana_pengembangan(&[Pimpinan, Pegawai], true, true).unwrap();
        assert!(!kepala.kelola && kepala.tetapkan && kepala.semua_unit);
        let camat = akses_rencana_pengembangan(&[Pimpinan, Pegawai], false, true).unwrap();
        assert!(!camat.kelola && !camat.tetapkan && !camat.semua_unit);
        assert_eq!(akses_rencana_pengembangan(&[Pimpinan], false, false), None);
        assert_eq!(akses_rencana_pengembangan(&[Pegawai], true, true), None);
        assert_eq!(akses_rencana_pengembangan(&[Auditor], false, false), None);
    }

    #[test]
    fn talent_data_is_the_hr_offices_and_the_pimpinans_subtree() {
        assert_eq!(lingkup_talenta(&[Admin]), Some(LingkupTalenta::Instansi));
        assert_eq!(lingkup_talenta(&[Pimpinan]), Some(LingkupTalenta::Subtree));
        assert_eq!(lingkup_talenta(&[Pegawai]), None);
        assert_eq!(lingkup_talenta(&[Auditor]), None);
        assert_eq!(
            lingkup_talenta(&[Auditor, Pimpinan]),
            Some(LingkupTalenta::Subtree)
        );

        assert!(can_read_potensi(&[Admin], false, false));
        assert!(can_read_potensi(&[Pegawai], true, true));
        assert!(!can_read_potensi(&[Pegawai], true, false), "setting off");
        assert!(!can_read_potensi(&[Pegawai], false, true), "someone else's");
        assert!(!can_read_potensi(&[Pimpinan], false, true));
        assert!(!can_read_potensi(&[Auditor], false, true));

        assert!(can_manage_talenta(&[Admin]));
        assert!(!can_manage_talenta(&[Pimpinan, Auditor]));
    }
}
