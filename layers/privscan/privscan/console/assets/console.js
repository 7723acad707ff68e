// The review console's page: sign-in, findings, a finding's detail, datasets.
//
// Stable hooks for browser tests (ids unless said otherwise):
//   sign-in      #username #password #sign-in (form #sign-in-form); #sign-out; #whoami; #error; #status
//   navigation   #nav-findings #nav-datasets; views #view-sign-in #view-findings #view-detail #view-datasets
//   findings     filters #filter-severity #filter-rule #filter-entity #filter-status #filter-object
//                #filter-prefix #filter-since #filter-until, #apply-filters #clear-filters #export;
//                rows tr[data-finding-id] (a checkbox input.select-finding, a link a.finding-link);
//                sort buttons button[data-sort=severity|rule|entity|object|status|created];
//                #findings-summary ("N findings"); paging #page-prev #page-next #page-info #page-size;
//                bulk #select-all #bulk-status #bulk-note #bulk-apply #bulk-result #bulk-count
//   detail       #detail-title #detail-location #detail-rules #detail-occurrences #reveal #reveal-text
//                #action-status #action-note #suppression-scope #suppression-pattern #apply-action
//                #action-result #audit (li per entry, data-to-status) #detail-back
//   datasets     #datasets-body (tr[data-prefix], button.dataset-link) #dataset-detail #charts
//                (figure#chart-by_rule, #chart-by_entity, #chart-by_severity, #chart-review) #examination #ethics
// The URL holds the view and a finding id only (#/findings, #/findings/<id>, #/datasets): never a filter value.

import { api, ApiError, download, loadConfig, onSignedOut, resumeSession, session, signIn, signOut } from './api.js';
import { barChart } from './charts.js';
import { $, badge, clear, el, facts, options, show } from './views.js';

const VIEWS = ['view-sign-in', 'view-findings', 'view-detail', 'view-datasets'];
const FILTERS = ['severity', 'rule', 'entity', 'status', 'object', 'prefix', 'since', 'until'];
const state = {
  me: null,
  filters: Object.fromEntries(FILTERS.map((name) => [name, ''])),
  sort: 'severity',
  order: 'desc',
  page: 1,
  limit: 50,
  pages: 1,
  selected: new Set(),
  items: [],
};

function say(message) {
  $('status').textContent = message || '';
}

function fail(error) {
  if (error instanceof ApiError && error.status === 401) return;
  $('error').textContent = error && error.message ? error.message : 'Something went wrong.';
}

function showView(id) {
  $('error').textContent = '';
  for (const view of VIEWS) show(view, view === id);
  clear($('reveal-text')); // an excerpt is shown while its finding is on screen only
}

function label(value) {
  return String(value).replace(/_/g, ' ');
}

// -- session ------------------------------------------------------------------------------------
async function afterSignIn() {
  state.me = await api('/console/api/me');
  $('whoami').textContent = `${state.me.user} (${state.me.can_review ? 'reviewer' : 'viewer'})`;
  show('whoami');
  show('nav');
  show('sign-out');
  const statuses = state.me.statuses.map((status) => [status, label(status)]);
  options($('bulk-status'), statuses.filter(([status]) => status !== 'open'), 'confirmed');
  options($('action-status'), statuses, 'confirmed');
  for (const id of ['bulk-status', 'bulk-note', 'bulk-apply', 'select-all', 'reveal', 'apply-action']) {
    $(id).disabled = !state.me.can_review;
  }
  show('bulk-bar', state.me.can_review);
  show('action-form', state.me.can_review);
}

function signedOut(reason) {
  state.me = null;
  state.selected.clear();
  for (const id of ['nav', 'whoami', 'sign-out']) show(id, false);
  clear($('findings-body'));
  clear($('reveal-text'));
  showView('view-sign-in');
  $('error').textContent = reason || '';
  $('password').value = '';
  $('username').focus();
}

async function onSignIn(event) {
  event.preventDefault();
  $('error').textContent = '';
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) {
    $('error').textContent = 'Enter your user name and password.';
    return;
  }
  $('sign-in').disabled = true;
  say('Signing in\u2026');
  try {
    await signIn(username, password);
    $('password').value = '';
    await afterSignIn();
    say('Signed in.');
    if (!location.hash || location.hash === '#/') location.hash = '#/findings';
    else await route();
  } catch (error) {
    say('');
    fail(error);
  } finally {
    $('sign-in').disabled = false;
  }
}

// -- findings -----------------------------------------------------------------------------------
function query(extra = {}) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  for (const [name, value] of Object.entries(extra)) params.set(name, String(value));
  return params.toString();
}

function facetOptions(id, counts, name, describe = label) {
  const values = Object.entries(counts).map(([value, n]) => [value, `${describe(value)} (${n})`]);
  const current = state.filters[name];
  if (current && !(current in counts)) values.push([current, `${describe(current)} (0)`]);
  options($(id), values, current, 'All');
}

async function loadFindings() {
  say('Loading findings\u2026');
  const page = await api('/console/api/findings?' + query({ sort: state.sort, order: state.order, page: state.page, limit: state.limit }));
  state.items = page.items;
  state.pages = page.pages;
  state.page = page.page;
  facetOptions('filter-severity', page.counts.severity, 'severity');
  facetOptions('filter-rule', page.counts.rule, 'rule', (value) => value);
  facetOptions('filter-entity', page.counts.entity, 'entity', (value) => value);
  facetOptions('filter-status', page.counts.status, 'status');
  renderRows(page.items);
  $('findings-summary').textContent = `${page.total} finding${page.total === 1 ? '' : 's'}`;
  $('page-info').textContent = `Page ${page.page} of ${page.pages}`;
  $('page-prev').disabled = page.page <= 1;
  $('page-next').disabled = page.page >= page.pages;
  for (const th of document.querySelectorAll('#findings-table th[aria-sort]')) {
    const sorted = th.querySelector('button.sort').dataset.sort === state.sort;
    th.setAttribute('aria-sort', sorted ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none');
  }
  say(`${page.total} findings.`);
}

function renderRows(items) {
  const body = clear($('findings-body'));
  for (const item of items) {
    const box = el('input', {
      type: 'checkbox',
      class: 'select-finding',
      checked: state.selected.has(item.id),
      disabled: !(state.me && state.me.can_review),
      'aria-label': `Select finding ${item.id}`,
      'data-finding-id': item.id,
    });
    box.addEventListener('change', () => {
      if (box.checked) state.selected.add(item.id);
      else state.selected.delete(item.id);
      updateSelection();
    });
    const where = item.object + (item.member ? `!${item.member}` : '');
    const place = item.record !== null && item.record !== undefined ? ` record ${item.record}` : '';
    const row = el(
      'tr',
      { 'data-finding-id': item.id, 'data-status': item.status, 'data-severity': item.severity },
      el('td', {}, box),
      el('td', {}, badge('sev', item.severity)),
      el('td', {}, el('a', { href: `#/findings/${item.id}`, class: 'finding-link', text: item.title }), el('br'), el('span', { class: 'muted', text: item.rule_ids.join(', ') })),
      el('td', { text: item.entity_type || 'rule' }),
      el('td', { class: 'mono', text: where + place + (item.field ? ` \u00b7 ${item.field}` : '') }),
      el('td', { class: 'preview', text: item.preview + (item.count ? ` (\u00d7${item.count})` : '') }),
      el('td', {}, badge('st', item.status)),
      el('td', { text: (item.scanned_at || '').slice(0, 10) }),
    );
    body.append(row);
  }
  updateSelection();
}

function updateSelection() {
  $('bulk-count').textContent = String(state.selected.size);
  const boxes = [...document.querySelectorAll('#findings-body input.select-finding')];
  $('select-all').checked = boxes.length > 0 && boxes.every((box) => box.checked);
}

async function applyBulk() {
  if (!state.selected.size) {
    $('bulk-result').textContent = 'Select findings first.';
    return;
  }
  $('bulk-apply').disabled = true;
  try {
    const result = await api('/console/api/reviews', {
      method: 'POST',
      body: { finding_ids: [...state.selected].slice(0, 500), status: $('bulk-status').value, note: $('bulk-note').value },
    });
    const parts = Object.entries(result.outcomes).map(([outcome, n]) => `${n} ${label(outcome)}`);
    $('bulk-result').textContent = parts.join(', ') + '.';
    state.selected.clear();
    $('bulk-note').value = '';
    await loadFindings();
  } catch (error) {
    fail(error);
  } finally {
    $('bulk-apply').disabled = !(state.me && state.me.can_review);
  }
}

function readFilters() {
  for (const name of FILTERS) state.filters[name] = $(`filter-${name}`).value.trim();
  state.page = 1;
}

// -- detail -------------------------------------------------------------------------------------
function resetDetail() {
  // nothing of the previous finding stays on screen, and nothing can be applied before the new one is loaded
  delete $('view-detail').dataset.findingId;
  $('detail-title').textContent = 'Loading the finding\u2026';
  for (const id of ['detail-location', 'detail-rules', 'detail-occurrences', 'reveal-text', 'audit']) clear($(id));
  $('reveal').disabled = true;
  $('apply-action').disabled = true;
  $('action-result').textContent = '';
}

async function loadDetail(id) {
  say('Loading the finding\u2026');
  const detail = await api(`/console/api/findings/${encodeURIComponent(id)}`);
  const f = detail.finding;
  $('detail-title').textContent = f.title;
  $('view-detail').dataset.findingId = f.id;
  facts($('detail-location'), [
    ['Finding', f.id],
    ['Object', f.bucket + '/' + f.object + (f.member ? `!${f.member}` : '')],
    ['Record', f.record],
    ['Field', f.field],
    ['Span', f.start !== null && f.start !== undefined ? `${f.start}\u2013${f.end}` : null],
    ['Chat role', f.role],
    ['Severity', badge('sev', f.severity)],
    ['Entity type', f.entity_type || 'rule finding'],
    ['Preview (masked)', el('span', { class: 'preview', text: f.preview })],
    ['Values in the column', f.count],
    ['Status', badge('st', f.status)],
    ['Note', f.note],
    ['Reviewed by', f.reviewed_by ? `${f.reviewed_by} at ${f.reviewed_at}` : null],
    ['Scanned', f.scanned_at],
  ]);
  const rules = clear($('detail-rules'));
  for (const rule of detail.rules) {
    rules.append(
      el(
        'div',
        { class: 'rule', 'data-rule-id': rule.id },
        el('h3', { text: `${rule.title} (${rule.id})` }),
        el('p', {}, el('strong', { text: 'Law: ' }), rule.law),
        el('p', { text: rule.explanation }),
        el('p', {}, el('strong', { text: 'What to do: ' }), rule.remediation),
      ),
    );
  }
  const occurrences = clear($('detail-occurrences'));
  for (const o of detail.occurrences) {
    occurrences.append(el('li', { class: 'preview', text: `record ${o.record}: ${o.preview}` }));
  }
  if (!detail.occurrences.length) occurrences.append(el('li', { class: 'muted', text: 'The finding itself (above).' }));
  clear($('reveal-text'));
  $('reveal').disabled = !(state.me && state.me.can_review && f.can_reveal);
  $('action-status').value = f.status === 'open' ? 'confirmed' : f.status;
  $('action-note').value = '';
  $('suppression-scope').value = '';
  $('suppression-pattern').value = '';
  $('suppression').disabled = !f.can_suppress;
  $('action-result').textContent = '';
  $('apply-action').disabled = !(state.me && state.me.can_review);
  renderAudit(detail.audit);
  say('');
}

function renderAudit(entries) {
  const list = clear($('audit'));
  for (const entry of entries) {
    let what = entry.reveal ? `revealed ${entry.reveal.excerpts} excerpt(s)` : `${label(entry.from_status)} \u2192 ${label(entry.to_status)}`;
    if (entry.suppression) what += `; suppression by ${entry.suppression.by}`;
    list.append(
      el('li', { 'data-to-status': entry.to_status, 'data-actor': entry.actor }, `${entry.at} \u00b7 ${entry.actor} \u00b7 ${what}`, entry.note ? ` \u00b7 \u201c${entry.note}\u201d` : ''),
    );
  }
  if (!entries.length) list.append(el('li', { class: 'muted', text: 'No review yet.' }));
}

async function reveal() {
  const id = $('view-detail').dataset.findingId;
  $('reveal').disabled = true;
  try {
    const result = await api(`/console/api/findings/${encodeURIComponent(id)}/reveal`, { method: 'POST', body: {} });
    const box = clear($('reveal-text'));
    for (const excerpt of result.excerpts) {
      const [start, end] = excerpt.highlight;
      box.append(
        el(
          'p',
          { class: 'excerpt' },
          el('span', { class: 'muted', text: `record ${excerpt.record}${excerpt.field ? ' \u00b7 ' + excerpt.field : ''}: ` }),
          (excerpt.cut_before ? '\u2026' : '') + excerpt.text.slice(0, start),
          el('mark', { text: excerpt.text.slice(start, end) }),
          excerpt.text.slice(end) + (excerpt.cut_after ? '\u2026' : ''),
        ),
      );
    }
    if (!result.excerpts.length) box.append(el('p', { text: 'The place was not found in the object any more.' }));
    await refreshAudit(id);
  } catch (error) {
    fail(error);
  } finally {
    $('reveal').disabled = !(state.me && state.me.can_review);
  }
}

async function refreshAudit(id) {
  const detail = await api(`/console/api/findings/${encodeURIComponent(id)}`);
  renderAudit(detail.audit);
}

async function applyAction(event) {
  event.preventDefault();
  const id = $('view-detail').dataset.findingId;
  const body = { finding_ids: [id], status: $('action-status').value, note: $('action-note').value };
  const scope = $('suppression-scope').value;
  if (scope) body.suppression = scope === 'pattern' ? { scope, pattern: $('suppression-pattern').value } : { scope };
  $('apply-action').disabled = true;
  try {
    const result = await api('/console/api/reviews', { method: 'POST', body });
    const outcome = result.results[0];
    $('action-result').textContent = outcome.message ? `${label(outcome.outcome)}: ${outcome.message}` : label(outcome.outcome) + '.';
    await loadDetail(id);
    $('action-result').textContent = outcome.message ? `${label(outcome.outcome)}: ${outcome.message}` : label(outcome.outcome) + '.';
  } catch (error) {
    $('action-result').textContent = error.message;
  } finally {
    $('apply-action').disabled = !(state.me && state.me.can_review);
  }
}

// -- datasets -----------------------------------------------------------------------------------
async function loadDatasets() {
  say('Loading datasets\u2026');
  const result = await api('/console/api/datasets');
  const body = clear($('datasets-body'));
  const all = { prefix: '', objects: result.objects_total, findings: 0, by_severity: {} };
  for (const dataset of result.datasets) {
    all.findings += dataset.findings;
    for (const [severity, n] of Object.entries(dataset.by_severity)) all.by_severity[severity] = (all.by_severity[severity] || 0) + n;
  }
  for (const dataset of [all, ...result.datasets]) {
    const open = el('button', { type: 'button', class: 'dataset-link', text: dataset.prefix || 'Whole bucket' });
    open.addEventListener('click', () => loadDataset(dataset.prefix).catch(fail));
    body.append(
      el(
        'tr',
        { 'data-prefix': dataset.prefix },
        el('td', {}, open),
        el('td', { text: dataset.objects }),
        el('td', { text: dataset.findings }),
        el('td', { text: dataset.by_severity.critical ?? '' }),
        el('td', { text: dataset.by_severity.high ?? '' }),
      ),
    );
  }
  show('dataset-detail', false);
  say('');
}

const SEVERITY_BARS = (bar) => (bar.severity || ['critical', 'high', 'medium', 'low'].includes(bar.label) ? `bar-${bar.severity || bar.label}` : 'bar');

async function loadDataset(prefix) {
  const detail = await api('/console/api/datasets/detail?' + new URLSearchParams({ prefix }).toString());
  $('dataset-title').textContent = prefix ? `Dataset ${prefix}` : 'Whole bucket';
  $('dataset-facts').textContent = `${detail.objects} objects, ${detail.records} records, ${detail.findings} findings`;
  const charts = clear($('charts'));
  charts.append(
    barChart('chart-by_rule', 'Findings by rule', detail.charts.by_rule.map((bar) => ({ ...bar, label: bar.label })), SEVERITY_BARS),
    barChart('chart-by_entity', 'Personal data by entity type (occurrences)', detail.charts.by_entity),
    barChart('chart-by_severity', 'Findings by severity', detail.charts.by_severity, SEVERITY_BARS),
    barChart('chart-review', 'Review progress (findings by status)', detail.charts.review.map((bar) => ({ ...bar, label: label(bar.label) }))),
  );
  renderExamination(detail.examinations);
  renderEthics(detail.ethics);
  show('dataset-detail');
  $('dataset-title').focus();
}

function renderExamination(examinations) {
  const box = clear($('examination'));
  if (!examinations.length) {
    box.append(el('p', { class: 'muted', text: 'No examination is recorded for these objects (privscan examine).' }));
    return;
  }
  for (const { object, examination } of examinations) {
    const dl = el('dl', { class: 'facts' });
    facts(
      dl,
      Object.entries(examination).map(([key, value]) => [label(key), typeof value === 'object' && value !== null ? JSON.stringify(value) : value]),
    );
    box.append(el('section', { class: 'examination', 'data-object': object }, el('h4', { text: object }), dl));
  }
}

function renderEthics(ethics) {
  const box = clear($('ethics'));
  if (ethics.conversations === null) {
    box.append(el('p', { text: 'No chatbot conversations in this scope.' }));
    return;
  }
  box.append(el('p', { class: 'muted', text: `${ethics.conversations} conversations; a rate is the conversations a rule fired in, per 1,000.` }));
  const rows = ethics.rules.map((rule) =>
    el('tr', { 'data-rule-id': rule.rule_id }, el('td', { text: `${rule.title} (${rule.rule_id})` }), el('td', { text: rule.count }), el('td', { text: rule.conversations }), el('td', { text: rule.per_1000 })),
  );
  box.append(
    el(
      'table',
      { id: 'ethics-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Rule' }), el('th', { scope: 'col', text: 'Findings' }), el('th', { scope: 'col', text: 'Conversations' }), el('th', { scope: 'col', text: 'Per 1,000 conversations' }))),
      el('tbody', {}, ...rows),
    ),
  );
}

// -- routing ------------------------------------------------------------------------------------
async function route() {
  if (!session()) {
    signedOut(state.me ? 'Your session has expired; sign in again.' : '');
    return;
  }
  if (!state.me) await afterSignIn();
  const hash = location.hash || '#/findings';
  const detail = hash.match(/^#\/findings\/([0-9a-f]{24})$/);
  try {
    if (detail) {
      showView('view-detail');
      resetDetail();
      await loadDetail(detail[1]);
      $('detail-title').focus();
    } else if (hash === '#/datasets') {
      showView('view-datasets');
      await loadDatasets();
      $('datasets-title').focus();
    } else {
      showView('view-findings');
      await loadFindings();
    }
  } catch (error) {
    say('');
    fail(error);
  }
}

function wire() {
  for (const id of ['detail-title', 'datasets-title', 'dataset-title', 'findings-title']) $(id).tabIndex = -1;
  $('sign-in-form').addEventListener('submit', onSignIn);
  $('sign-out').addEventListener('click', () => signOut('Signed out.'));
  onSignedOut(signedOut);
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    readFilters();
    loadFindings().catch(fail);
  });
  for (const name of ['severity', 'rule', 'entity', 'status', 'since', 'until']) {
    $(`filter-${name}`).addEventListener('change', () => {
      readFilters();
      loadFindings().catch(fail);
    });
  }
  $('clear-filters').addEventListener('click', () => {
    for (const name of FILTERS) $(`filter-${name}`).value = '';
    readFilters();
    loadFindings().catch(fail);
  });
  $('export').addEventListener('click', () => download('/console/api/export?' + query({ sort: state.sort, order: state.order }), 'privscan-findings.csv').catch(fail));
  for (const button of document.querySelectorAll('button.sort')) {
    button.addEventListener('click', () => {
      const sort = button.dataset.sort;
      state.order = state.sort === sort && state.order === 'desc' ? 'asc' : 'desc';
      state.sort = sort;
      state.page = 1;
      loadFindings().catch(fail);
    });
  }
  $('page-prev').addEventListener('click', () => {
    state.page = Math.max(1, state.page - 1);
    loadFindings().catch(fail);
  });
  $('page-next').addEventListener('click', () => {
    state.page = Math.min(state.pages, state.page + 1);
    loadFindings().catch(fail);
  });
  $('page-size').addEventListener('change', () => {
    state.limit = Number($('page-size').value);
    state.page = 1;
    loadFindings().catch(fail);
  });
  $('select-all').addEventListener('change', () => {
    for (const box of document.querySelectorAll('#findings-body input.select-finding')) {
      box.checked = $('select-all').checked;
      if (box.checked) state.selected.add(box.dataset.findingId);
      else state.selected.delete(box.dataset.findingId);
    }
    updateSelection();
  });
  $('bulk-apply').addEventListener('click', applyBulk);
  $('reveal').addEventListener('click', reveal);
  $('action-form').addEventListener('submit', applyAction);
  window.addEventListener('hashchange', () => route());
}

async function start() {
  wire();
  try {
    await loadConfig();
  } catch (error) {
    fail(error);
  }
  if (resumeSession()) await route();
  else signedOut('');
}

start();
