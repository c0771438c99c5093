//! `GetExtension`, `GetExtensionVersion`, `ListExtensions`, `ListExtensionVersions`, over
//! [`CATALOG`].

use gamesparks_api::types::{
    ExtensionDetails, ExtensionVersionDetails, GetExtensionRequest, GetExtensionResult,
    GetExtensionVersionRequest, GetExtensionVersionResult, ListExtensionVersionsRequest,
    ListExtensionVersionsResult, ListExtensionsRequest, ListExtensionsResult,
};

use super::GameSparks;
use crate::fault::Fault;
use crate::page::Page;
use crate::service::Service as _;

/// An extension of the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extension {
    /// The namespace that qualifies its name.
    pub namespace: &'static str,
    /// Its name.
    pub name: &'static str,
    /// What it provides.
    pub description: &'static str,
    /// Its versions, oldest first.
    pub versions: &'static [Version],
}

/// A version of an extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Version {
    /// The version string.
    pub version: &'static str,
    /// The model of the version's interface.
    pub schema: &'static str,
}

/// This server's catalog of extensions.
///
/// The documentation names no extension. It says that extensions provide features game
/// scripts use, that each version has a schema (its interface) and that an API change
/// makes a new version; the official model adds that extensions define the schema of
/// configuration sections. The catalog is the smallest one consistent with that: one
/// extension, `local-services` / `Configuration`, with one version, `1.0.0`, whose schema
/// is the rule this server holds every configuration section to (its attributes are a
/// JSON object; see [`import`](super::import) and [`patch`](super::patch)).
pub static CATALOG: &[Extension] = &[Extension {
    namespace: "local-services",
    name: "Configuration",
    description: "Game configuration sections, which game scripts read.",
    versions: &[Version {
        version: "1.0.0",
        schema: r#"{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Section attributes","type":"object"}"#,
    }],
}];

/// `GetExtension`.
pub(crate) fn get(input: &GetExtensionRequest) -> Result<GetExtensionResult, Fault> {
    let extension = find(&input.namespace, &input.name)?;
    Ok(GetExtensionResult::builder()
        .extension(details(extension))
        .build())
}

/// `GetExtensionVersion`.
pub(crate) fn get_version(
    input: &GetExtensionVersionRequest,
) -> Result<GetExtensionVersionResult, Fault> {
    let extension = find(&input.namespace, &input.name)?;
    let version = extension
        .versions
        .iter()
        .find(|v| v.version == input.extension_version)
        .ok_or_else(|| {
            Fault::NotFound(format!(
                "Extension '{}' in namespace '{}' has no version '{}'.",
                input.name, input.namespace, input.extension_version
            ))
        })?;
    Ok(GetExtensionVersionResult::builder()
        .extension_version(version_details(extension, version))
        .build())
}

/// `ListExtensions`: the catalog, in its order.
pub(crate) fn list(input: &ListExtensionsRequest) -> Result<ListExtensionsResult, Fault> {
    let extensions = CATALOG.iter().map(details).collect();
    let page = page(
        extensions,
        "extensions",
        input.max_results,
        input.next_token.as_deref(),
    )?;
    Ok(ListExtensionsResult::builder()
        .set_extensions(Some(page.items))
        .set_next_token(page.next_token)
        .build())
}

/// `ListExtensionVersions`: the extension's versions, oldest first.
pub(crate) fn list_versions(
    input: &ListExtensionVersionsRequest,
) -> Result<ListExtensionVersionsResult, Fault> {
    let extension = find(&input.namespace, &input.name)?;
    let versions = extension
        .versions
        .iter()
        .map(|version| version_details(extension, version))
        .collect();
    let token = input.next_token.as_deref();
    let page = page(versions, "extension-versions", input.max_results, token)?;
    Ok(ListExtensionVersionsResult::builder()
        .set_extension_versions(Some(page.items))
        .set_next_token(page.next_token)
        .build())
}

fn find(namespace: &str, name: &str) -> Result<&'static Extension, Fault> {
    CATALOG
        .iter()
        .find(|e| e.namespace == namespace && e.name == name)
        .ok_or_else(|| {
            Fault::NotFound(format!(
                "There is no extension '{name}' in namespace '{namespace}'."
            ))
        })
}

fn details(extension: &Extension) -> ExtensionDetails {
    ExtensionDetails::builder()
        .description(extension.description.to_owned())
        .name(extension.name.to_owned())
        .namespace(extension.namespace.to_owned())
        .build()
}

fn version_details(extension: &Extension, version: &Version) -> ExtensionVersionDetails {
    ExtensionVersionDetails::builder()
        .name(extension.name.to_owned())
        .namespace(extension.namespace.to_owned())
        .schema(version.schema.to_owned())
        .version(version.version.to_owned())
        .build()
}

/// The page of `items` a request asks for, in the service's default page size.
fn page<T>(
    items: Vec<T>,
    list: &str,
    max_results: Option<i32>,
    token: Option<&str>,
) -> Result<Page<T>, Fault> {
    crate::page::page(
        items,
        list,
        max_results.map(i64::from),
        token,
        GameSparks::PAGE_SIZE,
    )
    .map_err(Fault::InvalidRequest)
}
