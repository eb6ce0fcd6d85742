//! The signed-in area: the route guard, then the header, sidebar and page outlet.

use kinerja_api::auth::{CurrentUser, Permission};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::{A, Outlet, Redirect};
use leptos_router::hooks::use_location;

use super::{FullPageLoading, LangSwitch};
use crate::i18n::{Key, tr, use_i18n};
use crate::labels::roles_line;
use crate::state::auth::{SignedOutReason, Status, use_auth};

/// Guards its child routes: waits for the session restore, sends anonymous visitors to
/// `/masuk?kembali=<here>`, and otherwise shows the app frame.
#[component]
pub fn Shell() -> impl IntoView {
    let auth = use_auth();
    let location = use_location();
    // Only the coarse status is tracked: navigating inside the area must not re-run the guard.
    move || match auth.status() {
        Status::Restoring => view! { <FullPageLoading label=Key::RestoringSession/> }.into_any(),
        Status::SignedOut(reason) => {
            // `search` comes without its "?" (leptos_router 0.8).
            let search = location.search.get_untracked();
            let here = match search.trim_start_matches('?') {
                "" => location.pathname.get_untracked(),
                query => format!("{}?{query}", location.pathname.get_untracked()),
            };
            let path = if reason == SignedOutReason::Logout || here == "/" {
                "/masuk".to_owned()
            } else {
                format!(
                    "/masuk?kembali={}",
                    String::from(js_sys::encode_uri_component(&here))
                )
            };
            let options = NavigateOptions {
                replace: true,
                ..NavigateOptions::default()
            };
            view! { <Redirect path=path options=options/> }.into_any()
        }
        Status::SignedIn => view! { <SignedInArea/> }.into_any(),
    }
}

/// The app frame, or only the password change while the account holds a one-time password
/// (the server refuses every other call until then).
#[component]
fn SignedInArea() -> impl IntoView {
    let auth = use_auth();
    let must_change = Memo::new(move |_| auth.user().is_some_and(|u| u.harus_ganti_password));
    move || {
        if must_change.get() {
            view! { <crate::pages::ForcedPasswordChange/> }.into_any()
        } else {
            view! { <Frame/> }.into_any()
        }
    }
}

/// Where a sidebar link sits. People with administrative menus (the HR office, the auditor)
/// see the groups as collapsible sections so that nothing sits below the fold at 768 px;
/// everyone else sees one short flat list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    /// The person's own pages, always shown first and never collapsed.
    Pribadi,
    Penilaian,
    Organisasi,
    Pegawai,
    Pengembangan,
    Sistem,
}

impl Group {
    const COLLAPSIBLE: [Group; 5] = [
        Group::Organisasi,
        Group::Pegawai,
        Group::Penilaian,
        Group::Pengembangan,
        Group::Sistem,
    ];

    fn label(self) -> Key {
        match self {
            Group::Pribadi => Key::NavHome,
            Group::Penilaian => Key::NavGroupPenilaian,
            Group::Organisasi => Key::NavGroupOrganisasi,
            Group::Pegawai => Key::NavGroupPegawai,
            Group::Pengembangan => Key::NavGroupPengembangan,
            Group::Sistem => Key::NavGroupSistem,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Group::Pribadi => "nav-pribadi",
            Group::Penilaian => "nav-penilaian",
            Group::Organisasi => "nav-organisasi",
            Group::Pegawai => "nav-pegawai",
            Group::Pengembangan => "nav-pengembangan",
            Group::Sistem => "nav-sistem",
        }
    }
}

/// What a link needs beyond a permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Needs {
    Nothing,
    /// An employee record linked to the account (own SKP, realisasi, evaluation).
    Employee,
    /// Someone to rate or oversee (`CurrentUser::punya_bawahan`).
    Subordinates,
}

/// A sidebar link, shown only with `permission` (if any) and what it `needs`.
struct NavItem {
    href: &'static str,
    label: Key,
    icon: &'static str,
    permission: Option<Permission>,
    needs: Needs,
    group: Group,
}

const NAV: [NavItem; 25] = [
    NavItem {
        href: "/",
        label: Key::NavHome,
        icon: "icon--home",
        permission: None,
        needs: Needs::Nothing,
        group: Group::Pribadi,
    },
    NavItem {
        href: "/skp",
        label: Key::NavSkpMine,
        icon: "icon--skp",
        permission: None,
        needs: Needs::Employee,
        group: Group::Pribadi,
    },
    NavItem {
        href: "/skp/bawahan",
        label: Key::NavSkpInbox,
        icon: "icon--inbox",
        permission: None,
        needs: Needs::Subordinates,
        group: Group::Penilaian,
    },
    NavItem {
        href: "/realisasi",
        label: Key::NavRealisasiMine,
        icon: "icon--chart",
        permission: None,
        needs: Needs::Employee,
        group: Group::Pribadi,
    },
    NavItem {
        href: "/realisasi/bawahan",
        label: Key::NavRealisasiBawahan,
        icon: "icon--check",
        permission: None,
        needs: Needs::Subordinates,
        group: Group::Penilaian,
    },
    NavItem {
        href: "/evaluasi",
        label: Key::NavEvaluasiMine,
        icon: "icon--skp",
        permission: None,
        needs: Needs::Employee,
        group: Group::Pribadi,
    },
    NavItem {
        href: "/evaluasi/bawahan",
        label: Key::NavEvaluasiBawahan,
        icon: "icon--check",
        permission: None,
        needs: Needs::Subordinates,
        group: Group::Penilaian,
    },
    NavItem {
        href: "/dasbor",
        label: Key::NavDasbor,
        icon: "icon--chart",
        permission: Some(Permission::ReadUnitDashboards),
        needs: Needs::Nothing,
        group: Group::Penilaian,
    },
    NavItem {
        href: "/evaluasi/organisasi",
        label: Key::NavPredikatOrganisasi,
        icon: "icon--chart",
        permission: Some(Permission::ReadUnitDashboards),
        needs: Needs::Nothing,
        group: Group::Penilaian,
    },
    NavItem {
        href: "/referensi-penilaian",
        label: Key::NavReferensi,
        icon: "icon--check",
        permission: Some(Permission::ManageOrganisation),
        needs: Needs::Nothing,
        group: Group::Penilaian,
    },
    NavItem {
        href: "/organisasi",
        label: Key::NavOrganisation,
        icon: "icon--org",
        permission: None,
        needs: Needs::Nothing,
        group: Group::Organisasi,
    },
    NavItem {
        href: "/skm",
        label: Key::NavSkm,
        icon: "icon--chart",
        permission: None,
        needs: Needs::Nothing,
        group: Group::Organisasi,
    },
    NavItem {
        href: "/pengumuman",
        label: Key::NavPengumuman,
        icon: "icon--bell",
        permission: Some(Permission::ReadUnitDashboards),
        needs: Needs::Nothing,
        group: Group::Organisasi,
    },
    NavItem {
        href: "/pegawai",
        label: Key::NavEmployees,
        icon: "icon--people",
        permission: None,
        needs: Needs::Nothing,
        group: Group::Pegawai,
    },
    NavItem {
        href: "/pegawai/impor",
        label: Key::NavImport,
        icon: "icon--import",
        permission: Some(Permission::ManageOrganisation),
        needs: Needs::Nothing,
        group: Group::Pegawai,
    },
    NavItem {
        href: "/pengguna",
        label: Key::NavUsers,
        icon: "icon--users",
        permission: Some(Permission::ManageUsers),
        needs: Needs::Nothing,
        group: Group::Pegawai,
    },
    NavItem {
        href: "/pengembangan",
        label: Key::NavPengembangan,
        icon: "icon--chart",
        permission: None,
        needs: Needs::Employee,
        group: Group::Pribadi,
    },
    NavItem {
        href: "/pengembangan/tim",
        label: Key::NavPengembanganTim,
        icon: "icon--people",
        permission: None,
        needs: Needs::Subordinates,
        group: Group::Penilaian,
    },
    NavItem {
        href: "/pengembangan/talenta",
        label: Key::NavTalenta,
        icon: "icon--people",
        permission: Some(Permission::ReadUnitDashboards),
        needs: Needs::Nothing,
        group: Group::Pengembangan,
    },
    NavItem {
        href: "/pengembangan/kepegawaian",
        label: Key::NavPengembanganHr,
        icon: "icon--check",
        permission: Some(Permission::ManageOrganisation),
        needs: Needs::Nothing,
        group: Group::Pengembangan,
    },
    NavItem {
        href: "/pengembangan/rencana",
        label: Key::NavPengembanganRencana,
        icon: "icon--chart",
        permission: Some(Permission::ReadUnitDashboards),
        needs: Needs::Nothing,
        group: Group::Pengembangan,
    },
    NavItem {
        href: "/profil",
        label: Key::NavProfile,
        icon: "icon--profile",
        permission: None,
        needs: Needs::Nothing,
        group: Group::Pribadi,
    },
    NavItem {
        href: "/klien-api",
        label: Key::NavApiClients,
        icon: "icon--import",
        permission: Some(Permission::ManageUsers),
        needs: Needs::Nothing,
        group: Group::Sistem,
    },
    NavItem {
        href: "/audit",
        label: Key::NavAudit,
        icon: "icon--audit",
        permission: Some(Permission::ReadAudit),
        needs: Needs::Nothing,
        group: Group::Sistem,
    },
    NavItem {
        href: "/sistem",
        label: Key::NavSistem,
        icon: "icon--check",
        permission: Some(Permission::ManageUsers),
        needs: Needs::Nothing,
        group: Group::Sistem,
    },
];

/// Whether `user` can use `item`.
fn shows(item: &NavItem, user: &CurrentUser) -> bool {
    item.permission.is_none_or(|p| user.can(p))
        && match item.needs {
            Needs::Nothing => true,
            Needs::Employee => user.employee_id.is_some(),
            Needs::Subordinates => user.punya_bawahan,
        }
}

/// Administrative menus make the list long enough to group.
fn grouped(user: &CurrentUser) -> bool {
    [
        Permission::ManageOrganisation,
        Permission::ManageUsers,
        Permission::ReadAudit,
    ]
    .into_iter()
    .any(|p| user.can(p))
}

/// The link whose address is the longest prefix of `path` (so `/pegawai/123` belongs to
/// Pegawai, not to Beranda).
fn current_item(path: &str) -> Option<&'static NavItem> {
    NAV.iter()
        .filter(|item| {
            path == item.href
                || (item.href != "/"
                    && path
                        .strip_prefix(item.href)
                        .is_some_and(|rest| rest.starts_with('/')))
        })
        .max_by_key(|item| item.href.len())
}

fn nav_link(item: &'static NavItem) -> impl IntoView {
    let icon = format!("icon {}", item.icon);
    view! {
        <li>
            <A href=item.href attr:class="nav__link" exact=true>
                <span class=icon aria-hidden="true"></span>
                <span>{tr(item.label)}</span>
            </A>
        </li>
    }
}

/// The sidebar's links for `user`: a flat list, or the own pages then one collapsible section
/// per group (`<details>`: keyboard operable without script), the current page's group open.
#[component]
fn NavLinks(user: CurrentUser) -> impl IntoView {
    let location = use_location();
    let items: Vec<&'static NavItem> = NAV.iter().filter(|item| shows(item, &user)).collect();
    if !grouped(&user) {
        return view! { <ul class="nav">{items.into_iter().map(nav_link).collect_view()}</ul> }
            .into_any();
    }
    let current_group = Memo::new(move |_| {
        location
            .pathname
            .with(|path| current_item(path).map(|item| item.group))
    });
    let own: Vec<_> = items
        .iter()
        .copied()
        .filter(|item| item.group == Group::Pribadi)
        .map(nav_link)
        .collect();
    let sections = Group::COLLAPSIBLE
        .into_iter()
        .filter_map(|group| {
            let links: Vec<_> = items
                .iter()
                .copied()
                .filter(|item| item.group == group)
                .map(nav_link)
                .collect();
            (!links.is_empty()).then(|| {
                view! {
                    <li class="nav__group">
                        <details
                            id=group.id()
                            prop:open=move || current_group.get() == Some(group)
                        >
                            <summary class="nav__link nav__summary">
                                <span>{tr(group.label())}</span>
                                <span class="nav__chevron" aria-hidden="true"></span>
                            </summary>
                            <ul class="nav nav--nested">{links}</ul>
                        </details>
                    </li>
                }
            })
        })
        .collect_view();
    view! { <ul class="nav nav--grouped">{own}{sections}</ul> }.into_any()
}

/// Bumped after notifications were marked as read, so that the bell counts again.
#[derive(Debug, Clone, Copy)]
pub struct NotificationsChanged(pub RwSignal<u64>);

/// The bell in the header: a link to `/notifikasi` with the unread count, counted when the
/// frame mounts, after notifications were read, and every minute (not on each navigation:
/// pages own their requests).
#[component]
fn NotificationBell() -> impl IntoView {
    let i18n = use_i18n();
    let changed = expect_context::<NotificationsChanged>();
    if let Ok(timer) = set_interval_with_handle(
        move || changed.0.update(|n| *n += 1),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || timer.clear());
    }
    let unread = crate::components::background(move || {
        let _bump = changed.0.get();
        async move {
            crate::api::notifications::list(true)
                .await
                .map_or(0, |p| p.belum_dibaca)
        }
    });
    let count = move || unread.get().unwrap_or(0);
    let label = move || {
        let n = count();
        if n == 0 {
            i18n.t(Key::NotificationsTitle).to_owned()
        } else {
            format!(
                "{} ({})",
                i18n.t(Key::NotificationsTitle),
                crate::i18n::fill(i18n.t(Key::UnreadCount), &[("n", &n.to_string())])
            )
        }
    };
    view! {
        <A href="/notifikasi" attr:class="bell" attr:aria-label=label attr:title=label>
            <span class="icon icon--bell" aria-hidden="true"></span>
            {move || {
                let n = count();
                (n > 0).then(|| view! { <span class="bell__count" aria-hidden="true">{n}</span> })
            }}
        </A>
    }
}

#[component]
fn Frame() -> impl IntoView {
    provide_context(NotificationsChanged(RwSignal::new(0)));
    let auth = use_auth();
    let i18n = use_i18n();
    let location = use_location();
    let menu_open = RwSignal::new(false);
    let signing_out = RwSignal::new(false);

    // Close the phone menu after each navigation.
    Effect::new(move |_| {
        // Read with `.get()`: with `.track()` alone this effect did not re-run on navigation
        // (leptos 0.8.23).
        let _path = location.pathname.get();
        menu_open.set(false);
    });

    let name = move || auth.user().map(|u| u.full_name).unwrap_or_default();
    let roles = move || {
        auth.user()
            .map(|u| roles_line(i18n.lang(), &u.roles))
            .unwrap_or_default()
    };
    let sign_out = move |_| {
        signing_out.set(true);
        spawn_local(async move { auth.sign_out().await });
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            super::field::focus("menu-toggle");
        }
    };
    let logout_label = move || {
        if signing_out.get() {
            i18n.t(Key::SigningOut)
        } else {
            i18n.t(Key::SignOut)
        }
    };

    // Rebuilt only when the flags that decide the menu change, not on each token renewal.
    let menu_user = Memo::new(move |_| {
        auth.user().map(|u| {
            (
                u.permissions.clone(),
                u.employee_id.is_some(),
                u.punya_bawahan,
            )
        })
    });
    let links = move || {
        menu_user.track();
        auth.user_untracked()
            .map(|user| view! { <NavLinks user=user/> })
    };

    view! {
        <div class="app" on:keydown=on_keydown>
            <a class="skip-link" href="#konten">
                {tr(Key::SkipToContent)}
            </a>
            <header class="topbar">
                <button
                    type="button"
                    id="menu-toggle"
                    class="topbar__menu"
                    aria-controls="sidebar"
                    aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                    on:click=move |_| menu_open.update(|open| *open = !*open)
                >
                    <span class="icon icon--menu" aria-hidden="true"></span>
                    <span>{tr(Key::Menu)}</span>
                </button>
                <A href="/" attr:class="brand">
                    <span class="logo-mark" aria-hidden="true">"K"</span>
                    <span class="brand__text">
                        <span class="brand__name">{tr(Key::AppName)}</span>
                        <span class="brand__tagline">{tr(Key::AppTagline)}</span>
                    </span>
                </A>
                <div class="topbar__actions">
                    <NotificationBell/>
                    <LangSwitch class="lang-switch--dark"/>
                    <div class="user-chip">
                        <span class="avatar" aria-hidden="true">
                            {move || initials(&name())}
                        </span>
                        <span class="user-chip__text">
                            <span class="user-chip__name">{name}</span>
                            <span class="user-chip__role">{roles}</span>
                        </span>
                    </div>
                    <button
                        type="button"
                        class="btn btn--on-dark topbar__logout"
                        on:click=sign_out
                        disabled=move || signing_out.get()
                    >
                        {logout_label}
                    </button>
                </div>
            </header>
            <div class="app__body">
                <nav
                    id="sidebar"
                    class="sidebar"
                    class:is-open=move || menu_open.get()
                    aria-label=tr(Key::MainNavigation)
                >
                    <div class="sidebar__user">
                        <span class="user-chip__name">{name}</span>
                        <span class="user-chip__role">{roles}</span>
                    </div>
                    {links}
                    <button
                        type="button"
                        class="btn btn--secondary sidebar__logout"
                        on:click=sign_out
                        disabled=move || signing_out.get()
                    >
                        {logout_label}
                    </button>
                </nav>
                <div
                    class="sidebar-backdrop"
                    class:is-open=move || menu_open.get()
                    aria-hidden="true"
                    on:click=move |_| menu_open.set(false)
                ></div>
                <main id="konten" class="content" tabindex="-1">
                    <super::pengumuman::AnnouncementBanner/>
                    <Outlet/>
                </main>
            </div>
        </div>
    }
}

/// Up to two initials for the avatar, skipping academic titles after a comma.
fn initials(full_name: &str) -> String {
    full_name
        .split(',')
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_alphabetic())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_skip_titles() {
        assert_eq!(initials("Siti Rahmawati, S.E."), "SR");
        assert_eq!(initials("administrator"), "A");
        assert_eq!(initials(""), "");
    }
}
