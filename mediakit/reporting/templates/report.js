/* mediakit report: draw the charts, sortable tables, downloads, the article reader.
   No network, no HTML from data: text goes in as text nodes only. */
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
      vegaEmbed(el, spec, options).then(function (result) {
        views[el.id] = result.view;
        // A mark that stands for one article opens it in the reader.
        result.view.addEventListener("click", function (event, item) {
          var d = item && item.datum;
          if (d && d.doc_id != null && openArticle(String(d.doc_id), d.start_char, d.end_char)) {
            event.preventDefault();
          }
        });
        el.setAttribute("data-rendered", "true");
      }).catch(function (err) {
        el.textContent = "This chart could not be drawn (" + err.message + "); the table below has its numbers.";
        el.className += " failed";
      });
    });
  }

  var views = {};

  // -- downloads: blobs made from data embedded in the page ----------------------------------
  function save(name, href) {
    var a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function downloadCsv(button) {
    var text = JSON.parse(document.getElementById(button.getAttribute("data-csv")).textContent);
    // A byte-order mark so that spreadsheet programs read the UTF-8 correctly.
    var blob = new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    save(button.getAttribute("data-file"), url);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function downloadImage(button) {
    var id = button.getAttribute("data-chart"), view = views[id];
    var format = button.getAttribute("data-format");
    if (!view) return;
    view.toImageURL(format, format === "png" ? 2 : 1).then(function (url) {
      save(id.replace(/^chart-/, "") + "." + format, url);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.download, button.download-image");
    if (!button) return;
    if (button.classList.contains("download")) downloadCsv(button);
    else downloadImage(button);
  });

  // -- the article reader ----------------------------------------------------------------------
  var articles = JSON.parse(document.getElementById("mediakit-articles").textContent);
  var reader = document.getElementById("reader");

  function toInt(value) {
    var n = parseInt(value, 10);
    return isNaN(n) ? null : n;
  }

  function sentenceEnd(text, start) {
    var re = /[.!?]["\u201d']?(\s|$)/g;
    re.lastIndex = start;
    var m = re.exec(text);
    return m ? m.index + m[0].length : text.length;
  }

  function openArticle(doc, start, end) {
    var a = articles[doc];
    if (!reader || !a) return false;
    var text = a.text, from = toInt(start), to = toInt(end);
    reader.querySelector("#reader-title").textContent = a.title || a.label;
    var meta = [a.outlet, a.date, "article id " + doc, a.url].filter(Boolean).join(" · ");
    reader.querySelector(".reader-meta").textContent = meta;
    var body = reader.querySelector(".reader-text");
    body.textContent = "";
    var mark = null;
    if (from !== null && from >= 0 && from < text.length) {
      if (to === null || to <= from) to = sentenceEnd(text, from);
      body.appendChild(document.createTextNode(text.slice(0, from)));
      mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      body.appendChild(mark);
      body.appendChild(document.createTextNode(text.slice(to)));
    } else {
      body.textContent = text;
    }
    if (!reader.open) reader.showModal();
    if (mark) mark.scrollIntoView({ block: "center" });
    else body.scrollTop = 0;
    return true;
  }

  if (reader) {
    reader.querySelector(".reader-close").addEventListener("click", function () { reader.close(); });
    // A click on the backdrop (outside the box) closes it too.
    reader.addEventListener("click", function (event) { if (event.target === reader) reader.close(); });
    document.querySelectorAll("tr.cites").forEach(function (row) {
      if (!articles[row.getAttribute("data-doc")]) return;
      row.classList.add("readable");
      row.tabIndex = 0;
      row.title = "Read this article";
    });
    function fromRow(event) {
      var row = event.target.closest("tr.readable");
      if (!row) return;
      openArticle(row.getAttribute("data-doc"), row.getAttribute("data-start"), row.getAttribute("data-end"));
    }
    document.addEventListener("click", function (event) {
      if (!event.target.closest("button")) fromRow(event);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches && event.target.matches("tr.readable")) fromRow(event);
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
