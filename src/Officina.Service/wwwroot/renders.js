// Officina web UI, renders of a result: "Render result as PDF" and "Render page 1 as PNG" start a render job of the
// shown job's result and list it under "Renders of the result" in the same panel, beside the change, its findings and
// its download (which stay). A PNG is previewed. Everything from the service is rendered with textContent.
import { $, api, call, downloadJob, fileName, headers, problem, size } from './form.js';
import { finished, statusLabels } from './jobs.js';

let of = null; // the id of the job whose result is rendered
let entries = []; // { job, name?, bytes?, url? } newest first
let timer = null;
let fail = (text) => { console.error(text); }; // shows a refusal in the panel

const what = (job) => job.render && job.render.format === 'png'
  ? `PNG of page${job.render.pages && job.render.pages.includes('-') ? 's' : ''} ${job.render.pages || 'all'}` : 'PDF of the result';

function entryItem(entry) {
  const { job } = entry;
  const item = document.createElement('li');
  item.className = 'render';
  item.dataset.id = job.id;
  const head = document.createElement('p');
  head.className = 'render-head';
  const title = document.createElement('strong');
  title.textContent = what(job);
  const status = document.createElement('span');
  status.className = `status ${job.status}`;
  status.textContent = statusLabels[job.status] || job.status;
  head.append(title, ' ', status);
  item.append(head);
  if (job.error) {
    const error = document.createElement('p');
    error.className = 'error';
    error.textContent = job.error.message;
    item.append(error);
  }
  if (job.status === 'succeeded') {
    const download = document.createElement('button');
    download.type = 'button';
    download.className = 'render-download';
    download.textContent = entry.name ? `Download ${entry.name}${entry.bytes ? ` (${size(entry.bytes)})` : ''}` : 'Download';
    download.addEventListener('click', async () => {
      const refused = await downloadJob(job.id);
      if (refused) fail(refused);
    });
    item.append(download);
    if (entry.url) {
      const image = document.createElement('img');
      image.className = 'render-image';
      image.src = entry.url;
      image.alt = `Rendered page: ${entry.name}`;
      item.append(image);
    }
  }
  return item;
}

function draw() {
  $('renders-box').hidden = entries.length === 0;
  $('renders').replaceChildren(...entries.map(entryItem));
}

/** Learns a finished render's file name and size; a PNG is fetched whole for its preview. */
async function describe(entry) {
  const response = await call(`${api}/jobs/${entry.job.id}/result`, { headers: headers() });
  if (!response.ok) return;
  entry.name = fileName(response, 'render');
  entry.bytes = Number(response.headers.get('Content-Length')) || 0;
  if ((response.headers.get('Content-Type') || '').startsWith('image/png')) {
    const blob = await response.blob();
    entry.bytes = blob.size;
    entry.url = URL.createObjectURL(blob);
  } else if (response.body) await response.body.cancel();
}

/** Checks the unfinished renders once a second until all are done. */
function watch() {
  if (timer) return;
  timer = setInterval(async () => {
    const mine = of;
    const open = entries.filter((e) => !finished(e.job.status));
    if (open.length === 0) { clearInterval(timer); timer = null; return; }
    for (const entry of open) {
      const response = await call(`${api}/jobs/${entry.job.id}`, { headers: headers() });
      if (!response.ok || of !== mine) continue;
      entry.job = await response.json();
      if (entry.job.status === 'succeeded') await describe(entry);
    }
    if (of === mine) draw();
  }, 1000);
}

/** Shows the renders of job `id` (`listed`: render jobs already known for it, e.g. after a reload); clears others. */
export async function showRenders(id, listed = []) {
  if (of === id && listed.every((j) => entries.some((e) => e.job.id === j.id))) return;
  if (of !== id) clearRenders();
  of = id;
  for (const job of listed) {
    if (entries.some((e) => e.job.id === job.id)) continue;
    const entry = { job };
    entries.push(entry);
    if (job.status === 'succeeded') await describe(entry);
  }
  if (of !== id) return;
  draw();
  watch();
}

export function clearRenders() {
  for (const e of entries) if (e.url) URL.revokeObjectURL(e.url);
  entries = []; of = null;
  draw();
}

/** Starts a render of job `id`'s result; a refusal is shown through `fail`. */
async function start(id, fields, button) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  button.disabled = true;
  try {
    const response = await call(`${api}/jobs/${id}/render`, {
      method: 'POST', body: form, headers: headers({ 'Idempotency-Key': crypto.randomUUID() }),
    });
    if (!response.ok) { fail((await problem(response)).text); return; }
    const job = await response.json();
    if (of !== id) clearRenders();
    of = id;
    entries.unshift({ job });
    draw();
    watch();
    $('renders-box').scrollIntoView({ block: 'nearest' });
  } finally { button.disabled = false; }
}

/** Wires the render buttons to the job shown in the panel (`current()`). */
export function initRenders(current, failed) {
  fail = failed;
  $('render-result').addEventListener('click', () => start(current().id, { format: 'pdf' }, $('render-result')));
  $('render-png').addEventListener('click', () => start(current().id, { format: 'png', pages: '1', dpi: '96' }, $('render-png')));
}
