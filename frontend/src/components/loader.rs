//! One loading boundary shared by the pages: a resource, `Transition` (the previous content
//! stays while reloading), `ErrorBoundary` with the error panel and a retry.
//!
//! Why not a `LocalResource` and its boundaries per page: each is generic over the data and
//! the fetcher, and costs several KB of wasm per use. Here the load is type-erased (a boxed
//! future that yields a view builder), so the machinery exists once.

use std::rc::Rc;

use futures::FutureExt;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

use super::{ErrorPanel, Loading};
use crate::api::ApiError;

/// Builds the loaded part of a page (again when the boundary re-renders).
pub type Built = Rc<dyn Fn() -> AnyView>;

/// One load: the data, turned into a [`Built`].
pub type Load = LocalBoxFuture<'static, Result<Built, ApiError>>;

/// A [`Built`] from a view function.
pub fn built<V: IntoView + 'static>(view: impl Fn() -> V + 'static) -> Built {
    Rc::new(move || view().into_any())
}

/// A [`Load`] from a future.
pub fn load(future: impl Future<Output = Result<Built, ApiError>> + 'static) -> Load {
    future.boxed_local()
}

/// Loads with `load` and shows what it built; while loading the first time a spinner, on
/// failure the error panel with a retry.
#[component]
pub fn Loader(
    /// Starts a load. The signals it reads before returning its future reload it when they
    /// change.
    load: Box<dyn Fn() -> Load>,
    /// Set while a reload is running (the previous content is still shown).
    #[prop(optional)]
    pending: Option<RwSignal<bool>>,
    /// Pads the spinner and the error panel (inside a flush card).
    #[prop(optional)]
    padded: bool,
) -> impl IntoView {
    let data = LocalResource::new(load);
    let retry = Callback::new(move |()| data.refetch());
    let pending = pending.unwrap_or_else(|| RwSignal::new(false));
    let class = if padded { "card__body" } else { "" };
    view! {
        <Transition fallback=move || view! { <div class=class><Loading/></div> } set_pending=pending>
            <ErrorBoundary fallback=move |errors| view! { <div class=class><ErrorPanel errors=errors on_retry=retry/></div> }>
                {move || Suspend::new(async move { data.await.map(|view| view()) })}
            </ErrorBoundary>
        </Transition>
    }
}

/// A loaded value, type-erased (see [`background`]).
type Erased = Rc<dyn std::any::Any>;

/// Loads a value in the background for a part of a page that does without a loading
/// boundary (the choices of a select, a count): `None` until it arrives; loaded again when
/// the signals that `fetch` reads before returning its future change. One resource type
/// serves every such value, for the same reason as [`Loader`].
pub fn background<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Signal<Option<T>>
where
    T: Clone + Send + Sync + 'static,
    Fut: Future<Output = T> + 'static,
{
    let erased: Box<dyn Fn() -> LocalBoxFuture<'static, Erased>> = Box::new(move || {
        let future = fetch();
        async move { Rc::new(future.await) as Erased }.boxed_local()
    });
    let value = LocalResource::new(erased);
    Signal::derive(move || value.get().and_then(|v| v.downcast_ref::<T>().cloned()))
}

/// A list loaded by hand (`None` while loading), as the admin tables keep it.
pub type LoadedList<T> = RwSignal<Option<Result<Vec<T>, ApiError>>>;

/// Puts `updated` in place of the item of `list` that `same` picks (after an edit answered
/// with the new item); nothing when the list is not loaded.
pub fn replace_item<T: Send + Sync + 'static>(
    list: LoadedList<T>,
    updated: T,
    same: impl Fn(&T) -> bool,
) {
    list.update(|all| {
        if let Some(slot) = all
            .as_mut()
            .and_then(|l| l.as_mut().ok())
            .and_then(|l| l.iter_mut().find(|x| same(x)))
        {
            *slot = updated;
        }
    });
}
