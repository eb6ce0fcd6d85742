#!/usr/bin/env python3
"""The workload of `make scale-test` (scripts/scale-test starts the topology, then this).

Python standard library only. Drives the demo organisation through the proxy and straight at
each replica, and writes one line per check to --results: `PASS name: detail`,
`FAIL name: detail` or `SKIPPED name: why`. Exit 0 when no check failed, 1 otherwise.
"""

import argparse
import json
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from email import message_from_bytes
from pathlib import Path

PASSWORD = "Demo-Kinerja-2026"
RINA = "199003172015032001"  # pegawai, Subbagian Umum
DEWI = "198507212010012004"  # Rina's PPKin: the throttling target
CAMAT = "197805122005011003"  # pimpinan: the dashboard reader
FAUZI = "198102142006041002"  # sekcam: the cross-replica refresh

# The smallest file the server recognises as a PDF (by content).
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + uuid.uuid4().hex.encode()


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)


def request(base, method, path, token=None, body=None, headers=None, timeout=30):
    """One HTTP request; a connection failure is status 0 (never an exception)."""
    data = None
    hdrs = dict(headers or {})
    if token:
        hdrs["authorization"] = f"Bearer {token}"
    if isinstance(body, (dict, list)):
        data = json.dumps(body).encode()
        hdrs["content-type"] = "application/json"
    elif body is not None:
        data = body
    req = urllib.request.Request(base + path, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return Response(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Response(e.code, e.headers, e.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
        return Response(0, {}, str(e).encode())


def login(base, username, password=PASSWORD):
    return request(
        base,
        "POST",
        "/api/v1/auth/login",
        body={"username": username, "password": password, "refresh_delivery": "body"},
    )


def multipart(field, filename, content, mime):
    boundary = uuid.uuid4().hex
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; "
        f"filename=\"{filename}\"\r\nContent-Type: {mime}\r\n\r\n"
    ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, {"content-type": f"multipart/form-data; boundary={boundary}"}


class Checks:
    def __init__(self, path):
        self.path = path
        self.failed = False

    def add(self, verdict, name, detail):
        line = f"{verdict} {name}: {detail}"
        print(f"scale-test: {line}", flush=True)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
        if verdict == "FAIL":
            self.failed = True

    def check(self, ok, name, detail):
        self.add("PASS" if ok else "FAIL", name, detail)

    def needs(self, feature, present, name, ok, detail):
        """A check whose feature may be missing: SKIPPED (with what was seen) when it is."""
        if present:
            self.check(ok, name, detail)
        else:
            self.add("SKIPPED", name, f"the binary has no {feature} yet (seen: {detail})")


def psql(port, sql, db="kinerja"):
    out = subprocess.run(
        ["psql", "-X", "-q", "-t", "-A", "-h", "127.0.0.1", "-U", "postgres", "-p", str(port),
         "-d", db, "-c", sql],
        check=True, capture_output=True, text=True,
    )
    return out.stdout.strip()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--proxy", required=True)
    p.add_argument("--app", action="append", required=True, help="name=url=pid")
    p.add_argument("--primary-port", type=int, required=True)
    p.add_argument("--replica-port", type=int, required=True)
    p.add_argument("--pgbouncer-port", type=int, required=True)
    p.add_argument("--s3", required=True, help="the bucket's URL")
    p.add_argument("--maildir", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--feature-storage", type=int, default=0)
    p.add_argument("--feature-read", type=int, default=0)
    p.add_argument("--feature-listen", type=int, default=0)
    p.add_argument("--feature-once", type=int, default=0)
    p.add_argument("--results", required=True)
    a = p.parse_args()
    apps = [dict(zip(("name", "url", "pid"), s.split("=", 2))) for s in a.app]
    one, two = apps[0], apps[1]
    proxy = a.proxy
    checks = Checks(a.results)

    # --- The topology itself -----------------------------------------------------------------
    state = psql(a.primary_port, "SELECT string_agg(state, ',') FROM pg_stat_replication")
    in_recovery = psql(a.replica_port, "SELECT pg_is_in_recovery()")
    checks.check(
        state == "streaming" and in_recovery == "t",
        "replication",
        f"pg_stat_replication on the primary: {state or 'none'}; replica in recovery: {in_recovery}",
    )
    for app in apps:
        deadline = time.monotonic() + 30
        while request(app["url"], "GET", "/ready").status != 200 and time.monotonic() < deadline:
            time.sleep(0.3)

    # HAProxy marks a server up after its health checks pass: wait until both answer.
    seen = set()
    deadline = time.monotonic() + 30
    while len(seen) < len(apps) and time.monotonic() < deadline:
        r = request(proxy, "GET", "/health")
        if r.status == 200:
            seen.add(r.headers.get("X-Kinerja-Backend"))
        else:
            time.sleep(0.2)

    # --- Logins spread over both replicas ----------------------------------------------------
    served = Counter()
    ok = 0
    tokens = {}
    for i in range(8):
        r = login(proxy, [RINA, CAMAT][i % 2])
        served[r.headers.get("X-Kinerja-Backend", f"none (status {r.status})")] += 1
        if r.status == 200:
            ok += 1
            tokens[[RINA, CAMAT][i % 2]] = r.json()["access_token"]
    names = {app["name"] for app in apps}
    checks.check(
        ok == 8 and names <= set(served),
        "spread",
        f"8 logins through HAProxy, {ok} answered 200, served by {dict(served)}",
    )

    # --- Throttling counts across replicas ---------------------------------------------------
    # KINERJA_LOGIN_MAX_FAILURES_PER_USER is 5: five failures, alternating replicas, then the
    # sixth attempt is refused on both, even with the right password.
    statuses = [
        login([one, two][i % 2]["url"], DEWI, "salah-sandi-" + str(i)).status for i in range(5)
    ]
    after = [login(app["url"], DEWI).status for app in apps]
    checks.check(
        statuses == [401] * 5 and after == [429, 429],
        "throttling",
        f"5 wrong passwords alternating {one['name']}/{two['name']}: {statuses}; "
        f"then the right one on each: {after} (429 expected)",
    )

    # --- A session opened on one replica, refreshed on the other ------------------------------
    first = login(one["url"], FAUZI)
    refresh = first.json().get("refresh_token") if first.status == 200 else None
    r2 = request(two["url"], "POST", "/api/v1/auth/refresh", body={"refresh_token": refresh})
    me = (
        request(one["url"], "GET", "/api/v1/auth/me", token=r2.json()["access_token"]).status
        if r2.status == 200
        else None
    )
    replay = request(one["url"], "POST", "/api/v1/auth/refresh", body={"refresh_token": refresh})
    checks.check(
        first.status == 200 and r2.status == 200 and me == 200 and replay.status == 401,
        "refresh",
        f"login on {one['name']} {first.status}, refresh on {two['name']} {r2.status}, "
        f"/auth/me on {one['name']} with the new token {me}, "
        f"the rotated token replayed on {one['name']} {replay.status} (401 expected)",
    )

    # --- Evidence uploaded through one replica, downloaded through the other -----------------
    rina = tokens.get(RINA) or login(proxy, RINA).json()["access_token"]
    periods = request(one["url"], "GET", "/api/v1/periods", token=rina).json()
    period = next(x for x in periods if x["status"] == "dibuka")
    skp = request(one["url"], "GET", f"/api/v1/skp/mine?periode_id={period['id']}", token=rina).json()
    ikis = [iki["id"] for rhk in skp["rhk"] for iki in rhk["iki"]]
    month = time.gmtime().tm_mon
    put = request(
        one["url"], "PUT", f"/api/v1/skp/{skp['id']}/realisasi/{ikis[0]}?periode_ke={month}",
        token=rina, body={"nilai": 1.5, "dasar": "uji skala"},
    )
    body, hdrs = multipart("file", "bukti-skala.pdf", PDF, "application/pdf")
    up = request(
        one["url"], "POST", f"/api/v1/skp/{skp['id']}/realisasi/{ikis[0]}/bukti?periode_ke={month}",
        token=rina, body=body, headers=hdrs,
    )
    bukti = up.json().get("id") if up.status in (200, 201) else None
    down = request(two["url"], "GET", f"/api/v1/bukti/{bukti}", token=rina) if bukti else None
    same = down is not None and down.status == 200 and down.body == PDF
    local = [
        str(f) for app in apps for f in Path(a.work, app["name"], "uploads").rglob("*") if f.is_file()
    ]
    listing = request(a.s3, "GET", "?list-type=2")
    in_s3 = listing.body.count(b"<Key>")
    checks.needs(
        "KINERJA_STORAGE_URL (shared storage)",
        a.feature_storage,
        "evidence",
        same and in_s3 >= 1 and not local,
        f"realisasi {put.status}, upload on {one['name']} {up.status}, download on {two['name']} "
        f"{down.status if down else '-'} ({'the same bytes' if same else 'different or missing'}); "
        f"objects in the S3 bucket: {in_s3}; files in the replicas' local folders: {len(local)}",
    )

    # --- A dashboard read from the PostgreSQL replica ----------------------------------------
    camat = tokens.get(CAMAT) or login(proxy, CAMAT).json()["access_token"]

    def replica_xacts():
        # Statistics are flushed at most once a second by each backend.
        time.sleep(1.2)
        return int(psql(a.replica_port,
                        "SELECT xact_commit + xact_rollback FROM pg_stat_database "
                        "WHERE datname = 'kinerja'") or 0)

    idle0 = replica_xacts()
    idle = replica_xacts() - idle0
    before = replica_xacts()
    # Dashboards may be kept between requests: the recap pages (counted live) read too.
    dash_r = [request(proxy, "GET", "/api/v1/dasbor", token=camat) for _ in range(6)]
    rekap_r = [request(proxy, "GET", f"/api/v1/rekap/skp?page={i + 1}&per_page=5", token=camat)
               for i in range(6)]
    read = replica_xacts() - before
    dash = [r.status for r in dash_r]
    rekap = [r.status for r in rekap_r]
    # Each routed answer names where it was read; the camat wrote nothing, so the replica.
    where = [(r.headers.get("x-kinerja-dibaca") or "-") for r in dash_r + rekap_r]
    checks.needs(
        "KINERJA_DATABASE_READ_URL (read replica)",
        a.feature_read,
        "read-replica",
        dash == [200] * 6 and rekap == [200] * 6 and read >= 6 and read > idle
        and all(w == "replika" for w in where),
        f"6 dashboards {dash} and 6 recap pages {rekap} through HAProxy, read from {where}; "
        f"transactions on the replica during them: {read} (idle baseline over the same time: {idle})",
    )

    # --- Reminders and e-mails sent exactly once with both replicas running the jobs ---------
    # Both replicas run the jobs every second; the reminders (KINERJA_LOCK_REMINDER_DAYS covers
    # this month's lock) and the demo's notifications all go out by e-mail. Wait until the
    # outbox is empty and the sink has been quiet for a few seconds.
    maildir = Path(a.maildir, "new")
    deadline = time.monotonic() + 90
    last, quiet_since = -1, time.monotonic()
    pending = None
    while time.monotonic() < deadline:
        count = len(list(maildir.glob("*"))) if maildir.exists() else 0
        try:
            pending = int(psql(a.primary_port,
                               "SELECT count(*) FROM notifications WHERE email_diproses_at IS NULL"))
        except subprocess.CalledProcessError:
            pending = None  # the outbox lives elsewhere once work is claimed: rely on quiet
        if count != last:
            last, quiet_since = count, time.monotonic()
        elif count > 0 and (pending in (0, None)) and time.monotonic() - quiet_since > 4:
            break
        time.sleep(0.5)
    mails = []
    for f in sorted(maildir.glob("*")) if maildir.exists() else []:
        m = message_from_bytes(f.read_bytes())
        mails.append((m["To"], m["Subject"], m.get_payload(decode=True)))
    # Two notifications may word the same e-mail to the same person: the count decides; the
    # repeated contents are shown to explain a difference.
    repeats = sum(n - 1 for n in Counter(mails).values() if n > 1)
    try:
        expected = int(psql(a.primary_port, """
            SELECT count(*) FROM notifications n
              JOIN employees e ON e.id = n.recipient_employee_id
             WHERE e.email IS NOT NULL AND n.created_at > now() - interval '1 day'"""))
    except subprocess.CalledProcessError as e:
        expected = None
        print(f"scale-test: the notifications count failed: {e.stderr}", flush=True)
    reminders = int(psql(a.primary_port,
                         "SELECT count(*) FROM notifications WHERE kind LIKE 'pengingat%'"))
    # The same reminder made twice (by both replicas' jobs) would be mailed "once" each.
    twice = int(psql(a.primary_port, """
        SELECT count(*) - count(DISTINCT (recipient_employee_id, kind, judul, pesan, params::text))
          FROM notifications WHERE kind LIKE 'pengingat%'"""))
    checks.needs(
        "claimed e-mail outbox (work done once)",
        a.feature_once,
        "emails-once",
        len(mails) > 0 and expected == len(mails) and reminders > 0 and twice == 0,
        f"{len(mails)} e-mails at the SMTP sink for {expected} notifications "
        f"with an address ({reminders} of them reminders, {twice} made twice; the same e-mail "
        f"repeated: {repeats}), "
        f"outbox pending {pending}",
    )

    # --- One replica killed with kill -9 in the middle of the workload -----------------------
    victim, survivor = one, two
    stop = threading.Event()
    results = []
    lock = threading.Lock()

    def worker(n):
        i = 0
        while not stop.is_set():
            i += 1
            if i % 3 == 0:
                r = request(proxy, "PUT",
                            f"/api/v1/skp/{skp['id']}/realisasi/{ikis[i % len(ikis)]}?periode_ke={month}",
                            token=rina, body={"nilai": float(n * 1000 + i % 50), "dasar": "uji skala"})
            elif i % 3 == 1:
                r = request(proxy, "GET", "/api/v1/auth/me", token=rina)
            else:
                r = request(proxy, "GET", f"/api/v1/skp/{skp['id']}", token=rina)
            with lock:
                results.append((time.monotonic(), r.status, r.headers.get("X-Kinerja-Backend", "?"),
                                ["PUT realisasi", "GET /auth/me", "GET /skp"][i % 3]))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    time.sleep(3)
    killed_at = time.monotonic()
    os.kill(int(victim["pid"]), signal.SIGKILL)
    time.sleep(5)
    stop.set()
    for t in threads:
        t.join()
    total = len(results)
    lost = [f"{w} {s}" for (_, s, _, w) in results if not 200 <= s < 300]
    after_kill = Counter(b for (t, s, b, _) in results if t > killed_at + 2)
    before_kill = Counter(b for (t, s, b, _) in results if t < killed_at)
    checks.check(
        total > 50 and len(lost) <= 1 and set(after_kill) == {survivor["name"]}
        and victim["name"] in before_kill,
        "kill-9",
        f"{total} requests by 4 clients through HAProxy, {victim['name']} killed with SIGKILL after 3 s: "
        f"{len(lost)} not answered 2xx {sorted(Counter(lost).items())} (at most 1 allowed); "
        f"served before {dict(before_kill)}, from 2 s after {dict(after_kill)}",
    )

    # --- PgBouncer carried the replicas' transactions ----------------------------------------
    def admin(command):
        out = subprocess.run(
            ["psql", "-X", "-q", "-A", "-F", "|", "-h", "127.0.0.1", "-U", "postgres",
             "-p", str(a.pgbouncer_port), "-d", "pgbouncer", "-c", command],
            check=True, capture_output=True, text=True).stdout.splitlines()
        head = out[0].split("|")
        return [dict(zip(head, line.split("|"))) for line in out[1:] if "|" in line]

    try:
        stats = next((r for r in admin("SHOW STATS") if r["database"] == "kinerja"),
                     {"total_xact_count": "0"})
        mode = next(r["value"] for r in admin("SHOW CONFIG") if r["key"] == "pool_mode")
        prepared = next(r["value"] for r in admin("SHOW CONFIG")
                        if r["key"] == "max_prepared_statements")
        xacts = int(stats["total_xact_count"])
        checks.needs(
            "KINERJA_DATABASE_LISTEN_URL (the replicas ran on the primary directly)",
            a.feature_listen,
            "pgbouncer",
            xacts > 100 and mode == "transaction",
            f"pool_mode {mode}, max_prepared_statements {prepared}, {xacts} transactions "
            f"through PgBouncer to the primary",
        )
    except (subprocess.CalledProcessError, StopIteration, KeyError, ValueError) as e:
        checks.add("FAIL", "pgbouncer", f"cannot read PgBouncer's statistics: {e}")

    return 1 if checks.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
