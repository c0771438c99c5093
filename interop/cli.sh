#!/usr/bin/env bash
# The AWS CLI against the local server, unmodified but for --endpoint-url: a few GameLift calls
# with the current CLI, a few GameSparks calls with the last CLI that has GameSparks.
#   interop/cli.sh ENDPOINT_URL CURRENT_VENV GAMESPARKS_VENV
set -euo pipefail
endpoint=$1 current=$2 legacy=$3
export AWS_ACCESS_KEY_ID=AKID AWS_SECRET_ACCESS_KEY=SECRET AWS_DEFAULT_REGION=us-west-2 AWS_PAGER=""

# `field FILE PYTHON-EXPRESSION`: the expression evaluated on the JSON in FILE (as `d`).
field() { "$current/bin/python" -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
check() { # check WHAT GOT WANTED
  if [ "$2" != "$3" ]; then echo "FAILED: aws cli: $1: expected '$3', got '$2'" >&2; exit 1; fi
}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
gl() { "$current/bin/aws" gamelift --endpoint-url "$endpoint" --output json "$@" > "$out"; }
gs() { "$legacy/bin/aws" gamesparks --endpoint-url "$endpoint" --output json "$@" > "$out"; }

gl create-fleet --name cli-fleet --build-id build-1111aaaa-22bb-33cc-44dd-5555eeee66ff --ec2-instance-type c4.large \
  --runtime-configuration 'ServerProcesses=[{LaunchPath=/local/game/server,ConcurrentExecutions=2}]'
fleet=$(field "$out" 'd["FleetAttributes"]["FleetId"]')
check "create-fleet status" "$(field "$out" 'd["FleetAttributes"]["Status"]')" NEW
for _ in 1 2 3 4 5; do gl describe-fleet-attributes --fleet-ids "$fleet"; done
check "fleet status after five polls" "$(field "$out" 'd["FleetAttributes"][0]["Status"]')" ACTIVE
gl create-game-session --fleet-id "$fleet" --maximum-player-session-count 2 --name cli-session
check "create-game-session status" "$(field "$out" 'd["GameSession"]["Status"]')" ACTIVATING
gl describe-game-sessions --fleet-id "$fleet"
check "sessions on the fleet" "$(field "$out" 'len(d["GameSessions"])')" 1
if "$current/bin/aws" gamelift --endpoint-url "$endpoint" describe-game-session-placement --placement-id cli-nothing > "$out" 2>&1; then
  echo "FAILED: aws cli: an unknown placement was described" >&2; exit 1
fi
grep -q NotFoundException "$out" || { echo "FAILED: aws cli: unknown placement: $(cat "$out")" >&2; exit 1; }

gs create-game --game-name cli-game --description "from the CLI"
check "create-game state" "$(field "$out" 'd["Game"]["State"]')" ACTIVE
gs list-games
check "list-games finds it" "$(field "$out" '[g["Name"] for g in d["Games"]].count("cli-game")')" 1
gs get-game --game-name cli-game
check "get-game description" "$(field "$out" 'd["Game"]["Description"]')" "from the CLI"
if "$legacy/bin/aws" gamesparks --endpoint-url "$endpoint" get-game --game-name cli-no-such-game > "$out" 2>&1; then
  echo "FAILED: aws cli: an unknown game was found" >&2; exit 1
fi
grep -q ResourceNotFoundException "$out" || { echo "FAILED: aws cli: unknown game: $(cat "$out")" >&2; exit 1; }

echo "aws cli ($("$current/bin/aws" --version 2>&1 | cut -d' ' -f1) gamelift, $("$legacy/bin/aws" --version 2>&1 | cut -d' ' -f1) gamesparks): 13 calls: passed"
