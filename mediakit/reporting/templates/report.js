/* mediakit report: draw the charts and make tables sortable. No network, no HTML from data. */
(function () {
  "use strict";

  function escapeHtml(value) {
    return String(value)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function refuse() {
    return Promise.reject(new Error("this report makes no network requests"));
  }

  function drawCharts() {
    if (typeof vegaEmbed !== "function") {
      // The chart library did not load: say so on every chart instead of leaving it blank.
      document.querySelectorAll(".vega-chart[data-spec]").forEach(function (el) {
        el.textContent = "The charts could not be drawn: the chart library in this file did not load. " +
          "The table below has the numbers; make the report again to get the charts.";
        el.className += " failed";
      });
      return;
    }
    // Charts carry their data inline; a loader that refuses every URL keeps it that way.
    var loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };
    var base = JSON.parse(document.getElementById("mediakit-embed-options").textContent);
    document.querySelectorAll(".vega-chart[data-spec]").forEach(function (el) {
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      var options = Object.assign({}, base, {
        loader: loader,
        downloadFileName: el.id.replace(/^chart-/, ""),
        tooltip: { theme: "light", sanitize: escapeHtml },
      });
      vegaEmbed(el, spec, options).then(function () {
        el.setAttribute("data-rendered", "true");
      }).catch(function (err) {
        el.textContent = "This chart could not be drawn (" + err.message + "); the table below has its numbers.";
        el.className += " failed";
      });
    });
  }

  function sortKey(cell, numeric) {
    var raw = cell.getAttribute("data-sort");
    if (!numeric) return raw.toLowerCase();
    return raw === "" ? NaN : parseFloat(raw);
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, column) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var numeric = th.classList.contains("num");
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[column], numeric), y = sortKey(b.cells[column], numeric);
          // Empty cells last whichever way we sort.
          if (numeric && isNaN(x) !== isNaN(y)) return isNaN(x) ? 1 : -1;
          var order = numeric ? x - y : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);
  drawCharts();
})();
