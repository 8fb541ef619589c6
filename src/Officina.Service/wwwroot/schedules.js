// Officina web UI, the schedules screen: this tenant's schedules (GET /schedules) with when they run and their next run
// in words, run now (a batch job followed in the job panel), delete after a confirmation, and the form that creates one
// (POST /schedules: the report batch form plus cron and time zone). A refusal is shown once, under the field it names.
// Everything from the service is rendered with textContent, never as HTML.
import { $, api, call, formError, headers, problem } from './form.js';
import { kindLabels, refreshJobs, statusLabels, when as ago } from './jobs.js';

let hooks = { open: () => {}, run: async () => {} };

// ---- cron in words ----------------------------------------------------------------------------------------------

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinal = (n) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
const list = (items) => items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
/** A field of plain numbers within [low, high] ("1" or "1,15"), or null. */
const numbers = (field, low, high) => {
  if (!/^\d+(,\d+)*$/.test(field)) return null;
  const values = field.split(',').map(Number);
  return values.every((n) => n >= low && n <= high) ? values : null;
};

/** A 5-field cron expression in words ("every weekday at 07:30"), or null when it is not one of the common shapes. */
export function cronInWords(cron) {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5) return null;
  const [minute, hour, day, month, weekday] = f;
  const every = /^\*\/(\d+)$/.exec(minute);
  if (every && hour === '*' && day === '*' && month === '*' && weekday === '*') return `every ${every[1]} minutes`;
  if (numbers(minute, 0, 59)?.length === 1 && hour === '*' && day === '*' && month === '*' && weekday === '*') return `every hour at ${Number(minute)} minute(s) past`;
  const hours = numbers(hour, 0, 23), m = numbers(minute, 0, 59)?.length === 1 ? Number(minute) : null;
  if (!hours || m === null) return null;
  const at = `at ${list(hours.map((h) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`))}`;
  const weekdayNames = weekday === '1-5' ? 'weekday (Monday to Friday)' : numbers(weekday, 0, 7) ? list(numbers(weekday, 0, 7).map((d) => weekdays[d % 7])) : null;
  if (day === '*' && month === '*' && weekday === '*') return `every day ${at}`;
  if (day === '*' && month === '*' && weekdayNames) return `every ${weekdayNames} ${at}`;
  const days = numbers(day, 1, 31);
  if (days && month === '*' && weekday === '*') return `on the ${list(days.map(ordinal))} of every month ${at}`;
  const inMonths = numbers(month, 1, 12);
  if (days && inMonths && weekday === '*') return `every year on ${list(inMonths.map((n) => `${list(days.map(String))} ${months[n - 1]}`))} ${at}`;
  return null;
}

/** The next run in words, in the schedule's time zone, with the reader's own time beside it when that differs. */
export function nextRunInWords(iso, zone, now = Date.now()) {
  if (!iso) return 'No next run: the cron expression never fires again.';
  const at = new Date(iso);
  const format = (timeZone) => at.toLocaleString(undefined, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const minutes = Math.round((at.getTime() - now) / 60000);
  const rel = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const soon = Math.abs(minutes) < 60 ? rel.format(minutes, 'minute') : Math.abs(minutes) < 48 * 60 ? rel.format(Math.round(minutes / 60), 'hour') : rel.format(Math.round(minutes / 1440), 'day');
  const local = zone !== mine && format(mine) !== format(zone) ? `; ${at.toLocaleString(undefined, { hour: '2-digit', minute: '2-digit', weekday: 'short' })} your time` : '';
  return `Next run ${soon}: ${format(zone)} (${zone}${local})`;
}

// ---- the list ---------------------------------------------------------------------------------------------------

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function note(text, error = false) {
  $('schedules-note').textContent = text;
  $('schedules-note').className = error ? 'note error-text' : 'note';
}

function scheduleItem(schedule, known) {
  const item = el('li', 'schedule card');
  item.dataset.id = schedule.id;
  const title = el('h3', 'schedule-name', schedule.name || schedule.template);
  const words = cronInWords(schedule.cron);
  const whenLine = el('p', 'schedule-when');
  whenLine.append(el('strong', '', words ? words.charAt(0).toUpperCase() + words.slice(1) : 'On the cron schedule'), ` (${schedule.time_zone}) `, el('code', 'cron', schedule.cron));
  const next = el('p', 'schedule-next', nextRunInWords(schedule.next_run_at, schedule.time_zone));
  const b = schedule.batch;
  const does = el('p', 'schedule-does',
    `Fills ${schedule.template} from ${b.data} (${b.records} record${b.records === 1 ? '' : 's'})${b.plan_template ? ', with a plan template' : ''}; `
    + `file names ${b.name || 'report-0001, …'}; a record with a missing value is ${b.missing === 'fail' ? 'skipped and reported' : b.missing === 'empty' ? 'filled with nothing' : 'left with its {{placeholder}}'}.`);
  item.append(title, whenLine, next, does);
  if (schedule.last_runs.length) {
    const runs = el('p', 'schedule-runs');
    runs.append('Last runs: ');
    schedule.last_runs.forEach((id, i) => {
      const open = el('button', 'quiet run-link', runLabel(id, known));
      open.dataset.job = id;
      open.type = 'button';
      open.title = `Open ${kindLabels.batch.toLowerCase()} job ${id}`;
      open.addEventListener('click', () => hooks.open(id));
      runs.append(i ? ' · ' : '', open);
    });
    item.append(runs);
  }
  const actions = el('p', 'actions');
  const run = el('button', 'primary run-now', 'Run now');
  run.type = 'button';
  run.addEventListener('click', () => runNow(schedule, run));
  const remove = el('button', 'delete', 'Delete…');
  remove.type = 'button';
  actions.append(run, remove);
  const confirm = el('div', 'confirm');
  confirm.hidden = true;
  confirm.setAttribute('role', 'alertdialog');
  confirm.setAttribute('aria-label', `Delete ${schedule.name || schedule.template}?`);
  const yes = el('button', 'danger confirm-delete', 'Delete schedule');
  yes.type = 'button';
  const no = el('button', 'keep', 'Keep it');
  no.type = 'button';
  const choice = el('p', 'actions');
  choice.append(yes, no);
  confirm.append(el('p', '', `Delete “${schedule.name || schedule.template}”? It stops running and its stored template and data are removed. Reports already made stay under Recent jobs.`), choice);
  remove.addEventListener('click', () => { confirm.hidden = false; actions.hidden = true; no.focus(); });
  no.addEventListener('click', () => { confirm.hidden = true; actions.hidden = false; remove.focus(); });
  yes.addEventListener('click', () => deleteSchedule(schedule, yes));
  item.append(actions, confirm);
  return item;
}

let knownJob = () => null;
const runLabel = (id, known) => { const job = known(id); return job ? `${statusLabels[job.status] || job.status}, ${ago(job.created_at)}` : id; };

export async function refreshSchedules() {
  const response = await call(`${api}/schedules?page=1&page_size=100`, { headers: headers() });
  if (!response.ok) {
    note(response.status === 401 ? 'Enter your API key (under “API key” on the New task screen) to see your schedules.' : `Could not load the schedules: ${(await problem(response, () => null)).text}`, true);
    return;
  }
  const page = await response.json();
  $('schedules').replaceChildren(...page.items.map((s) => scheduleItem(s, knownJob)));
  if (!$('schedules-note').classList.contains('error-text') || page.items.length) note(page.items.length ? '' : 'No schedules yet: create the first one below.');
}

async function runNow(schedule, button) {
  button.disabled = true;
  try {
    await hooks.run(`${api}/schedules/${schedule.id}/run`, { method: 'POST', headers: headers({ 'Idempotency-Key': crypto.randomUUID() }) },
      (p) => note(`${schedule.name || schedule.template}: ${p.text}`, true));
    await refreshJobs();
    await refreshSchedules();
  } finally { button.disabled = false; }
}

async function deleteSchedule(schedule, button) {
  button.disabled = true;
  const response = await call(`${api}/schedules/${schedule.id}`, { method: 'DELETE', headers: headers() });
  if (!response.ok && response.status !== 404) { button.disabled = false; note((await problem(response, () => null)).text, true); return; }
  await refreshSchedules();
  note(`Deleted “${schedule.name || schedule.template}”.`);
}

// ---- the form ---------------------------------------------------------------------------------------------------

const presets = { daily: (h, m) => `${m} ${h} * * *`, weekdays: (h, m) => `${m} ${h} * * 1-5`, weekly: (h, m) => `${m} ${h} * * 1`, monthly: (h, m) => `${m} ${h} 1 * *` };

function fromPreset() {
  const preset = presets[$('s-repeat').value];
  $('s-time-row').hidden = !preset;
  if (preset) {
    const [h, m] = ($('s-time').value || '07:00').split(':').map(Number);
    $('s-cron').value = preset(h, m);
  }
  describeWhen();
}

function describeWhen() {
  const words = cronInWords($('s-cron').value);
  const zone = $('s-time-zone').value.trim() || 'UTC';
  $('s-when').textContent = words ? `Runs ${words}, ${zone} time.` : $('s-cron').value.trim() ? 'A custom schedule: the service checks the expression when you create it.' : '';
}

/** The schedule form's field a problem's path names. */
function scheduleField(path) {
  const name = (/^\$\.(\w+)/.exec(path || '') || [])[1];
  const fields = {
    cron: ['s-cron', 'Cron expression'], time_zone: ['s-time-zone', 'Time zone'], schedule_name: ['s-schedule-name', 'Name'],
    template: ['s-template', 'Template'], data: ['s-data', 'Data'], plan: ['s-plan', 'Plan template'], name: ['s-name', 'File names'],
    missing: ['s-missing', 'When a record has no value'],
  };
  const [id, label] = fields[name] || [];
  return id ? { element: $(id), label } : null;
}

/** Shows the one error message under the field it names (or under the form), and marks the field. */
function formProblem(text, field) {
  const box = $('schedule-error');
  const row = field && field.element ? field.element.closest('.field') : null;
  if (row) row.append(box); else $('schedule-create').after(box);
  formError(text, field, box);
  if (field && field.element) field.element.focus();
}

async function create(event) {
  event.preventDefault();
  formProblem('');
  const need = (id, label, text) => formProblem(`${label}: ${text}`, { element: $(id), label });
  const template = $('s-template').files[0], data = $('s-data').files[0], plan = $('s-plan').files[0];
  if (!template) return need('s-template', 'Template', 'choose the template to fill (.xlsx, .docx or .pptx).');
  if (!data) return need('s-data', 'Data', 'choose the data file (CSV or JSON).');
  if (!$('s-cron').value.trim()) return need('s-cron', 'Cron expression', 'say when the batch runs, e.g. 0 7 1 * * for 07:00 on the 1st of every month.');
  const form = new FormData();
  form.append('template', template); form.append('data', data);
  if (plan) form.append('plan', plan);
  if ($('s-schedule-name').value.trim()) form.append('schedule_name', $('s-schedule-name').value.trim());
  if ($('s-name').value.trim()) form.append('name', $('s-name').value.trim());
  form.append('missing', $('s-missing').value);
  form.append('cron', $('s-cron').value.trim());
  form.append('time_zone', $('s-time-zone').value.trim() || 'UTC');
  const button = $('schedule-create');
  button.disabled = true; button.textContent = 'Creating…';
  try {
    const response = await call(`${api}/schedules`, { method: 'POST', body: form, headers: headers({ 'Idempotency-Key': crypto.randomUUID() }) });
    if (!response.ok) { const p = await problem(response, scheduleField); formProblem(p.text, p.field); return; }
    const schedule = await response.json();
    $('schedule-form').reset();
    $('s-time-zone').value = Intl.DateTimeFormat().resolvedOptions().timeZone;
    fromPreset();
    await refreshSchedules();
    note(`Created “${schedule.name || schedule.template}”. ${nextRunInWords(schedule.next_run_at, schedule.time_zone)}.`);
  } finally { button.disabled = false; button.textContent = 'Create schedule'; }
}

/** Starts the screen: `open(id)` opens a job in the panel; `run(url, init, refused)` starts a job and follows it. */
export function initSchedules({ open, run, known }) {
  hooks = { open, run };
  if (known) knownJob = known;
  $('s-time-zone').value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  $('time-zones').replaceChildren(...['UTC', ...zones].map((z) => { const o = document.createElement('option'); o.value = z; return o; }));
  $('s-repeat').addEventListener('change', fromPreset);
  $('s-time').addEventListener('input', fromPreset);
  $('s-cron').addEventListener('input', () => {
    const match = Object.entries(presets).find(([, p]) => { const [h, m] = ($('s-time').value || '07:00').split(':').map(Number); return p(h, m) === $('s-cron').value.trim(); });
    $('s-repeat').value = match ? match[0] : 'custom';
    $('s-time-row').hidden = !match;
    describeWhen();
  });
  $('s-time-zone').addEventListener('input', describeWhen);
  $('schedule-form').addEventListener('submit', create);
  $('schedule-form').addEventListener('input', (e) => e.target.removeAttribute('aria-invalid'));
  $('schedule-form').addEventListener('change', (e) => e.target.removeAttribute('aria-invalid'));
  $('key').addEventListener('change', refreshSchedules);
  document.addEventListener('officina:jobs', () => {
    document.querySelectorAll('#schedules .run-link').forEach((b) => { b.textContent = runLabel(b.dataset.job, knownJob); });
  });
  fromPreset();
  return refreshSchedules();
}
