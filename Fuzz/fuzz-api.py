#!/usr/bin/env python3
"""docs/openapi.json fuzzed by schemathesis against a running `practiced serve`.

    .venv-fuzz/bin/python Fuzz/fuzz-api.py [--binary B] [--examples N] [--seconds S] [--out DIR]

The daemon serves a temporary copy of the shipped corpus (CORPUS_DIRECTORY, MODEL_DIRECTORY),
so that POST and DELETE /v1/cases change nothing of the project's. Schemathesis speaks TCP,
the daemon a Unix socket: socat bridges a loopback port to the socket. Every check of
schemathesis runs (500s, status codes, response schemas, content types, refusal of invalid
data…), bounded by examples per operation and by time. Afterwards the daemon must still
answer /v1/health, stop cleanly on SIGTERM, and leave a corpus that `practiced cases` reads.
Exits non-zero when any of these fails; schemathesis's report and the daemon's log are in
OUT (default .fuzz/api).
"""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.getcwd()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(socket_path, path):
    """(status, body) of a GET over the Unix socket, or (None, why) when nothing answers."""
    result = subprocess.run(["curl", "-s", "--max-time", "10", "--unix-socket", socket_path, "-w", "\n%{http_code}", "http://practiced" + path],
                            capture_output=True, text=True)
    body, _, status = result.stdout.rpartition("\n")
    return (int(status), body) if status.isdigit() and status != "000" else (None, result.stderr)


def wait_for_health(socket_path, daemon, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline and daemon.poll() is None:
        if get(socket_path, "/v1/health")[0] == 200:
            return True
        time.sleep(0.2)
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/practiced")
    parser.add_argument("--examples", type=int, default=50, help="at most this many test cases per operation and phase")
    parser.add_argument("--seconds", type=int, default=600, help="time budget of the schemathesis run")
    parser.add_argument("--out", default=".fuzz/api")
    parser.add_argument("--seed", type=int, default=None, help="hypothesis seed, to repeat a run")
    parser.add_argument("--strict", action="store_true", help="also fail on schema-valid requests refused (positive_data_acceptance)")
    arguments = parser.parse_args()

    os.makedirs(arguments.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="practiced-fuzz-api-")
    corpus, sock = os.path.join(work, "corpus"), os.path.join(work, "practiced.sock")
    shutil.copytree(os.path.join(ROOT, "Models/corpus"), corpus)
    log_path = os.path.join(arguments.out, "serve.log")
    environment = dict(os.environ, CORPUS_DIRECTORY=corpus, MODEL_DIRECTORY=os.path.join(work, "model"))
    failures = []
    with open(log_path, "w") as log:
        daemon = subprocess.Popen([arguments.binary, "serve", "--socket", sock], env=environment, stdout=subprocess.DEVNULL, stderr=log)
        bridge = None
        try:
            # A first start builds the model of the corpus copy.
            if not wait_for_health(sock, daemon, 300):
                print("fuzz-api: the daemon did not come up; see %s" % log_path)
                return 1
            port = free_port()
            bridge = subprocess.Popen(["socat", "TCP-LISTEN:%d,bind=127.0.0.1,reuseaddr,fork" % port, "UNIX-CONNECT:" + sock])
            time.sleep(0.5)
            # positive_data_acceptance wants a 2xx for every body the schema allows, but the daemon
            # refuses with 422 what a schema cannot say: a collection with no case in it, a profile
            # that says nothing or contradicts its text, a category that is no action, a year no
            # document has. --strict keeps it, to review the document against the daemon.
            checks = [] if arguments.strict else ["--exclude-checks", "positive_data_acceptance"]
            # DELETE last, with the corpus's own operations only: it deletes the cases it has seen
            # in GET /v1/cases (schemathesis reuses values from responses) until none is left,
            # and the other operations need a corpus.
            for label, selection, seconds in [("all but DELETE", ["--exclude-method", "DELETE"], arguments.seconds),
                                              ("the corpus, DELETE included", ["--include-path-regex", "^/v1/cases(/\\{id\\})?$"],
                                               max(arguments.seconds // 5, 60))]:
                command = [os.path.join(os.path.dirname(sys.executable), "schemathesis"), "--config-file", "Fuzz/schemathesis.toml",
                           "run", "docs/openapi.json", "--url", "http://127.0.0.1:%d" % port, "--checks", "all"] + checks + [
                           "--max-examples", str(arguments.examples), "--max-time", str(seconds),
                           "--request-timeout", "60", "--workers", "1", "--generation-database", "none",
                           "--report", "junit,ndjson", "--report-dir", arguments.out, "--no-color"] + selection
                if arguments.seed is not None:
                    command += ["--seed", str(arguments.seed)]
                print("fuzz-api: %s: %s" % (label, " ".join(command)), flush=True)
                if subprocess.run(command).returncode != 0:
                    failures.append("schemathesis found failures in %s (above; reports in %s)" % (label, arguments.out))
            status, body = get(sock, "/v1/health")
            if status != 200:
                failures.append("the daemon no longer answers /v1/health: %s %s" % (status, body[:200]))
            if daemon.poll() is not None:
                failures.append("the daemon exited during the run with status %s" % daemon.returncode)
        finally:
            if bridge:
                bridge.terminate()
                bridge.wait()
            if daemon.poll() is None:
                daemon.send_signal(signal.SIGTERM)
                try:
                    code = daemon.wait(60)
                    if code != 0:
                        failures.append("the daemon exited with %d on SIGTERM" % code)
                except subprocess.TimeoutExpired:
                    daemon.kill()
                    failures.append("the daemon did not stop within 60 s of SIGTERM")
    cases = subprocess.run([arguments.binary, "cases", "--format", "json"], env=environment, capture_output=True, text=True)
    if cases.returncode != 0:
        failures.append("the corpus copy no longer reads: %s" % cases.stderr.strip()[:500])
    else:
        print("fuzz-api: the corpus copy reads (%d cases left)" % len(json.loads(cases.stdout)["cases"]))
    if failures:
        shutil.copytree(corpus, os.path.join(arguments.out, "corpus-after"), dirs_exist_ok=True)
    shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print("fuzz-api: FAILED: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
