"""What the boto3 scenarios share: a client pointed at the local server, a record of the
operations called, checks that say what differed, and the summary line.

A scenario is run as `python gamelift_scenario.py ENDPOINT_URL`; it exits 1 on the first
check that fails, naming it.
"""

import json
import os
import sys

import boto3
import botocore
from botocore.exceptions import ClientError

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Scenario:
    """One service's scenario: its client, the operations it called, the errors it saw."""

    def __init__(self, service, model_file, endpoint, **client_args):
        self.service = service
        self.client = boto3.client(
            service,
            endpoint_url=endpoint,
            region_name="us-west-2",
            aws_access_key_id=client_args.pop("access_key", "AKID"),
            aws_secret_access_key=client_args.pop("secret_key", "SECRET"),
            **client_args,
        )
        self.called = set()
        self.errors = set()
        self.paginated = set()
        self.client.meta.events.register("before-call", self._record)
        with open(os.path.join(ROOT, "models", model_file)) as f:
            shapes = json.load(f)["shapes"]
        self.documented = sorted(
            name.split("#")[1]
            for name, shape in shapes.items()
            if shape.get("type") == "operation"
        )

    def _record(self, model, **_):
        self.called.add(model.name)

    def check(self, what, got, wanted):
        """Fails the scenario unless `got == wanted`."""
        if got != wanted:
            fail(f"{what}: expected {wanted!r}, got {got!r}")

    def check_true(self, what, condition, detail=""):
        if not condition:
            fail(f"{what}{': ' + str(detail) if detail else ''}")

    def error(self, code, call, **kwargs):
        """Calls `call(**kwargs)`, which must fail with error `code`; the error's message."""
        try:
            answer = call(**kwargs)
        except ClientError as e:
            got = e.response["Error"]["Code"]
            if got != code:
                fail(f"{call.__name__}: expected error {code}, got {got}: {e}")
            self.errors.add(code)
            return e.response["Error"].get("Message", "")
        fail(f"{call.__name__}: expected error {code}, got an answer: {answer!r}")

    def paginate(self, operation, result_key, **kwargs):
        """Every item of `result_key` over all pages of `operation`, and the page count."""
        paginator = self.client.get_paginator(operation)
        items, pages = [], 0
        for page in paginator.paginate(**kwargs):
            pages += 1
            items.extend(page.get(result_key, []))
        self.paginated.add(operation)
        return items, pages

    def poll(self, what, read, done, max_polls=30):
        """Calls `read()` until `done(answer)`; the answers seen."""
        seen = []
        for _ in range(max_polls):
            answer = read()
            seen.append(answer)
            if done(answer):
                return seen
        fail(f"{what}: not done after {max_polls} polls")

    def finish(self, label):
        missing = [op for op in self.documented if op not in self.called]
        if missing:
            fail(f"operations the scenario did not call: {', '.join(missing)}")
        print(
            f"{label} (boto3 {boto3.__version__}, botocore {botocore.__version__}, "
            f"protocol {self.client.meta.service_model.protocol}): "
            f"{len(self.called & set(self.documented))}/{len(self.documented)} operations, "
            f"{len(self.paginated)} paginators, {len(self.errors)} documented errors "
            f"({', '.join(sorted(self.errors))}): passed"
        )


def fail(message):
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def endpoint_from_args():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} ENDPOINT_URL", file=sys.stderr)
        sys.exit(2)
    return sys.argv[1]
