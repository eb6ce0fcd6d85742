//! `/organisasi`: the unit tree with employee counts, a search that filters and highlights,
//! and links to each unit's employees.

use std::collections::{HashMap, HashSet};

use kinerja_api::organisation::UnitNode;
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::api;
use crate::components::{Choice, Loader, PageHeader, built, load};
use crate::i18n::{I18n, Key, fill, tr, use_i18n};
use crate::labels;

/// Units expanded when the page opens: the top two levels (instansi and its main units).
const OPEN_DEPTH: usize = 2;

/// The unit tree page.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let tree = Box::new(|| {
        load(async {
            let roots = api::organisation::unit_tree().await?;
            Ok(built(move || view! { <UnitTree roots=roots.clone()/> }))
        })
    });
    view! {
        <PageHeader title=Key::OrgTitle intro=Key::OrgIntro panduan="buka-periode"/>
        <Loader load=tree/>
    }
}

/// Employees of a unit and all units below it, by unit.
fn subtree_totals(nodes: &[UnitNode], into: &mut HashMap<Uuid, u64>) -> u64 {
    nodes
        .iter()
        .map(|node| {
            let total = node.jumlah_pegawai + subtree_totals(&node.children, into);
            into.insert(node.unit.id, total);
            total
        })
        .sum()
}

/// Every unit with children down to `depth` levels (`usize::MAX` for all).
fn parents(nodes: &[UnitNode], depth: usize, into: &mut HashSet<Uuid>) {
    if depth == 0 {
        return;
    }
    for node in nodes.iter().filter(|n| !n.children.is_empty()) {
        into.insert(node.unit.id);
        parents(&node.children, depth - 1, into);
    }
}

/// Whether a unit name contains the (lower-case) search text.
fn name_matches(name: &str, needle: &str) -> bool {
    needle.is_empty() || name.to_lowercase().contains(needle)
}

/// The units that match `needle` or have a matching unit below them; fills `open` with the
/// units to expand so that every match is visible. Returns the number of matches.
fn visible(
    nodes: &[UnitNode],
    needle: &str,
    keep: &mut HashSet<Uuid>,
    open: &mut HashSet<Uuid>,
) -> usize {
    let mut matches = 0;
    for node in nodes {
        let below = visible(&node.children, needle, keep, open);
        let own = name_matches(&node.unit.nama, needle);
        if own || below > 0 {
            keep.insert(node.unit.id);
        }
        if below > 0 {
            open.insert(node.unit.id);
        }
        matches += below + usize::from(own);
    }
    matches
}

/// The units as `<option>`s, indented by depth, in tree order (for unit filters).
pub(crate) fn unit_choices(nodes: &[UnitNode]) -> Vec<Choice> {
    fn walk(nodes: &[UnitNode], depth: usize, out: &mut Vec<Choice>) {
        for node in nodes {
            let indent = "\u{a0}\u{a0}\u{a0}".repeat(depth);
            out.push((
                node.unit.id.to_string(),
                format!("{indent}{}", node.unit.nama),
            ));
            walk(&node.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(nodes, 0, &mut out);
    out
}

/// What every node of one rendering needs.
#[derive(Clone, Copy)]
struct TreeState {
    i18n: I18n,
    expanded: RwSignal<HashSet<Uuid>>,
    totals: StoredValue<HashMap<Uuid, u64>>,
}

#[component]
fn UnitTree(roots: Vec<UnitNode>) -> impl IntoView {
    let i18n = use_i18n();
    let mut totals = HashMap::new();
    subtree_totals(&roots, &mut totals);
    let mut initial = HashSet::new();
    parents(&roots, OPEN_DEPTH, &mut initial);
    let mut everything = HashSet::new();
    parents(&roots, usize::MAX, &mut everything);
    let state = TreeState {
        i18n,
        expanded: RwSignal::new(initial.clone()),
        totals: StoredValue::new(totals),
    };
    let roots = StoredValue::new(roots);
    let search = RwSignal::new(String::new());
    let needle = Memo::new(move |_| search.with(|s| s.trim().to_lowercase()));
    // The units to show for the search, and how many match.
    let filtered = Memo::new(move |_| {
        let needle = needle.get();
        let mut keep = HashSet::new();
        let mut open = HashSet::new();
        let matches = roots.with_value(|r| visible(r, &needle, &mut keep, &mut open));
        (keep, open, matches)
    });
    // A new search opens the way to every match; clearing it restores the first view.
    Effect::new(move |_| {
        let searching = !needle.with(String::is_empty);
        let open = filtered.with(|(_, open, _)| open.clone());
        state
            .expanded
            .set(if searching { open } else { initial.clone() });
    });
    let status = move || {
        let count = filtered.with(|(_, _, n)| *n);
        if needle.with(String::is_empty) {
            String::new()
        } else if count == 0 {
            i18n.t(Key::OrgNoMatch).to_owned()
        } else {
            i18n.count(Key::OrgMatchesOne, Key::OrgMatches, count as u64)
        }
    };
    let tree = move || {
        let needle = needle.get();
        let keep = filtered.with(|(keep, _, _)| keep.clone());
        if roots.with_value(Vec::is_empty) {
            return view! { <p class="empty muted">{tr(Key::OrgEmpty)}</p> }.into_any();
        }
        roots.with_value(|r| {
            view! {
                <ul class="tree" aria-label=tr(Key::UnitTreeLabel)>
                    {branch(r, &needle, &keep, state)}
                </ul>
            }
            .into_any()
        })
    };
    view! {
        <section class="card">
            <div class="toolbar">
                <div class="field toolbar__search">
                    <label class="field__label" for="cari-unit">
                        {tr(Key::OrgSearch)}
                    </label>
                    <p class="field__hint" id="cari-unit-hint">
                        {tr(Key::OrgSearchHint)}
                    </p>
                    <input
                        class="field__input"
                        id="cari-unit"
                        type="search"
                        autocomplete="off"
                        aria-describedby="cari-unit-hint"
                        bind:value=search
                    />
                </div>
                <div class="toolbar__buttons">
                    <button
                        type="button"
                        class="btn btn--secondary btn--small"
                        on:click=move |_| state.expanded.set(everything.clone())
                    >
                        {tr(Key::ExpandAll)}
                    </button>
                    <button
                        type="button"
                        class="btn btn--secondary btn--small"
                        on:click=move |_| state.expanded.set(HashSet::new())
                    >
                        {tr(Key::CollapseAll)}
                    </button>
                </div>
            </div>
            <p class="tree-status" role="status">
                {status}
            </p>
            {tree}
        </section>
    }
}

/// The list items of `nodes` that are kept by the search.
fn branch(nodes: &[UnitNode], needle: &str, keep: &HashSet<Uuid>, state: TreeState) -> AnyView {
    nodes
        .iter()
        .filter(|n| needle.is_empty() || keep.contains(&n.unit.id))
        .map(|node| unit_item(node, needle, keep, state))
        .collect_view()
        .into_any()
}

fn unit_item(node: &UnitNode, needle: &str, keep: &HashSet<Uuid>, state: TreeState) -> AnyView {
    let TreeState {
        i18n,
        expanded,
        totals,
    } = state;
    let id = node.unit.id;
    let name = node.unit.nama.clone();
    let total = totals.with_value(|t| t.get(&id).copied().unwrap_or(node.jumlah_pegawai));
    let kind = labels::unit_kind(node.unit.kind);
    let has_children = node
        .children
        .iter()
        .any(|c| needle.is_empty() || keep.contains(&c.unit.id));
    let is_open = move || expanded.with(|e| e.contains(&id));
    let group_id = format!("unit-{id}");
    let toggle = if has_children {
        let label = name.clone();
        view! {
            <button
                type="button"
                class="tree__toggle"
                aria-expanded=move || if is_open() { "true" } else { "false" }
                aria-controls=group_id.clone()
                aria-label=move || fill(i18n.t(Key::SubunitsOf), &[("name", &label)])
                on:click=move |_| {
                    expanded
                        .update(|e| {
                            if !e.remove(&id) {
                                e.insert(id);
                            }
                        })
                }
            >
                <span class="tree__chevron" aria-hidden="true"></span>
            </button>
        }
        .into_any()
    } else {
        view! { <span class="tree__spacer" aria-hidden="true"></span> }.into_any()
    };
    let children = has_children.then(|| {
        view! {
            <ul class="tree__group" id=group_id hidden=move || !is_open()>
                {branch(&node.children, needle, keep, state)}
            </ul>
        }
    });
    // Computed here: a component's children are built later, when `needle` is gone.
    let label = highlight(&name, needle);
    view! {
        <li class="tree__item">
            <div class="tree__row">
                {toggle}
                <div class="tree__main">
                    <A href=format!("/pegawai?unit={id}") attr:class="tree__link">
                        {label}
                    </A>
                    <span class="badge badge--kind">{tr(kind)}</span>
                    <span class="tree__count">
                        {move || i18n.count(Key::EmployeeCountOne, Key::EmployeeCount, total)}
                    </span>
                </div>
            </div>
            {children}
        </li>
    }
    .into_any()
}

/// The name with the searched text marked.
fn highlight(name: &str, needle: &str) -> AnyView {
    let lower = name.to_lowercase();
    // Byte offsets of the lower-case text only line up when lower-casing keeps the length.
    match lower.find(needle) {
        Some(at) if !needle.is_empty() && lower.len() == name.len() => {
            let end = at + needle.len();
            view! {
                {name[..at].to_owned()}
                <mark class="tree__match">{name[at..end].to_owned()}</mark>
                {name[end..].to_owned()}
            }
            .into_any()
        }
        _ => name.to_owned().into_any(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use kinerja_api::organisation::{Unit, UnitKind};

    use super::*;

    fn node(name: &str, count: u64, children: Vec<UnitNode>) -> UnitNode {
        UnitNode {
            unit: Unit {
                id: Uuid::from_u128(name.len() as u128 * 1000 + count as u128),
                instansi_id: Uuid::nil(),
                parent_id: None,
                kind: UnitKind::Lainnya,
                nama: name.to_owned(),
                kode: None,
                alamat: None,
                aktif: true,
                berlaku_mulai: NaiveDate::default(),
                berlaku_sampai: None,
                lock_version: 1,
            },
            jumlah_pegawai: count,
            children,
        }
    }

    #[test]
    fn totals_include_sub_units_and_search_opens_the_way_to_matches() {
        let tree = vec![node(
            "Kecamatan Cipocok Jaya",
            1,
            vec![
                node("Kelurahan Gelam", 6, vec![]),
                node("Seksi Pelayanan", 4, vec![]),
            ],
        )];
        let mut totals = HashMap::new();
        assert_eq!(subtree_totals(&tree, &mut totals), 11);
        assert_eq!(totals[&tree[0].unit.id], 11);

        let (mut keep, mut open) = (HashSet::new(), HashSet::new());
        assert_eq!(visible(&tree, "gelam", &mut keep, &mut open), 1);
        assert!(keep.contains(&tree[0].unit.id) && keep.contains(&tree[0].children[0].unit.id));
        assert!(!keep.contains(&tree[0].children[1].unit.id));
        assert_eq!(open.len(), 1);

        let choices = unit_choices(&tree);
        assert_eq!(choices.len(), 3);
        assert!(choices[1].1.starts_with('\u{a0}'));
    }
}
