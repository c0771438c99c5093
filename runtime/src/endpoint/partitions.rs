//! AWS partitions: what `aws.partition` returns for a region.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex_lite::Regex;
use serde_json::Value as Json;

use super::error::RuleSetError;
use super::json::Cursor;
use super::partitions_data::{PartitionData, AWS_PARTITIONS};
use super::val::{Text, Val};

/// What `aws.partition` gives for a region: the `Partition` structure of the AWS rules
/// library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartitionOutputs {
    /// The partition's name (`aws-cn`).
    pub name: String,
    /// Its DNS suffix (`amazonaws.com.cn`).
    pub dns_suffix: String,
    /// Its dual-stack DNS suffix (`api.amazonwebservices.com.cn`).
    pub dual_stack_dns_suffix: String,
    /// Whether it has FIPS endpoints.
    pub supports_fips: bool,
    /// Whether it has dual-stack endpoints.
    pub supports_dual_stack: bool,
    /// The region global services of the partition sign with.
    pub implicit_global_region: String,
}

impl PartitionOutputs {
    /// The field `key` of the structure, as rules name it (`dnsSuffix`).
    pub(super) fn field(&self, key: &str) -> Option<Val<'_>> {
        let text = match key {
            "name" => &self.name,
            "dnsSuffix" => &self.dns_suffix,
            "dualStackDnsSuffix" => &self.dual_stack_dns_suffix,
            "implicitGlobalRegion" => &self.implicit_global_region,
            "supportsFIPS" => return Some(Val::Bool(self.supports_fips)),
            "supportsDualStack" => return Some(Val::Bool(self.supports_dual_stack)),
            _ => return None,
        };
        Some(Val::Str(Text::Borrowed(text)))
    }
}

/// One partition: its id, the pattern of its region names, its regions and its outputs.
#[derive(Clone, Debug)]
pub struct Partition {
    id: String,
    region_regex: Regex,
    regions: Vec<String>,
    outputs: PartitionOutputs,
}

impl Partition {
    /// The partition's id (`aws-cn`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The pattern a region name of this partition matches.
    pub fn region_regex(&self) -> &str {
        self.region_regex.as_str()
    }

    /// The regions it lists, in name order.
    pub fn regions(&self) -> &[String] {
        &self.regions
    }

    /// What `aws.partition` gives for its regions.
    pub fn outputs(&self) -> &PartitionOutputs {
        &self.outputs
    }
}

impl PartialEq for Partition {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.region_regex.as_str() == other.region_regex.as_str()
            && self.regions == other.regions
            && self.outputs == other.outputs
    }
}

/// A set of partitions, as `aws.partition` consults them: a region listed by a partition
/// belongs to it (with that region's own outputs, where it overrides them); any other region
/// belongs to the first partition whose pattern it matches; a region no pattern matches falls
/// back to the `aws` partition, as the AWS SDKs resolve it.
///
/// ```
/// # use smithy_runtime::endpoint::Partitions;
/// let partitions = Partitions::aws();
/// assert_eq!(partitions.partition_of("cn-north-1").unwrap().dns_suffix, "amazonaws.com.cn");
/// assert_eq!(partitions.partition_of("us-gov-south-7").unwrap().name, "aws-us-gov");
/// assert_eq!(partitions.partition_of("mars-east-1").unwrap().name, "aws");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Partitions {
    partitions: Vec<Partition>,
    /// Listed regions: the partition's index, and the region's own outputs if it overrides
    /// the partition's.
    regions: BTreeMap<String, (usize, Option<PartitionOutputs>)>,
}

impl Partitions {
    /// The AWS partitions this crate knows (`aws`, `aws-cn`, `aws-us-gov`, the ISO
    /// partitions, `aws-eusc`).
    pub fn aws() -> &'static Partitions {
        static AWS: OnceLock<Partitions> = OnceLock::new();
        AWS.get_or_init(|| {
            let partitions = AWS_PARTITIONS.iter().map(Partition::from_data).collect();
            Partitions::new(partitions, BTreeMap::new())
        })
    }

    /// Partitions read from a `partitions.json` document (the format the Smithy rules engine
    /// and the AWS SDKs share).
    ///
    /// # Errors
    ///
    /// A document that is not JSON, or lacks a partition's `id`, `regionRegex` or an output,
    /// or whose pattern is not a valid regular expression; the error names the JSON path.
    pub fn from_json(text: &str) -> Result<Partitions, RuleSetError> {
        let json: Json = serde_json::from_str(text)
            .map_err(|e| RuleSetError::new("", format!("not JSON: {e}")))?;
        let root = Cursor::root(&json);
        let mut partitions = Vec::new();
        let mut overrides = BTreeMap::new();
        for (index, at) in root.elements("partitions")?.iter().enumerate() {
            let partition = Partition::from_json(at)?;
            for (region, entry) in at.key("regions").object()? {
                let outputs = partition
                    .outputs
                    .overridden(&at.key("regions").key(region), entry)?;
                if outputs != partition.outputs {
                    overrides.insert(region.clone(), (index, outputs));
                }
            }
            partitions.push(partition);
        }
        Ok(Partitions::new(partitions, overrides))
    }

    fn new(
        partitions: Vec<Partition>,
        mut overrides: BTreeMap<String, (usize, PartitionOutputs)>,
    ) -> Self {
        let mut regions = BTreeMap::new();
        for (index, partition) in partitions.iter().enumerate() {
            for region in &partition.regions {
                let own = overrides.remove(region).map(|(_, outputs)| outputs);
                regions.entry(region.clone()).or_insert((index, own));
            }
        }
        Partitions {
            partitions,
            regions,
        }
    }

    /// Every partition, in the order their patterns are tried.
    pub fn iter(&self) -> impl Iterator<Item = &Partition> {
        self.partitions.iter()
    }

    /// What `aws.partition(region)` gives; `None` only when no partition matches and there
    /// is no `aws` partition to fall back to.
    pub fn partition_of(&self, region: &str) -> Option<&PartitionOutputs> {
        if let Some((index, own)) = self.regions.get(region) {
            return own.as_ref().or(Some(&self.partitions[*index].outputs));
        }
        let matching = self
            .partitions
            .iter()
            .find(|p| p.region_regex.is_match(region));
        matching
            .or_else(|| self.partitions.iter().find(|p| p.id == "aws"))
            .map(|p| &p.outputs)
    }
}

impl Partition {
    fn from_data(data: &PartitionData) -> Self {
        let mut regions: Vec<String> = data.regions.iter().map(|r| (*r).to_owned()).collect();
        regions.sort();
        Partition {
            id: data.id.to_owned(),
            region_regex: Regex::new(data.region_regex)
                .expect("the partition table's patterns compile (a test loads them all)"),
            regions,
            outputs: PartitionOutputs {
                name: data.id.to_owned(),
                dns_suffix: data.dns_suffix.to_owned(),
                dual_stack_dns_suffix: data.dual_stack_dns_suffix.to_owned(),
                supports_fips: data.supports_fips,
                supports_dual_stack: data.supports_dual_stack,
                implicit_global_region: data.implicit_global_region.to_owned(),
            },
        }
    }

    fn from_json(at: &Cursor<'_>) -> Result<Self, RuleSetError> {
        let pattern = at.key("regionRegex").string()?;
        let region_regex = Regex::new(pattern).map_err(|e| {
            at.key("regionRegex")
                .error(format!("not a valid pattern: {e}"))
        })?;
        let mut regions: Vec<String> = at.key("regions").object()?.keys().cloned().collect();
        regions.sort();
        let outputs = at.key("outputs");
        let id = at.key("id").string()?.to_owned();
        Ok(Partition {
            // `aws.partition` names the partition by its id (the outputs repeat it).
            outputs: PartitionOutputs {
                name: id.clone(),
                dns_suffix: outputs.key("dnsSuffix").string()?.to_owned(),
                dual_stack_dns_suffix: outputs.key("dualStackDnsSuffix").string()?.to_owned(),
                supports_fips: required_bool(&outputs, "supportsFIPS")?,
                supports_dual_stack: required_bool(&outputs, "supportsDualStack")?,
                implicit_global_region: outputs.key("implicitGlobalRegion").string()?.to_owned(),
            },
            id,
            region_regex,
            regions,
        })
    }
}

impl PartitionOutputs {
    /// These outputs with a region entry's overrides (`{"supportsFIPS": false}`) applied;
    /// other keys of the entry (`description`) are not outputs.
    fn overridden(&self, at: &Cursor<'_>, entry: &Json) -> Result<PartitionOutputs, RuleSetError> {
        let mut outputs = self.clone();
        let text = |key: &str, field: &mut String| -> Result<(), RuleSetError> {
            if entry.get(key).is_some() {
                *field = at.key(key).string()?.to_owned();
            }
            Ok(())
        };
        text("dnsSuffix", &mut outputs.dns_suffix)?;
        text("dualStackDnsSuffix", &mut outputs.dual_stack_dns_suffix)?;
        text("implicitGlobalRegion", &mut outputs.implicit_global_region)?;
        if let Some(b) = at.optional_bool("supportsFIPS")? {
            outputs.supports_fips = b;
        }
        if let Some(b) = at.optional_bool("supportsDualStack")? {
            outputs.supports_dual_stack = b;
        }
        Ok(outputs)
    }
}

fn required_bool(at: &Cursor<'_>, key: &str) -> Result<bool, RuleSetError> {
    at.optional_bool(key)?
        .ok_or_else(|| at.key(key).error("missing; expected a boolean"))
}
