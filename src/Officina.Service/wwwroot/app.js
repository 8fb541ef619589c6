// Officina web UI: submit a job, follow its server-sent events, preview and approve the plan, download.
// Everything from the service or the model is rendered with textContent, never as HTML.
'use strict';
const api = '/api/v1';
const $ = (id) => document.getElementById(id);
let current = null;
let stream = null; // the AbortController of the event stream being followed

const labels = {
  queued: 'Queued', planning: 'Planning', awaiting_approval: 'Waiting for your approval', applying: 'Applying',
  verifying: 'Checking the result', succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled',
};
const finished = (status) => ['succeeded', 'failed', 'cancelled'].includes(status);

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

/** The problem details of a failed response as plain text: the detail, then any further errors. */
async function problem(response) {
  let p;
  try { p = await response.json(); } catch { return `The service answered HTTP ${response.status}.`; }
  const detail = p.detail || p.title || `HTTP ${response.status}`;
  const errors = (p.errors || []).filter((e) => !detail.includes(e.message)).map((e) => `${e.path}: ${e.message}`);
  if (response.status === 401) errors.push('Enter a valid API key above.');
  return [detail, ...errors].join('\n');
}

/** fetch that turns a network failure into a message instead of an unhandled rejection. */
async function call(url, init) {
  try { return await fetch(url, init); } catch (e) {
    if (e.name === 'AbortError') throw e;
    return new Response(JSON.stringify({ detail: `Could not reach the Officina service (${e.message}). Is it still running?` }), { status: 599 });
  }
}

function formError(text) { $('form-error').textContent = text; $('form-error').hidden = !text; }

$('submit').addEventListener('submit', async (event) => {
  event.preventDefault();
  formError('');
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
  const button = $('submit-button');
  button.disabled = true; button.textContent = 'Submitting…';
  try {
    const response = await call(url, { method: 'POST', body: form, headers: headers({ 'Idempotency-Key': crypto.randomUUID() }) });
    if (!response.ok) {
      // Nothing was submitted: say why next to the form and hide any earlier job, so it is not mistaken for this one.
      stop(); current = null; $('job').hidden = true;
      formError(await problem(response));
      return;
    }
    const job = await response.json();
    show(job, true);
    $('job').scrollIntoView({ block: 'start' });
    follow(job.id);
  } finally {
    button.disabled = false; button.textContent = 'Submit';
  }
});

function fail(text) { $('error').hidden = !text; $('error').textContent = text; }

/** Shows a job; `fresh` clears what an earlier job left on the page. */
function show(job, fresh = false) {
  if (fresh) { $('preview').hidden = true; $('operations').replaceChildren(); fail(''); }
  $('job').hidden = false;
  current = job;
  $('job-id').textContent = job.id;
  $('status').textContent = labels[job.status] || job.status;
  $('status').className = `status ${job.status}`;
  $('file-name').textContent = [job.file_name, job.instruction && `“${job.instruction}”`].filter(Boolean).join(' — ');
  const p = job.progress;
  const bar = $('bar');
  bar.hidden = job.status === 'failed' || job.status === 'cancelled';
  if (p && p.total > 0) { bar.max = p.total; bar.value = Math.min(p.done, p.total); }
  else if (finished(job.status) || job.status === 'awaiting_approval') { bar.max = 1; bar.value = 1; }
  else bar.removeAttribute('value'); // indeterminate: the model's number of steps is not known ahead
  $('message').textContent = p && p.message ? p.message : '';
  if (job.error) fail(`${job.error.message}${(job.error.errors || []).filter((e) => !job.error.message.includes(e.message)).map((e) => `\n${e.path}: ${e.message}`).join('')}`);
  const waiting = job.status === 'awaiting_approval';
  const changes = job.changes || [];
  $('changes-box').hidden = changes.length === 0 || waiting;
  $('changes').replaceChildren(...changes.map((c) => li(`${c.op}: ${c.summary}`)));
  const findings = (job.verification && job.verification.findings) || [];
  $('findings-box').hidden = !job.verification || waiting;
  $('findings').replaceChildren(...(findings.length ? findings.map((f) => li(`${f.location}: ${f.message}`, `finding-${f.severity}`)) : [li('No errors found.')]));
  const u = job.usage;
  const cost = u && u.estimated_cost_usd > 0 ? `; about $${Number(u.estimated_cost_usd).toFixed(4)}` : '';
  $('usage').textContent = u && (u.input_tokens || u.duration_ms)
    ? `Model tokens in ${u.input_tokens}, out ${u.output_tokens}${cost}; ${(u.duration_ms / 1000).toFixed(1)} s` : '';
  $('download').hidden = job.status !== 'succeeded';
  $('original').hidden = !job.links.original;
  $('cancel').hidden = finished(job.status);
  if (waiting && $('preview').hidden && !$('preview').dataset.loading) loadPlan(job.id);
  if (!waiting) $('preview').hidden = true;
}

function li(text, cls) { const e = document.createElement('li'); e.textContent = text; if (cls) e.className = cls; return e; }

/** One operation of the plan: a labelled box, the operation's name and target, and its arguments. */
function operationItem(op, i) {
  const item = document.createElement('li');
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox'; box.checked = true; box.value = i;
  box.addEventListener('change', selectionChanged);
  const { op: name, ...args } = op;
  const key = ['range', 'target', 'sheet', 'name'].find((k) => typeof args[k] === 'string');
  const target = key ? args[key] : null;
  if (key) delete args[key];
  const title = document.createElement('span');
  title.className = 'op-title';
  const opName = document.createElement('strong');
  opName.className = 'op-name';
  opName.textContent = name;
  title.append(opName);
  if (target) title.append(` ${target}`);
  const code = document.createElement('code');
  const json = Object.keys(args).length ? JSON.stringify(args) : '';
  code.textContent = json.length > 400 ? `${json.slice(0, 400)}…` : json;
  code.title = json;
  label.append(box, title, code);
  item.append(label);
  return item;
}

function selectionChanged() {
  const all = $('operations').querySelectorAll('input[type=checkbox]').length;
  const chosen = $('operations').querySelectorAll('input:checked').length;
  $('selection').textContent = `${chosen} of ${all} operation(s) selected${chosen === 0 ? ': tick at least one, or cancel the job' : ''}`;
  $('approve').disabled = chosen === 0;
}

async function loadPlan(id) {
  $('preview').dataset.loading = 'true';
  try {
    const response = await call(`${api}/jobs/${id}/plan`, { headers: headers() });
    if (!current || current.id !== id) return;
    if (!response.ok) { fail(await problem(response)); return; }
    const plan = await response.json();
    $('operations').replaceChildren(...plan.operations.map(operationItem));
    selectionChanged();
    $('preview').hidden = current.status !== 'awaiting_approval';
  } finally { delete $('preview').dataset.loading; }
}

$('approve').addEventListener('click', async () => {
  const operations = [...$('operations').querySelectorAll('input:checked')].map((b) => Number(b.value));
  $('approve').disabled = true;
  try {
    const response = await call(`${api}/jobs/${current.id}/approve`, {
      method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify({ operations }),
    });
    if (!response.ok) { fail(await problem(response)); return; }
    $('preview').hidden = true;
    show(await response.json());
    follow(current.id);
  } finally { selectionChanged(); }
});

$('cancel').addEventListener('click', async () => {
  const response = await call(`${api}/jobs/${current.id}/cancel`, { method: 'POST', headers: headers() });
  if (!response.ok) fail(await problem(response)); else show(await response.json());
});

async function download(kind) {
  const response = await call(`${api}/jobs/${current.id}/${kind}`, { headers: headers() });
  if (!response.ok) { fail(await problem(response)); return; }
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = match ? match[1] : `${kind}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
$('download').addEventListener('click', () => download('result'));
$('original').addEventListener('click', () => download('original'));

function stop() { if (stream) stream.abort(); stream = null; }

// EventSource cannot send an Authorization header, so the stream is read with fetch.
async function follow(id) {
  stop();
  const controller = stream = new AbortController();
  try {
    const response = await call(`${api}/jobs/${id}/events`, { headers: headers(), signal: controller.signal });
    if (!response.ok) { fail(await problem(response)); return; }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
        const type = (/^event: (.*)$/m.exec(block) || [])[1] || 'message';
        const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (!data || controller.signal.aborted) continue;
        const payload = JSON.parse(data);
        if (type === 'progress') show({ ...current, progress: payload });
        else if (type === 'status' || type === 'done') show(payload);
        else if (type === 'error') fail(payload.detail || 'The job could not be followed.');
        if (type === 'done' || type === 'error' || payload.status === 'awaiting_approval') { controller.abort(); return; }
      }
    }
  } catch (e) {
    if (e.name === 'AbortError' || controller.signal.aborted) return;
    fail(`Lost the connection to the service while following the job (${e.message}). Reload the page to try again.`);
    return;
  }
  if (!controller.signal.aborted && current && current.id === id && !finished(current.status))
    fail('The service closed the progress stream before the job finished. Reload the page to see its state.');
}

document.body.dataset.ready = 'true';
