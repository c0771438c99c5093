"""Crash check: writers change both services' state while the server is killed with SIGKILL;
after a restart on the same state, every change the server acknowledged must be there.

    python crash_check.py write ENDPOINT_URL LOG SECONDS   # writers, until the server dies
    python crash_check.py verify ENDPOINT_URL LOG          # every acknowledged change present

`write` appends one JSON line per acknowledged change to LOG (a fleet, a fleet status seen, a
game session, its players, a game, a configuration change) and ends when the server stops
answering or SECONDS pass. `verify` exits 1 naming each acknowledged change that is missing.
Needs boto3 on botocore 1.31.66 (GameSparks).
"""

import json
import sys
import threading
import time

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

WRITERS = 8
STATUS_ORDER = ["NEW", "DOWNLOADING", "VALIDATING", "BUILDING", "ACTIVATING", "ACTIVE"]


def clients(endpoint):
    config = Config(retries={"max_attempts": 1}, connect_timeout=2, read_timeout=10)
    kw = dict(
        endpoint_url=endpoint,
        region_name="us-west-2",
        aws_access_key_id="AKID",
        aws_secret_access_key="SECRET",
        config=config,
    )
    return boto3.client("gamelift", **kw), boto3.client("gamesparks", **kw)


class Log:
    """The acknowledged changes, one JSON line each, flushed as they come."""

    def __init__(self, path):
        self.file = open(path, "a")
        self.lock = threading.Lock()

    def add(self, **change):
        with self.lock:
            self.file.write(json.dumps(change) + "\n")
            self.file.flush()


def writer(endpoint, log, number, deadline, stopped, failures):
    try:
        write_rounds(endpoint, log, number, deadline, stopped)
    except SystemExit as error:
        failures.append(str(error))
    except Exception as error:  # anything else is a bug of this check, not a lost change
        failures.append(f"writer {number}: {error!r}")


def write_rounds(endpoint, log, number, deadline, stopped):
    gamelift, gamesparks = clients(endpoint)
    round_ = 0
    games = []  # this writer's games; once the account's game quota is reached, it updates them
    while time.time() < deadline and not stopped.is_set():
        name = f"crash-{number}-{round_}"
        round_ += 1
        try:
            name = create_game_or_reuse(gamesparks, name, games, round_)
            if name is None:
                name = f"crash-{number}-{round_}-fleet"
            else:
                log.add(kind="game", name=name)
                gamesparks.update_game_configuration(
                    GameName=name,
                    Modifications=[{"Operation": "ADD", "Section": "S", "Path": "/round", "Value": round_}],
                )
                log.add(kind="config", name=name, value=round_)
            fleet = gamelift.create_fleet(
                Name=name,
                BuildId="build-1111aaaa-22bb-33cc-44dd-5555eeee66ff",
                EC2InstanceType="c4.large",
                ServerLaunchPath="/local/game/server",
            )["FleetAttributes"]["FleetId"]
            log.add(kind="fleet", id=fleet)
            status = "NEW"
            while status != "ACTIVE":
                status = gamelift.describe_fleet_attributes(FleetIds=[fleet])["FleetAttributes"][0]["Status"]
                log.add(kind="status", id=fleet, status=status)
            session = gamelift.create_game_session(FleetId=fleet, MaximumPlayerSessionCount=2)["GameSession"]
            log.add(kind="session", id=session["GameSessionId"])
            while session["Status"] != "ACTIVE":
                found = gamelift.describe_game_sessions(GameSessionId=session["GameSessionId"])
                session = found["GameSessions"][0]
            players = [f"{name}-p{i}" for i in range(2)]
            gamelift.create_player_sessions(GameSessionId=session["GameSessionId"], PlayerIds=players)
            log.add(kind="players", session=session["GameSessionId"], players=players)
        except (BotoCoreError, ClientError) as error:
            if isinstance(error, ClientError) and error.response["ResponseMetadata"]["HTTPStatusCode"] < 500:
                sys.exit(f"crash: writer {number}: unexpected refusal: {error}")
            stopped.set()  # the server is gone (or failed): stop writing
            return


def create_game_or_reuse(gamesparks, name, games, round_):
    """Creates the game `name`, or, once the account holds its quota of games (a documented
    refusal, not a failure), picks one of this writer's games to change instead; None when the
    writer has none."""
    if games and games[-1] is None:
        return games[(round_ % (len(games) - 1))] if len(games) > 1 else None
    try:
        gamesparks.create_game(GameName=name)
    except ClientError as error:
        if error.response["Error"]["Code"] != "ServiceQuotaExceededException":
            raise
        games.append(None)  # the marker: no more games to create
        return create_game_or_reuse(gamesparks, name, games, round_)
    games.append(name)
    return name


def write(endpoint, path, seconds):
    log = Log(path)
    deadline = time.time() + float(seconds)
    stopped = threading.Event()
    failures = []
    threads = [
        threading.Thread(target=writer, args=(endpoint, log, n, deadline, stopped, failures))
        for n in range(WRITERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        sys.exit("crash: " + "; ".join(failures[:5]))


def verify(endpoint, path):
    gamelift, gamesparks = clients(endpoint)
    with open(path) as f:
        changes = [json.loads(line) for line in f if line.strip()]
    missing = []
    latest_status = {}
    latest_config = {}
    for change in changes:
        if change["kind"] == "config":
            latest_config[change["name"]] = max(change["value"], latest_config.get(change["name"], 0))
        if change["kind"] == "status":
            seen = latest_status.get(change["id"], "NEW")
            if STATUS_ORDER.index(change["status"]) > STATUS_ORDER.index(seen):
                latest_status[change["id"]] = change["status"]
    for change in changes:
        kind = change["kind"]
        try:
            if kind == "game":
                gamesparks.get_game(GameName=change["name"])
            elif kind == "config":
                # A game's configuration is changed again and again once the quota is reached:
                # the value there is the last acknowledged one, or a later unacknowledged one.
                if change["value"] != latest_config[change["name"]]:
                    continue
                sections = gamesparks.get_game_configuration(GameName=change["name"])["GameConfiguration"]["Sections"]
                if sections["S"]["Attributes"].get("round", -1) < change["value"]:
                    missing.append(change)
            elif kind == "fleet":
                if not gamelift.describe_fleet_attributes(FleetIds=[change["id"]])["FleetAttributes"]:
                    missing.append(change)
            elif kind == "session":
                gamelift.describe_game_sessions(GameSessionId=change["id"])
            elif kind == "players":
                found = gamelift.describe_player_sessions(GameSessionId=change["session"])["PlayerSessions"]
                if sorted(p["PlayerId"] for p in found) != sorted(change["players"]):
                    missing.append(change)
        except ClientError:
            missing.append(change)
    # A fleet status acknowledged is not lost: reads after the restart move on from it (each
    # read advances one status), never back before it.
    for fleet, status in latest_status.items():
        now = gamelift.describe_fleet_attributes(FleetIds=[fleet])["FleetAttributes"]
        if not now or STATUS_ORDER.index(now[0]["Status"]) < STATUS_ORDER.index(status):
            missing.append({"kind": "status", "id": fleet, "status": status, "now": now})
    for change in missing[:20]:
        print(f"crash: lost an acknowledged change: {change}")
    kinds = sorted({c["kind"] for c in changes})
    print(f"crash: {len(changes)} acknowledged changes ({', '.join(kinds)}) checked after SIGKILL and restart: {len(missing)} lost")
    sys.exit(1 if missing or not changes else 0)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "write":
        write(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "verify":
        verify(sys.argv[2], sys.argv[3])
    else:
        sys.exit(f"unknown mode {mode}: use write or verify")
