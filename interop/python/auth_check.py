"""boto3 against a server started with `--require-auth --key AKID:SECRET`: a request signed
with the key is served; one signed with another secret gets the service's documented
authentication error (GameLift UnauthorizedException, GameSparks AccessDeniedException).

    python auth_check.py http://127.0.0.1:4566 gamelift
"""

import sys

import boto3
from botocore.exceptions import ClientError


def client(service, endpoint, secret):
    return boto3.client(
        service, endpoint_url=endpoint, region_name="us-west-2",
        aws_access_key_id="AKID", aws_secret_access_key=secret,
    )


def call(service, c):
    return c.describe_fleet_attributes() if service == "gamelift" else c.list_games()


def main():
    endpoint, service = sys.argv[1], sys.argv[2]
    wanted = {"gamelift": ("UnauthorizedException", 400), "gamesparks": ("AccessDeniedException", 403)}[service]
    call(service, client(service, endpoint, "SECRET"))
    try:
        call(service, client(service, endpoint, "WRONG"))
    except ClientError as e:
        got = (e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
        if got != wanted:
            print(f"FAILED: {service} with a wrong secret: expected {wanted}, got {got}", file=sys.stderr)
            sys.exit(1)
        print(f"auth {service}: a signed request is served; a wrong secret gets {got[0]} ({got[1]}): passed")
        return
    print(f"FAILED: {service} with a wrong secret was served", file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":
    main()
