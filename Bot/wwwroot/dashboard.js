// The author's dashboard: reads /dashboard/api/* with the session cookie (same origin, httpOnly: this script never
// sees it) and draws the numbers with Chart.js. Announcements in progress are refreshed every few seconds.
(function () {
  'use strict';

  var REFRESH_MS = 3000;
  var ACCENT = '#7a2e4d';
  var SECOND = '#1f5f7a';
  var THIRD = '#b36b00';
  var charts = {};
  var selected = null;
  var eventsFilled = false;
  var quizFilled = false;

  function $(id) { return document.getElementById(id); }

  function percent(rate) { return (rate * 100).toFixed(1) + ' %'; }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function fillTable(table, rows, render) {
    var body = table.querySelector('tbody');
    body.replaceChildren();
    rows.forEach(function (item) {
      var row = document.createElement('tr');
      render(row, item);
      body.appendChild(row);
    });
  }

  async function getJson(url, options) {
    var response = await fetch(url, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options || {}));
    if (response.status === 401) {
      window.location.assign('/dashboard');
      throw new Error('signed out');
    }
    var body = await response.json().catch(function () { return {}; });
    if (!response.ok) {
      throw new Error(body.error || ('The server answered ' + response.status));
    }
    return body;
  }

  // One chart per canvas: later data updates the same chart instead of drawing a new one over it.
  function draw(id, config) {
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    if (charts[id]) {
      charts[id].data = config.data;
      charts[id].update();
    } else {
      charts[id] = new window.Chart($(id), config);
    }
  }

  function showAudience(audience) {
    $('readers-total').textContent = String(audience.readers);
    $('subscribers-total').textContent = String(audience.subscribers);
    draw('audience-chart', {
      type: 'line',
      data: {
        labels: audience.readersByDay.map(function (d) { return d.day; }),
        datasets: [
          { label: 'Readers', data: audience.readersByDay.map(function (d) { return d.total; }), borderColor: ACCENT, backgroundColor: ACCENT },
          { label: 'Subscribers', data: audience.subscribersByDay.map(function (d) { return d.total; }), borderColor: SECOND, backgroundColor: SECOND }
        ]
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function showEvents(events) {
    draw('events-chart', {
      type: 'bar',
      data: {
        labels: events.map(function (e) { return e.title; }),
        datasets: [
          { label: 'Attending', data: events.map(function (e) { return e.attending; }), backgroundColor: ACCENT },
          { label: 'Waiting list', data: events.map(function (e) { return e.waiting; }), backgroundColor: THIRD }
        ]
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    fillTable($('events-table'), events, function (row, e) {
      cell(row, e.title);
      cell(row, new Date(e.startsAt).toISOString().replace('T', ' ').slice(0, 16));
      cell(row, String(e.capacity));
      cell(row, String(e.attending));
      cell(row, String(e.waiting));
    });
    if (!eventsFilled) {
      eventsFilled = true;
      var select = $('a-event');
      events.forEach(function (e) {
        var option = document.createElement('option');
        option.value = e.id;
        option.textContent = e.title;
        select.appendChild(option);
      });
    }
  }

  function showQuiz(questions) {
    if (quizFilled) {
      return;
    }
    quizFilled = true;
    var select = $('a-quiz');
    questions.forEach(function (q) {
      var option = document.createElement('option');
      option.value = q.id;
      option.textContent = q.question;
      select.appendChild(option);
    });
  }

  function showFeedback(feedback) {
    $('feedback-total').textContent = feedback.total === 0
      ? 'No feedback on recommendations yet.'
      : feedback.total + ' answers to recommendations.';
    draw('feedback-chart', {
      type: 'bar',
      data: {
        labels: feedback.kinds.map(function (k) { return k.kind; }),
        datasets: [{ label: 'Share of feedback (%)', data: feedback.kinds.map(function (k) { return Math.round(k.rate * 1000) / 10; }), backgroundColor: SECOND }]
      },
      options: { scales: { y: { beginAtZero: true, max: 100 } } }
    });
    fillTable($('feedback-table'), feedback.kinds, function (row, k) {
      cell(row, k.kind);
      cell(row, String(k.count));
      cell(row, percent(k.rate));
    });
  }

  function when(iso) {
    return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }

  // Readers ask the same thing in the same words more often than not: one row per wording, most asked first.
  function groupMisses(misses) {
    var groups = {};
    misses.forEach(function (m) {
      var key = m.text.trim().toLowerCase();
      var group = groups[key] || (groups[key] = { text: m.text, ids: [], last: m.missedAt, guess: m.guess, guessScore: m.guessScore });
      group.ids.push(m.id);
      if (m.missedAt > group.last) {
        group.last = m.missedAt;
      }
    });
    return Object.keys(groups).map(function (k) { return groups[k]; })
      .sort(function (a, b) { return b.ids.length - a.ids.length || (a.last < b.last ? 1 : -1); });
  }

  function showMisses(misses, intents) {
    var groups = groupMisses(misses);
    $('misses-empty').hidden = groups.length > 0;
    $('misses-table').hidden = groups.length === 0;
    fillTable($('misses-table'), groups, function (row, g) {
      cell(row, g.text);
      cell(row, String(g.ids.length));
      cell(row, when(g.last));
      cell(row, g.guess ? g.guess + ' (' + percent(g.guessScore) + ')' : '–');
      var form = document.createElement('form');
      form.className = 'miss-label';
      var select = document.createElement('select');
      select.setAttribute('aria-label', 'What "' + g.text + '" meant');
      intents.forEach(function (intent) {
        var option = document.createElement('option');
        option.value = intent;
        option.textContent = intent;
        option.selected = intent === g.guess;
        select.appendChild(option);
      });
      var save = document.createElement('button');
      save.type = 'submit';
      save.textContent = 'Teach';
      save.setAttribute('aria-label', 'Teach the bot what "' + g.text + '" meant');
      form.append(select, save);
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        save.disabled = true;
        Promise.all(g.ids.map(function (id) {
          return postJson('/dashboard/api/misses/' + id + '/label', { intent: select.value });
        })).then(function () {
          $('misses-status').textContent = 'Learned: "' + g.text + '" means ' + select.value + '.';
          return refreshUnderstanding();
        }, function (e) {
          save.disabled = false;
          $('misses-status').textContent = e.message;
        });
      });
      cell(row, '').appendChild(form);
    });
  }

  function showInbox(messages) {
    var waiting = messages.filter(function (m) { return !m.readAt; }).length;
    $('inbox-summary').textContent = messages.length === 0
      ? 'No messages yet.'
      : waiting + ' waiting for you, ' + (messages.length - waiting) + ' handled.';
    $('inbox-table').hidden = messages.length === 0;
    fillTable($('inbox-table'), messages, function (row, m) {
      row.dataset.id = String(m.id);
      row.classList.toggle('handled', Boolean(m.readAt));
      cell(row, when(m.receivedAt));
      cell(row, (m.readerName || 'A reader') + ' (' + m.channelId + ')');
      cell(row, m.message);
      cell(row, m.contact ? m.contact + (m.contactConsent ? ' — ' + m.contactConsent : '') : 'none given');
      cell(row, m.reason);
      var status = cell(row, '');
      if (m.readAt) {
        status.textContent = 'Handled ' + when(m.readAt);
        return;
      }
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Mark handled';
      // The accessible name starts with the visible words, so a voice user saying "Mark handled" finds it.
      button.setAttribute('aria-label', 'Mark handled: the message from ' + (m.readerName || 'a reader'));
      button.addEventListener('click', function () {
        button.disabled = true;
        postJson('/dashboard/api/inbox/' + m.id + '/read', {}).then(function () {
          $('inbox-status').textContent = 'Marked handled: the message from ' + (m.readerName || 'a reader') + '.';
          return refreshUnderstanding();
        }, function (e) {
          button.disabled = false;
          $('inbox-status').textContent = e.message;
        });
      });
      status.appendChild(button);
    });
  }

  var intentsList = null;

  // Not refreshed every few seconds like the announcements: a table that rebuilds itself would take the focus and
  // a half-chosen label from the author's hands.
  async function refreshUnderstanding() {
    intentsList = intentsList || (await getJson('/dashboard/api/intents')).intents;
    var lists = await Promise.all([getJson('/dashboard/api/misses'), getJson('/dashboard/api/inbox')]);
    showMisses(lists[0], intentsList);
    showInbox(lists[1]);
    document.body.dataset.understandingLoaded = 'true';
  }

  function progressOf(a) {
    var done = a.sent + a.failed + a.cancelled + a.skipped.quietHours + a.skipped.cap + a.skipped.unsubscribed;
    return a.targeted === 0 ? 1 : done / a.targeted;
  }

  function statusText(a) {
    if (a.status === 'scheduled' && a.nextSendAt) {
      return 'scheduled for ' + new Date(a.nextSendAt).toLocaleString();
    }
    if (a.retrying > 0) {
      return a.status + ' (' + a.retrying + ' waiting to retry: the channel could not take them yet)';
    }
    return a.status;
  }

  function showAnnouncements(list) {
    $('announcements-empty').hidden = list.length > 0;
    $('announcements-table').hidden = list.length === 0;
    fillTable($('announcements-table'), list, function (row, a) {
      row.dataset.id = a.id;
      cell(row, a.name || a.id);
      cell(row, statusText(a));
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = Math.round(progressOf(a) * 100);
      bar.setAttribute('aria-label', 'Progress of ' + (a.name || a.id));
      cell(row, '').appendChild(bar);
      cell(row, String(a.sent));
      cell(row, String(a.targeted));
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Results';
      button.setAttribute('aria-label', 'Results of ' + (a.name || a.id));
      button.addEventListener('click', function () { select(a.id); });
      cell(row, '').appendChild(button);
    });
  }

  function interval(r) {
    return percent(r.rate) + ' (' + percent(r.low) + '–' + percent(r.high) + ')';
  }

  async function showDetail() {
    if (!selected) {
      return;
    }
    var detail = await getJson('/dashboard/api/announcements/' + encodeURIComponent(selected));
    var p = detail.progress;
    $('announcement-detail').hidden = false;
    $('detail-title').textContent = p.name || p.id;
    $('detail-status').textContent = 'Status: ' + statusText(p) + ' · ' + p.sent + ' of ' + p.targeted + ' sent, ' + p.failed + ' failed, ' + p.pending + ' pending.';
    fillTable($('variants-table'), detail.variants, function (row, v) {
      cell(row, v.variant);
      cell(row, String(v.sent));
      cell(row, interval(v.clicks));
      cell(row, interval(v.replies));
      cell(row, interval(v.rsvps));
    });
    $('comparisons-table').hidden = detail.comparisons.length === 0;
    fillTable($('comparisons-table'), detail.comparisons, function (row, c) {
      cell(row, c.variant + ' vs ' + c.against);
      cell(row, c.metric);
      cell(row, c.z === undefined || c.z === null ? '–' : c.z.toFixed(2));
      cell(row, c.pValue === undefined || c.pValue === null ? '–' : c.pValue.toFixed(4));
      cell(row, c.significantAt95 ? 'yes' : 'no');
    });
    draw('variants-chart', {
      type: 'bar',
      data: {
        labels: detail.variants.map(function (v) { return 'Variant ' + v.variant; }),
        datasets: [
          { label: 'Click rate (%)', data: detail.variants.map(function (v) { return Math.round(v.clicks.rate * 1000) / 10; }), backgroundColor: ACCENT },
          { label: 'Reply rate (%)', data: detail.variants.map(function (v) { return Math.round(v.replies.rate * 1000) / 10; }), backgroundColor: SECOND },
          { label: 'RSVP rate (%)', data: detail.variants.map(function (v) { return Math.round(v.rsvps.rate * 1000) / 10; }), backgroundColor: THIRD }
        ]
      },
      options: { scales: { y: { beginAtZero: true } } }
    });
  }

  function select(id) {
    selected = id;
    showDetail().catch(showLoadError);
  }

  function showLoadError(error) {
    if (error && error.message === 'signed out') {
      return;
    }
    $('load-error').textContent = 'The dashboard could not load its data (' + error.message + ').';
    $('load-error').hidden = false;
  }

  async function refresh() {
    var overview = await getJson('/dashboard/api/overview');
    $('title').textContent = overview.authorName + "'s dashboard";
    document.title = overview.authorName + "'s dashboard";
    $('load-error').hidden = true;
    showAudience(overview.audience);
    showAnnouncements(overview.announcements);
    showEvents(overview.events);
    showQuiz(overview.quizQuestions || []);
    showFeedback(overview.feedback);
    await showDetail();
    document.body.dataset.loaded = 'true';
  }

  // Bounded by the page's life: one request at a time, every few seconds.
  function keepRefreshing() {
    window.setTimeout(function () {
      refresh().catch(showLoadError).finally(keepRefreshing);
    }, REFRESH_MS);
  }

  function value(id) { return $(id).value.trim(); }

  function localToIso(text) {
    return text ? new Date(text).toISOString() : undefined;
  }

  function variant(id) {
    var v = { id: id, text: value('a-text-' + id) || undefined };
    if (value('a-card-' + id) || value('a-button-' + id)) {
      v.card = { title: value('a-card-' + id) || undefined };
      if (value('a-button-' + id) || value('a-url-' + id)) {
        v.card.buttons = [{ title: value('a-button-' + id), url: value('a-url-' + id) }];
      }
    }
    return v;
  }

  function request() {
    var audience = { kind: value('a-audience') };
    if (audience.kind === 'interests') {
      audience.interests = value('a-interests').split(',').map(function (s) { return s.trim(); }).filter(Boolean);
    }
    if (audience.kind === 'event') {
      audience.eventId = value('a-event');
    }
    var schedule = { kind: value('a-schedule') };
    if (schedule.kind === 'at') {
      schedule.at = localToIso(value('a-at'));
    }
    if (schedule.kind === 'bestHour') {
      schedule.windowStart = localToIso(value('a-at'));
      schedule.windowEnd = localToIso(value('a-end'));
    }
    var variants = [variant('A')];
    if ($('a-ab').checked) {
      variants.push(variant('B'));
    }
    return { name: value('a-name') || undefined, variants: variants, audience: audience, schedule: schedule, quizQuestionId: value('a-quiz') || undefined };
  }

  function postJson(url, body) {
    return getJson(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  }

  function formError(message) {
    $('form-error').textContent = message || '';
    $('form-error').hidden = !message;
  }

  function renderPreview(previews) {
    var items = $('preview-items');
    items.replaceChildren();
    previews.forEach(function (p) {
      var box = document.createElement('article');
      box.className = 'preview-card';
      box.setAttribute('aria-label', 'Variant ' + p.variant);
      var heading = document.createElement('h4');
      heading.textContent = 'Variant ' + p.variant;
      box.appendChild(heading);
      if (p.text) {
        var text = document.createElement('p');
        text.className = 'preview-text';
        text.textContent = p.text;
        box.appendChild(text);
      }
      if (p.card) {
        if (p.card.title) {
          var title = document.createElement('p');
          title.innerHTML = '<strong></strong>';
          title.firstChild.textContent = p.card.title;
          box.appendChild(title);
        }
        (p.card.buttons || []).forEach(function (b) {
          var link = document.createElement('a');
          link.href = b.url;
          link.textContent = b.title;
          link.rel = 'noopener';
          link.target = '_blank';
          box.appendChild(link);
        });
      }
      items.appendChild(box);
    });
    $('preview').hidden = false;
  }

  function toggle(selectId) {
    var chosen = value(selectId);
    var form = $('announcement-form');
    var fields = form.querySelectorAll('[data-for]');
    Array.prototype.forEach.call(fields, function (field) {
      var owner = field.closest('fieldset');
      if (owner && owner.contains($(selectId))) {
        field.hidden = field.dataset.for.split(' ').indexOf(chosen) < 0;
      }
    });
  }

  function wireForm() {
    $('a-audience').addEventListener('change', function () { toggle('a-audience'); });
    $('a-schedule').addEventListener('change', function () { toggle('a-schedule'); });
    $('a-ab').addEventListener('change', function () { $('variant-b').hidden = !$('a-ab').checked; });
    $('preview-button').addEventListener('click', function () {
      formError(null);
      postJson('/dashboard/api/announcements/preview', request()).then(renderPreview, function (e) { formError(e.message); });
    });
    $('announcement-form').addEventListener('submit', function (event) {
      event.preventDefault();
      formError(null);
      postJson('/dashboard/api/announcements', request()).then(function (created) {
        selected = created.id;
        return refresh();
      }).then(function () {
        $('announcements').scrollIntoView();
      }, function (e) { formError(e.message); });
    });
  }

  wireForm();
  refreshUnderstanding().catch(showLoadError);
  refresh().catch(showLoadError).finally(keepRefreshing);
})();
