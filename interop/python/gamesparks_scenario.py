"""boto3 (botocore 1.31.66, the last with GameSparks) against the local GameSparks: every
operation of models/gamesparks.json, its paginators and its documented errors.

    python gamesparks_scenario.py http://127.0.0.1:4566
"""

import json

from harness import Scenario, endpoint_from_args

GAME = "boto3-game"
ROLE = "arn:aws:iam::123456789012:role/boto3-stage-role"


def games(s):
    created = s.client.create_game(GameName=GAME, Description="scenario", Tags={"team": "core"})["Game"]
    s.check("new game state", created["State"], "ACTIVE")
    s.check_true("game ARN", created["Arn"].endswith(f":game/{GAME}"), created["Arn"])
    s.error("ConflictException", s.client.create_game, GameName=GAME)
    s.check("GetGame", s.client.get_game(GameName=GAME)["Game"]["Description"], "scenario")
    s.client.update_game(GameName=GAME, Description="updated")
    s.check("UpdateGame", s.client.get_game(GameName=GAME)["Game"]["Description"], "updated")
    for n in range(3):
        s.client.create_game(GameName=f"boto3-extra-{n}")
    listed, pages = s.paginate("list_games", "Games", PaginationConfig={"PageSize": 2})
    s.check_true("games over pages", len(listed) >= 4 and pages >= 2, (len(listed), pages))
    s.error("ResourceNotFoundException", s.client.get_game, GameName="boto3-no-such-game")
    return created["Arn"]


def deleted(s):
    s.client.delete_game(GameName="boto3-extra-0")

    def state():
        try:
            return s.client.get_game(GameName="boto3-extra-0")["Game"]["State"]
        except s.client.exceptions.ResourceNotFoundException:
            return "GONE"

    seen = s.poll("game deleted", state, lambda st: st == "GONE")
    s.check_true("DELETING before gone", "DELETING" in seen or seen == ["GONE"], seen)


def configuration(s):
    # The import file: {"Sections": {"<section name>": {<the section's attributes>}}}.
    sections = {"Sections": {"Items": {"sword": {"damage": 3}}}}
    imported = s.client.import_game_configuration(
        GameName=GAME, ImportSource={"File": json.dumps(sections).encode()}
    )["GameConfiguration"]
    s.check_true("imported section", "Items" in imported["Sections"], imported)
    s.error("ValidationException", s.client.import_game_configuration, GameName=GAME, ImportSource={"File": b"not json"})
    updated = s.client.update_game_configuration(
        GameName=GAME,
        Modifications=[
            {"Operation": "ADD", "Section": "Items", "Path": "/shield", "Value": {"armor": 2}},
            {"Operation": "REPLACE", "Section": "Items", "Path": "/sword", "Value": {"damage": 5}},
            {"Operation": "ADD", "Section": "Levels", "Path": "/one", "Value": {"boss": "slime"}},
        ],
    )["GameConfiguration"]
    items = updated["Sections"]["Items"]["Attributes"]
    s.check("ADD and REPLACE", items, {"sword": {"damage": 5}, "shield": {"armor": 2}})
    s.client.update_game_configuration(
        GameName=GAME, Modifications=[{"Operation": "REMOVE", "Section": "Items", "Path": "/shield"}]
    )
    s.error(
        "ValidationException", s.client.update_game_configuration, GameName=GAME,
        Modifications=[{"Operation": "REMOVE", "Section": "Items", "Path": "/no/such/path"}],
    )
    only = s.client.get_game_configuration(GameName=GAME, Sections=["Levels"])["GameConfiguration"]
    s.check("one section asked for", sorted(only["Sections"]), ["Levels"])


def snapshots(s):
    snapshot = s.client.create_snapshot(GameName=GAME, Description="first")["Snapshot"]
    snapshot_id = snapshot["Id"]
    s.check("snapshot sections", sorted(snapshot["Sections"]), ["Items", "Levels"])
    got = s.client.get_snapshot(GameName=GAME, SnapshotId=snapshot_id, Sections=["Items"])["Snapshot"]
    s.check("snapshot section filter", sorted(got["Sections"]), ["Items"])
    s.client.update_snapshot(GameName=GAME, SnapshotId=snapshot_id, Description="renamed")
    s.client.create_snapshot(GameName=GAME, Description="second")
    s.client.create_snapshot(GameName=GAME, Description="third")
    listed, pages = s.paginate("list_snapshots", "Snapshots", GameName=GAME, PaginationConfig={"PageSize": 2})
    s.check("snapshots over pages", (len(listed), pages), (3, 2))
    s.check_true("renamed", any(x.get("Description") == "renamed" for x in listed), listed)
    exported = s.client.export_snapshot(GameName=GAME, SnapshotId=snapshot_id)
    s.check_true("export URL", exported["S3Url"].startswith("https://"), exported)
    s.error("ResourceNotFoundException", s.client.get_snapshot, GameName=GAME, SnapshotId="Snapshot_2020-01-01T00:00:00.000000Z")
    return snapshot_id


def stages(s, snapshot_id):
    stage = s.client.create_stage(GameName=GAME, StageName="dev", Role=ROLE, Description="dev stage")["Stage"]
    s.check_true("stage ARN", stage["Arn"].endswith(f":game/{GAME}/stage/dev"), stage["Arn"])
    s.error("ConflictException", s.client.create_stage, GameName=GAME, StageName="dev", Role=ROLE)
    s.client.update_stage(GameName=GAME, StageName="dev", Description="the dev stage")
    s.check("UpdateStage", s.client.get_stage(GameName=GAME, StageName="dev")["Stage"]["Description"], "the dev stage")
    s.client.create_stage(GameName=GAME, StageName="test", Role=ROLE)
    s.client.create_stage(GameName=GAME, StageName="prod", Role=ROLE)
    listed, _ = s.paginate("list_stages", "Stages", GameName=GAME, PaginationConfig={"PageSize": 2})
    s.check("stages", sorted(x["Name"] for x in listed), ["dev", "prod", "test"])
    s.client.delete_stage(GameName=GAME, StageName="test")

    started = s.client.start_stage_deployment(GameName=GAME, StageName="dev", SnapshotId=snapshot_id, ClientToken="boto3-deployment-token-0000000000001")
    deployment = started["StageDeployment"]
    s.check("deployment starts PENDING", deployment["DeploymentState"], "PENDING")

    def state():
        return s.client.get_stage_deployment(GameName=GAME, StageName="dev", DeploymentId=deployment["DeploymentId"])["StageDeployment"]

    seen = s.poll("deployment completed", state, lambda d: d["DeploymentState"] == "COMPLETED")
    s.check("deployment states", [d["DeploymentState"] for d in seen][-2:], ["IN_PROGRESS", "COMPLETED"])
    s.check("deployment result", seen[-1]["DeploymentResult"]["ResultCode"], "SUCCESS")
    latest = s.client.get_stage_deployment(GameName=GAME, StageName="dev")["StageDeployment"]
    s.check("latest deployment", latest["DeploymentId"], deployment["DeploymentId"])
    listed, _ = s.paginate("list_stage_deployments", "StageDeployments", GameName=GAME, StageName="dev")
    s.check("deployments listed", len(listed), 1)
    return stage["Arn"]


def code_jobs(s, snapshot_id):
    job_id = s.client.start_generated_code_job(
        GameName=GAME, SnapshotId=snapshot_id,
        Generator={"GameSdkVersion": "1.0.0", "Language": "C_SHARP", "TargetPlatform": "WINDOWS"},
    )["GeneratedCodeJobId"]

    def job():
        return s.client.get_generated_code_job(GameName=GAME, SnapshotId=snapshot_id, JobId=job_id)["GeneratedCodeJob"]

    seen = s.poll("code job completed", job, lambda j: j["Status"] == "COMPLETED")
    s.check_true("code job URL", seen[-1].get("S3Url"), seen[-1])
    listed, _ = s.paginate("list_generated_code_jobs", "GeneratedCodeJobs", GameName=GAME, SnapshotId=snapshot_id)
    s.check("jobs listed", [j["GeneratedCodeJobId"] for j in listed], [job_id])


def extensions(s):
    listed, _ = s.paginate("list_extensions", "Extensions", PaginationConfig={"PageSize": 1})
    s.check_true("extension catalog", listed, listed)
    first = listed[0]
    got = s.client.get_extension(Namespace=first["Namespace"], Name=first["Name"])["Extension"]
    s.check("GetExtension", got["Name"], first["Name"])
    versions, _ = s.paginate("list_extension_versions", "ExtensionVersions", Namespace=first["Namespace"], Name=first["Name"])
    s.check_true("versions", versions, versions)
    version = s.client.get_extension_version(
        Namespace=first["Namespace"], Name=first["Name"], ExtensionVersion=versions[0]["Version"]
    )["ExtensionVersion"]
    s.check("GetExtensionVersion", version["Version"], versions[0]["Version"])
    s.error("ResourceNotFoundException", s.client.get_extension, Namespace="NoSuch", Name="Extension")


def players(s):
    status = s.client.get_player_connection_status(GameName=GAME, StageName="dev", PlayerId="player-1")
    s.check("no connections", status["Connections"], [])
    answer = s.client.disconnect_player(GameName=GAME, StageName="dev", PlayerId="player-1")
    s.check("nothing to disconnect", answer.get("DisconnectSuccesses", []), [])


def tags(s, game_arn, stage_arn):
    s.client.tag_resource(ResourceArn=game_arn, tags={"env": "test"})
    s.check("game tags", s.client.list_tags_for_resource(ResourceArn=game_arn)["tags"], {"team": "core", "env": "test"})
    s.client.untag_resource(ResourceArn=game_arn, tagKeys=["team"])
    s.check("untagged", s.client.list_tags_for_resource(ResourceArn=game_arn)["tags"], {"env": "test"})
    s.client.tag_resource(ResourceArn=stage_arn, tags={"tier": "dev"})
    s.check("stage tags", s.client.list_tags_for_resource(ResourceArn=stage_arn)["tags"], {"tier": "dev"})
    missing = game_arn.replace(GAME, "boto3-no-such-game")
    s.error("ResourceNotFoundException", s.client.list_tags_for_resource, ResourceArn=missing)


def main():
    s = Scenario("gamesparks", "gamesparks.json", endpoint_from_args())
    game_arn = games(s)
    deleted(s)
    configuration(s)
    snapshot_id = snapshots(s)
    stage_arn = stages(s, snapshot_id)
    code_jobs(s, snapshot_id)
    extensions(s)
    players(s)
    tags(s, game_arn, stage_arn)
    s.finish("GameSparks scenario")


if __name__ == "__main__":
    main()
