//! `StartGeneratedCodeJob`, `GetGeneratedCodeJob`, `ListGeneratedCodeJobs`.

use gamesparks_api::types::{
    GeneratedCodeJobDetails, GeneratedCodeJobState, GetGeneratedCodeJobRequest,
    GetGeneratedCodeJobResult, ListGeneratedCodeJobsRequest, ListGeneratedCodeJobsResult,
    StartGeneratedCodeJobRequest, StartGeneratedCodeJobResult,
};

use super::lifecycle::Run;
use super::state::{child_key, CodeJob, State};
use super::{quotas, urls};
use crate::clock::datetime;
use crate::fault::Fault;
use crate::names::new_id;
use crate::service::Cx;

/// `StartGeneratedCodeJob`: a `PENDING` job generating client code for a snapshot of an
/// active game, with whatever generator settings it is given.
pub(crate) fn start(
    state: &mut State,
    cx: &Cx<'_>,
    input: StartGeneratedCodeJobRequest,
) -> Result<StartGeneratedCodeJobResult, Fault> {
    state.active_game(&input.game_name)?;
    state.snapshot(&input.game_name, &input.snapshot_id)?;
    let key = child_key(&input.game_name, &input.snapshot_id);
    let mut jobs = state.jobs.get(&key).cloned().unwrap_or_default();
    if jobs.len() >= quotas::JOBS_PER_SNAPSHOT {
        return Err(Fault::LimitExceeded(format!(
            "Snapshot '{}' has {} generated code jobs, the most a snapshot keeps.",
            input.snapshot_id,
            quotas::JOBS_PER_SNAPSHOT
        )));
    }
    let job = CodeJob {
        id: new_id(""),
        generator: input.generator,
        progress: cx.clock.start(),
    };
    let id = job.id.clone();
    jobs.push(job);
    state.jobs.insert(key, jobs);
    Ok(StartGeneratedCodeJobResult::builder()
        .generated_code_job_id(id)
        .build())
}

/// `GetGeneratedCodeJob`: the job, moved on one status.
pub(crate) fn get(
    state: &mut State,
    cx: &Cx<'_>,
    input: &GetGeneratedCodeJobRequest,
) -> Result<GetGeneratedCodeJobResult, Fault> {
    let (game, snapshot_id) = (&input.game_name, &input.snapshot_id);
    state.snapshot(game, snapshot_id)?;
    let job = state
        .jobs
        .get_mut(&child_key(game, snapshot_id))
        .and_then(|jobs| jobs.iter_mut().find(|job| job.id == input.job_id))
        .ok_or_else(|| {
            Fault::NotFound(format!(
                "Snapshot '{snapshot_id}' of game '{game}' has no generated code job '{}'.",
                input.job_id
            ))
        })?;
    Run::advance(cx.clock, &mut job.progress);
    Ok(GetGeneratedCodeJobResult::builder()
        .generated_code_job(details(job, cx, game, snapshot_id)?)
        .build())
}

/// `ListGeneratedCodeJobs`: the snapshot's jobs, oldest first, each moved on one status.
pub(crate) fn list(
    state: &mut State,
    cx: &Cx<'_>,
    input: &ListGeneratedCodeJobsRequest,
) -> Result<ListGeneratedCodeJobsResult, Fault> {
    let (game, snapshot_id) = (&input.game_name, &input.snapshot_id);
    state.snapshot(game, snapshot_id)?;
    let mut none = Vec::new();
    let jobs = state
        .jobs
        .get_mut(&child_key(game, snapshot_id))
        .unwrap_or(&mut none)
        .iter_mut()
        .map(|job| {
            Run::advance(cx.clock, &mut job.progress);
            details(job, cx, game, snapshot_id)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let page = cx.page(jobs, "jobs", input.max_results, input.next_token.as_deref())?;
    Ok(ListGeneratedCodeJobsResult::builder()
        .set_generated_code_jobs(Some(page.items))
        .set_next_token(page.next_token)
        .build())
}

/// The job as answered; once completed, with the URL of its code and when the URL expires.
fn details(
    job: &CodeJob,
    cx: &Cx<'_>,
    game: &str,
    snapshot: &str,
) -> Result<GeneratedCodeJobDetails, Fault> {
    let run = Run::of(&job.progress);
    let (s3_url, expiration_time) = match run {
        Run::Completed => {
            let signed = job.progress.since_millis;
            let url = urls::generated_code(cx.names, game, snapshot, &job.id, signed)?;
            let expires = signed.saturating_add(urls::VALIDITY_SECS * 1000);
            (Some(url), Some(datetime(expires)))
        }
        Run::Pending | Run::InProgress => (None, None),
    };
    let status = match run {
        Run::Pending => GeneratedCodeJobState::Pending,
        Run::InProgress => GeneratedCodeJobState::InProgress,
        Run::Completed => GeneratedCodeJobState::Completed,
    };
    Ok(GeneratedCodeJobDetails::builder()
        .description(description(job, snapshot))
        .set_expiration_time(expiration_time)
        .generated_code_job_id(job.id.clone())
        .set_s3_url(s3_url)
        .status(status)
        .build())
}

/// What the job generates: `Client code for snapshot '…': platform Unity, language CSharp,
/// Game SDK 1.0.0.`, naming the defaults for the language and SDK version when they are left
/// out.
fn description(job: &CodeJob, snapshot: &str) -> String {
    let generator = &job.generator;
    let platform = generator.target_platform.as_deref().unwrap_or("unnamed");
    let language = generator
        .language
        .as_deref()
        .unwrap_or("the platform's default");
    let sdk = generator.game_sdk_version.as_deref().unwrap_or("LATEST");
    format!(
        "Client code for snapshot '{snapshot}': platform {platform}, language {language}, Game SDK {sdk}."
    )
}
