// Officina web UI: submit the chosen task, follow the job's server-sent events, preview and approve a plan (in words,
// describe.js), read findings or a batch summary, look at a rendered page, download. The form itself is in form.js,
// the recent jobs in jobs.js, renders of a result in renders.js, the schedules screen in schedules.js.
// Everything from the service or the model is rendered with textContent, never as HTML.
import { describeOperation, operationTarget } from './describe.js';
import { $, api, call, fileName, formError, headers, problem, request, saveBlob, size, submitLabels, task } from './form.js';
import { initJobList, jobShown, listedJob, refreshJobs, rendersOf } from './jobs.js';
import { clearRenders, initRenders, showRenders } from './renders.js';
import { initSchedules } from './schedules.js';

let current = null;
let stream = null; // the AbortController of the event stream being followed
let result = null; // { id, name, size, type, blob? } of the shown job's result, once known

const labels = {
  queued: 'Queued', planning: 'Planning', awaiting_approval: 'Waiting for your approval', applying: 'Applying',
  verifying: 'Checking the result', rendering: 'Rendering', generating: 'Generating',
  succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled',
};
const titles = { model: 'Change', plan: 'Plan', verify: 'Check', render: 'Render', batch: 'Report batch' };
const finished = (status) => ['succeeded', 'failed', 'cancelled'].includes(status);

$('submit').addEventListener('submit', async (event) => {
  event.preventDefault();
  formError('');
  const { url, form, missing } = request();
  if (missing) { formError(missing.text, missing.field); missing.field.element.focus(); return; }
  const button = $('submit-button');
  button.disabled = true; button.textContent = 'Submitting…';
  try {
    await start(url, { method: 'POST', body: form, headers: headers({ 'Idempotency-Key': crypto.randomUUID() }) }, (p) => {
      // Nothing was submitted: say why next to the form and hide any earlier job, so it is not mistaken for this one.
      stop(); show(null); current = null;
      formError(p.text, p.field);
      if (p.field && p.field.element) p.field.element.focus();
    });
  } finally {
    button.disabled = false; button.textContent = submitLabels[task()];
  }
});

/** Submits a job, shows it and follows it; a refusal (problem details) goes to `refused`. */
async function start(url, init, refused) {
  const response = await call(url, init);
  if (!response.ok) { refused(await problem(response)); return; }
  const job = await response.json();
  show(job, true);
  $('job').scrollIntoView({ block: 'start' });
  follow(job.id);
  refreshJobs();
}

/** Opens a job of the list (or the one shown before a reload) in the panel, and follows it while it runs. */
async function openJob(id, quiet = false) {
  const response = await call(`${api}/jobs/${id}`, { headers: headers() });
  if (!response.ok) {
    if (quiet) { sessionStorage.removeItem('officina-job'); return; } // gone (retention) or another key's: start empty
    stop(); current = null; show(null);
    $('job').hidden = false; fail((await problem(response, () => null)).text);
    return;
  }
  const job = await response.json();
  stop();
  show(job, true);
  if (!quiet) $('job').scrollIntoView({ block: 'start', behavior: 'smooth' });
  if (!finished(job.status) && job.status !== 'awaiting_approval') follow(job.id);
}

// ---- the job panel --------------------------------------------------------------------------------------------

function fail(text) { $('error').hidden = !text; $('error').textContent = text; }

function statusText(job) {
  const p = job.progress;
  const label = job.kind === 'verify' && job.status === 'verifying' ? 'Checking the document' : labels[job.status] || job.status;
  const counting = ['applying', 'rendering', 'generating'].includes(job.status) && p && p.total > 1;
  return counting ? `${label} ${Math.min(p.done, p.total)} of ${p.total}` : label;
}

/** Shows a job; `fresh` clears what an earlier job left on the page; null empties the panel. */
function show(job, fresh = false) {
  if (fresh || !job) {
    $('preview').hidden = true; $('operations').replaceChildren(); fail('');
    clearResult();
    if (!job || !current || current.id !== job.id) clearRenders();
  }
  jobShown(job);
  if (!job) { $('job').hidden = true; sessionStorage.removeItem('officina-job'); return; }
  sessionStorage.setItem('officina-job', job.id); // a reload opens this job again
  $('job').hidden = false;
  current = job;
  $('job-title').textContent = titles[job.kind] || 'Job';
  $('job-id').textContent = job.id;
  $('status').textContent = statusText(job);
  $('status').className = `status ${job.status}`;
  $('file-name').textContent = subject(job);
  const p = job.progress;
  const bar = $('bar');
  bar.hidden = job.status === 'failed' || job.status === 'cancelled';
  if (p && p.total > 0) { bar.max = p.total; bar.value = Math.min(p.done, p.total); }
  else if (finished(job.status) || job.status === 'awaiting_approval') { bar.max = 1; bar.value = 1; }
  else bar.removeAttribute('value'); // indeterminate: the model's number of steps is not known ahead
  $('message').textContent = p && p.message && !finished(job.status) ? p.message : '';
  if (job.error) fail(`${job.error.message}${(job.error.errors || []).filter((e) => !job.error.message.includes(e.message)).map((e) => `\n${e.path}: ${e.message}`).join('')}`);
  const waiting = job.status === 'awaiting_approval';
  const changes = job.changes || [];
  $('changes-box').hidden = changes.length === 0 || waiting;
  $('changes').replaceChildren(...changes.map((c) => li(`${c.op}: ${c.summary}`)));
  showFindings(job.verification, waiting || job.kind === 'batch');
  showBatch(job);
  const u = job.usage;
  const cost = u && u.estimated_cost_usd > 0 ? `; about $${Number(u.estimated_cost_usd).toFixed(4)}` : '';
  $('usage').textContent = u && u.input_tokens
    ? `Model tokens in ${u.input_tokens}, out ${u.output_tokens}${cost}; ${(u.duration_ms / 1000).toFixed(1)} s` : '';
  const done = job.status === 'succeeded';
  $('download').hidden = !done;
  $('render-result').hidden = $('render-png').hidden = !done || !['model', 'plan', 'verify'].includes(job.kind);
  if (done && ['model', 'plan', 'verify'].includes(job.kind)) showRenders(job.id, rendersOf(job.id));
  $('original').hidden = !job.links.original;
  $('original').textContent = job.kind === 'batch' ? 'Download template' : 'Download original';
  $('cancel').hidden = finished(job.status);
  if (done) describeResult(job);
  if (waiting && $('preview').hidden && !$('preview').dataset.loading) loadPlan(job.id);
  if (!waiting) $('preview').hidden = true;
}

/** The line under the title: the file, the instruction, or what is rendered and how. */
function subject(job) {
  const parts = [job.file_name];
  if (job.instruction) parts.push(`“${job.instruction}”`);
  if (job.render) {
    const pages = job.render.pages ? `page(s) ${job.render.pages}` : 'all pages';
    parts.push(job.render.format === 'png' ? `PNG, ${pages}, ${job.render.dpi || 96} dpi` : `PDF, ${pages}`);
  }
  if (job.render_of) parts.push(`result of job ${job.render_of}`);
  if (job.batch) parts.push(`data ${job.batch.data}, ${job.batch.records} record(s)${job.batch.plan_template ? ', with a plan template' : ''}`);
  return parts.filter(Boolean).join(' — ');
}

function li(text, cls) { const e = document.createElement('li'); e.textContent = text; if (cls) e.className = cls; return e; }
function span(text, cls) { const e = document.createElement('span'); e.textContent = text; if (cls) e.className = cls; return e; }
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function showFindings(verification, hide) {
  $('findings-box').hidden = !verification || hide;
  if (!verification) return;
  const findings = verification.findings || [];
  const count = (s) => findings.filter((f) => f.severity === s).length;
  const errors = count('error'), warnings = count('warning'), notes = findings.length - errors - warnings;
  $('findings-summary').textContent = findings.length === 0 ? 'No problems found.'
    : [plural(errors, 'error'), plural(warnings, 'warning'), notes ? plural(notes, 'note') : ''].filter(Boolean).join(', ') + ' found.';
  $('findings-summary').className = errors ? 'finding-error' : '';
  $('findings').replaceChildren(...findings.map((f) => {
    const item = document.createElement('li');
    item.className = `finding finding-${f.severity}`;
    item.append(span(f.severity === 'error' ? 'Error' : f.severity === 'warning' ? 'Warning' : 'Note', `severity ${f.severity}`),
      span(f.location || '(document)', 'location'), span(f.message, 'finding-message'));
    return item;
  }));
  const checks = verification.checks || [];
  $('checks-box').hidden = checks.length === 0;
  $('checks').replaceChildren(...checks.map((c) => li(c)));
}

function showBatch(job) {
  const s = job.batch_summary;
  $('batch-box').hidden = !s;
  if (!s) return;
  const written = s.succeeded + s.verification_errors;
  $('batch-total').textContent = `${plural(written, 'document')} written from ${plural(s.records, 'record')}.`;
  const count = (n, text, cls) => { const e = li('', `count ${cls}`); e.append(span(String(n), 'number'), ` ${text}`); return e; };
  $('batch-counts').replaceChildren(count(s.succeeded, 'ok', 'ok'), count(s.verification_errors, 'with verification errors', s.verification_errors ? 'warn' : 'none'),
    count(s.failed, 'failed', s.failed ? 'bad' : 'none'));
  const failures = s.failures || [];
  $('failures-box').hidden = failures.length === 0;
  $('failures').replaceChildren(...failures.map((f) => {
    const item = document.createElement('li');
    item.append(span(`Record ${f.record}`, 'record'), f.output ? span(f.output, 'output') : '', span(f.message, 'finding-message'));
    return item;
  }));
  $('failures-more').textContent = s.failed > failures.length ? `${s.failed - failures.length} more failure(s): summary.json in the zip lists every record.` : '';
}

function clearResult() {
  if (result && result.url) URL.revokeObjectURL(result.url);
  result = null;
  $('image-box').hidden = true; $('image').removeAttribute('src'); $('image-caption').textContent = '';
  $('download').textContent = 'Download result';
}


/** Learns the result's name and size (reading only its headers), and for a single PNG page shows it. */
async function describeResult(job) {
  if (result && result.id === job.id) return;
  clearResult();
  const mine = result = { id: job.id };
  const controller = new AbortController();
  const response = await call(`${api}/jobs/${job.id}/result`, { headers: headers(), signal: controller.signal }).catch(() => null);
  if (!response || !response.ok || result !== mine) { controller.abort(); return; }
  mine.name = fileName(response, 'result');
  mine.type = response.headers.get('Content-Type') || '';
  const length = Number(response.headers.get('Content-Length'));
  if (mine.type.startsWith('image/png')) {
    mine.blob = await response.blob();
    if (result !== mine) return;
    mine.url = URL.createObjectURL(mine.blob);
    const image = $('image');
    image.alt = `Rendered page: ${mine.name}`;
    image.addEventListener('load', () => {
      $('image-caption').textContent = `${mine.name}, ${image.naturalWidth} × ${image.naturalHeight} px`;
    }, { once: true });
    image.src = mine.url;
    $('image-box').hidden = false;
  } else controller.abort();
  $('download').textContent = `Download ${mine.name}${length > 0 ? ` (${size(length)})` : ''}`;
}

/** One operation of the plan: a labelled box, what it does in words, and the operation's name and target. */
function operationItem(op, i) {
  const item = document.createElement('li');
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox'; box.checked = true; box.value = i;
  box.addEventListener('change', selectionChanged);
  const title = span(describeOperation(op), 'op-title');
  const meta = span('', 'op-meta');
  const opName = document.createElement('code');
  box.dataset.dependsOn = (op.depends_on || []).join(' ');
  box.dataset.op = op.op;
  opName.className = 'op-name';
  opName.textContent = op.op;
  meta.append(opName);
  const target = operationTarget(op);
  if (target) meta.append(span(target, 'op-target'));
  const { op: _name, depends_on: _dependsOn, ...args } = op;
  meta.title = JSON.stringify(args); // the exact arguments, for whoever wants them
  label.append(box, title, meta);
  item.append(label);
  return item;
}

function selectionChanged() {
  const all = $('operations').querySelectorAll('input[type=checkbox]').length;
  const chosen = $('operations').querySelectorAll('input:checked').length;
  $('selection').textContent = `${chosen} of ${all} operation(s) selected${chosen === 0 ? ': tick at least one, or cancel the job' : ''}`;
  $('approve').disabled = chosen === 0;
  showUnmet();
}

/** Warns, before approving, about each ticked operation that needs one left unticked (depends_on from the plan). */
function showUnmet() {
  const boxes = [...$('operations').querySelectorAll('input[type=checkbox]')];
  const lines = boxes.filter((b) => b.checked).flatMap((b) => b.dataset.dependsOn.split(' ').filter(Boolean).map(Number)
    .filter((n) => boxes[n] && !boxes[n].checked)
    .map((n) => `Operation ${b.value} (${b.dataset.op}) needs operation ${n} (${boxes[n].dataset.op}), which is unticked.`));
  $('unmet').hidden = lines.length === 0;
  $('unmet').textContent = lines.length ? `${lines.join('\n')}\nTick it again, or untick the operations that need it.` : '';
}

async function loadPlan(id) {
  $('preview').dataset.loading = 'true';
  try {
    const response = await call(`${api}/jobs/${id}/plan`, { headers: headers() });
    if (!current || current.id !== id) return;
    if (!response.ok) { fail((await problem(response)).text); return; }
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
    if (!response.ok) { fail((await problem(response)).text); return; }
    fail(''); // an earlier refusal no longer applies
    $('preview').hidden = true;
    show(await response.json());
    follow(current.id);
  } finally { selectionChanged(); }
});

$('cancel').addEventListener('click', async () => {
  const response = await call(`${api}/jobs/${current.id}/cancel`, { method: 'POST', headers: headers() });
  if (!response.ok) fail((await problem(response)).text); else show(await response.json());
});

// Renders of the shown job's result are listed beside it, in the same panel (renders.js).
initRenders(() => current, fail);
// The job list may arrive after the shown job (a reload opens both at once): list its renders then too.
document.addEventListener('officina:jobs', () => {
  if (current && current.status === 'succeeded' && ['model', 'plan', 'verify'].includes(current.kind)) showRenders(current.id, rendersOf(current.id));
});

async function download(kind) {
  let blob = kind === 'result' && result && result.id === current.id ? result.blob : null;
  let name = kind === 'result' && result && result.id === current.id ? result.name : null;
  if (!blob) {
    const response = await call(`${api}/jobs/${current.id}/${kind}`, { headers: headers() });
    if (!response.ok) { fail((await problem(response)).text); return; }
    name = fileName(response, name || kind);
    blob = await response.blob();
  }
  saveBlob(blob, name);
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
    if (!response.ok) { fail((await problem(response)).text); return; }
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
    fail(`Lost the connection to the service while following the job (${e.message}). The job goes on: reload the page, or open it under Recent jobs, to follow it again.`);
    return;
  }
  if (!controller.signal.aborted && current && current.id === id && !finished(current.status))
    fail('The service closed the progress stream before the job finished. Reload the page, or open the job under Recent jobs, to see its state.');
}

// ---- screens, the job list, and the job shown before a reload ------------------------------------------------

function showScreen() {
  const schedules = location.hash === '#schedules';
  $('submit').hidden = schedules;
  $('schedules-screen').hidden = !schedules;
  $('tab-tasks').toggleAttribute('aria-current', !schedules);
  $('tab-schedules').toggleAttribute('aria-current', schedules);
  if (schedules) $('tab-schedules').setAttribute('aria-current', 'page'); else $('tab-tasks').setAttribute('aria-current', 'page');
}
window.addEventListener('hashchange', showScreen);
showScreen();

const listed = initJobList((id) => openJob(id));
const schedulesReady = listed.then(() => initSchedules({
  open: (id) => openJob(id),
  run: (url, init, refused) => start(url, init, refused),
  known: listedJob,
}));
const shown = sessionStorage.getItem('officina-job');
Promise.all([listed, schedulesReady, shown ? openJob(shown, true) : null])
  .finally(() => { document.body.dataset.ready = 'true'; });
