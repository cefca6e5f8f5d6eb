/* labortrace report: sort and filter the rows table in place. The page reads fully without it.
   State can be given in the URL fragment, e.g. report.html#filter=high,elevated&q=cotton&sort=score&dir=desc */
(function () {
  "use strict";
  var table = document.getElementById("rows-table");
  var controls = document.getElementById("row-controls");
  if (!table || !controls) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr[data-level]"));
  var headers = Array.prototype.slice.call(table.querySelectorAll("th[data-sort-key]"));
  var search = document.getElementById("row-search");
  var status = document.getElementById("row-status");
  var boxes = Array.prototype.slice.call(controls.querySelectorAll("input[name=level]"));
  // Lower-cased text of each row, computed once: filtering is then a substring test.
  var texts = rows.map(function (tr) { return tr.textContent.toLowerCase(); });

  function applyFilter() {
    var needle = search.value.trim().toLowerCase();
    var levels = {};
    boxes.forEach(function (box) { levels[box.value] = box.checked; });
    var shown = 0;
    rows.forEach(function (tr, i) {
      var visible = levels[tr.getAttribute("data-level")] === true &&
        (needle === "" || texts[i].indexOf(needle) !== -1);
      tr.hidden = !visible;
      if (visible) { shown += 1; }
    });
    status.textContent = "Showing " + shown + " of " + rows.length + " rows";
  }

  function cellValue(tr, index, type) {
    var cell = tr.cells[index];
    var raw = cell.hasAttribute("data-sort-value") ? cell.getAttribute("data-sort-value") : cell.textContent;
    return type === "number" ? parseFloat(raw) : raw.trim().toLowerCase();
  }

  function sortBy(key, dir) {
    var index = -1;
    headers.forEach(function (th, i) {
      if (th.getAttribute("data-sort-key") === key) { index = i; }
      th.removeAttribute("aria-sort");
    });
    if (index < 0) { return; }
    var th = headers[index];
    var type = th.getAttribute("data-sort-type");
    var sign = dir === "desc" ? -1 : 1;
    var keyed = rows.map(function (tr, order) { return { tr: tr, value: cellValue(tr, index, type), order: order }; });
    keyed.sort(function (a, b) {
      var cmp = type === "number" ? a.value - b.value : a.value.localeCompare(b.value);
      return cmp !== 0 ? sign * cmp : a.order - b.order;  // stable: ties keep input order
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item.tr); });
    tbody.appendChild(fragment);
    th.setAttribute("aria-sort", dir === "desc" ? "descending" : "ascending");
  }

  function onHeaderClick(th) {
    var current = th.getAttribute("aria-sort");
    var first = th.getAttribute("data-sort-first") || "asc";
    var dir = current === "ascending" ? "desc" : current === "descending" ? "asc" : first;
    sortBy(th.getAttribute("data-sort-key"), dir);
  }

  function applyFragment() {
    var hash = window.location.hash.replace(/^#/, "");
    if (hash.indexOf("=") === -1) { return; }  // a plain anchor such as #row-12
    var params = new URLSearchParams(hash);
    if (params.has("filter")) {
      var wanted = params.get("filter").split(",");
      boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    }
    if (params.has("q")) { search.value = params.get("q"); }
    if (params.has("sort")) { sortBy(params.get("sort"), params.get("dir") === "desc" ? "desc" : "asc"); }
    applyFilter();
  }

  headers.forEach(function (th) {
    var button = th.querySelector("button");
    if (button) { button.addEventListener("click", function () { onHeaderClick(th); }); }
  });
  search.addEventListener("input", applyFilter);
  boxes.forEach(function (box) { box.addEventListener("change", applyFilter); });
  window.addEventListener("hashchange", applyFragment);
  controls.hidden = false;
  applyFilter();
  applyFragment();
  document.documentElement.setAttribute("data-report-ready", "true");
})();
