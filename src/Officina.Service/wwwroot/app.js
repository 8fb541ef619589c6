// Officina web UI: submit a job, follow its server-sent events, preview and approve the plan, download.
'use strict';
const api = '/api/v1';
const $ = (id) => document.getElementById(id);
let current = null;

$('key').value = localStorage.getItem('officina-key') || '';
$('key').addEventListener('change', () => localStorage.setItem('officina-key', $('key').value));
$('file').addEventListener('change', () => { $('host-row').hidden = $('file').files.length > 0; });
document.querySelectorAll('input[name=kind]').forEach((r) => r.addEventListener('change', () => {
  const plan = document.querySelector('input[name=kind]:checked').value === 'plan';
  $('plan-row').hidden = !plan; $('instruction-row').hidden = plan;
}));

function headers(extra = {}) {
  const key = $('key').value.trim();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

async function problem(response) {
  try {
    const p = await response.json();
    const errors = (p.errors || []).map((e) => `${e.path}: ${e.message}`).join('\n');
    return `${p.title || response.status}: ${p.detail || ''}${errors ? '\n' + errors : ''}`;
  } catch { return `HTTP ${response.status}`; }
}

$('submit').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData();
  const file = $('file').files[0];
  const usePlan = document.querySelector('input[name=kind]:checked').value === 'plan';
  if (file) form.append('file', file); else form.append('host', $('host').value);
  let url = `${api}/jobs`;
  if (usePlan) {
    url = `${api}/plans/apply`;
    form.append('plan', $('plan').value);
  } else {
    form.append('instruction', $('instruction').value);
    form.append('mode', $('mode').value);
    if ($('effort').value) form.append('effort', $('effort').value);
  }
  const response = await fetch(url, { method: 'POST', body: form, headers: headers({ 'Idempotency-Key': crypto.randomUUID() }) });
  show(null);
  if (!response.ok) { fail(await problem(response)); return; }
  const job = await response.json();
  show(job);
  follow(job.id);
});

function fail(text) { $('job').hidden = false; $('error').hidden = false; $('error').textContent = text; }

function show(job) {
  $('job').hidden = false;
  $('error').hidden = true;
  if (!job) { $('preview').hidden = true; $('changes-box').hidden = true; $('findings-box').hidden = true; return; }
  current = job;
  $('job-id').textContent = job.id;
  $('status').textContent = job.status;
  $('status').className = `status ${job.status}`;
  const p = job.progress;
  $('bar').max = p && p.total ? p.total : 1;
  $('bar').value = p ? p.done : 0;
  $('message').textContent = p && p.message ? p.message : '';
  if (job.error) fail(`${job.error.code}: ${job.error.message}${(job.error.errors || []).map((e) => `\n${e.path}: ${e.message}`).join('')}`);
  const changes = job.changes || [];
  $('changes-box').hidden = changes.length === 0 || job.status === 'awaiting_approval';
  $('changes').replaceChildren(...changes.map((c) => li(`${c.op}: ${c.summary}`)));
  const findings = (job.verification && job.verification.findings) || [];
  $('findings-box').hidden = !job.verification || job.status === 'awaiting_approval';
  $('findings').replaceChildren(...(findings.length ? findings.map((f) => li(`${f.location}: ${f.message}`, `finding-${f.severity}`)) : [li('No errors found.')]));
  const u = job.usage;
  $('usage').textContent = u && (u.input_tokens || u.duration_ms)
    ? `Tokens in ${u.input_tokens}, out ${u.output_tokens}; about $${Number(u.estimated_cost_usd).toFixed(4)}; ${(u.duration_ms / 1000).toFixed(1)} s` : '';
  $('download').hidden = job.status !== 'succeeded';
  $('original').hidden = !job.links.original;
  $('cancel').hidden = ['succeeded', 'failed', 'cancelled'].includes(job.status);
  if (job.status === 'awaiting_approval' && $('preview').hidden) loadPlan(job.id);
  if (job.status !== 'awaiting_approval') $('preview').hidden = true;
}

function li(text, cls) { const e = document.createElement('li'); e.textContent = text; if (cls) e.className = cls; return e; }

async function loadPlan(id) {
  const response = await fetch(`${api}/jobs/${id}/plan`, { headers: headers() });
  if (!response.ok) { fail(await problem(response)); return; }
  const plan = await response.json();
  $('operations').replaceChildren(...plan.operations.map((op, i) => {
    const item = document.createElement('li');
    const box = document.createElement('input');
    box.type = 'checkbox'; box.checked = true; box.value = i;
    const { op: name, ...args } = op;
    const code = document.createElement('code');
    code.textContent = `${name} ${JSON.stringify(args)}`;
    item.append(box, ' ', code);
    return item;
  }));
  $('preview').hidden = false;
}

$('approve').addEventListener('click', async () => {
  const operations = [...$('operations').querySelectorAll('input:checked')].map((b) => Number(b.value));
  const response = await fetch(`${api}/jobs/${current.id}/approve`, {
    method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify({ operations }),
  });
  if (!response.ok) { fail(await problem(response)); return; }
  $('preview').hidden = true;
  show(await response.json());
  follow(current.id);
});

$('cancel').addEventListener('click', async () => {
  const response = await fetch(`${api}/jobs/${current.id}/cancel`, { method: 'POST', headers: headers() });
  if (!response.ok) fail(await problem(response)); else show(await response.json());
});

async function download(kind) {
  const response = await fetch(`${api}/jobs/${current.id}/${kind}`, { headers: headers() });
  if (!response.ok) { fail(await problem(response)); return; }
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = match ? match[1] : `${kind}.xlsx`;
  link.click();
  URL.revokeObjectURL(link.href);
}
$('download').addEventListener('click', () => download('result'));
$('original').addEventListener('click', () => download('original'));

// EventSource cannot send an Authorization header, so the stream is read with fetch.
async function follow(id) {
  const response = await fetch(`${api}/jobs/${id}/events`, { headers: headers() });
  if (!response.ok) { fail(await problem(response)); return; }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
      const type = (/^event: (.*)$/m.exec(block) || [])[1] || 'message';
      const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      if (!data || id !== current.id) continue;
      const payload = JSON.parse(data);
      if (type === 'progress') show({ ...current, progress: payload });
      else if (type === 'status' || type === 'done') show(payload);
      if (type === 'done' || payload.status === 'awaiting_approval') { reader.cancel(); return; }
    }
  }
}
