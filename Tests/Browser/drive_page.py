#!/usr/bin/env python3
"""Drive practiced's browser page (config/page/index.html) in headless Chromium.

Talks the DevTools protocol over a WebSocket (needs only the standard library and
`websocket-client`), plays one scenario and checks what the page shows:

  good          fill a profile, submit: exactly 10 practices, each with its source; open the
                first one's similar cases; generate the region report; screenshot the page
  empty         submit the empty form: the daemon's refusal shows in #error, no practices
  unknown-word  a focus the taxonomy does not know: #error shows the daemon's 422 naming it
  oversized     ~1.2 MB of plan text: #error shows the daemon's 413 (or 422), no blank page

In every scenario the console must stay clean: no exceptions, no console.error/warn, no
error or warning log entries. The one exception, in the error scenarios only, is Chromium's
own "Failed to load resource: the server responded with a status of 4xx" line, which it logs
for every non-2xx fetch answer: there the 4xx is the point of the test.

Prints one JSON line ({"scenario", "practices", "error", "console", "ok", ...}) and exits 0 when
every check passed, 1 otherwise (reasons on stderr), 2 on bad usage.

  python3 Tests/Browser/drive_page.py --url http://127.0.0.1:8080/ --screenshot page.png \
      [--chromium /usr/bin/chromium] [--scenario good|empty|unknown-word|oversized]
"""
import argparse
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # pip install websocket-client

WIDTH, HEIGHT = 1200, 2400
HARD_LIMIT_SECONDS = 90          # SIGALRM backstop: nothing below may hang past this
NETWORK_STATUS = re.compile(r"^Failed to load resource: the server responded with a status of 4\d\d\b")


class Failure(Exception):
    pass


class DevTools:
    """A minimal CDP client on one target: calls with timeouts, events collected on the way."""

    def __init__(self, ws_url):
        # suppress_origin: Chromium refuses WebSocket clients that send an Origin it does not allow.
        self.ws = websocket.create_connection(ws_url, timeout=10, suppress_origin=True)
        self.next_id = 0
        self.console = []        # [{"kind", "level", "text", "source"}]
        self.loaded = False

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass

    def _event(self, msg):
        method, p = msg.get("method"), msg.get("params", {})
        if method == "Page.loadEventFired":
            self.loaded = True
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            text = (d.get("exception") or {}).get("description") or d.get("text", "")
            self.console.append({"kind": "exception", "level": "error", "text": text, "source": d.get("url", "")})
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            self.console.append({"kind": "console", "level": p["type"], "text": text, "source": "console"})
        elif method == "Log.entryAdded":
            e = p.get("entry", {})
            if e.get("level") in ("error", "warning"):
                self.console.append({"kind": "log", "level": e["level"], "text": e.get("text", ""),
                                     "source": e.get("source", ""), "url": e.get("url", "")})

    def _recv(self, timeout):
        self.ws.settimeout(max(timeout, 0.01))
        try:
            return json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None

    def call(self, method, params=None, timeout=20):
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params or {}}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self._recv(deadline - time.monotonic())
            if msg is None:
                continue
            if msg.get("id") == mid:
                if "error" in msg:
                    raise Failure(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self._event(msg)
        raise Failure(f"{method}: no answer within {timeout} s")

    def pump(self, seconds):
        """Collect events for a while (console lines arrive after the action that caused them)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            msg = self._recv(deadline - time.monotonic())
            if msg and "method" in msg:
                self._event(msg)

    def js(self, expression, timeout=20):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                           "awaitPromise": True}, timeout)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise Failure(f"script failed: {(d.get('exception') or {}).get('description') or d.get('text')}")
        return r.get("result", {}).get("value")

    def wait_for(self, expression, timeout, what):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.js(expression):
                return
            self.pump(0.1)
        raise Failure(f"timed out after {timeout} s waiting for {what}")

    def click(self, selector):
        """A real mouse click at the element's centre (it must be visible and on top)."""
        box = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}}; }})()""")
        if not box or box["w"] == 0 or box["h"] == 0:
            raise Failure(f"cannot click {selector}: not found or not visible")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"],
                                                   "button": "left", "clickCount": 1})

    def type_into(self, selector, text):
        self.js(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", {"text": text})

    def select(self, selector, value):
        # <select> popups are not drivable headless; set the value and fire change like a user would.
        ok = self.js(f"""(() => {{ const s = document.querySelector({json.dumps(selector)});
            s.value = {json.dumps(value)}; s.dispatchEvent(new Event('change', {{bubbles: true}}));
            return s.value === {json.dumps(value)}; }})()""")
        if not ok:
            raise Failure(f"{selector} has no option {value}")


def start_chromium(binary, profile_dir):
    log = open(os.path.join(profile_dir, "chromium.log"), "wb")
    proc = subprocess.Popen(
        [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
         f"--user-data-dir={profile_dir}", "--no-first-run", "--no-default-browser-check",
         "--disable-extensions", "--disable-background-networking", "--disable-sync",
         "--disable-dev-shm-usage", "--lang=zh-CN", f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
        stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    port_file = os.path.join(profile_dir, "DevToolsActivePort")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise Failure(f"chromium exited with {proc.returncode}; see its log: {tail(profile_dir)}")
        try:
            with open(port_file) as f:
                port = int(f.readline().strip())
            return proc, port
        except (OSError, ValueError):
            time.sleep(0.1)
    raise Failure("chromium did not write DevToolsActivePort within 20 s")


def tail(profile_dir):
    try:
        with open(os.path.join(profile_dir, "chromium.log"), "rb") as f:
            return f.read()[-800:].decode("utf-8", "replace")
    except OSError:
        return ""


def page_target(port):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:
            targets = json.load(r)
        pages = [t for t in targets if t.get("type") == "page" and t.get("webSocketDebuggerUrl")]
        if pages:
            return pages[0]["webSocketDebuggerUrl"]
        time.sleep(0.2)
    raise Failure("chromium shows no page target")


def count(cdp, selector):
    return cdp.js(f"document.querySelectorAll({json.dumps(selector)}).length")


def error_text(cdp):
    return cdp.js("(() => { const e = document.getElementById('error'); "
                  "return e && !e.hidden && e.offsetParent !== null ? e.innerText.trim() : ''; })()") or ""


def submit_and_wait(cdp):
    cdp.click("#submit")
    # The page sets body[data-busy] while a request runs; wait for an outcome once it is gone.
    cdp.wait_for("!document.body.dataset.busy && (document.querySelectorAll('#results .practice').length > 0"
                 " || !document.getElementById('error').hidden)", 30, "results or an error")


def scenario_good(cdp, summary, screenshot):
    cdp.wait_for("document.getElementById('model').textContent !== ''", 10, "the model summary (GET v1/health)")
    cdp.click("input[name=terrain][value=mountain]")
    cdp.select("#level", "county")
    cdp.select("#economy", "former_poverty")
    cdp.type_into("#text", "山区贫困县，健康素养低，看病难，慢性病多")
    submit_and_wait(cdp)
    summary["practices"] = count(cdp, "#results .practice")
    summary["error"] = error_text(cdp)
    if summary["error"]:
        raise Failure(f"the page shows an error: {summary['error']}")
    if summary["practices"] != 10:
        raise Failure(f"expected exactly 10 practices, found {summary['practices']}")
    empty_sources = cdp.js("[...document.querySelectorAll('#results .practice')]"
                           ".filter(p => !(p.querySelector('.source') || {}).textContent?.trim()).length")
    if empty_sources:
        raise Failure(f"{empty_sources} practices without a source")
    if not cdp.js("document.getElementById('profile-view').innerText.includes('山区')"):
        raise Failure("画像理解 does not show the terrain 山区")

    cdp.click("#results .practice:first-child .similar-btn")
    cdp.wait_for("!document.querySelector('#results .practice:first-child .similar-btn').disabled", 30,
                 "the similar cases")
    summary["similar"] = count(cdp, "#results .practice:first-child .similar-item")
    if summary["similar"] < 1:
        raise Failure(f"no similar cases shown ({error_text(cdp) or 'no error either'})")

    cdp.click("#report")
    report_js = ("(() => { const f = document.getElementById('report-frame'); const d = f && f.contentDocument;"
                 " return f && f.offsetParent !== null && d && d.body ? d.body.innerText : ''; })()")
    cdp.wait_for(f"!document.body.dataset.busy && ({report_js}.includes('推荐做法')"
                 " || !document.getElementById('error').hidden)", 30, "the report or an error")
    report = cdp.js(report_js) or ""
    summary["report_chars"] = len(report)
    if "推荐做法" not in report:
        raise Failure(f"the report does not show (#error: {error_text(cdp) or 'empty'})")
    if error_text(cdp):
        raise Failure(f"the page shows an error after the report: {error_text(cdp)}")
    if screenshot:
        take_screenshot(cdp, screenshot)


def scenario_error(cdp, summary, prepare, expect):
    prepare(cdp)
    submit_and_wait(cdp)
    summary["practices"] = count(cdp, "#results .practice")
    summary["error"] = error_text(cdp)
    if summary["practices"]:
        raise Failure(f"{summary['practices']} practices shown beside an error scenario")
    if not summary["error"]:
        raise Failure("#error is not visible or empty")
    for pattern in expect:
        if not re.search(pattern, summary["error"]):
            raise Failure(f"#error does not match {pattern!r}: {summary['error']!r}")


def prepare_unknown(cdp):
    cdp.click("input[name=terrain][value=mountain]")
    cdp.select("#level", "county")
    cdp.type_into("#focus", "不存在的领域")


def prepare_oversized(cdp):
    cdp.click("input[name=terrain][value=mountain]")
    cdp.select("#level", "county")
    # ~1.2 MB of UTF-8 (400,000 characters), set by script: typing it would take minutes.
    n = cdp.js("(() => { const t = document.getElementById('text');"
               " t.value = '山区贫困县，健康素养低，看病难。慢性病多。'.repeat(20000);"
               " t.dispatchEvent(new Event('input', {bubbles: true})); return t.value.length; })()")
    if n < 300000:
        raise Failure(f"the text area holds only {n} characters")


SCENARIOS = {
    "good": None,
    "empty": (lambda cdp: None, [r"HTTP 4\d\d", r"profile|empty"]),
    # The daemon names the field and the word: focus[0]: '不存在的领域' is not a tag …
    "unknown-word": (prepare_unknown, [r"HTTP 422", r"focus", "不存在的领域"]),
    # Over 1 MiB: the daemon's 413 (refused from Content-Length), or 422 on its text limit.
    "oversized": (prepare_oversized, [r"HTTP (413|422)", r"1048576|100000|body|text"]),
}


def take_screenshot(cdp, path):
    cdp.js("window.scrollTo(0, 0)")
    height = cdp.js("Math.ceil(document.documentElement.scrollHeight)") or HEIGHT
    height = min(max(height, HEIGHT), 12000)
    shot = cdp.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                               "clip": {"x": 0, "y": 0, "width": WIDTH, "height": height, "scale": 1}}, 30)
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def run(args, summary):
    profile_dir = tempfile.mkdtemp(prefix="drive-page-")
    proc, cdp = None, None
    try:
        proc, port = start_chromium(args.chromium, profile_dir)
        cdp = DevTools(page_target(port))
        for domain in ("Runtime", "Log", "Page"):
            cdp.call(f"{domain}.enable")
        cdp.call("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": HEIGHT,
                                                        "deviceScaleFactor": 1, "mobile": False})
        nav = cdp.call("Page.navigate", {"url": args.url}, 15)
        if nav.get("errorText"):
            raise Failure(f"cannot load {args.url}: {nav['errorText']}")
        deadline = time.monotonic() + 15
        while not cdp.loaded and time.monotonic() < deadline:
            cdp.pump(0.1)
        if not cdp.loaded:
            raise Failure("the page did not finish loading within 15 s")
        if not count(cdp, "#profile-form"):
            raise Failure(f"{args.url} is not the practiced page (no #profile-form)")

        if args.scenario == "good":
            scenario_good(cdp, summary, args.screenshot)
        else:
            prepare, expect = SCENARIOS[args.scenario]
            scenario_error(cdp, summary, prepare, expect)
            if args.screenshot:
                take_screenshot(cdp, args.screenshot)
        cdp.pump(0.5)   # late console lines
    finally:
        if cdp:
            summary["console"] = cdp.console
            cdp.close()
        if proc:
            stop_group(proc)
        shutil.rmtree(profile_dir, ignore_errors=True)


def stop_group(proc):
    """End chromium and its helper processes: the session it was started in, nothing else."""
    for sig, grace in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if proc.poll() is None:
                time.sleep(0.05)
                continue
            try:
                os.killpg(proc.pid, 0)      # helpers (renderer, zygote) still exiting?
                time.sleep(0.05)
            except ProcessLookupError:
                return


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True, help="the page, e.g. http://127.0.0.1:8080/")
    ap.add_argument("--screenshot", help="PNG to write (full page, 1200 px wide)")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--scenario", default="good", choices=sorted(SCENARIOS))
    args = ap.parse_args()

    summary = {"scenario": args.scenario, "practices": 0, "error": "", "console": [], "ok": False}
    reasons = []

    def on_alarm(signum, frame):
        raise Failure(f"the whole run took over {HARD_LIMIT_SECONDS} s")
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(HARD_LIMIT_SECONDS)
    try:
        run(args, summary)
    except Failure as e:
        reasons.append(str(e))
    except Exception as e:          # a broken connection, a dead browser: report, never hang
        reasons.append(f"{type(e).__name__}: {e}")
    finally:
        signal.alarm(0)

    # Chromium logs every non-2xx fetch as a console error; in the error scenarios that 4xx is
    # expected, so exactly that network line is allowed there. Everything else counts.
    allowed = [] if args.scenario == "good" else [
        c for c in summary["console"] if c["kind"] == "log" and c["source"] == "network" and NETWORK_STATUS.match(c["text"])]
    bad = [c for c in summary["console"] if c not in allowed]
    if bad:
        reasons.append("console errors/warnings: " + "; ".join(f"{c['level']}: {c['text']}" for c in bad))
    summary["ok"] = not reasons
    if reasons:
        summary["reasons"] = reasons
    print(json.dumps(summary, ensure_ascii=False))
    if reasons:
        print(f"drive_page {args.scenario}: FAIL: " + " | ".join(reasons), file=sys.stderr)
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
