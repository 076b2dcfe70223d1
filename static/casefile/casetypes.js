/* The case type editor (templates/settings/casetype_edit.html): "Add field/stage/rule"
   buttons add a blank row from the formset's empty form and bump its TOTAL_FORMS; a rule row
   (and a field row) enables only the inputs its chosen type reads. Without JavaScript the
   editor still works: the formsets carry blank rows and the server ignores unused inputs. */
(function () {
  "use strict";

  var RULE_ARGS = {
    required: ["field", "message"],
    pattern: ["field", "pattern", "message"],
    range: ["field", "min", "max", "message"],
    date_order: ["field", "other", "message"],
    sum_equals: ["field", "column", "other", "tolerance", "message"],
    fields_sum: ["field", "addends", "tolerance", "message"]
  };
  var RULE_PLACEHOLDERS = {
    required: { field: "field key" },
    pattern: { field: "field key", pattern: "regular expression" },
    range: { field: "field key" },
    date_order: { field: "earlier date", other: "later date" },
    sum_equals: { field: "table key", column: "column key", other: "total field" },
    fields_sum: { field: "total field", addends: "subtotal, tax" }
  };
  var FIELD_ARGS = { choices: ["enum"], columns: ["table"] };

  function argOf(input) {
    var match = /-(\w+)$/.exec(input.name || "");
    return match ? match[1] : "";
  }

  function applyRule(row) {
    var select = row.querySelector("select[name$='-type']");
    var kind = select ? select.value : "";
    var allowed = RULE_ARGS[kind];
    var hints = RULE_PLACEHOLDERS[kind] || {};
    row.querySelectorAll("input[type=text], input[type=number], textarea").forEach(function (input) {
      var arg = argOf(input);
      var applies = !allowed || allowed.indexOf(arg) !== -1;
      input.disabled = !applies;
      input.closest("td").classList.toggle("not-applicable", !applies);
      input.placeholder = applies && hints[arg] ? hints[arg] : "";
    });
  }

  function applyField(row) {
    var select = row.querySelector("select[name$='-type']");
    if (!select) {
      return;
    }
    Object.keys(FIELD_ARGS).forEach(function (arg) {
      var input = row.querySelector("[name$='-" + arg + "']");
      if (!input) {
        return;
      }
      var applies = FIELD_ARGS[arg].indexOf(select.value) !== -1 || input.value.trim() !== "";
      input.disabled = !applies;
      input.closest("td").classList.toggle("not-applicable", !applies);
    });
  }

  function apply(row) {
    if (row.closest("#rule-rows")) {
      applyRule(row);
    } else if (row.closest("#field-rows")) {
      applyField(row);
    }
  }

  function addRow(prefix) {
    var total = document.querySelector("[name='" + prefix + "-TOTAL_FORMS']");
    var template = document.getElementById(prefix + "-empty");
    var body = document.querySelector("[data-formset='" + prefix + "'] tbody");
    if (!total || !template || !body) {
      return;
    }
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    body.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    var row = body.lastElementChild;
    apply(row);
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) {
      first.focus();
    }
  }

  function editable(root) {
    return root.querySelector("#casetype-editor fieldset:not([disabled])");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var editor = document.getElementById("casetype-editor");
    if (!editor) {
      return;
    }
    editor.querySelectorAll("#rule-rows tbody tr, #field-rows tbody tr").forEach(apply);
    if (editable(document)) {
      editor.querySelectorAll("[data-add-row]").forEach(function (button) {
        button.hidden = false;
      });
    }
    editor.addEventListener("click", function (event) {
      var button = event.target.closest("[data-add-row]");
      if (button) {
        event.preventDefault();
        addRow(button.dataset.addRow);
      }
    });
    editor.addEventListener("change", function (event) {
      if (event.target.matches && event.target.matches("select[name$='-type']")) {
        apply(event.target.closest("tr"));
      }
    });
  });
})();
