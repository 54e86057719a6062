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
    // A chart folded away (a story's section) is drawn when its fold first opens: the page
    // opens as fast as the charts in view allow.
    document.querySelectorAll(".vega-chart[data-spec]").forEach(function (el) {
      var fold = el.closest("details:not([open])");
      if (!fold) { draw(el); return; }
      el.setAttribute("data-waiting", "true");
      fold.addEventListener("toggle", function () {
        if (fold.open && el.hasAttribute("data-waiting")) {
          el.removeAttribute("data-waiting");
          draw(el);
        }
      });
    });

    function draw(el) {
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      var options = Object.assign({}, base, {
        loader: loader,
        downloadFileName: el.id.replace(/^chart-/, ""),
        tooltip: { theme: "light", sanitize: escapeHtml },
      });
      vegaEmbed(el, spec, options).then(function (result) {
        views[el.id] = result.view;
        // A mark that stands for one article opens it in the reader; one that stands for an
        // outlet (a bar, a heatmap cell, a legend entry) lists the outlet's articles there.
        result.view.addEventListener("click", function (event, item) {
          var d = item && item.datum;
          if (!d) return;
          if (d.doc_id != null) {
            if (openArticle(String(d.doc_id), d.start_char, d.end_char)) event.preventDefault();
            return;
          }
          // A heatmap cell stands for a pair: of articles, or of outlets.
          if (d.doc_id_a != null && d.doc_id_b != null) {
            if (openPair(d)) event.preventDefault();
            return;
          }
          if (d.outlet_a != null && d.outlet_b != null) {
            if (openOutletPair(String(d.outlet_a), String(d.outlet_b))) event.preventDefault();
            return;
          }
          var outlet = d.outlet != null ? String(d.outlet) : null;
          // Other fields name an outlet only sometimes (keyness groups, legends of other scales).
          if (outlet === null) {
            var guess = d.group != null ? d.group : d.value;
            if (guess != null && outlets[String(guess)]) outlet = String(guess);
          }
          if (outlet !== null && openOutlet(outlet)) event.preventDefault();
        });
        el.setAttribute("data-rendered", "true");
      }).catch(function (err) {
        el.textContent = "This chart could not be drawn (" + err.message + "); the table below has its numbers.";
        el.className += " failed";
      });
    }
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

  // "Show all": the rows or items past the preview of the table or list just before the button.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.show-more");
    if (!button) return;
    var prev = button.previousElementSibling;
    var target = prev && prev.classList.contains("table-wrap") ? prev.querySelector("table") : prev;
    if (!target) return;
    var open = target.classList.toggle("expanded");
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.textContent = open ? "Show fewer" : button.getAttribute("data-more");
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.download, button.download-image");
    if (!button) return;
    if (button.classList.contains("download")) downloadCsv(button);
    else downloadImage(button);
  });

  // -- the article reader ----------------------------------------------------------------------
  var articles = JSON.parse(document.getElementById("mediakit-articles").textContent);
  var reader = document.getElementById("reader");
  var OTHER = "other outlets";  // mediakit.compare.OTHER_OUTLETS
  var outlets = {};  // outlet -> doc ids of its articles the page holds, in the page's order
  Object.keys(articles).forEach(function (doc) {
    var o = articles[doc].outlet;
    (outlets[o] = outlets[o] || []).push(doc);
  });
  var listed = null;  // reopens the list the reader showed last, for "Back"

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

  function openArticle(doc, start, end, fromList) {
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
    body.classList.remove("reader-list");
    reader.querySelector(".reader-back").hidden = !fromList;
    if (!reader.open) reader.showModal();
    if (mark) mark.scrollIntoView({ block: "center" });
    else body.scrollTop = 0;
    return true;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // The reader as a list of articles, each a button; "Back" in an article returns to it.
  function openList(title, meta, docs) {
    if (!reader) return false;
    reader.querySelector("#reader-title").textContent = title;
    reader.querySelector(".reader-meta").textContent = meta;
    reader.querySelector(".reader-back").hidden = true;
    var body = reader.querySelector(".reader-text");
    body.textContent = "";
    body.classList.add("reader-list");
    if (docs.length) {
      var list = document.createElement("ul");
      docs.forEach(function (doc) {
        var a = articles[doc], item = document.createElement("li"), pick = document.createElement("button");
        pick.type = "button";
        pick.className = "reader-pick";
        pick.setAttribute("data-doc", doc);
        pick.textContent = [a.title || a.label, a.outlet, a.date].filter(Boolean).join(" \u00b7 ");
        item.appendChild(pick);
        list.appendChild(item);
      });
      body.appendChild(list);
    }
    if (!reader.open) reader.showModal();
    body.scrollTop = 0;
    var first = body.querySelector("button");
    (first || reader.querySelector(".reader-close")).focus();
    return true;
  }

  // The articles of one outlet whose texts the page holds.
  function openOutlet(outlet) {
    var docs = outlets[outlet] || [];
    var meta;
    if (outlet === OTHER) {
      meta = "\u201cother outlets\u201d sums the outlets the charts do not name: the tables, " +
        "and the table \u201cEvery article\u201d at the end, list each of them.";
    } else if (docs.length) {
      meta = plural(docs.length, "article") + " of " + outlet + " whose text this report holds " +
        "(those its tables cite). The table \u201cEvery article\u201d and its CSV list them all.";
    } else {
      meta = "This report holds no text of " + outlet + "\u2019s articles; the table " +
        "\u201cEvery article\u201d and its CSV list them.";
    }
    listed = function () { openOutlet(outlet); };
    return openList(outlet === OTHER ? "Other outlets" : "Articles of " + outlet, meta, docs);
  }

  // A cell of the article heatmap: the two articles, to read one after the other.
  function openPair(d) {
    var pair = [String(d.doc_id_a), String(d.doc_id_b)];
    var held = pair.filter(function (doc) { return articles[doc]; });
    var share = d.similarity != null ? Math.round(100 * Number(d.similarity)) + "% of their sentences" : "";
    var shared = d.shared_sentences != null ? plural(Number(d.shared_sentences), "pair") +
      " of near-duplicate sentences" : "";
    var meta = (d.outlet_a || "") + " and " + (d.outlet_b || "") + " share " +
      ([shared, share].filter(Boolean).join(", ") || "sentences") + ".";
    if (held.length < pair.length) meta += " This report holds the text of " + held.length + " of the two.";
    listed = function () { openPair(d); };
    return openList("Two articles that share sentences", meta, held);
  }

  // A cell of the outlet heatmap: both outlets' articles whose texts the page holds.
  function openOutletPair(a, b) {
    if (a === b) return openOutlet(a);
    var docs = (outlets[a] || []).concat(outlets[b] || []);
    var meta = a + " and " + b + ": " + plural(docs.length, "article") + " whose text this report " +
      "holds (those its tables cite). The table \u201cShared sentences\u201d lists their shared passages.";
    listed = function () { openOutletPair(a, b); };
    return openList("Articles of " + a + " and " + b, meta, docs);
  }

  if (reader) {
    reader.querySelector(".reader-close").addEventListener("click", function () { reader.close(); });
    // A click on the backdrop (outside the box) closes it too.
    reader.addEventListener("click", function (event) {
      if (event.target === reader) { reader.close(); return; }
      var pick = event.target.closest("button.reader-pick");
      if (pick) openArticle(pick.getAttribute("data-doc"), null, null, true);
    });
    reader.querySelector(".reader-back").addEventListener("click", function () {
      if (listed !== null) listed();
    });
    // Rows that stand for an outlet (no article of their own) list its articles: the way to
    // the same list as a chart's bar, by keyboard too.
    document.querySelectorAll("table.sortable").forEach(function (table) {
      var column = -1;
      table.querySelectorAll("thead th").forEach(function (th, i) {
        if (th.getAttribute("title") === "outlet") column = i;
      });
      if (column < 0) return;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        if (row.classList.contains("cites")) return;
        row.classList.add("readable", "by-outlet");
        row.setAttribute("data-outlet", row.cells[column].getAttribute("data-sort"));
        row.tabIndex = 0;
        row.title = "List this outlet's articles";
      });
    });
    document.querySelectorAll("tr.cites").forEach(function (row) {
      if (!articles[row.getAttribute("data-doc")]) return;
      row.classList.add("readable");
      row.tabIndex = 0;
      row.title = "Read this article";
    });
    // A table's "click a row" hint shows once it has a row that opens something.
    document.querySelectorAll(".read-hint").forEach(function (hint) {
      var tools = hint.closest(".table-tools"), wrap = tools && tools.nextElementSibling;
      if (wrap && wrap.querySelector("tr.readable")) hint.hidden = false;
    });
    function fromRow(event) {
      var row = event.target.closest("tr.readable");
      if (!row) return;
      if (row.classList.contains("by-outlet")) { openOutlet(row.getAttribute("data-outlet")); return; }
      openArticle(row.getAttribute("data-doc"), row.getAttribute("data-start"), row.getAttribute("data-end"));
    }
    document.addEventListener("click", function (event) {
      if (!event.target.closest("button")) fromRow(event);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches && event.target.matches("tr.readable")) {
        // Else the Enter would go on to press the button the reader moves the focus to.
        event.preventDefault();
        fromRow(event);
      }
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
