//! Interface text in Bahasa Indonesia (the default) and English.
//!
//! Hand-written rather than `leptos_i18n`: the app has about a hundred short strings, a `Key` enum
//! with one `match` keeps the wasm small (no per-locale JSON, no build script, no ICU), and the
//! `keys!` table below makes a missing translation a compile error. Every visible string goes
//! through [`I18n::t`] (or [`tr`] in views); messages that come from the contract crate or the
//! server (Indonesian) are translated with [`I18n::message`].
//!
//! The choice is remembered in `localStorage` (it is not a secret) and mirrored in `<html lang>`.

use leptos::prelude::*;

const STORAGE_KEY: &str = "kinerja.bahasa";

/// A supported interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 tag for `<html lang>` and `Intl` formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The short label on the language switch.
    pub fn short(self) -> &'static str {
        match self {
            Lang::Id => "ID",
            Lang::En => "EN",
        }
    }

    pub fn parse(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.tag() == tag)
    }
}

#[macro_use]
mod keys_admin;
mod keys;
pub mod langkah;
mod messages;
pub mod panduan;
pub mod pantau;
pub mod pengembangan;
pub mod pengumuman;
pub mod rekap;
pub mod survei;

pub use keys::Key;
pub use messages::{message, remember};

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    let (id, en) = key.pair();
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, params: &[(&str, &str)]) -> String {
    params
        .iter()
        .fold(template.to_owned(), |acc, (name, value)| {
            acc.replace(&format!("{{{name}}}"), value)
        })
}

/// The language context: read it with [`use_i18n`].
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
    }

    /// The text of `key` in the current language (tracked).
    pub fn t(self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }

    /// A text with a number `{n}`: `one` for 1 (English needs the singular), else `many`
    /// (tracked).
    pub fn count(self, one: Key, many: Key, n: u64) -> String {
        fill(
            self.t(if n == 1 { one } else { many }),
            &[("n", &n.to_string())],
        )
    }

    /// A contract or server message in the current language (tracked).
    pub fn message(self, indonesian: &str) -> String {
        message(self.lang.get(), indonesian)
    }
}

/// Creates the language context from the remembered choice and keeps `<html lang>` and
/// `localStorage` in step with it.
pub fn provide_i18n() -> I18n {
    let initial = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default();
    let i18n = I18n {
        lang: RwSignal::new(initial),
    };
    Effect::new(move |_| {
        let lang = i18n.lang.get();
        if let Some(root) = document().document_element() {
            // Failing to set an attribute leaves the previous language; nothing to recover.
            let _ = root.set_attribute("lang", lang.tag());
        }
        if let Some(storage) = storage() {
            // Private browsing may refuse storage; the choice then lasts for this page only.
            let _ = storage.set_item(STORAGE_KEY, lang.tag());
        }
    });
    provide_context(i18n);
    i18n
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The language context provided by the app root.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A reactive text for views: `{tr(Key::SignIn)}`, `aria-label=tr(Key::Menu)`.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// Keeps `document.title` as "<page> · Kinerja" in the current language.
pub fn use_title(key: Key) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · {}", i18n.t(key), i18n.t(Key::AppName)));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut found: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        for key in Key::ALL {
            let (id, en) = (text(Lang::Id, *key), text(Lang::En, *key));
            assert!(!id.trim().is_empty(), "{key:?} has no Indonesian text");
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert_eq!(
                placeholders(id),
                placeholders(en),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(text(Lang::Id, Key::Throttled), &[("n", "3")]),
            "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 3 menit."
        );
    }

    #[test]
    fn languages_round_trip_through_their_tags() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::parse("fr"), None);
    }
}
