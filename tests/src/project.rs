//! The project's own models (`models/*.json`) as loaded by the generator's loader, with sample
//! inputs and outputs for their operations.

use codegen::model::{self, Model, Protocol, ShapeId, ShapeKind, Source};
use serde_json::Value;

use crate::repo_root;
use crate::samples::Sampler;

/// One project model and its (single) service.
pub struct ProjectModel {
    /// The loaded model.
    pub model: Model,
    /// The service shape.
    pub service: ShapeId,
    /// The service's protocol (decides `jsonName` in samples).
    pub protocol: Protocol,
}

impl ProjectModel {
    /// Loads `models/{file}` with its overlays (`models/{stem}.*.json`), as `generate` does.
    pub fn load(file: &str) -> Result<Self, String> {
        let dir = repo_root().join("models");
        let stem = file.trim_end_matches(".json");
        let mut names = vec![file.to_owned()];
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut overlays: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.starts_with(&format!("{stem}.")) && n.ends_with(".json") && n != file)
            .collect();
        overlays.sort();
        names.extend(overlays);
        let mut sources = Vec::new();
        for name in &names {
            let path = dir.join(name);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            sources.push(Source::new(name.as_str(), text));
        }
        let model = model::load(&sources).map_err(|e| format!("{file}: {e}"))?;
        let (service, protocol) = {
            let (id, _) = model
                .services()
                .next()
                .ok_or_else(|| format!("{file}: no service"))?;
            let traits = &model
                .shape(id)
                .ok_or_else(|| format!("{file}: no service"))?
                .traits;
            let protocol = traits
                .protocols
                .first()
                .copied()
                .ok_or_else(|| format!("{file}: no protocol"))?;
            (id.clone(), protocol)
        };
        Ok(ProjectModel {
            model,
            service,
            protocol,
        })
    }

    /// Fully populated sample JSON of the input and output of operation `name`.
    pub fn sample_io(&self, name: &str) -> Result<(Value, Value), String> {
        let op = self
            .model
            .operations_of(&self.service)
            .into_iter()
            .find(|id| self.model.service_name(&self.service, id) == name)
            .ok_or_else(|| format!("{}: no operation {name}", self.service))?;
        let Some(ShapeKind::Operation(shapes)) = self.model.kind(&op) else {
            return Err(format!("{op} is not an operation"));
        };
        let sampler = Sampler::new(&self.model, self.protocol);
        Ok((
            sampler.sample(&shapes.input),
            sampler.sample(&shapes.output),
        ))
    }
}
