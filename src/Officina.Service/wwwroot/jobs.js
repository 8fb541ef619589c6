// Officina web UI, the list of recent jobs: this tenant's jobs from GET /jobs, newest first, each with its status, what
// it did and when, a download once it succeeded; clicking one opens it in the job panel. The list lives on the service,
// so it survives a reload. Everything from the service is rendered with textContent, never as HTML.
import { $, api, call, downloadJob, headers, problem } from './form.js';

export const statusLabels = {
  queued: 'Queued', planning: 'Planning', awaiting_approval: 'Waiting for approval', applying: 'Applying',
  verifying: 'Checking', rendering: 'Rendering', generating: 'Generating',
  succeeded: 'Done', failed: 'Failed', cancelled: 'Cancelled',
};
export const kindLabels = { model: 'Change', plan: 'Plan', verify: 'Check', render: 'Render', batch: 'Report batch' };
export const finished = (status) => ['succeeded', 'failed', 'cancelled'].includes(status);

const pageSize = 15;
let jobs = []; // the jobs shown, newest first
let total = 0;
let shownId = null; // the job open in the panel
let open = () => {};
let loading = null;

/** When, in words: "just now", "5 min ago", "yesterday, 14:05", or the date. */
export function when(iso, now = Date.now()) {
  const at = new Date(iso);
  const seconds = Math.round((now - at.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const day = (d) => new Date(d).toDateString();
  if (day(at) === day(now)) return `today, ${time}`;
  if (day(at) === day(now - 86_400_000)) return `yesterday, ${time}`;
  return at.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: new Date(now).getFullYear() === at.getFullYear() ? undefined : 'numeric' }) + `, ${time}`;
}

/** The one line that says what a job was about: its instruction, file, render or batch. */
function about(job) {
  if (job.kind === 'model' && job.instruction) return `“${job.instruction}”`;
  const format = job.render && job.render.format === 'png' ? 'PNG' : 'PDF';
  if (job.kind === 'render' && job.render_of) {
    const of = jobs.find((j) => j.id === job.render_of);
    return `${format} of the result${of ? ` of ${of.instruction ? `“${of.instruction}”` : of.file_name}` : ''}`;
  }
  if (job.kind === 'render') return `${job.file_name || 'document'} as ${format}`;
  if (job.kind === 'batch' && job.batch) return `${job.file_name || 'template'} × ${job.batch.records} record(s)`;
  return job.file_name || '';
}

function span(text, cls) { const e = document.createElement('span'); e.textContent = text; e.className = cls; return e; }

function item(job) {
  const li = document.createElement('li');
  li.className = 'job-item';
  li.dataset.id = job.id;
  if (job.id === shownId) li.setAttribute('aria-current', 'true');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'job-open';
  button.title = `Open job ${job.id}`;
  const head = document.createElement('span');
  head.className = 'job-head';
  head.append(span(kindLabels[job.kind] || job.kind, 'job-kind'), span(statusLabels[job.status] || job.status, `status ${job.status}`));
  const subject = span(about(job), 'job-about');
  const file = job.kind === 'model' && job.file_name ? span(job.file_name, 'job-file') : '';
  const time = document.createElement('time');
  time.dateTime = job.created_at;
  time.title = new Date(job.created_at).toLocaleString();
  time.textContent = when(job.created_at);
  time.className = 'job-when';
  button.append(head, subject, file, time);
  button.addEventListener('click', () => open(job.id));
  li.append(button);
  if (job.status === 'succeeded') {
    const download = document.createElement('button');
    download.type = 'button';
    download.className = 'quiet job-download';
    download.textContent = 'Download';
    download.setAttribute('aria-label', `Download the result of ${kindLabels[job.kind] || 'job'} ${job.id}`);
    download.addEventListener('click', async () => {
      const refused = await downloadJob(job.id);
      if (refused) note(refused, true);
    });
    li.append(download);
  }
  return li;
}

function render() {
  $('jobs').replaceChildren(...jobs.map(item));
  document.dispatchEvent(new CustomEvent('officina:jobs')); // e.g. a schedule's last runs show their status
  $('jobs-more').hidden = jobs.length >= total;
  if (!$('jobs-note').dataset.error) $('jobs-note').textContent = jobs.length ? '' : 'No jobs yet. Jobs you start here, through the API or by a schedule are listed here.';
}

function note(text, error = false) {
  $('jobs-note').textContent = text;
  $('jobs-note').className = error ? 'note error-text' : 'note';
  if (error) $('jobs-note').dataset.error = 'true'; else delete $('jobs-note').dataset.error;
}

/** Loads the newest jobs again (as many as are shown, at least one page). */
export async function refreshJobs(more = false) {
  if (loading) return loading;
  loading = (async () => {
    const size = Math.min(200, more ? jobs.length + pageSize : Math.max(pageSize, jobs.length));
    const response = await call(`${api}/jobs?page=1&page_size=${size}`, { headers: headers() });
    if (!response.ok) {
      const p = await problem(response, () => null);
      note(response.status === 401 ? 'Enter your API key (under “API key” in the form) to see your jobs.' : `Could not load the jobs: ${p.text}`, true);
      return;
    }
    const page = await response.json();
    jobs = page.items; total = page.total;
    note('');
    render();
  })();
  try { await loading; } finally { loading = null; }
}

/** The job panel shows `job`: mark it in the list and keep its entry up to date (new jobs are fetched). */
export function jobShown(job) {
  shownId = job ? job.id : null;
  if (!job) { render(); return; }
  const i = jobs.findIndex((j) => j.id === job.id);
  if (i < 0) { refreshJobs(); return; }
  const changed = jobs[i].status !== job.status;
  jobs[i] = { ...jobs[i], ...job };
  if (changed || !$('jobs').querySelector('[aria-current]')) render();
  else document.querySelectorAll('#jobs li').forEach((li) => li.toggleAttribute('aria-current', li.dataset.id === shownId));
}

/** A listed job by id, or null. */
export const listedJob = (id) => jobs.find((j) => j.id === id) || null;

/** The jobs listed that render the result of job `id`, newest first. */
export const rendersOf = (id) => jobs.filter((j) => j.render_of === id);

/** Starts the list; `openJob(id)` opens a job in the panel. */
export function initJobList(openJob) {
  open = openJob;
  $('jobs-refresh').addEventListener('click', () => refreshJobs());
  $('jobs-more').addEventListener('click', () => refreshJobs(true));
  $('key').addEventListener('change', () => refreshJobs());
  // Jobs started elsewhere (a schedule, the API) and relative times stay current while the page is open.
  setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    if (jobs.some((j) => !finished(j.status) && j.id !== shownId)) refreshJobs();
    else document.querySelectorAll('#jobs time').forEach((t) => { t.textContent = when(t.dateTime); });
  }, 10_000);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') refreshJobs(); });
  return refreshJobs();
}
