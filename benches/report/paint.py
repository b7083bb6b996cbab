#!/usr/bin/env python3
"""Time to first paint of an HTML file in headless Chromium, over the DevTools protocol.

Usage: paint.py REPORT.html [REPORT.html ...] [--runs 5] [--chromium /usr/bin/chromium]

Talks to Chromium over --remote-debugging-pipe (file descriptors 3 and 4, messages ended
by NUL), so it needs nothing beyond the standard library. For each run: a fresh browser
and profile, a blank tab, then the file loaded in a 1400 x 900 window. It prints, per
file, the medians of first paint and first contentful paint (the browser's own paint
timing entries, from navigation start), of DOMContentLoaded and of the load event, and of
the wall time from the navigate command to the load event.
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.TemporaryDirectory()
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4. The pipes may sit
        # on 3 or 4 themselves, so they go out of the way first.
        def fds():
            high_r, high_w = os.dup2(to_chrome_r, 100), os.dup2(from_chrome_w, 101)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={self.profile.name}", "--window-size=1400,900",
             "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        return self.next_id

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None):
        want = self.send(method, params, session)
        while True:
            msg = self.read()
            if msg.get("id") == want:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_event(self, method):
        for i, msg in enumerate(self.events):
            if msg.get("method") == method:
                return self.events.pop(i)
        while True:
            msg = self.read()
            if msg.get("method") == method:
                return msg
            self.events.append(msg)

    def close(self):
        try:
            self.send("Browser.close")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
        self.profile.cleanup()


def measure(chromium, path):
    b = Browser(chromium)
    try:
        target = b.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = b.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        b.call("Page.enable", session=session)
        started = time.perf_counter()
        b.call("Page.navigate", {"url": Path(path).resolve().as_uri()}, session=session)
        b.wait_event("Page.loadEventFired")
        wall = time.perf_counter() - started
        expr = """JSON.stringify({
            paint: performance.getEntriesByType('paint').map(e => [e.name, e.startTime]),
            nav: (e => [e.domContentLoadedEventEnd, e.loadEventStart])(performance.getEntriesByType('navigation')[0])
        })"""
        # Paint entries can land just after the load event; wait for them briefly.
        for _ in range(50):
            r = json.loads(b.call("Runtime.evaluate", {"expression": expr, "returnByValue": True},
                                  session=session)["result"]["value"])
            if len(r["paint"]) >= 2:
                break
            time.sleep(0.05)
        paint = dict(r["paint"])
        return {"fp": paint.get("first-paint"), "fcp": paint.get("first-contentful-paint"),
                "dcl": r["nav"][0], "load": r["nav"][1], "wall": wall * 1000}
    finally:
        b.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    a = ap.parse_args()
    print("| file | size | first paint | first contentful paint | DOMContentLoaded | load | navigate to load (wall) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for f in a.files:
        runs = [measure(a.chromium, f) for _ in range(a.runs)]
        med = lambda k: statistics.median(r[k] for r in runs if r[k] is not None)
        size = os.path.getsize(f) / 1e6
        print(f"| {Path(f).name} | {size:.1f} MB | {med('fp'):.0f} ms | {med('fcp'):.0f} ms | "
              f"{med('dcl'):.0f} ms | {med('load'):.0f} ms | {med('wall'):.0f} ms |", flush=True)


if __name__ == "__main__":
    main()
