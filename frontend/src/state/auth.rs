//! Who is signed in. The API module reports session changes here; pages read [`Auth`].

use kinerja_api::auth::{CurrentUser, Permission};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, SessionEvent};

/// Why nobody is signed in; the login page says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedOutReason {
    /// Never signed in in this tab (or the cookie was gone at start).
    Anonymous,
    /// The user pressed "Keluar".
    Logout,
    /// The session could not be renewed.
    Expired,
}

/// The coarse session state that guards react to. It changes only when someone signs in or
/// out, so a token renewal never re-renders the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The silent refresh at start is still running.
    Restoring,
    SignedOut(SignedOutReason),
    SignedIn,
}

#[derive(Debug, Clone, PartialEq)]
enum Session {
    Restoring,
    SignedOut(SignedOutReason),
    SignedIn(CurrentUser),
}

/// The auth context: read it with [`use_auth`].
#[derive(Debug, Clone, Copy)]
pub struct Auth {
    session: RwSignal<Session>,
    status: Memo<Status>,
    user: Memo<Option<CurrentUser>>,
}

impl Auth {
    /// The coarse state (tracked).
    pub fn status(self) -> Status {
        self.status.get()
    }

    /// The signed-in user (tracked; changes when the server sends a newer profile).
    pub fn user(self) -> Option<CurrentUser> {
        self.user.get()
    }

    /// The signed-in user, without tracking (for event handlers).
    pub fn user_untracked(self) -> Option<CurrentUser> {
        self.user.get_untracked()
    }

    /// Whether the signed-in user has `permission` (tracked).
    pub fn can(self, permission: Permission) -> bool {
        self.user
            .with(|u| u.as_ref().is_some_and(|u| u.can(permission)))
    }

    fn apply(self, event: SessionEvent) {
        match event {
            SessionEvent::Renewed(user) => {
                let changed = self.session.with_untracked(
                    |s| !matches!(s, Session::SignedIn(current) if *current == user),
                );
                if changed {
                    self.session.set(Session::SignedIn(user));
                }
            }
            SessionEvent::Ended => {
                // Only a live session "expires"; a failed restore at start is just anonymous.
                let reason = match self.session.get_untracked() {
                    Session::SignedIn(_) => SignedOutReason::Expired,
                    Session::SignedOut(reason) => reason,
                    Session::Restoring => SignedOutReason::Anonymous,
                };
                self.session.set(Session::SignedOut(reason));
            }
        }
    }

    /// Signs out on the server and here. The local sign-out happens even when the server
    /// cannot be reached.
    pub async fn sign_out(self) {
        // The session cookie expires by itself when the server cannot be told.
        let _ = api::auth::logout().await;
        self.session
            .set(Session::SignedOut(SignedOutReason::Logout));
    }
}

/// Creates the auth context and starts restoring the session from the refresh cookie (it
/// survives reloads; the access token does not).
pub fn provide_auth() -> Auth {
    let session = RwSignal::new(Session::Restoring);
    let status = Memo::new(move |_| match &*session.read() {
        Session::Restoring => Status::Restoring,
        Session::SignedOut(reason) => Status::SignedOut(*reason),
        Session::SignedIn(_) => Status::SignedIn,
    });
    let user = Memo::new(move |_| match &*session.read() {
        Session::SignedIn(user) => Some(user.clone()),
        _ => None,
    });
    let auth = Auth {
        session,
        status,
        user,
    };
    api::on_session_event(move |event| auth.apply(event));
    spawn_local(async move {
        // A refused cookie already ended the session through the listener; a network or
        // server failure gives no answer about it, so the login page is shown as well.
        if api::refresh_session().await.is_err()
            && matches!(auth.session.get_untracked(), Session::Restoring)
        {
            auth.session
                .set(Session::SignedOut(SignedOutReason::Anonymous));
        }
    });
    provide_context(auth);
    auth
}

/// The auth context provided by the app root.
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}
