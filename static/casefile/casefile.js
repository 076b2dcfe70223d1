/* Casefile's global behaviours, loaded on every page: auto-submitting selects, copy buttons,
   and keeping keyboard focus where it was when htmx swaps a region. Each is an enhancement;
   every page works without JavaScript. */
(function () {
  "use strict";

  function hideAutosubmitButtons(root) {
    root.querySelectorAll("[data-autosubmit-button]").forEach(function (button) {
      button.hidden = true;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    hideAutosubmitButtons(document);
  });

  document.addEventListener("change", function (event) {
    var select = event.target.closest && event.target.closest("select[data-autosubmit]");
    if (select && select.form) {
      select.form.requestSubmit();
    }
  });

  function copied(button) {
    var label = button.textContent;
    button.textContent = "Copied";
    window.setTimeout(function () {
      button.textContent = label;
    }, 2000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var field = document.querySelector(button.dataset.copy);
    if (!field) {
      return;
    }
    var fallback = function () {
      field.focus();
      field.select();
      document.execCommand("copy");
      copied(button);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () {
        copied(button);
      }, fallback);
    } else {
      fallback();
    }
  });

  /* A swap replaces the focused element with a new one of the same id: focus that one. */
  var focusedId = null;
  document.addEventListener("htmx:beforeRequest", function () {
    var active = document.activeElement;
    focusedId = active && active !== document.body && active.id ? active.id : null;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (focusedId && (document.activeElement === document.body || !document.activeElement)) {
      var element = document.getElementById(focusedId);
      if (element && element.offsetParent !== null) {
        element.focus();
      }
    }
    focusedId = null;
  });
})();
