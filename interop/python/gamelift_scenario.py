"""boto3 against the local GameLift: every operation of models/gamelift.json, its paginators
and its documented errors, from fleet creation to matchmaking.

    python gamelift_scenario.py http://127.0.0.1:4566
"""

from harness import Scenario, endpoint_from_args

BUILD = "build-1111aaaa-22bb-33cc-44dd-5555eeee66ff"
FLEET_STATUSES = ["DOWNLOADING", "VALIDATING", "BUILDING", "ACTIVATING", "ACTIVE"]


def create_fleet(s, name, tls=False, processes=None):
    """A fleet; its one instance runs `processes` server processes (each hosts one session),
    or just the one that `ServerLaunchPath` names."""
    extra = {}
    if processes:
        extra["RuntimeConfiguration"] = {
            "ServerProcesses": [{"LaunchPath": "C:\\game\\server.exe", "ConcurrentExecutions": processes}]
        }
        extra["EC2InboundPermissions"] = [{"FromPort": 33430, "ToPort": 33450, "IpRange": "0.0.0.0/0", "Protocol": "UDP"}]
    else:
        extra["ServerLaunchPath"] = "C:\\game\\server.exe"
    answer = s.client.create_fleet(
        Name=name,
        BuildId=BUILD,
        EC2InstanceType="c4.large",
        CertificateConfiguration={"CertificateType": "GENERATED" if tls else "DISABLED"},
        **extra,
    )
    fleet = answer["FleetAttributes"]
    s.check("CreateFleet status", fleet["Status"], "NEW")
    s.check_true("fleet id", fleet["FleetId"].startswith("fleet-"), fleet["FleetId"])
    s.check_true("fleet ARN", fleet["FleetArn"].startswith("arn:aws:gamelift:us-west-2:"), fleet["FleetArn"])
    return fleet["FleetId"]


def fleet_status(s, fleet_id):
    fleets = s.client.describe_fleet_attributes(FleetIds=[fleet_id])["FleetAttributes"]
    s.check("fleets described", len(fleets), 1)
    return fleets[0]["Status"]


def fleets(s):
    fleet_id = create_fleet(s, "boto3-fleet", tls=True, processes=20)
    seen = s.poll("fleet to ACTIVE", lambda: fleet_status(s, fleet_id), lambda st: st == "ACTIVE")
    s.check("fleet statuses, one per poll", seen, FLEET_STATUSES)
    instances, _ = s.paginate("describe_instances", "Instances", FleetId=fleet_id)
    s.check_true("instances", len(instances) >= 1, instances)
    s.check_true("instance address", instances[0].get("IpAddress"), instances[0])
    s.check_true("TLS fleet instances have a DNS name", instances[0].get("DnsName"), instances[0])
    for n in range(3):
        create_fleet(s, f"boto3-extra-{n}")
    listed, pages = s.paginate(
        "describe_fleet_attributes", "FleetAttributes", PaginationConfig={"PageSize": 2}
    )
    s.check_true("all fleets over several pages", len(listed) >= 4 and pages >= 2, (len(listed), pages))
    return fleet_id


def sessions(s, fleet_id):
    single = create_fleet(s, "boto3-one-process")
    s.error("InvalidFleetStatusException", s.client.create_game_session, FleetId=single, MaximumPlayerSessionCount=2)
    s.poll("one-process fleet to ACTIVE", lambda: fleet_status(s, single), lambda st: st == "ACTIVE")
    s.client.create_game_session(FleetId=single, MaximumPlayerSessionCount=2)
    s.error("FleetCapacityExceededException", s.client.create_game_session, FleetId=single, MaximumPlayerSessionCount=2)
    s.error("NotFoundException", s.client.create_game_session, FleetId="fleet-00000000-0000-0000-0000-000000000000", MaximumPlayerSessionCount=2)
    request = dict(
        FleetId=fleet_id,
        MaximumPlayerSessionCount=2,
        Name="Matt's Awesome Game 1",
        GameProperties=[{"Key": "mode", "Value": "ctf"}],
        IdempotencyToken="boto3-token-1",
    )
    created = s.client.create_game_session(**request)["GameSession"]
    s.check("CreateGameSession status", created["Status"], "ACTIVATING")
    again = s.client.create_game_session(**request)["GameSession"]
    s.check("the same idempotency token, the same session", again["GameSessionId"], created["GameSessionId"])
    s.error("IdempotentParameterMismatchException", s.client.create_game_session, **{**request, "MaximumPlayerSessionCount": 5})
    session_id = created["GameSessionId"]

    def status():
        found = s.client.describe_game_sessions(GameSessionId=session_id)["GameSessions"]
        return found[0]["Status"]

    s.poll("game session to ACTIVE", status, lambda st: st == "ACTIVE")
    details = s.client.describe_game_session_details(GameSessionId=session_id)["GameSessionDetails"]
    s.check("details of one session", len(details), 1)
    s.check_true("protection policy", details[0].get("ProtectionPolicy"), details[0])
    for n in range(3):
        s.client.create_game_session(FleetId=fleet_id, MaximumPlayerSessionCount=8, Name=f"boto3-more-{n}")
    listed, pages = s.paginate(
        "describe_game_sessions", "GameSessions", FleetId=fleet_id, PaginationConfig={"PageSize": 2}
    )
    s.check("sessions on the fleet over pages", (len(listed), pages >= 2), (4, True))
    updated = s.client.update_game_session(
        GameSessionId=session_id, MaximumPlayerSessionCount=3, Name="Matt's Awesome Game 1"
    )["GameSession"]
    s.check("updated maximum", updated["MaximumPlayerSessionCount"], 3)
    return session_id


def players(s, session_id):
    one = s.client.create_player_session(GameSessionId=session_id, PlayerId="player-1", PlayerData="level 3")
    s.check("player session status", one["PlayerSession"]["Status"], "RESERVED")
    two = s.client.create_player_sessions(GameSessionId=session_id, PlayerIds=["player-2", "player-3"])
    s.check("batch reserved", len(two["PlayerSessions"]), 2)
    s.error("GameSessionFullException", s.client.create_player_session, GameSessionId=session_id, PlayerId="player-4")
    session = s.client.describe_game_sessions(GameSessionId=session_id)["GameSessions"][0]
    s.check("player count", session["CurrentPlayerSessionCount"], 3)
    by_session, _ = s.paginate(
        "describe_player_sessions", "PlayerSessions", GameSessionId=session_id, PaginationConfig={"PageSize": 1}
    )
    s.check("players of the session", sorted(p["PlayerId"] for p in by_session), ["player-1", "player-2", "player-3"])
    by_player = s.client.describe_player_sessions(PlayerId="player-1")["PlayerSessions"]
    s.check("sessions of a player", [p["PlayerData"] for p in by_player], ["level 3"])
    reserved = s.client.describe_player_sessions(GameSessionId=session_id, PlayerSessionStatusFilter="RESERVED")
    s.check("reserved filter", len(reserved["PlayerSessions"]), 3)
    s.client.update_game_session(GameSessionId=session_id, MaximumPlayerSessionCount=10, PlayerSessionCreationPolicy="DENY_ALL")
    s.error("InvalidGameSessionStatusException", s.client.create_player_session, GameSessionId=session_id, PlayerId="player-5")
    s.client.update_game_session(GameSessionId=session_id, PlayerSessionCreationPolicy="ACCEPT_ALL")


def search(s, fleet_id, session_id):
    found = s.client.search_game_sessions(
        FleetId=fleet_id,
        FilterExpression="gameSessionName = 'Matt\\'s Awesome Game 1' AND gameSessionProperties.mode = 'ctf'",
        SortExpression="creationTimeMillis ASC",
    )["GameSessions"]
    s.check("found by name and property", [g["GameSessionId"] for g in found], [session_id])
    message = s.error(
        "InvalidRequestException", s.client.search_game_sessions, FleetId=fleet_id, FilterExpression="maximumSessions >= "
    )
    s.check_true("a bad expression's message says where", "position" in message, message)
    ordered, _ = s.paginate(
        "search_game_sessions", "GameSessions", FleetId=fleet_id,
        FilterExpression="hasAvailablePlayerSessions = true", SortExpression="maximumSessions DESC",
        PaginationConfig={"PageSize": 2},
    )
    counts = [g["MaximumPlayerSessionCount"] for g in ordered]
    s.check("sorted by maximumSessions DESC", counts, sorted(counts, reverse=True))


def placements(s):
    started = s.client.start_game_session_placement(
        PlacementId="boto3-placement-1",
        GameSessionQueueName="boto3-queue",
        MaximumPlayerSessionCount=4,
        DesiredPlayerSessions=[{"PlayerId": "placed-1", "PlayerData": "hi"}],
    )["GameSessionPlacement"]
    s.check("placement status", started["Status"], "PENDING")

    def placement():
        return s.client.describe_game_session_placement(PlacementId="boto3-placement-1")["GameSessionPlacement"]

    seen = s.poll("placement fulfilled", placement, lambda p: p["Status"] == "FULFILLED")
    fulfilled = seen[-1]
    s.check_true("placed session", fulfilled.get("GameSessionArn") and fulfilled.get("IpAddress"), fulfilled)
    s.check("placed players", [p["PlayerId"] for p in fulfilled.get("PlacedPlayerSessions", [])], ["placed-1"])
    s.client.start_game_session_placement(PlacementId="boto3-placement-2", GameSessionQueueName="boto3-queue", MaximumPlayerSessionCount=4)
    stopped = s.client.stop_game_session_placement(PlacementId="boto3-placement-2")["GameSessionPlacement"]
    s.check("stopped placement", stopped["Status"], "CANCELLED")
    s.error("NotFoundException", s.client.describe_game_session_placement, PlacementId="boto3-no-such-placement")


def matchmaking(s, session_arn):
    ticket = s.client.start_matchmaking(
        TicketId="boto3-ticket-1",
        ConfigurationName="boto3-config",
        Players=[{"PlayerId": "match-1", "PlayerAttributes": {"skill": {"N": 23}}}],
    )["MatchmakingTicket"]
    s.check("ticket status", ticket["Status"], "QUEUED")

    def status():
        return s.client.describe_matchmaking(TicketIds=["boto3-ticket-1"])["TicketList"][0]

    seen = s.poll("ticket completed", status, lambda t: t["Status"] == "COMPLETED")
    s.check("ticket statuses", [t["Status"] for t in seen][-3:], ["SEARCHING", "PLACING", "COMPLETED"])
    info = seen[-1].get("GameSessionConnectionInfo", {})
    s.check("matched players", [p["PlayerId"] for p in info.get("MatchedPlayerSessions", [])], ["match-1"])
    # A backfill lists the players in the session; it seats a waiting ticket's players.
    waiting = s.client.start_matchmaking(
        TicketId="boto3-ticket-2", ConfigurationName="boto3-config", Players=[{"PlayerId": "late-1"}]
    )["MatchmakingTicket"]
    s.check("waiting ticket", waiting["Status"], "QUEUED")
    seated = [{"PlayerId": p} for p in ("player-1", "player-2", "player-3")]
    s.error(
        "InvalidRequestException", s.client.start_match_backfill, TicketId="boto3-backfill-0",
        ConfigurationName="boto3-config", GameSessionArn=session_arn, Players=[{"PlayerId": "nobody"}],
    )
    backfill = s.client.start_match_backfill(
        TicketId="boto3-backfill-1", ConfigurationName="boto3-config", GameSessionArn=session_arn, Players=seated
    )["MatchmakingTicket"]
    s.check("backfill ticket", backfill["TicketId"], "boto3-backfill-1")
    s.poll(
        "backfill completed",
        lambda: s.client.describe_matchmaking(TicketIds=["boto3-backfill-1"])["TicketList"][0],
        lambda t: t["Status"] == "COMPLETED",
    )
    tickets = s.client.describe_matchmaking(TicketIds=["boto3-ticket-2", "boto3-backfill-1"])["TicketList"]
    done = {t["TicketId"]: t for t in tickets}
    s.check("the waiting ticket is seated", done["boto3-ticket-2"]["Status"], "COMPLETED")
    s.check(
        "in the backfilled session",
        done["boto3-ticket-2"]["GameSessionConnectionInfo"]["GameSessionArn"],
        session_arn,
    )


def main():
    s = Scenario("gamelift", "gamelift.json", endpoint_from_args())
    fleet_id = fleets(s)
    session_id = sessions(s, fleet_id)
    players(s, session_id)
    search(s, fleet_id, session_id)
    placements(s)
    arn = s.client.describe_game_sessions(GameSessionId=session_id)["GameSessions"][0]["GameSessionId"]
    matchmaking(s, arn)
    s.finish("GameLift scenario")


if __name__ == "__main__":
    main()
