//! Documentation attributes: one `#[doc]` per line, so prettyplease prints `///` comments.

use proc_macro2::TokenStream;
use quote::quote;

/// Outer doc attributes for optional model documentation (nothing when absent).
fn doc_attrs(doc: Option<&str>) -> TokenStream {
    let Some(doc) = doc else {
        return TokenStream::new();
    };
    let lines = prefixed(crate::docs::doc_lines(doc));
    quote! { #( #[doc = #lines] )* }
}

/// Outer doc attributes for model documentation, or for `fallback` when the model has none
/// (every generated public item is documented).
pub(crate) fn doc_or(doc: Option<&str>, fallback: &str) -> TokenStream {
    match doc.filter(|d| !crate::docs::doc_lines(d).is_empty()) {
        Some(doc) => doc_attrs(Some(doc)),
        None => doc_text(fallback),
    }
}

/// Outer doc attributes for text the generator writes itself (Markdown already).
pub(crate) fn doc_text(text: &str) -> TokenStream {
    let lines = prefixed(text.lines().map(str::to_string).collect());
    quote! { #( #[doc = #lines] )* }
}

/// Inner (`//!`) doc attributes for model documentation.
pub(crate) fn inner_doc_attrs_model(doc: &str) -> TokenStream {
    let lines = prefixed(crate::docs::doc_lines(doc));
    quote! { #( #![doc = #lines] )* }
}

/// Inner (`//!`) doc attributes for text the generator writes itself.
pub(crate) fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = prefixed(text.lines().map(str::to_string).collect());
    quote! { #( #![doc = #lines] )* }
}

fn prefixed(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|l| if l.is_empty() { l } else { format!(" {l}") })
        .collect()
}
