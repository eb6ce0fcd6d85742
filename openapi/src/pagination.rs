//! Pagination shared by every list endpoint.

use serde::{Deserialize, Serialize};
use validator::Validate;

pub const DEFAULT_PER_PAGE: u64 = 20;
pub const MAX_PER_PAGE: u64 = 100;

/// `page` / `per_page` query parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// Page number, starting at 1.
    #[serde(default = "first_page")]
    #[validate(range(min = 1, max = 1_000_000, code = "halaman_minimal_1"))]
    #[cfg_attr(
        feature = "openapi",
        param(minimum = 1, maximum = 1_000_000, default = 1)
    )]
    pub page: u64,
    /// Items per page (1–100).
    #[serde(default = "default_per_page")]
    #[validate(range(min = 1, max = 100, code = "per_halaman_1_100"))]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100, default = 20))]
    pub per_page: u64,
}

fn first_page() -> u64 {
    1
}

fn default_per_page() -> u64 {
    DEFAULT_PER_PAGE
}

impl Default for PageQuery {
    fn default() -> Self {
        Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

impl PageQuery {
    /// Zero-based row offset of the first item of this page.
    pub fn offset(&self) -> u64 {
        self.page.saturating_sub(1).saturating_mul(self.per_page)
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u64,
    pub per_page: u64,
    /// Total number of items across all pages.
    pub total: u64,
    /// `total` is PostgreSQL's estimate, not a count: a list that matches more than 10 000
    /// rows is not counted on every page (docs/performance.md, "Totals of long lists").
    #[serde(default)]
    pub total_estimated: bool,
}

impl<T> Page<T> {
    pub fn new(items: Vec<T>, query: PageQuery, total: u64) -> Self {
        Self {
            items,
            page: query.page,
            per_page: query.per_page,
            total,
            total_estimated: false,
        }
    }

    /// A page whose total may be an estimate (see `total_estimated`).
    pub fn with_total(items: Vec<T>, query: PageQuery, (total, estimated): (u64, bool)) -> Self {
        Self {
            total_estimated: estimated,
            ..Self::new(items, query, total)
        }
    }

    /// Number of pages (at least 1, so an empty list still has a page to show).
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}
