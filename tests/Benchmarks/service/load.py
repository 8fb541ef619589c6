#!/usr/bin/env python3
"""Submits N `POST /api/v1/plans/apply` jobs of a small plan and reports jobs/s and latency.

Usage: load.py BASE_URL[,BASE_URL2] FILE.xlsx [N] [CONCURRENCY] [--plan PLAN.json]

Jobs are submitted round-robin to the given base URLs by CONCURRENCY threads as fast as the
service accepts them; the plan is a 3-operation one unless --plan names another. A submission
the service refuses (an HTTP error or no answer) is counted in submit_errors, not retried. Each job's latency is its own server-side time from created_at to the
updated_at of its final status (submit to result ready); throughput is N divided by the time
from the first created_at to the last final updated_at. Prints one JSON line, with the CPU
seconds this load generator used itself (it shares the machine with what it measures).

While waiting, each round reads the status of unfinished jobs in submission order and stops
at the first one still running (jobs start roughly in that order), so the waiting adds a few
status reads per round instead of one per unfinished job.
"""
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

PLAN = json.dumps({"host": "excel", "instruction": "bench", "operations": [
    {"op": "set_values", "range": "Sheet1!H1:I2", "values": [["Label", "Value"], ["bench", 42]]},
    {"op": "add_sheet", "name": "Bench"},
    {"op": "set_values", "range": "Bench!A1", "values": [["ok"]]},
]})


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    out = bytearray()
    for name, value in fields.items():
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, (filename, content) in files.items():
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                'Content-Type: application/octet-stream\r\n\r\n').encode() + content + b'\r\n'
    out += f'--{boundary}--\r\n'.encode()
    return bytes(out), f'multipart/form-data; boundary={boundary}'


def ts(text):
    return datetime.fromisoformat(text).timestamp()


def main():
    args = sys.argv[1:]
    plan = PLAN
    if '--plan' in args:
        at = args.index('--plan')
        plan = open(args[at + 1]).read()
        del args[at:at + 2]
    bases = args[0].split(',')
    content = open(args[1], 'rb').read()
    n = int(args[2]) if len(args) > 2 else 1000
    concurrency = int(args[3]) if len(args) > 3 else 16
    body, content_type = multipart({'plan': plan}, {'file': ('bench.xlsx', content)})
    ids, errors, lock = [], [], threading.Lock()

    def submit(i):
        request = urllib.request.Request(f'{bases[i % len(bases)]}/api/v1/plans/apply', data=body, method='POST',
                                         headers={'Content-Type': content_type})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                job = json.load(response)
        except (urllib.error.URLError, OSError) as error:
            with lock:
                errors.append(str(getattr(error, 'code', error)))
            return
        with lock:
            ids.append(job['id'])

    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(submit, range(n)))
    submitted = time.monotonic() - started

    n = len(ids)
    done = {}
    deadline = time.monotonic() + float(os.environ.get('LOAD_WAIT_S', '600'))
    while len(done) < n and time.monotonic() < deadline:
        for job_id in [j for j in ids if j not in done]:
            with urllib.request.urlopen(f'{bases[0]}/api/v1/jobs/{job_id}') as response:
                job = json.load(response)
            if job['status'] not in ('succeeded', 'failed', 'cancelled'):
                break
            done[job_id] = job
        if len(done) < n:
            time.sleep(0.2)

    jobs = list(done.values())
    if not jobs:
        print(json.dumps({'jobs': 0, 'failed': 0, 'unfinished': n, 'submit_errors': len(errors), 'errors': errors[:5]}))
        return
    latencies = sorted(ts(j['updated_at']) - ts(j['created_at']) for j in jobs)
    span = max(ts(j['updated_at']) for j in jobs) - min(ts(j['created_at']) for j in jobs)
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(json.dumps({
        'jobs': len(jobs), 'failed': sum(j['status'] != 'succeeded' for j in jobs), 'unfinished': n - len(jobs),
        'submit_errors': len(errors),
        'jobs_per_s': round(len(jobs) / span, 1), 'p50_ms': round(pick(0.50) * 1000), 'p99_ms': round(pick(0.99) * 1000),
        'submit_s': round(submitted, 1), 'span_s': round(span, 1), 'instances': len(bases),
        'load_cpu_s': round(sum(os.times()[:2]), 1), 'example': jobs[0]['id'],
    }))


if __name__ == '__main__':
    main()
