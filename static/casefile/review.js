/* The review page: selecting a field highlights its box on the page image, zoom, and the
   keyboard shortcuts listed on the page (j/k or arrows, a, e, Enter, Esc, Shift+A, +/-).
   No framework. Every action it triggers is a form that also works without JavaScript;
   this file only selects, opens and submits them. */
(function () {
  "use strict";

  var ZOOMS = [50, 75, 100, 150, 200];
  var STATES = ["pending", "reviewed", "clean"];
  var selectedKey = null;
  /* The field whose decision, once swapped in, moves the selection to the next field; only
     if the reviewer has not moved on by then. */
  var advanceFrom = null;

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#field-list > li.field"));
  }

  function rowFor(key) {
    return key ? document.getElementById("field-" + key) : null;
  }

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
    box.scrollIntoView({ block: "center", inline: "center", behavior: "smooth" });
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
    row.scrollIntoView({ block: "nearest" });
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

  function cancelEdit(input) {
    var row = input.closest(".field");
    var form = input.closest(".edit-form");
    input.value = input.dataset.original || "";
    input.removeAttribute("aria-invalid");
    if (form) {
      form.hidden = true;
      form.querySelectorAll(".field-error").forEach(function (error) {
        error.remove();
      });
    }
    if (row) {
      row.classList.remove("is-editing");
      select(row.dataset.field);
    }
  }

  function approve(row) {
    var button = row.querySelector("[data-approve]");
    if (button && button.form) {
      advanceFrom = row.dataset.field;
      button.form.requestSubmit();
    } else {
      move(1);
    }
  }

  function approveDocument() {
    var button = document.getElementById("approve-document");
    if (button && !button.disabled && button.form) {
      button.form.requestSubmit();
    }
  }

  function currentZoom() {
    var pages = document.getElementById("pages");
    return pages ? Math.round(parseFloat(pages.style.getPropertyValue("--zoom") || "1") * 100) : 100;
  }

  function setZoom(level) {
    var pages = document.getElementById("pages");
    if (!pages) {
      return;
    }
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
    var url = new URL(window.location.href);
    url.searchParams.set("zoom", String(level));
    window.history.replaceState(window.history.state, "", url);
    var box = document.querySelector(".box.is-selected");
    if (box) {
      box.scrollIntoView({ block: "center", inline: "center" });
    }
  }

  function zoomBy(step) {
    var index = ZOOMS.indexOf(currentZoom());
    if (index === -1) {
      index = ZOOMS.indexOf(100);
    }
    setZoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, index + step))]);
  }

  function syncBoxes() {
    rows().forEach(function (row) {
      var state = row.dataset.state;
      var level = row.dataset.level;
      var box = document.getElementById("box-" + row.dataset.field);
      if (!box) {
        return;
      }
      STATES.forEach(function (name) {
        box.classList.toggle("box-" + name, name === state);
      });
      ["high", "medium", "low"].forEach(function (name) {
        box.classList.toggle("box-" + name, name === level);
      });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || !document.getElementById("field-list")) {
      return;
    }
    var target = event.target;
    if (target.matches("input, textarea, select, [contenteditable]")) {
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
      } else if (event.key === "Enter" && target.closest(".edit-form")) {
        advanceFrom = target.closest(".field").dataset.field;
      }
      return;
    }
    var row = rowFor(selectedKey);
    var key = event.key;
    if (key === "j" || key === "ArrowDown") {
      event.preventDefault();
      move(1);
    } else if (key === "k" || key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    } else if (key === "A" && event.shiftKey) {
      event.preventDefault();
      approveDocument();
    } else if (key === "a" && row) {
      event.preventDefault();
      approve(row);
    } else if (key === "e" && row) {
      event.preventDefault();
      openEdit(row);
    } else if (key === "+" || key === "=") {
      event.preventDefault();
      zoomBy(1);
    } else if (key === "-") {
      event.preventDefault();
      zoomBy(-1);
    } else if (key === "Escape") {
      document.querySelectorAll("details.reject[open]").forEach(function (details) {
        details.open = false;
      });
    }
  });

  document.addEventListener("click", function (event) {
    var zoomLink = event.target.closest(".zoom-link");
    if (zoomLink) {
      event.preventDefault();
      setZoom(Number(zoomLink.dataset.zoom));
      return;
    }
    var box = event.target.closest(".box");
    if (box) {
      event.preventDefault();
      select(box.dataset.field, { focus: !box.dataset.cell });
      if (box.dataset.cell) {
        var input = document.getElementById("input-" + box.dataset.cell);
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
      var input2 = cancel.closest(".edit-form").querySelector('input[name="value"]');
      cancelEdit(input2);
      return;
    }
    var row = event.target.closest("#field-list > li.field");
    if (row && row.dataset.field !== selectedKey) {
      var interactive = event.target.closest("a, button, input, select, textarea, label");
      select(row.dataset.field, { focus: !interactive });
    }
  });

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches(".cell-input")) {
      selectCell(event.target);
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (!document.getElementById("field-list")) {
      return;
    }
    syncBoxes();
    var target = event.detail && event.detail.target;
    var from = advanceFrom;
    if (!from || !target || target.id !== "field-" + from) {
      return;
    }
    advanceFrom = null;
    var row = rowFor(from);
    if (selectedKey === from && row && !row.querySelector(".field-error")) {
      move(1);
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    var row = rowFor(selectedKey);
    if (row && !row.classList.contains("is-selected")) {
      var active = document.activeElement;
      select(selectedKey, { focus: !active || active === document.body });
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var all = rows();
    if (!all.length) {
      return;
    }
    var fromHash = window.location.hash.indexOf("#field-") === 0
      ? window.location.hash.slice("#field-".length)
      : null;
    var editing = document.querySelector("#field-list > li.field.is-editing");
    var start = editing ? editing.dataset.field : fromHash && rowFor(fromHash) ? fromHash : all[0].dataset.field;
    select(start, { focus: !editing });
    if (editing) {
      openEdit(editing);
    }
  });
})();
