/* The review page, enhanced: every action below is also a plain form or link that works
   without JavaScript (full page loads); this file makes them instant and keyboard-driven.

   - Decisions apply on the page at once and are sent in order, one at a time, through a queue
     per document (`enqueue`). A failed request stops the queue, puts the page back as the
     server has it, and offers Retry; a document someone else approved or rejected (409) or
     changed (X-Review-Others) says so. Shift+A waits for the queue to drain.
   - Capture: with a field selected, click a word or drag over words on the page image to fill
     it (the stored word boxes, `pages/N/words/`); `c` draws a box for a value no word covers.
     The captured box is sent with the value and becomes the field's box. Clicking where boxes
     overlap cycles through them.
   - Tables: arrows/Tab/Enter move across cells; Alt+N, Alt+Delete, Alt+arrows add, delete and
     move rows; the row arithmetic and the sum against the subtotal are checked as you type.
   - Flow: the next document is prefetched and swapped in without a reload; "3 of 12"; skip,
     postpone, reject with reason templates; undo (z) of the last decision, or reopen of the
     document just approved (its approval is sent after a short undo window, at once when the
     page is left); reset to the machine value (x); zoom, fit width, Ctrl+wheel, drag to pan,
     rotate, thumbnails; the view settings are kept across documents; `?` lists the keys.
*/
(function () {
  "use strict";

  var ZOOMS = [50, 75, 100, 150, 200];
  var MIN_ZOOM = 25;
  var MAX_ZOOM = 400;
  var APPROVE_DELAY_MS = 5000;
  var PREFETCH_MAX_AGE_MS = 60000;
  var VIEW_KEY = "casefile.review.view";

  var selectedKey = null;
  var queues = {};
  var others = 0;
  var staleShown = false;
  var pendingApproval = null;
  var prefetched = {};
  var session = { done: [], skipped: [] };
  var wordsCache = {};
  var capture = null;
  var justCaptured = false;
  var captureMode = false;
  var boxCycle = { x: -1, y: -1, index: 0 };
  var pan = null;
  var viewState = loadView();

  // --- small helpers ------------------------------------------------------------------------

  function root() {
    return document.getElementById("review-root");
  }

  function csrfToken() {
    var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    if (input) {
      return input.value;
    }
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (error) {
      return "";
    }
  }

  function loadView() {
    try {
      return JSON.parse(window.localStorage.getItem(VIEW_KEY) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function saveView() {
    try {
      window.localStorage.setItem(VIEW_KEY, JSON.stringify(viewState));
    } catch (error) {
      /* private mode: the view is simply not remembered */
    }
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#field-list > li.field"));
  }

  function rowFor(key) {
    return key ? document.getElementById("field-" + key) : null;
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  /* A form's URL; `form.action` is shadowed by the decision forms' input named "action". */
  function formAction(form) {
    return (form.getAttribute("action") || window.location.pathname).split("#")[0];
  }

  /* Performance marks the UI benchmark reads (bench/review_ui.py). */
  function mark(name) {
    if (window.performance && window.performance.mark) {
      window.performance.mark(name);
    }
  }

  function processed(element) {
    if (window.htmx && element) {
      window.htmx.process(element);
    }
    return element;
  }

  // --- notices ------------------------------------------------------------------------------

  function notices() {
    return document.getElementById("review-notices");
  }

  function notice(id, kind, text, actions) {
    var box = notices();
    if (!box) {
      return null;
    }
    var existing = document.getElementById(id);
    if (existing) {
      existing.remove();
    }
    var element = document.createElement("div");
    element.id = id;
    element.className = "notice notice-" + kind;
    element.setAttribute("role", kind === "error" ? "alert" : "status");
    var span = document.createElement("span");
    span.textContent = text;
    element.appendChild(span);
    (actions || []).forEach(function (action) {
      var button = document.createElement(action.href ? "a" : "button");
      if (action.href) {
        button.href = action.href;
      } else {
        button.type = "button";
      }
      button.className = "button button-small";
      button.textContent = action.label;
      button.addEventListener("click", function (event) {
        if (action.run) {
          event.preventDefault();
          action.run();
        }
      });
      element.appendChild(button);
    });
    box.appendChild(element);
    return element;
  }

  function noticeClear(id) {
    var element = document.getElementById(id);
    if (element) {
      element.remove();
    }
  }

  function savingIndicator() {
    var waiting = 0;
    Object.keys(queues).forEach(function (id) {
      if (!queues[id].failed) {
        waiting += queues[id].jobs.length;
      }
    });
    if (waiting) {
      notice("notice-saving", "info", "Saving " + waiting + " decision" + (waiting === 1 ? "" : "s") + "…");
    } else {
      noticeClear("notice-saving");
    }
  }

  // --- the decision queues: one per document ---------------------------------------------------

  /* The queue of the document on the page; a document left for the next keeps its own queue
     running (its approval is its last job), so nothing waits on the server to move on. */
  function currentQueue() {
    var element = root();
    if (!element) {
      return null;
    }
    var id = element.dataset.document;
    if (!queues[id]) {
      queues[id] = { id: id, filename: element.dataset.filename, url: element.dataset.url, jobs: [], busy: false, failed: null, waiters: [] };
    }
    return queues[id];
  }

  function isShown(q) {
    return root() && root().dataset.document === q.id;
  }

  function send(url, data, target, options) {
    options = options || {};
    var headers = { "X-CSRFToken": csrfToken(), "X-Review-Queue": "1", "HX-Request": "true" };
    if (target) {
      headers["HX-Target"] = target;
    }
    return fetch(url, {
      method: "POST",
      body: data,
      headers: headers,
      credentials: "same-origin",
      keepalive: !!options.keepalive,
      redirect: "manual",
    }).then(function (response) {
      return response.text().then(function (text) {
        return { ok: response.ok || response.type === "opaqueredirect", status: response.status, text: text, headers: response.headers };
      });
    });
  }

  /* job: {url, data, target, key, apply(), revert(state), done(response)}; apply, revert and
     done touch the page only while their document is shown. */
  function enqueue(job, q) {
    q = q || currentQueue();
    if (!q) {
      return;
    }
    /* Working on this document ends the undo window of the one approved before it. */
    if (pendingApproval && pendingApproval.id !== q.id) {
      approvalCommit(pendingApproval);
    }
    job.queue = q;
    if (job.apply && isShown(q)) {
      job.revertState = job.apply();
    }
    q.jobs.push(job);
    savingIndicator();
    pump(q);
  }

  function pump(q) {
    if (q.busy || q.failed || !q.jobs.length) {
      if (!q.jobs.length && !q.busy) {
        var waiters = q.waiters;
        q.waiters = [];
        waiters.forEach(function (resolve) {
          resolve(!q.failed);
        });
      }
      return;
    }
    q.busy = true;
    var job = q.jobs[0];
    send(job.url, job.data, job.target, { keepalive: job.keepalive }).then(
      function (response) {
        q.busy = false;
        if (isShown(q)) {
          othersCheck(response.headers);
        }
        if (response.status === 409 && isShown(q)) {
          /* The document is not this reviewer's any more: what is queued is refused too;
             the page shows the document as it is now, with one notice. */
          drop(q);
          stale(response.text);
          return;
        }
        if (response.status === 409) {
          fail(q, job, "Not saved: " + (response.text || "the document is no longer waiting for review."), false);
          return;
        }
        if (!response.ok) {
          fail(q, job, "Not saved: the server answered " + response.status + ".", true);
          return;
        }
        q.jobs.shift();
        if (job.done && (isShown(q) || job.always)) {
          job.done(response);
        }
        savingIndicator();
        pump(q);
      },
      function () {
        q.busy = false;
        fail(q, job, "Not saved: the connection failed.", true);
      }
    );
  }

  function fail(q, job, message, retryable) {
    q.failed = job;
    if (isShown(q)) {
      for (var index = q.jobs.length - 1; index >= 0; index -= 1) {
        if (q.jobs[index].revert) {
          q.jobs[index].revert(q.jobs[index].revertState);
        }
      }
      pendingCountRefresh();
    }
    savingIndicator();
    var count = q.jobs.length;
    var actions = [];
    if (retryable) {
      actions.push({ label: "Retry", run: function () { retry(q); } });
    }
    if (isShown(q)) {
      actions.push({ label: "Discard", run: function () { discard(q); } });
    } else {
      actions.push({ label: "Open " + q.filename, run: function () { discard(q); swapTo(q.url); } });
    }
    var where = isShown(q) ? "" : " on " + q.filename;
    notice(
      "notice-failed-" + q.id,
      "error",
      message + " " + count + " action" + (count === 1 ? "" : "s") + where + (isShown(q) ? " put back as before." : " not done (nothing after the failure was sent)."),
      actions
    );
    var waiters = q.waiters;
    q.waiters = [];
    waiters.forEach(function (resolve) {
      resolve(false);
    });
  }

  function drop(q) {
    q.failed = null;
    q.jobs = [];
    savingIndicator();
    var waiters = q.waiters;
    q.waiters = [];
    waiters.forEach(function (resolve) {
      resolve(false);
    });
  }

  function retry(q) {
    noticeClear("notice-failed-" + q.id);
    q.failed = null;
    if (isShown(q)) {
      q.jobs.forEach(function (job) {
        if (job.apply) {
          job.revertState = job.apply();
        }
      });
    }
    savingIndicator();
    pump(q);
  }

  function discard(q) {
    noticeClear("notice-failed-" + q.id);
    q.failed = null;
    q.jobs = [];
    savingIndicator();
    if (isShown(q)) {
      reloadFields();
    }
  }

  function whenIdle(q) {
    q = q || currentQueue();
    if (!q) {
      return Promise.resolve(true);
    }
    if (q.failed) {
      return Promise.resolve(false);
    }
    if (!q.jobs.length && !q.busy) {
      return Promise.resolve(true);
    }
    return new Promise(function (resolve) {
      q.waiters.push(resolve);
    });
  }

  function othersCheck(headers) {
    var value = headers && headers.get("X-Review-Others");
    if (value === null || value === undefined || value === "") {
      return;
    }
    var count = Number(value);
    var element = root();
    if (count > others && !staleShown && !(element && element.dataset.lost === "true")) {
      staleShown = true;
      notice("notice-others", "warning", "Someone else changed this document while you were on it.", [
        { label: "Reload", run: function () { window.location.reload(); } },
      ]);
    }
  }

  /* Someone else may decide on this document while it is open: ask the server now and then
     (and when the tab comes back into view), never while the page's own queue is busy. */
  var STATE_EVERY_MS = 5000;

  function stateCheck() {
    var element = root();
    var q = element && queues[element.dataset.document];
    if (!element || !element.dataset.stateUrl || element.dataset.decidable !== "true" || document.hidden) {
      return;
    }
    if (q && (q.jobs.length || q.busy)) {
      return;
    }
    fetch(element.dataset.stateUrl, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state || root() !== element) {
          return;
        }
        if (!state.decidable) {
          stale("Someone else decided this document: it is " + state.status.replace("_", " ") + " now.");
        } else if (state.claimed_by) {
          var until = state.claimed_until ? new Date(state.claimed_until) : null;
          stale(
            state.claimed_by + " took over this document" +
              (until ? " until " + until.toTimeString().slice(0, 5) : "") +
              ": your decisions on it are not saved."
          );
        } else if (state.others > others && !staleShown) {
          staleShown = true;
          notice("notice-others", "warning", "Someone else changed this document while you were on it.", [
            { label: "Reload", run: function () { window.location.reload(); } },
          ]);
        }
      }, function () {});
  }

  window.setInterval(stateCheck, STATE_EVERY_MS);
  document.addEventListener("visibilitychange", stateCheck);

  /* This document is not the reviewer's to decide any more (someone took it over or decided
     it): one notice, and the page redrawn as it is now (header, buttons, fields), at once. */
  function stale(text) {
    var element = root();
    if (!element || element.dataset.lost === "true") {
      return;
    }
    element.dataset.lost = "true";
    element.dataset.decidable = "false";
    staleShown = true;
    noticeClear("notice-others");
    noticeClear("notice-failed-" + element.dataset.document);
    notice("notice-stale", "error", text || "This document is no longer waiting for review: someone else decided it.", [
      { label: "Next document", run: function () { goNext(); } },
    ]);
    if (element.dataset.url) {
      swapTo(element.dataset.url, null, { refresh: true });
    }
  }

  function reloadFields() {
    var element = root();
    if (!element) {
      return;
    }
    fetch(element.dataset.url, { headers: { "HX-Request": "true", "HX-Target": "field-list" }, credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var list = document.getElementById("field-list");
        if (list) {
          list.replaceWith(processed(fragment(html)));
          syncBoxes();
          pendingCountRefresh();
          select(selectedKey && rowFor(selectedKey) ? selectedKey : (rows()[0] || {}).dataset.field);
        }
      });
  }

  function laterJobsFor(key, job) {
    var jobs = job.queue ? job.queue.jobs : [];
    var index = jobs.indexOf(job);
    return jobs.slice(index + 1).some(function (other) { return other.key === key; });
  }

  /* The server's row (or list) for a field, swapped in unless a later decision on the same
     field is still queued or the reviewer is typing in it. */
  function rowReplace(key, html, job, force) {
    var row = rowFor(key);
    if (!row || !html) {
      return null;
    }
    if (!force && laterJobsFor(key, job)) {
      return null;
    }
    /* Not under a button being pressed: the click (say Approve, right after a cell's save
       went out on leaving it) would land on a button no longer in the page. */
    if (pressedRow === key) {
      pressedReplace = { key: key, html: html, job: job };
      return null;
    }
    var fresh = processed(fragment(html));
    if (!fresh) {
      return null;
    }
    /* Keep the reviewer where they are: the focused input, with what they typed. */
    var active = document.activeElement;
    var typing = active && row.contains(active) && active.id && active.matches("input, textarea")
      ? { id: active.id, value: active.value, original: active.dataset.original || "", start: active.selectionStart, end: active.selectionEnd, hiddenForm: active.closest("form[hidden]") }
      : null;
    var edited = Array.prototype.filter.call(row.querySelectorAll(".cell-input"), function (input) {
      return input.id && input !== active && input.value !== (input.dataset.original || "");
    }).map(function (input) { return { id: input.id, value: input.value }; });
    row.replaceWith(fresh);
    edited.forEach(function (cell) {
      var again = document.getElementById(cell.id);
      if (again && !again.getAttribute("aria-invalid")) {
        again.value = cell.value;
      }
    });
    if (typing) {
      var again = document.getElementById(typing.id);
      if (again) {
        if (typing.value !== typing.original && !again.getAttribute("aria-invalid")) {
          again.value = typing.value;
        }
        var editForm = again.closest(".edit-form");
        if (editForm && !typing.hiddenForm) {
          editForm.hidden = false;
          fresh.classList.add("is-editing");
        }
        again.focus();
        try {
          again.setSelectionRange(typing.start, typing.end);
        } catch (error) {
          /* not a text input */
        }
      }
    }
    if (selectedKey === key) {
      fresh.classList.add("is-selected");
      fresh.setAttribute("aria-current", "true");
    }
    syncBoxes();
    pendingCountRefresh();
    return fresh;
  }

  function rowSnapshot(row) {
    return { html: row.outerHTML, key: row.dataset.field };
  }

  function rowRestore(snapshot) {
    var row = rowFor(snapshot.key);
    if (row) {
      var fresh = processed(fragment(snapshot.html));
      row.replaceWith(fresh);
      if (selectedKey === snapshot.key) {
        fresh.classList.add("is-selected");
      }
      syncBoxes();
    }
  }

  function markReviewed(row, value) {
    row.dataset.state = "reviewed";
    row.classList.remove("field-pending", "field-clean");
    row.classList.add("field-reviewed");
    var tag = row.querySelector(".field-head .tag");
    if (tag) {
      tag.className = "tag tag-reviewed";
      tag.textContent = "Reviewed";
    } else {
      var head = row.querySelector(".field-head .field-label");
      var created = document.createElement("span");
      created.className = "tag tag-reviewed";
      created.textContent = "Reviewed";
      head.after(created);
    }
    var approveForm = row.querySelector("[data-approve]");
    if (approveForm && approveForm.form) {
      approveForm.form.hidden = true;
    }
    var flags = row.querySelector(".flags");
    if (flags) {
      flags.hidden = true;
    }
    if (value !== undefined) {
      var shown = row.querySelector(".field-value .value");
      if (shown) {
        shown.textContent = value;
        shown.classList.remove("value-missing", "value-optional");
      }
    }
    syncBoxes();
    pendingCountRefresh();
  }

  function pendingCountRefresh() {
    var pending = rows().filter(function (row) { return row.dataset.state === "pending"; }).length;
    var note = document.querySelector("#doc-actions .pending-note");
    if (note && root() && root().dataset.decidable === "true") {
      note.innerHTML = pending
        ? "<strong>" + pending + "</strong> field" + (pending === 1 ? "" : "s") + " to review"
        : "Every flagged field is reviewed";
    }
    var approve = document.getElementById("approve-document");
    if (approve) {
      approve.disabled = pending > 0;
      approve.title = pending > 0 ? "Review the flagged fields first" : "";
    }
    return pending;
  }

  // --- decisions ----------------------------------------------------------------------------

  function decide(form, submitter) {
    var data = new FormData(form, submitter || undefined);
    var target = form.dataset.queue;
    var row = form.closest("#field-list > li.field");
    var key = row ? row.dataset.field : null;
    var action = data.get("action");
    var job = { url: formAction(form), data: data, target: target, key: key };
    if (target === "field-list") {
      job.key = "*";
      job.done = function (response) {
        var list = document.getElementById("field-list");
        var fresh = fragment(response.text);
        if (list && fresh && fresh.id === "field-list") {
          list.replaceWith(processed(fresh));
          syncBoxes();
          pendingCountRefresh();
          var undone = response.headers.get("X-Review-Field");
          select(undone && rowFor(undone) ? undone : selectedKey || (rows()[0] || {}).dataset.field);
        }
      };
      enqueue(job);
      return;
    }
    if (!row) {
      return;
    }
    var editForm = form.classList.contains("edit-form");
    job.apply = function () {
      var current = rowFor(key);
      var snapshot = rowSnapshot(current);
      if (action === "approve") {
        markReviewed(current);
      } else if (editForm) {
        current.classList.remove("is-editing");
        var formNow = current.querySelector(".edit-form");
        if (formNow) {
          formNow.hidden = true;
        }
        markReviewed(current, String(data.get("value")));
      } else if (form.classList.contains("cell-form")) {
        var cell = current.querySelector("#" + CSS.escape(form.closest("td").id));
        if (cell) {
          cell.classList.add("cell-reviewed");
        }
      } else {
        current.classList.add("is-saving");
      }
      return snapshot;
    };
    job.revert = rowRestore;
    job.done = function (response) {
      var fresh = rowReplace(key, response.text, job, form.classList.contains("row-form") || !action);
      var error = fresh && fresh.querySelector(".field-error");
      if (!error && data.get("bbox") && data.get("page")) {
        var cellTd = form.classList.contains("cell-form") ? form.closest("td") : null;
        var cellId = cellTd ? cellTd.id : "";
        boxMove("box-" + (cellId || key), key, cellId, data.get("page"), data.get("bbox"));
        captureClear();
        syncBoxes();
      }
      if (error) {
        select(key, { focus: false });
        var input = fresh.querySelector('[aria-invalid="true"]') || fresh.querySelector('.edit-form input[name="value"]');
        if (input) {
          if (!fresh.querySelector(".edit-form[hidden]") || input.classList.contains("cell-input")) {
            input.focus();
          }
        }
      }
      if (fresh && fresh.querySelector(".cells")) {
        tableCheck(fresh);
        var focusCell = error ? null : job.focusCell;
        if (focusCell) {
          var focusInput = document.getElementById(focusCell);
          if (focusInput) {
            focusInput.focus();
          }
        }
      }
    };
    enqueue(job);
  }

  function approveField(row) {
    var button = row.querySelector("[data-approve]");
    if (button && button.form && !button.form.hidden) {
      decide(button.form);
    }
    move(1);
  }

  function resetField(row) {
    var button = row.querySelector("[data-reset]");
    if (button && button.form) {
      decide(button.form);
    }
  }

  function undo() {
    if (pendingApproval) {
      reopen();
      return;
    }
    var form = document.getElementById("undo-form");
    if (form && isDecidable()) {
      decide(form);
    }
  }

  function isDecidable() {
    return root() && root().dataset.decidable === "true";
  }

  // --- documents: approve, reject, skip, postpone, the next document ---------------------------

  function approveDocument() {
    if (!isDecidable()) {
      return;
    }
    if (pendingApproval) {
      approvalCommit(pendingApproval);
    }
    var element = root();
    var q = currentQueue();
    mark("review:approve");
    if (q.failed) {
      notice("notice-approve", "warning", "Some decisions were not saved: retry or discard them before approving.");
      return;
    }
    /* The page shows every decision taken, saved or still in the queue: the approval goes
       into the same queue, after them, so it reaches the server only once they have. */
    var pending = pendingCountRefresh();
    if (pending) {
      notice("notice-approve", "warning", pending + " field" + (pending === 1 ? " still needs" : "s still need") + " a decision before the document can be approved.");
      var first = rows().find(function (row) { return row.dataset.state === "pending"; });
      if (first) {
        select(first.dataset.field);
      }
      return;
    }
    noticeClear("notice-approve");
    approvalSchedule(element, q);
  }

  function approvalSchedule(element, q) {
    var form = document.getElementById("approve-document-form");
    var approval = {
      queue: q,
      id: element.dataset.document,
      filename: element.dataset.filename,
      url: element.dataset.url,
      approveUrl: element.dataset.approveUrl,
      data: new FormData(form),
      last: !element.dataset.nextUrl,
      timer: null,
    };
    pendingApproval = approval;
    session.done.push(approval.id);
    approval.timer = window.setTimeout(function () {
      approvalCommit(approval);
    }, APPROVE_DELAY_MS);
    goNext({ approved: approval });
  }

  function approvalCommit(approval, leaving) {
    if (approval.sent) {
      return Promise.resolve();
    }
    approval.sent = true;
    window.clearTimeout(approval.timer);
    if (pendingApproval === approval) {
      pendingApproval = null;
    }
    var shownNow = document.getElementById("notice-approved");
    if (shownNow && shownNow.dataset.document === approval.id) {
      noticeClear("notice-approved");
    }
    enqueue(
      {
        url: approval.approveUrl,
        data: approval.data,
        target: "doc-actions",
        key: "#approve",
        keepalive: !!leaving,
        always: true,
        done: function () {
          if (leaving) {
            return;
          }
          /* Said only while nothing newer is: a message about a later document stays. */
          var newer = document.getElementById("notice-approved");
          if (!newer || newer.dataset.document === approval.id) {
            var released = notice("notice-approved", "success", approval.filename + " approved; its result is released.");
            if (released) {
              released.dataset.document = approval.id;
              window.setTimeout(function () { released.remove(); }, 4000);
            }
          }
          if (approval.last) {
            window.location.assign(root() ? root().dataset.queueUrl || "/review/" : "/review/");
          }
        },
      },
      approval.queue
    );
    return whenIdle(approval.queue);
  }

  function reopen() {
    var approval = pendingApproval;
    if (!approval || approval.sent) {
      return;
    }
    window.clearTimeout(approval.timer);
    pendingApproval = null;
    session.done = session.done.filter(function (id) { return id !== approval.id; });
    noticeClear("notice-approved");
    swapTo(approval.url);
  }

  function rejectOpen() {
    var details = document.getElementById("reject");
    if (!details || !isDecidable()) {
      return;
    }
    details.open = true;
    var textarea = document.getElementById("reject-reason");
    if (textarea) {
      textarea.focus();
    }
  }

  /* `r` then a number: the reason box has the focus, and while it is empty a number key picks
     the reason template it labels (a reason of just "1" would say nothing); once the reviewer
     has typed something, numbers are text. */
  function reasonTemplateKey(event, textarea) {
    if (textarea.value !== "" || !/^[1-9]$/.test(event.key)) {
      return false;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return false;
    }
    var template = textarea.form.querySelector('[data-reason-key="' + event.key + '"]');
    if (!template) {
      return false;
    }
    event.preventDefault();
    rejectSubmit(template.form, template);
    return true;
  }

  function rejectSubmit(form, submitter) {
    if (pendingApproval) {
      approvalCommit(pendingApproval);
    }
    var element = root();
    var data = new FormData(form, submitter || undefined);
    if (submitter && submitter.name === "reason") {
      data.set("reason", submitter.value);
    }
    whenIdle().then(function (ok) {
      if (!ok) {
        return;
      }
      send(formAction(form), data, "doc-actions").then(
        function (response) {
          if (response.ok) {
            session.done.push(element.dataset.document);
            goNext({ rejected: element.dataset.filename });
            return;
          }
          if (response.status === 409) {
            stale();
          }
          var actions = document.getElementById("doc-actions");
          var fresh = fragment(response.text);
          if (actions && fresh && fresh.id === "doc-actions") {
            actions.replaceWith(processed(fresh));
            var textarea = document.getElementById("reject-reason");
            if (textarea) {
              textarea.focus();
            }
          }
        },
        function () {
          notice("notice-reject", "error", "The document was not rejected: the connection failed.", [
            { label: "Retry", run: function () { rejectSubmit(form, submitter); } },
          ]);
        }
      );
    });
  }

  function skip() {
    var element = root();
    if (!element || !element.dataset.nextUrl) {
      notice("notice-skip", "info", "There is no other document in the queue.");
      return;
    }
    /* Decisions already taken here keep going out in this document's queue. */
    if (pendingApproval) {
      approvalCommit(pendingApproval);
    }
    /* Skipping gives the document back: the release goes out after this document's own
       decisions still on their way, which would otherwise claim it again. */
    var releaseForm = document.getElementById("skip-form");
    if (releaseForm) {
      enqueue({ url: formAction(releaseForm), data: new FormData(releaseForm), target: null, key: "#release", always: true, keepalive: true });
    }
    session.skipped.push(element.dataset.document);
    goNext({ fresh: true });
  }

  /* A page swapped in from a prefetch was fetched without claiming it (X-Review-Prefetch):
     claim it now that it shows; someone faster got it meanwhile: show the page as they hold it. */
  function claimShown() {
    var element = root();
    if (!element || !element.dataset.claimUrl || element.dataset.claimMine !== "true" || element.dataset.decidable !== "true") {
      return;
    }
    var data = new FormData();
    data.append("action", "take");
    send(element.dataset.claimUrl, data, null).then(function (response) {
      if (response.status === 409 && root() === element) {
        window.location.reload();
      }
    }, function () {});
  }

  function postpone() {
    var element = root();
    var form = document.getElementById("postpone-form");
    if (!element || !form || !isDecidable()) {
      return;
    }
    var filename = element.dataset.filename;
    enqueue({
      url: formAction(form),
      data: new FormData(form),
      target: null,
      key: "#postpone",
      always: true,
    });
    session.skipped.push(element.dataset.document);
    goNext({ fresh: true, postponed: filename });
  }

  function sessionQuery(url) {
    var target = new URL(url, window.location.href);
    if (session.done.length) {
      target.searchParams.set("done", session.done.slice(-100).join(","));
    }
    if (session.skipped.length) {
      target.searchParams.set("skipped", session.skipped.slice(-100).join(","));
    }
    target.searchParams.set("zoom", String(ZOOMS.indexOf(viewState.zoom) !== -1 ? viewState.zoom : 100));
    return target.toString();
  }

  function cleanUrl(url) {
    var target = new URL(url, window.location.href);
    target.searchParams.delete("done");
    target.searchParams.delete("skipped");
    if (viewState.zoom && viewState.zoom !== 100) {
      target.searchParams.set("zoom", String(Math.round(viewState.zoom)));
    } else {
      target.searchParams.delete("zoom");
    }
    return target.pathname + target.search;
  }

  function fetchPage(url, prefetch) {
    var headers = prefetch ? { "X-Review-Prefetch": "1" } : {};
    return fetch(url, { credentials: "same-origin", headers: headers }).then(function (response) {
      if (!response.ok) {
        throw new Error("status " + response.status);
      }
      return response.text();
    });
  }

  function prefetchNext() {
    var element = root();
    if (!element || !element.dataset.nextUrl) {
      return;
    }
    var assumed = { done: session.done.concat([element.dataset.document]), skipped: session.skipped };
    var saved = session;
    session = assumed;
    var url = sessionQuery(element.dataset.nextUrl);
    session = saved;
    prefetched = { url: element.dataset.nextUrl, query: url, at: Date.now(), page: fetchPage(url, true) };
    prefetched.page.then(function (html) {
      /* Warm the first page image of the next document too. */
      var match = /<img src="([^"]+)"/.exec(html);
      if (match) {
        var image = new Image();
        image.src = match[1].replace(/&amp;/g, "&");
      }
    }, function () {});
  }

  function goNext(options) {
    options = options || {};
    var element = root();
    var nextUrl = element && element.dataset.nextUrl;
    if (options.approved || options.rejected || options.postponed) {
      var done = options.approved
        ? options.approved.filename + " approved."
        : options.rejected
          ? options.rejected + " rejected."
          : options.postponed + " postponed to the end of the queue.";
      var actions = options.approved ? [{ label: "Undo (z)", run: reopen }] : [];
      var said = notice("notice-approved", "success", done, actions);
      if (said && element) {
        said.dataset.document = element.dataset.document;
      }
    }
    if (!nextUrl) {
      if (options.approved) {
        queueClear(options.approved);
      } else {
        window.location.assign(element ? element.dataset.queueUrl : "/review/");
      }
      return;
    }
    var usePrefetched =
      !options.fresh && prefetched.url === nextUrl && Date.now() - prefetched.at < PREFETCH_MAX_AGE_MS;
    swapTo(nextUrl, usePrefetched ? prefetched.page : null);
  }

  function queueClear(approval) {
    var layout = document.querySelector(".review-layout");
    /* The header no longer describes a document under review. */
    document.querySelectorAll(".review-title .meta, .review-title .outcome-reason").forEach(function (node) {
      node.remove();
    });
    var heading = document.querySelector(".review-title h1");
    if (heading && approval) {
      heading.textContent = approval.filename + " approved";
    }
    var actions = document.getElementById("doc-actions");
    if (actions) {
      actions.innerHTML = '<p class="pending-note">The queue is clear.</p>';
    }
    if (layout) {
      layout.innerHTML =
        '<div class="queue-clear"><h2>The queue is clear</h2><p>' +
        "Approving the last document; press z to reopen it.</p></div>";
    }
    if (root()) {
      root().dataset.decidable = "false";
    }
    /* The last approval is sent after the undo window, then the queue opens. */
    void approval;
  }

  function swapTo(url, pagePromise, options) {
    options = options || {};
    var main = document.querySelector("main");
    if (!main) {
      window.location.assign(url);
      return;
    }
    main.classList.add("is-swapping");
    (pagePromise || fetchPage(sessionQuery(url))).then(
      function (html) {
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var fresh = parsed.querySelector("main");
        if (!fresh || !parsed.getElementById("review-root")) {
          window.location.assign(url);
          return;
        }
        var keep = notices() ? Array.prototype.slice.call(notices().children) : [];
        document.title = parsed.title;
        main.innerHTML = fresh.innerHTML;
        main.classList.remove("is-swapping");
        keep.forEach(function (child) {
          /* Messages about the document left behind go with it; what carries over is the
             decision just taken (with its undo) and failures of other documents' queues. */
          var kept = child.id === "notice-approved" || child.id === "notice-saving" ||
            child.id.indexOf("notice-failed-") === 0;
          if (options.refresh ? child.id === "notice-stale" || kept : kept) {
            notices().appendChild(child);
          }
        });
        if (options.refresh) {
          window.history.replaceState({ review: true }, "", cleanUrl(url));
        } else {
          window.history.pushState({ review: true }, "", cleanUrl(url));
        }
        processed(main);
        init(false);
        localTimes();
        claimShown();
        mark("review:swapped");
      },
      function () {
        window.location.assign(url);
      }
    );
  }

  // --- selection ----------------------------------------------------------------------------

  function clearSelection() {
    document.querySelectorAll(".is-selected").forEach(function (element) {
      element.classList.remove("is-selected");
    });
    document.querySelectorAll('.field[aria-current="true"]').forEach(function (element) {
      element.removeAttribute("aria-current");
    });
  }

  function showBox(box) {
    if (!box) {
      return;
    }
    box.classList.add("is-selected");
    scrollWithin(document.getElementById("viewer-scroll"), box, true);
  }

  /* Scroll `container` alone (never the page around it) so that `element` is in view:
     centred if `center`, else by the least distance. */
  function scrollWithin(container, element, center) {
    if (!container || !element) {
      return;
    }
    var outer = container.getBoundingClientRect();
    var inner = element.getBoundingClientRect();
    var dy = 0;
    var dx = 0;
    if (center) {
      if (inner.top < outer.top || inner.bottom > outer.bottom) {
        dy = inner.top + inner.height / 2 - (outer.top + outer.height / 2);
      }
      if (inner.left < outer.left || inner.right > outer.right) {
        dx = inner.left + inner.width / 2 - (outer.left + outer.width / 2);
      }
    } else {
      if (inner.top < outer.top) {
        dy = inner.top - outer.top - 8;
      } else if (inner.bottom > outer.bottom) {
        dy = inner.bottom - outer.bottom + 8;
      }
    }
    container.scrollTop += dy;
    container.scrollLeft += dx;
  }

  function select(key, options) {
    options = options || {};
    var row = rowFor(key);
    if (!row) {
      return;
    }
    clearSelection();
    selectedKey = key;
    row.classList.add("is-selected");
    row.setAttribute("aria-current", "true");
    showBox(document.getElementById("box-" + key));
    if (options.focus !== false) {
      row.focus({ preventScroll: true });
    }
    var list = document.getElementById("field-list");
    if (list && list.scrollHeight > list.clientHeight + 1) {
      scrollWithin(list, row, false);
    } else {
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function selectCell(input) {
    var cell = input.closest("td[data-cell]");
    if (!cell) {
      return;
    }
    var row = input.closest(".field");
    if (row && row.dataset.field !== selectedKey) {
      select(row.dataset.field, { focus: false });
    }
    document.querySelectorAll(".cell.is-selected, .box-cell.is-selected").forEach(function (el) {
      el.classList.remove("is-selected");
    });
    cell.classList.add("is-selected");
    showBox(document.getElementById("box-" + cell.dataset.cell));
  }

  function move(step) {
    var all = rows();
    if (!all.length) {
      return;
    }
    var index = all.findIndex(function (row) {
      return row.dataset.field === selectedKey;
    });
    var next = index === -1 ? (step > 0 ? 0 : all.length - 1) : index + step;
    next = Math.min(all.length - 1, Math.max(0, next));
    select(all[next].dataset.field);
  }

  function openEdit(row) {
    var form = row.querySelector(".edit-form");
    var input;
    if (form) {
      form.hidden = false;
      row.classList.add("is-editing");
      input = form.querySelector('input[name="value"]');
    } else {
      input = row.querySelector(".cell-input");
    }
    if (input) {
      input.focus();
      input.select();
    }
  }

  /* The capture's outline and its "Enter saves it" message go once the capture is used or
     dropped. */
  function captureClear() {
    noticeClear("notice-capture");
    document.querySelectorAll(".capture-rect").forEach(function (overlay) {
      overlay.remove();
    });
  }

  /* A value saved with a captured box: the field's (or cell's) box moves there at once, as
     the server stored it (created when the field had none). */
  function boxMove(boxId, fieldKey, cellId, page, bboxText) {
    var figure = document.getElementById("page-" + page);
    var bbox = String(bboxText || "").split(",").map(Number);
    if (!figure || bbox.length !== 4 || bbox.some(isNaN)) {
      return;
    }
    var box = document.getElementById(boxId);
    if (!box) {
      box = document.createElement("a");
      box.id = boxId;
      box.className = "box box-high box-reviewed" + (cellId ? " box-cell" : "");
      box.href = "#" + (cellId || "field-" + fieldKey);
      box.tabIndex = -1;
      box.dataset.field = fieldKey;
      if (cellId) {
        box.dataset.cell = cellId;
      }
    }
    if (box.parentElement !== figure) {
      figure.insertBefore(box, figure.querySelector("figcaption"));
    }
    rectStyle(box, figure, [
      Math.min(bbox[0], bbox[2]),
      Math.min(bbox[1], bbox[3]),
      Math.max(bbox[0], bbox[2]),
      Math.max(bbox[1], bbox[3]),
    ]);
  }

  function cancelEdit(input) {
    captureClear();
    var row = input.closest(".field");
    var form = input.closest(".edit-form");
    input.value = input.dataset.original || "";
    input.removeAttribute("aria-invalid");
    if (form) {
      form.hidden = true;
      form.querySelectorAll(".field-error").forEach(function (error) {
        error.remove();
      });
      form.querySelector('input[name="page"]').value = "";
      form.querySelector('input[name="bbox"]').value = "";
    }
    if (row) {
      row.classList.remove("is-editing");
      select(row.dataset.field);
    }
  }

  function syncBoxes() {
    rows().forEach(function (row) {
      var state = row.dataset.state;
      var level = row.dataset.level;
      var box = document.getElementById("box-" + row.dataset.field);
      if (!box) {
        return;
      }
      ["pending", "reviewed", "clean"].forEach(function (name) {
        box.classList.toggle("box-" + name, name === state);
      });
      ["high", "medium", "low"].forEach(function (name) {
        box.classList.toggle("box-" + name, name === level);
      });
    });
  }

  // --- the view: zoom, fit, rotate, pan ------------------------------------------------------

  function currentZoom() {
    var pages = document.getElementById("pages");
    return pages ? Math.round(parseFloat(pages.style.getPropertyValue("--zoom") || "1") * 100) : 100;
  }

  function setZoom(level, options) {
    options = options || {};
    var pages = document.getElementById("pages");
    if (!pages) {
      return;
    }
    level = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(level)));
    pages.style.setProperty("--zoom", String(level / 100));
    var base = Number(pages.dataset.sizesBase || 60);
    pages.querySelectorAll("img").forEach(function (image) {
      image.sizes = Math.round((base * level) / 100) + "vw";
    });
    document.querySelectorAll(".zoom-link").forEach(function (link) {
      if (Number(link.dataset.zoom) === level) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
    viewState.zoom = level;
    saveView();
    var url = new URL(window.location.href);
    if (ZOOMS.indexOf(level) !== -1) {
      url.searchParams.set("zoom", String(level));
    } else {
      url.searchParams.delete("zoom");
    }
    window.history.replaceState(window.history.state, "", url);
    if (!options.keepScroll) {
      scrollWithin(document.getElementById("viewer-scroll"), document.querySelector(".box.is-selected"), true);
    }
    rotateApply();
  }

  function zoomBy(step) {
    var zoom = currentZoom();
    var next = step > 0
      ? ZOOMS.find(function (level) { return level > zoom; }) || ZOOMS[ZOOMS.length - 1]
      : ZOOMS.slice().reverse().find(function (level) { return level < zoom; }) || ZOOMS[0];
    setZoom(next);
  }

  function rotateApply() {
    var pages = document.getElementById("pages");
    if (!pages) {
      return;
    }
    var turn = viewState.rotate || 0;
    pages.dataset.turn = String(turn);
    pages.querySelectorAll(".page").forEach(function (page) {
      page.style.transform = "";
      page.style.marginBottom = "";
      if (!turn) {
        return;
      }
      var width = page.offsetWidth;
      var height = page.offsetHeight;
      if (turn === 180) {
        page.style.transform = "rotate(180deg)";
      } else {
        page.style.transformOrigin = "top left";
        page.style.transform = turn === 90 ? "rotate(90deg) translateY(-100%)" : "rotate(270deg) translateX(-100%)";
        page.style.marginBottom = width - height + "px";
      }
    });
  }

  function rotate() {
    viewState.rotate = ((viewState.rotate || 0) + 90) % 360;
    saveView();
    rotateApply();
  }

  // --- capture from the page -------------------------------------------------------------------

  var wordsData = {};

  function pageWords(figure) {
    var url = figure.dataset.wordsUrl;
    if (!wordsCache[url]) {
      wordsCache[url] = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { words: [] };
        })
        .then(function (data) {
          wordsData[url] = data.words || [];
          return data;
        });
    }
    return wordsCache[url];
  }

  /* Whether a stored word lies under the pointer (once the page's words have arrived). */
  function wordUnder(figure, event) {
    var words = wordsData[figure.dataset.wordsUrl];
    return !!words && wordsIn(words, null, pointOnPage(figure, event)).length > 0;
  }

  function pointOnPage(figure, event) {
    var rect = figure.getBoundingClientRect();
    var width = Number(figure.dataset.width);
    var height = Number(figure.dataset.height);
    return {
      x: ((event.clientX - rect.left) / rect.width) * width,
      y: ((event.clientY - rect.top) / rect.height) * height,
    };
  }

  function captureTarget() {
    var active = document.activeElement;
    if (active && active.classList && active.classList.contains("cell-input")) {
      return { kind: "cell", input: active };
    }
    var row = rowFor(selectedKey);
    if (!row || !isDecidable()) {
      return null;
    }
    if (row.querySelector(".cells")) {
      var selectedCell = row.querySelector(".cell.is-selected .cell-input");
      return selectedCell ? { kind: "cell", input: selectedCell } : null;
    }
    return { kind: "field", row: row };
  }

  function captureOverlay(figure) {
    var overlay = figure.querySelector(".capture-rect");
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "capture-rect";
      figure.appendChild(overlay);
    }
    return overlay;
  }

  function rectStyle(overlay, figure, box) {
    var width = Number(figure.dataset.width);
    var height = Number(figure.dataset.height);
    overlay.style.left = (box[0] / width) * 100 + "%";
    overlay.style.top = (box[1] / height) * 100 + "%";
    overlay.style.width = ((box[2] - box[0]) / width) * 100 + "%";
    overlay.style.height = ((box[3] - box[1]) / height) * 100 + "%";
  }

  function captureStart(event, figure) {
    if ((viewState.rotate || 0) !== 0) {
      notice("notice-capture", "info", "Rotate the view back upright to capture from the page.");
      return false;
    }
    var target = captureTarget();
    if (!target) {
      return false;
    }
    var start = pointOnPage(figure, event);
    capture = { figure: figure, start: start, end: start, target: target, moved: false, draw: captureMode };
    pageWords(figure);
    event.preventDefault();
    return true;
  }

  function captureMove(event) {
    if (!capture) {
      return;
    }
    capture.end = pointOnPage(capture.figure, event);
    var dx = Math.abs(capture.end.x - capture.start.x);
    var dy = Math.abs(capture.end.y - capture.start.y);
    if (dx + dy > 3) {
      capture.moved = true;
    }
    if (capture.moved) {
      rectStyle(captureOverlay(capture.figure), capture.figure, captureBox());
    }
  }

  function captureBox() {
    return [
      Math.min(capture.start.x, capture.end.x),
      Math.min(capture.start.y, capture.end.y),
      Math.max(capture.start.x, capture.end.x),
      Math.max(capture.start.y, capture.end.y),
    ];
  }

  function wordsIn(words, box, point) {
    return words.filter(function (word) {
      if (point) {
        return point.x >= word[0] - 1 && point.x <= word[2] + 1 && point.y >= word[1] - 1 && point.y <= word[3] + 1;
      }
      var cx = (word[0] + word[2]) / 2;
      var cy = (word[1] + word[3]) / 2;
      return cx >= box[0] && cx <= box[2] && cy >= box[1] && cy <= box[3];
    });
  }

  /* The words around `word` on its line that read as one value: neighbours closer than about
     a space, stopping after a label (a word ending in ":"). A click on "12" of "Order date:
     12 March 2024" takes "12 March 2024". */
  function phrase(words, word) {
    if (!word) {
      return [];
    }
    var height = word[3] - word[1];
    var line = words
      .filter(function (other) {
        var middle = (other[1] + other[3]) / 2;
        return middle > word[1] && middle < word[3];
      })
      .sort(function (a, b) { return a[0] - b[0]; });
    var index = line.indexOf(word);
    var gap = height * 0.6;
    var first = index;
    while (first > 0 && line[first][0] - line[first - 1][2] < gap && !/:$/.test(line[first - 1][4])) {
      first -= 1;
    }
    var last = index;
    while (last < line.length - 1 && line[last + 1][0] - line[last][2] < gap && !/:$/.test(line[last][4])) {
      last += 1;
    }
    return line.slice(first, last + 1);
  }

  function captureEnd() {
    var current = capture;
    capture = null;
    if (!current) {
      return;
    }
    /* The click that follows this press must not re-select the box under it. */
    justCaptured = true;
    window.setTimeout(function () {
      justCaptured = false;
    }, 0);
    var figure = current.figure;
    pageWords(figure).then(function (data) {
      var words = data.words || [];
      var box = [current.start.x, current.start.y, current.end.x, current.end.y];
      var picked = current.moved
        ? wordsIn(words, [Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.max(box[0], box[2]), Math.max(box[1], box[3])])
        : phrase(words, wordsIn(words, null, current.start)[0]);
      var text;
      var bbox;
      if (picked.length) {
        picked.sort(function (a, b) {
          return Math.abs(a[1] - b[1]) > (a[3] - a[1]) / 2 ? a[1] - b[1] : a[0] - b[0];
        });
        text = picked.map(function (word) { return word[4]; }).join(" ");
        bbox = [
          Math.min.apply(null, picked.map(function (w) { return w[0]; })),
          Math.min.apply(null, picked.map(function (w) { return w[1]; })),
          Math.max.apply(null, picked.map(function (w) { return w[2]; })),
          Math.max.apply(null, picked.map(function (w) { return w[3]; })),
        ];
      } else if (current.moved) {
        text = "";
        bbox = [Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.max(box[0], box[2]), Math.max(box[1], box[3])];
      } else {
        return;
      }
      var overlay = captureOverlay(figure);
      rectStyle(overlay, figure, bbox);
      overlay.classList.add("is-captured");
      captureFill(current.target, text, Number(figure.dataset.page), bbox);
    });
  }

  function captureFill(target, text, page, bbox) {
    var bboxText = bbox.map(function (n) { return n.toFixed(2); }).join(",");
    if (target.kind === "cell") {
      target.input.value = text;
      target.input.focus();
      target.input.select();
      var cellForm = target.input.form;
      if (cellForm) {
        ["page", "bbox"].forEach(function (name) {
          var hidden = cellForm.querySelector('input[name="' + name + '"]');
          if (!hidden) {
            hidden = document.createElement("input");
            hidden.type = "hidden";
            hidden.name = name;
            cellForm.appendChild(hidden);
          }
          hidden.value = name === "page" ? String(page) : bboxText;
        });
      }
      return;
    }
    var row = target.row;
    openEdit(row);
    var form = row.querySelector(".edit-form");
    if (!form) {
      return;
    }
    form.querySelector('input[name="value"]').value = text;
    form.querySelector('input[name="page"]').value = String(page);
    form.querySelector('input[name="bbox"]').value = bboxText;
    var input = form.querySelector('input[name="value"]');
    input.focus();
    input.select();
    notice("notice-capture", "info", text ? "Captured “" + text + "”: Enter saves it, with its box." : "Box drawn: type the value, Enter saves it with the box.");
  }

  function captureToggle(on) {
    captureMode = on === undefined ? !captureMode : on;
    var button = document.querySelector("[data-capture]");
    if (button) {
      button.setAttribute("aria-pressed", captureMode ? "true" : "false");
    }
    var scroller = document.getElementById("viewer-scroll");
    if (scroller) {
      scroller.classList.toggle("is-capturing", captureMode);
    }
  }

  /* Boxes under a click, smallest first; clicking again at the same spot picks the next. */
  function boxesAt(event) {
    var found = document.elementsFromPoint(event.clientX, event.clientY).filter(function (element) {
      return element.classList && element.classList.contains("box");
    });
    found.sort(function (a, b) {
      return a.offsetWidth * a.offsetHeight - b.offsetWidth * b.offsetHeight;
    });
    return found;
  }

  function isOwnBox(box) {
    return box.dataset.field === selectedKey && !box.dataset.cell;
  }

  function boxPick(event) {
    var found = boxesAt(event);
    if (!found.length) {
      return null;
    }
    var same = Math.abs(event.clientX - boxCycle.x) < 4 && Math.abs(event.clientY - boxCycle.y) < 4;
    boxCycle.index = same ? (boxCycle.index + 1) % found.length : 0;
    if (!same && found.length > 1 && isOwnBox(found[boxCycle.index])) {
      boxCycle.index = 1;
    }
    boxCycle.x = event.clientX;
    boxCycle.y = event.clientY;
    return found[boxCycle.index];
  }

  // --- tables ------------------------------------------------------------------------------

  function number(text) {
    if (text === null || text === undefined) {
      return null;
    }
    var cleaned = String(text).replace(/[^0-9.,\-]/g, "");
    if (!cleaned) {
      return null;
    }
    if (cleaned.indexOf(",") !== -1 && cleaned.indexOf(".") === -1) {
      cleaned = cleaned.replace(",", ".");
    } else {
      cleaned = cleaned.replace(/,/g, "");
    }
    var value = Number(cleaned);
    return isNaN(value) ? null : value;
  }

  function subtotal() {
    var keys = ["subtotal_amount", "net_amount", "subtotal"];
    for (var i = 0; i < keys.length; i += 1) {
      var row = rowFor(keys[i]);
      var value = row && row.querySelector(".field-value .value");
      if (value && !value.classList.contains("value-missing")) {
        return number(value.textContent);
      }
    }
    return null;
  }

  /* The table's row arithmetic and sum, on the values as typed (the engine's tolerances);
     the server judges again on save. */
  function tableCheck(fieldRow) {
    var table = fieldRow.querySelector(".cells");
    if (!table) {
      return;
    }
    var amounts = [];
    var amountCells = [];
    table.querySelectorAll("tbody tr[data-row]").forEach(function (tr) {
      var cells = {};
      tr.querySelectorAll("td[data-role]").forEach(function (td) {
        var input = td.querySelector(".cell-input");
        var shown = td.querySelector(".cell-value");
        cells[td.dataset.role] = { td: td, value: number(input ? input.value : shown ? shown.textContent : null) };
      });
      Object.keys(cells).forEach(function (role) {
        liveMark(cells[role].td, "");
      });
      if (cells.quantity && cells.unit_price && cells.amount) {
        var q = cells.quantity.value;
        var p = cells.unit_price.value;
        var a = cells.amount.value;
        if (q !== null && p !== null && a !== null) {
          var broken = Math.abs(q * p - a) > Math.max(0.01, Math.abs(q) * 0.005) + 0.001;
          ["quantity", "unit_price", "amount"].forEach(function (role) {
            serverMarksHide(cells[role].td, CHECK_ROW);
            liveMark(cells[role].td, broken ? CHECK_ROW : "");
          });
        }
      }
      if (cells.amount) {
        amounts.push(cells.amount.value);
        amountCells.push(cells.amount.td);
      }
    });
    var expected = subtotal();
    if (expected !== null && amounts.length && amounts.every(function (v) { return v !== null; })) {
      var total = amounts.reduce(function (sum, v) { return sum + v; }, 0);
      var off = Math.abs(Math.abs(total) - Math.abs(expected)) > 0.01 * Math.max(1, amounts.length);
      amountCells.forEach(function (td) {
        serverMarksHide(td, CHECK_SUM);
        if (off) {
          liveMark(td, CHECK_SUM + " (" + total.toFixed(2) + " ≠ " + expected.toFixed(2) + ")", true);
        }
      });
    }
    table.querySelectorAll("td[data-cell]").forEach(function (td) {
      var shown = Array.prototype.some.call(td.querySelectorAll(".tag-check"), function (tag) {
        return !tag.hidden && tag.textContent;
      });
      td.classList.toggle("cell-check-failed", shown);
      if (!shown) {
        td.removeAttribute("title");
      }
    });
  }

  /* The server's labels of the two checks the page recomputes as the reviewer types
     (review/field_rows.py CELL_ISSUE_LABELS): its marks give way to the live ones. */
  var CHECK_ROW = "quantity × unit price ≠ amount";
  var CHECK_SUM = "amounts do not add up to the subtotal";

  function serverMarksHide(td, label) {
    td.querySelectorAll(".tag-check:not(.tag-live)").forEach(function (tag) {
      if (tag.textContent.trim() === label) {
        tag.hidden = true;
      }
    });
  }

  function liveMark(td, text, append) {
    var tag = td.querySelector(".tag-live");
    if (!tag) {
      return;
    }
    if (append && !tag.hidden && tag.textContent) {
      tag.textContent += "; " + text;
    } else {
      tag.textContent = text;
      tag.hidden = !text;
    }
    td.classList.toggle("cell-live-failed", !tag.hidden);
    td.classList.toggle("cell-check-failed", !tag.hidden);
  }

  function cellMove(input, dRow, dColumn) {
    var td = input.closest("td[data-cell]");
    var tr = td.closest("tr");
    var table = td.closest("table");
    var cellsInRow = Array.prototype.slice.call(tr.querySelectorAll("td[data-cell]"));
    var column = cellsInRow.indexOf(td);
    var allRows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-row]"));
    var rowIndex = allRows.indexOf(tr);
    var nextRow = allRows[Math.min(allRows.length - 1, Math.max(0, rowIndex + dRow))];
    var nextCells = nextRow.querySelectorAll("td[data-cell]");
    var nextColumn = Math.min(nextCells.length - 1, Math.max(0, column + dColumn));
    var next = nextCells[nextColumn] && nextCells[nextColumn].querySelector(".cell-input");
    if (next && next !== input) {
      next.focus();
      next.select();
      return true;
    }
    return false;
  }

  function cellSave(input, thenFocusId) {
    var form = input.form;
    var changed = input.value !== (input.dataset.original || "") || form.querySelector('input[name="bbox"]');
    if (!changed) {
      return false;
    }
    decide(form);
    var q = currentQueue();
    var job = q ? q.jobs[q.jobs.length - 1] : null;
    if (job && thenFocusId) {
      job.focusCell = thenFocusId;
    }
    /* Sent: leaving the cell again does not send it twice (a failure puts the row back as
       it was, original included). */
    input.dataset.original = input.value;
    return true;
  }

  /* Every cell of a table whose typed value is not sent yet goes out (before a row is added,
     deleted or moved, which renumbers the rows). */
  function cellsFlush(fieldRow) {
    fieldRow.querySelectorAll(".cell-input").forEach(function (input) {
      if (input.value !== (input.dataset.original || "")) {
        cellSave(input);
      }
    });
  }

  /* Tab and Shift+Tab: the next or previous cell, row after row; false at the table's ends. */
  function cellStep(input, step) {
    var inputs = Array.prototype.slice.call(input.closest("tbody").querySelectorAll(".cell-input"));
    var next = inputs[inputs.indexOf(input) + step];
    if (!next) {
      return false;
    }
    next.focus();
    next.select();
    return true;
  }

  function rowOperation(input, operation, to) {
    var td = input.closest("td[data-cell]");
    var form = input.closest("tr").querySelector(".row-form");
    if (!form || !td) {
      return;
    }
    var data = new FormData(form);
    data.set("operation", operation);
    if (to !== undefined) {
      data.set("to", String(to));
    }
    var fieldRow = input.closest(".field");
    cellsFlush(fieldRow);
    var key = fieldRow.dataset.field;
    var rowIndex = Number(td.dataset.row);
    var column = operation === "add" ? firstColumn(fieldRow) : td.dataset.column;
    var focusRow = operation === "add" ? rowIndex + 1 : operation === "move" ? to : Math.max(0, rowIndex - 1);
    var job = {
      url: formAction(form),
      data: data,
      target: "field-" + key,
      key: key,
      apply: function () {
        fieldRow.classList.add("is-saving");
        return rowSnapshot(fieldRow);
      },
      revert: rowRestore,
      done: function (response) {
        var fresh = rowReplace(key, response.text, job, true);
        if (fresh) {
          tableCheck(fresh);
          var next = document.getElementById("input-cell-" + key + "-" + focusRow + "-" + column);
          if (next) {
            next.focus();
          }
        }
      },
    };
    enqueue(job);
  }

  function firstColumn(fieldRow) {
    var first = fieldRow.querySelector("tbody td[data-cell]");
    return first ? first.dataset.column : "";
  }

  function tableKeys(event, input) {
    var key = event.key;
    if (event.altKey) {
      var rowIndex = Number(input.closest("td").dataset.row);
      if (key === "n" || key === "N" || key === "Insert") {
        event.preventDefault();
        rowOperation(input, "add");
      } else if (key === "Delete" || key === "Backspace") {
        event.preventDefault();
        rowOperation(input, "delete");
      } else if (key === "ArrowUp" && rowIndex > 0) {
        event.preventDefault();
        rowOperation(input, "move", rowIndex - 1);
      } else if (key === "ArrowDown") {
        var count = input.closest("tbody").querySelectorAll("tr[data-row]").length;
        if (rowIndex < count - 1) {
          event.preventDefault();
          rowOperation(input, "move", rowIndex + 1);
        }
      }
      return;
    }
    if (event.ctrlKey || event.metaKey) {
      return;
    }
    if (key === "Tab") {
      if (cellStep(input, event.shiftKey ? -1 : 1)) {
        event.preventDefault();
      }
      return;
    }
    var atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    var atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    if (key === "Enter") {
      event.preventDefault();
      var td = input.closest("td");
      var below = input.closest("tbody").querySelector('tr[data-row="' + (Number(td.dataset.row) + (event.shiftKey ? -1 : 1)) + '"] td[data-column="' + td.dataset.column + '"] .cell-input');
      var saved = cellSave(input, below ? below.id : input.id);
      if (!saved && below) {
        below.focus();
        below.select();
      }
    } else if (key === "ArrowDown" || key === "ArrowUp") {
      event.preventDefault();
      if (input.value !== (input.dataset.original || "")) {
        cellSave(input);
      }
      cellMove(input, key === "ArrowDown" ? 1 : -1, 0);
    } else if ((key === "ArrowRight" && atEnd) || (key === "ArrowLeft" && atStart)) {
      /* leaving the cell saves it (focusout) */
      if (cellMove(input, 0, key === "ArrowRight" ? 1 : -1)) {
        event.preventDefault();
      }
    }
  }

  // --- shortcuts overlay -------------------------------------------------------------------

  function helpToggle() {
    var dialog = document.getElementById("shortcuts");
    if (!dialog || !dialog.showModal) {
      return;
    }
    if (dialog.open) {
      dialog.close();
    } else {
      dialog.showModal();
    }
  }

  // --- events ------------------------------------------------------------------------------

  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!root() || !form.closest || !form.closest("#review-root")) {
        return;
      }
      if (form.dataset.queue) {
        event.preventDefault();
        event.stopPropagation();
        if (form.classList.contains("edit-form") || form.classList.contains("cell-form")) {
          var input = form.querySelector('input[name="value"]');
          if (input && input.classList.contains("cell-input")) {
            cellSave(input) || decide(form, event.submitter);
            return;
          }
          var row = form.closest(".field");
          decide(form, event.submitter);
          if (row && selectedKey === row.dataset.field) {
            move(1);
          }
          return;
        }
        decide(form, event.submitter);
        if (event.submitter && event.submitter.matches("[data-approve]")) {
          move(1);
        }
        return;
      }
      var flow = form.dataset.flow;
      if (flow) {
        event.preventDefault();
        event.stopPropagation();
        if (flow === "approve") {
          approveDocument();
        } else if (flow === "reject") {
          rejectSubmit(form, event.submitter);
        } else if (flow === "postpone") {
          postpone();
        } else if (flow === "skip") {
          skip();
        }
      }
    },
    true
  );

  /* The queue page: j/k (or arrows) move through the documents, x checks the focused one for
     the bulk bar, Enter opens it. Its 5-second refresh waits while focus is inside the list or
     a document is checked (see queue.html), so neither focus nor a selection is lost. */
  document.addEventListener("keydown", function (event) {
    var list = document.getElementById("queue-list");
    if (!list || document.getElementById("review-root") || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.target.matches && event.target.matches("input:not([type=checkbox]), textarea, select")) {
      return;
    }
    var links = Array.prototype.slice.call(list.querySelectorAll("[data-queue-link]"));
    if (!links.length) {
      return;
    }
    var row = document.activeElement && document.activeElement.closest ? document.activeElement.closest("tr[data-document]") : null;
    var index = row ? links.indexOf(row.querySelector("[data-queue-link]")) : -1;
    if (event.key === "j" || event.key === "ArrowDown") {
      event.preventDefault();
      links[Math.min(links.length - 1, index + 1)].focus();
    } else if (event.key === "k" || event.key === "ArrowUp") {
      event.preventDefault();
      links[Math.max(0, index - 1)].focus();
    } else if (event.key === "x") {
      event.preventDefault();
      var link = links[Math.max(0, index)];
      var box = link.closest("tr").querySelector("[data-queue-check]");
      if (box) {
        box.checked = !box.checked;
        bulkCount();
      }
      link.focus();
    }
  });

  function bulkCount() {
    var output = document.getElementById("bulk-count");
    if (!output) {
      return;
    }
    var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-queue-check]"));
    var checked = boxes.filter(function (box) { return box.checked; }).length;
    var all = document.querySelector("[data-check-all]");
    if (all) {
      all.checked = checked > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    }
    output.textContent = checked
      ? checked + " document" + (checked === 1 ? "" : "s") + " checked"
      : "Check documents below (x) to assign or reject several at once.";
    document.querySelectorAll("#bulk-assign, #bulk-reject-submit").forEach(function (button) {
      button.disabled = checked === 0;
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("[data-check-all]")) {
      document.querySelectorAll("[data-queue-check]").forEach(function (box) {
        box.checked = target.checked;
      });
      bulkCount();
    } else if (target.matches && target.matches("[data-queue-check]")) {
      bulkCount();
    }
  });

  /* Claim times are rendered in the server's time zone; show them in the reader's. */
  function localTimes() {
    document.querySelectorAll("time[data-local-time]").forEach(function (element) {
      var when = new Date(element.getAttribute("datetime"));
      if (!isNaN(when.getTime())) {
        element.textContent = ("0" + when.getHours()).slice(-2) + ":" + ("0" + when.getMinutes()).slice(-2);
      }
    });
  }

  document.addEventListener("htmx:afterSettle", function () {
    bulkCount();
    localTimes();
  });
  document.addEventListener("DOMContentLoaded", function () {
    bulkCount();
    localTimes();
  });

  /* The forms posted from the queue carry the filters it shows now (htmx changed them in
     place): "Start reviewing" claims the next free document under them, and the bulk bar and
     per-row buttons come back to the same view. */
  function currentFilters(form) {
    var filters = document.getElementById("queue-filters");
    if (!filters || !form) {
      return;
    }
    var data = new FormData(filters);
    form.querySelectorAll('input[name="filters"]').forEach(function (input) {
      input.value = window.location.search.replace(/^\?/, "");
    });
    if (form.id === "start-form") {
      ["q", "scope", "case_type", "assignee", "sort"].forEach(function (name) {
        var input = form.querySelector('input[type="hidden"][name="' + name + '"]');
        if (input) {
          input.value = data.get(name) || "";
        }
      });
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id === "start-form" || form.id === "bulk-form" || (form.closest && form.closest("#queue-list"))) {
      currentFilters(form);
    }
  });

  document.addEventListener("click", function (event) {
    var start = event.target.closest && event.target.closest("a[data-start]");
    if (!start || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    var form = document.getElementById("start-form");
    if (form) {
      event.preventDefault();
      currentFilters(form);
      form.submit();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (!document.getElementById("review-root")) {
      return;
    }
    var target = event.target;
    var dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open) {
      if (event.key === "?") {
        event.preventDefault();
        dialog.close();
      }
      return;
    }
    if (target.matches && target.matches("input, textarea, select, [contenteditable]")) {
      if (target.classList.contains("cell-input") && event.key !== "Escape") {
        tableKeys(event, target);
        return;
      }
      if (event.key === "Escape") {
        var reject = target.closest("details.reject");
        if (reject) {
          event.preventDefault();
          reject.open = false;
          reject.querySelector("summary").focus();
        } else if (target.matches('input[name="value"]')) {
          event.preventDefault();
          cancelEdit(target);
        }
      } else if (target.id === "reject-reason" && reasonTemplateKey(event, target)) {
        return;
      } else if (event.key === "Enter" && target.id === "reject-reason" && !event.shiftKey) {
        event.preventDefault();
        rejectSubmit(target.form, document.getElementById("reject-submit"));
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var rejectOpenNow = document.querySelector("details.reject[open]");
    if (rejectOpenNow && /^[1-9]$/.test(event.key)) {
      var template = rejectOpenNow.querySelector('[data-reason-key="' + event.key + '"]');
      if (template) {
        event.preventDefault();
        rejectSubmit(template.form, template);
      }
      return;
    }
    var row = rowFor(selectedKey);
    var key = event.key;
    var handled = true;
    if (key === "j" || key === "ArrowDown") {
      move(1);
    } else if (key === "k" || key === "ArrowUp") {
      move(-1);
    } else if (key === "A" && event.shiftKey) {
      approveDocument();
    } else if (key === "a" && row) {
      if (isDecidable()) {
        approveField(row);
      }
    } else if (key === "e" && row) {
      if (isDecidable()) {
        openEdit(row);
      }
    } else if (key === "x" && row) {
      resetField(row);
    } else if (key === "z" || key === "u") {
      undo();
    } else if (key === "s") {
      skip();
    } else if (key === "p") {
      postpone();
    } else if (key === "r") {
      rejectOpen();
    } else if (key === "c") {
      captureToggle();
    } else if (key === "w") {
      setZoom(100);
    } else if (key === "o") {
      rotate();
    } else if (key === "?") {
      helpToggle();
    } else if (key === "+" || key === "=") {
      zoomBy(1);
    } else if (key === "-") {
      zoomBy(-1);
    } else if (key === "Escape") {
      captureToggle(false);
      captureClear();
      document.querySelectorAll("details.reject[open]").forEach(function (details) {
        details.open = false;
      });
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target.classList && event.target.classList.contains("cell-input")) {
      var fieldRow = event.target.closest(".field");
      if (fieldRow) {
        tableCheck(fieldRow);
      }
    }
  });

  document.addEventListener("click", function (event) {
    if (!root()) {
      return;
    }
    var zoomLink = event.target.closest(".zoom-link");
    if (zoomLink) {
      event.preventDefault();
      setZoom(Number(zoomLink.dataset.zoom));
      return;
    }
    if (event.target.closest("[data-fit-width]")) {
      setZoom(100);
      return;
    }
    if (event.target.closest("[data-rotate]")) {
      rotate();
      return;
    }
    if (event.target.closest("[data-capture]")) {
      captureToggle();
      return;
    }
    if (event.target.closest("[data-help]")) {
      helpToggle();
      return;
    }
    if (event.target.closest("[data-skip]")) {
      event.preventDefault();
      skip();
      return;
    }
    var thumbnail = event.target.closest(".thumbnail");
    if (thumbnail) {
      event.preventDefault();
      var page = document.getElementById("page-" + thumbnail.dataset.page);
      var viewer = document.getElementById("viewer-scroll");
      if (page && viewer) {
        viewer.scrollTop += page.getBoundingClientRect().top - viewer.getBoundingClientRect().top - 8;
      }
      return;
    }
    var box = event.target.closest(".box");
    if (box && justCaptured) {
      event.preventDefault();
      return;
    }
    if (box) {
      event.preventDefault();
      var picked = boxPick(event) || box;
      select(picked.dataset.field, { focus: !picked.dataset.cell });
      if (picked.dataset.cell) {
        var input = document.getElementById("input-" + picked.dataset.cell);
        if (input) {
          input.focus();
          selectCell(input);
        }
      }
      return;
    }
    var editLink = event.target.closest("[data-edit]");
    if (editLink) {
      event.preventDefault();
      var editRow = editLink.closest(".field");
      select(editRow.dataset.field, { focus: false });
      openEdit(editRow);
      return;
    }
    var cancel = event.target.closest("[data-cancel]");
    if (cancel) {
      event.preventDefault();
      cancelEdit(cancel.closest(".edit-form").querySelector('input[name="value"]'));
      return;
    }
    var row = event.target.closest("#field-list > li.field");
    if (row && row.dataset.field !== selectedKey) {
      var interactive = event.target.closest("a, button, input, select, textarea, label");
      select(row.dataset.field, { focus: !interactive });
    }
  });

  /* On the page image: a press on a word (or a drag over words) captures for the selected
     field; in capture mode a drag draws the box; elsewhere a drag pans; a press on a box
     (without dragging) selects it. */
  document.addEventListener("pointerdown", function (event) {
    var figure = event.target.closest && event.target.closest("#pages .page");
    var scroller = event.target.closest && event.target.closest("#viewer-scroll");
    if (!figure && !scroller) {
      return;
    }
    if (event.button !== 0) {
      return;
    }
    var onBox = event.target.closest(".box");
    /* A press on the selected field's own box captures too (its box may sit on the words),
       unless another field's box lies under the same spot: then the press picks that one
       (boxes that overlap, like a currency read inside its total, cycle click by click). */
    var ownBox = onBox && isOwnBox(onBox) && boxesAt(event).every(isOwnBox);
    if (figure && (captureMode || event.shiftKey || !onBox || ownBox)) {
      pageWords(figure);
      if (captureMode || event.shiftKey || wordUnder(figure, event)) {
        if (captureStart(event, figure)) {
          return;
        }
      }
    }
    if (scroller) {
      pan = { x: event.clientX, y: event.clientY, left: scroller.scrollLeft, top: scroller.scrollTop, scroller: scroller, moved: false, figure: figure, event: event };
    }
  });

  document.addEventListener("pointermove", function (event) {
    if (capture) {
      captureMove(event);
      return;
    }
    if (pan) {
      var dx = event.clientX - pan.x;
      var dy = event.clientY - pan.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) {
        pan.moved = true;
        pan.scroller.classList.add("is-panning");
      }
      if (pan.moved) {
        pan.scroller.scrollLeft = pan.left - dx;
        pan.scroller.scrollTop = pan.top - dy;
      }
    }
  });

  document.addEventListener("pointerup", function (event) {
    if (capture) {
      captureEnd();
      captureToggle(false);
      return;
    }
    if (pan) {
      var was = pan;
      pan = null;
      was.scroller.classList.remove("is-panning");
      var upBox = event.target.closest(".box");
      var ownUp = upBox && isOwnBox(upBox) && boxesAt(event).every(isOwnBox);
      if (!was.moved && was.figure && (!upBox || ownUp)) {
        /* A click on a word: capture it for the selected field. */
        var target = captureTarget();
        if (target && (viewState.rotate || 0) === 0) {
          var point = pointOnPage(was.figure, was.event);
          capture = { figure: was.figure, start: point, end: point, target: target, moved: false };
          captureEnd();
        }
      }
    }
  });

  document.addEventListener(
    "wheel",
    function (event) {
      var scroller = event.target.closest && event.target.closest("#viewer-scroll");
      if (!scroller || !(event.ctrlKey || event.metaKey)) {
        return;
      }
      event.preventDefault();
      var zoom = currentZoom();
      setZoom(zoom * (event.deltaY < 0 ? 1.1 : 1 / 1.1), { keepScroll: true });
    },
    { passive: false }
  );

  var pressedRow = null;
  var pressedReplace = null;
  var pressed = false;
  var pressedSaves = [];

  document.addEventListener("pointerdown", function (event) {
    var row = event.target.closest && event.target.closest("#field-list > li.field");
    pressedRow = row ? row.dataset.field : null;
    pressed = true;
  }, true);

  function pressEnd() {
    /* A cell left by pressing something (a button, another cell) saves on the release, before
       the click: saving on the press would show "Saving…", move the page under the pointer
       and lose the click. */
    pressed = false;
    var saves = pressedSaves;
    pressedSaves = [];
    saves.forEach(function (input) {
      if (input.isConnected && input.value !== (input.dataset.original || "") && isDecidable()) {
        cellSave(input);
      }
    });
    /* After the click that follows the release has run. */
    window.setTimeout(function () {
      pressedRow = null;
      var waiting = pressedReplace;
      pressedReplace = null;
      if (waiting) {
        var fresh = rowReplace(waiting.key, waiting.html, waiting.job, false);
        if (fresh) {
          tableCheck(fresh);
        }
      }
    }, 0);
  }

  document.addEventListener("pointerup", pressEnd, true);
  document.addEventListener("pointercancel", pressEnd, true);

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".cell-input")) {
      selectCell(event.target);
    }
  });

  /* Leaving an edited cell (Tab, arrows, a click elsewhere, Approve) saves it through the
     decision queue, so an approval clicked next goes out after it. */
  document.addEventListener("focusout", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches(".cell-input") || !input.isConnected || !root()) {
      return;
    }
    if (input.value !== (input.dataset.original || "") && isDecidable()) {
      if (pressed) {
        pressedSaves.push(input);
      } else {
        cellSave(input);
      }
    }
  });

  window.addEventListener("pagehide", function () {
    if (pendingApproval) {
      approvalCommit(pendingApproval, true);
    }
  });

  /* Leaving with decisions not yet saved asks first (the browser's own dialog). */
  window.addEventListener("beforeunload", function (event) {
    if (pendingApproval) {
      approvalCommit(pendingApproval);
    }
    var unsaved = Object.keys(queues).some(function (id) {
      return queues[id].jobs.length > 0;
    });
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  window.addEventListener("popstate", function () {
    if (root()) {
      window.location.reload();
    }
  });

  function init(fullLoad) {
    var element = root();
    if (!element) {
      return;
    }
    document.querySelectorAll("[data-js-only]").forEach(function (node) {
      node.hidden = false;
    });
    document.documentElement.classList.add("review-js");
    others = Number(element.dataset.others || 0);
    staleShown = false;
    capture = null;
    captureToggle(false);
    selectedKey = null;
    var progress = document.getElementById("queue-progress");
    if (progress) {
      var done = session.done.length;
      progress.textContent = done + Number(element.dataset.position) + " of " + (done + Number(element.dataset.total));
    }
    var urlZoom = new URL(window.location.href).searchParams.get("zoom");
    if (viewState.zoom && (!fullLoad || !urlZoom)) {
      setZoom(viewState.zoom, { keepScroll: true });
    } else if (urlZoom) {
      viewState.zoom = Number(urlZoom);
      saveView();
    }
    rotateApply();
    syncBoxes();
    document.querySelectorAll("#pages .page").forEach(function (figure) {
      pageWords(figure);
    });
    rows().forEach(function (row) {
      if (row.querySelector(".cells")) {
        tableCheck(row);
      }
    });
    var all = rows();
    if (all.length) {
      var fromHash = window.location.hash.indexOf("#field-") === 0 ? window.location.hash.slice("#field-".length) : null;
      var editing = document.querySelector("#field-list > li.field.is-editing");
      var start = editing ? editing.dataset.field : fromHash && rowFor(fromHash) ? fromHash : all[0].dataset.field;
      select(start, { focus: !editing });
      if (editing) {
        openEdit(editing);
      }
    }
    prefetchNext();
  }

  document.addEventListener("DOMContentLoaded", function () {
    init(true);
  });
})();
