// Officina web UI, the form: the task chooser, each task's fields (with the list of chosen source files), what a task
// sends, and errors named by field (shared with the schedule form).
// Everything from the service is rendered with textContent, never as HTML.
export const api = '/api/v1';
export const $ = (id) => document.getElementById(id);
export const task = () => document.querySelector('input[name=task]:checked').value;
export const submitLabels = { instruction: 'Start', plan: 'Apply plan', verify: 'Check document', render: 'Render', batch: 'Generate reports' };

$('key').value = localStorage.getItem('officina-key') || '';
$('key-box').open = Boolean($('key').value);
$('key').addEventListener('change', () => localStorage.setItem('officina-key', $('key').value));

function showTask() {
  const chosen = task();
  document.querySelectorAll('[data-tasks]').forEach((e) => { e.hidden = !e.dataset.tasks.split(' ').includes(chosen); });
  $('host-row').hidden = chosen !== 'instruction' || $('file').files.length > 0;
  $('dpi-row').hidden = document.querySelector('input[name=format]:checked').value !== 'png';
  $('submit-button').textContent = submitLabels[chosen];
}
document.querySelectorAll('input[name=task]').forEach((r) => r.addEventListener('change', () => { formError(''); showTask(); }));
document.querySelectorAll('input[name=format]').forEach((r) => r.addEventListener('change', showTask));
$('file').addEventListener('change', showTask);

// Source files for an instruction: a file input cannot drop one file, so the chosen files are kept here, listed with
// name and size, each removable; picking more adds to the list (the same file twice is kept once).
const sources = [];
export const size = (bytes) => bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
function showSources() {
  const list = $('sources-list');
  list.hidden = sources.length === 0;
  list.replaceChildren(...sources.map((file, i) => {
    const item = document.createElement('li');
    const name = document.createElement('span'); name.className = 'file-name'; name.textContent = file.name;
    const bytes = document.createElement('span'); bytes.className = 'file-size'; bytes.textContent = size(file.size);
    const remove = document.createElement('button');
    remove.type = 'button'; remove.className = 'quiet remove'; remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${file.name}`);
    remove.addEventListener('click', () => { sources.splice(i, 1); showSources(); $('sources').focus(); });
    item.append(name, bytes, remove);
    return item;
  }));
  if (sources.length > 1) {
    const total = document.createElement('li'); total.className = 'files-total';
    total.textContent = `${sources.length} files, ${size(sources.reduce((n, f) => n + f.size, 0))} in all`;
    list.append(total);
  }
}
$('sources').addEventListener('change', () => {
  for (const file of $('sources').files)
    if (!sources.some((s) => s.name === file.name && s.size === file.size && s.lastModified === file.lastModified)) sources.push(file);
  $('sources').value = '';
  showSources();
});
$('plan-file').addEventListener('change', async () => {
  const file = $('plan-file').files[0];
  if (file) { $('plan').value = await file.text(); $('plan').dispatchEvent(new Event('input')); }
});
// A field marked wrong is unmarked as soon as the user changes it.
$('submit').addEventListener('input', (e) => { e.target.removeAttribute('aria-invalid'); });
$('submit').addEventListener('change', (e) => { e.target.removeAttribute('aria-invalid'); });
showTask();

export function headers(extra = {}) {
  const key = $('key').value.trim();
  return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
}

/** The form field a problem's path points at: its element and the name the page shows for it. */
function fieldOf(path) {
  const name = (/^\$\.(\w+)/.exec(path || '') || [])[1];
  const batch = task() === 'batch';
  const fields = {
    file: ['file', 'Document'], instruction: ['instruction', 'Instruction'], host: ['host', 'New document type'],
    effort: ['effort', 'Effort'], mode: ['mode', 'Mode'], sources: ['sources', 'Sources'], format: ['format', 'Format'], pages: ['pages', 'Pages'],
    dpi: ['dpi', 'Resolution (dpi)'], template: ['template', 'Template'], data: ['data', 'Data'],
    plan: batch ? ['plan-template', 'Plan template'] : ['plan', 'Plan'], name: ['name', 'File names'],
    missing: ['missing', 'When a record has no value'],
  };
  if (name === 'operations' || (name === 'host' && task() === 'plan')) return { element: $('plan'), label: 'Plan' };
  const [id, label] = fields[name] || [];
  return id ? { element: $(id) || document.querySelector(`input[name=${id}]`), label } : null;
}

/** The problem details of a failed response: the text to show (field named first) and the field it is about,
 *  found by `locate` from the first error's path. */
export async function problem(response, locate = fieldOf) {
  let p;
  try { p = await response.json(); } catch { return { text: `The service answered HTTP ${response.status}.` }; }
  const detail = p.detail || p.title || `HTTP ${response.status}`;
  const errors = p.errors || [];
  const field = errors.length ? locate(errors[0].path) : null;
  const more = errors.filter((e) => !detail.includes(e.message)).map((e) => `${e.path}: ${e.message}`);
  if (response.status === 401) { more.push('Enter a valid API key under “API key” above.'); $('key-box').open = true; }
  return { text: [field ? `${field.label}: ${detail}` : detail, ...more].join('\n'), field };
}

/** fetch that turns a network failure into a message instead of an unhandled rejection. */
export async function call(url, init) {
  try { return await fetch(url, init); } catch (e) {
    if (e.name === 'AbortError') throw e;
    return new Response(JSON.stringify({ detail: `Could not reach the Officina service (${e.message}). Is it still running?` }), { status: 599 });
  }
}

/** Shows (or clears) the one message in `box` (by default under the task form) and marks the field it names. */
export function formError(text, field, box = $('form-error')) {
  box.closest('form').querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  // The field's name leads, in bold, so the user sees at once which field to fix.
  const named = field && field.label && text.startsWith(`${field.label}: `);
  const lead = document.createElement('strong');
  lead.textContent = named ? `${field.label}:` : '';
  box.replaceChildren(...(named ? [lead, text.slice(field.label.length + 1)] : [text]));
  box.hidden = !text;
  if (field && field.element) { field.element.setAttribute('aria-invalid', 'true'); field.element.setAttribute('aria-describedby', box.id); }
}

/** What the chosen task sends: the URL and form, or the field to fill in first. */
export function request() {
  const form = new FormData();
  const file = $('file').files[0];
  const need = (id, label, text) => ({ missing: { text: `${label}: ${text}`, field: { element: $(id), label } } });
  switch (task()) {
    case 'instruction':
      if (file) form.append('file', file); else form.append('host', $('host').value);
      for (const source of sources) form.append('sources', source, source.name);
      form.append('instruction', $('instruction').value);
      form.append('mode', $('mode').value);
      if ($('effort').value) form.append('effort', $('effort').value);
      return { url: `${api}/jobs`, form };
    case 'plan':
      if (!file) return need('file', 'Document', 'choose the document to apply the plan to.');
      if (!$('plan').value.trim()) return need('plan', 'Plan', 'paste the plan JSON or load a plan file.');
      form.append('file', file); form.append('plan', $('plan').value);
      return { url: `${api}/plans/apply`, form };
    case 'verify':
      if (!file) return need('file', 'Document', 'choose the document to check.');
      form.append('file', file);
      return { url: `${api}/verify`, form };
    case 'render': {
      if (!file) return need('file', 'Document', 'choose the document to render.');
      const format = document.querySelector('input[name=format]:checked').value;
      form.append('file', file); form.append('format', format);
      if ($('pages').value.trim()) form.append('pages', $('pages').value.trim());
      if (format === 'png') form.append('dpi', $('dpi').value.trim());
      return { url: `${api}/render`, form };
    }
    default: {
      const template = $('template').files[0], data = $('data').files[0], plan = $('plan-template').files[0];
      if (!template) return need('template', 'Template', 'choose the template to fill (.xlsx, .docx or .pptx).');
      if (!data) return need('data', 'Data', 'choose the data file (CSV or JSON).');
      form.append('template', template); form.append('data', data);
      if (plan) form.append('plan', plan);
      if ($('name').value.trim()) form.append('name', $('name').value.trim());
      form.append('missing', $('missing').value);
      return { url: `${api}/reports`, form };
    }
  }
}

/** The file name a download response gives (Content-Disposition), or `fallback`. */
export const fileName = (response, fallback) => {
  const match = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
  return match ? match[1] : fallback;
};

/** Hands a blob to the browser as a download named `name`. */
export function saveBlob(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** Downloads a job's result (or original); answers the problem text when the service refuses. */
export async function downloadJob(id, kind = 'result') {
  const response = await call(`${api}/jobs/${id}/${kind}`, { headers: headers() });
  if (!response.ok) return (await problem(response, () => null)).text;
  saveBlob(await response.blob(), fileName(response, kind));
  return null;
}
