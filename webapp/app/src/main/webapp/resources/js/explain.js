// The explanation viewer of compare.xhtml: starts (or fetches from the cache) an explanation
// through the REST API, shows its progress with a cancel button, and draws it on canvases over
// the two images. Joint explanations are interactive: pointing at (or focusing) a region of one
// image colours the other by how strongly each of its regions interacts with it. Every map is
// also listed as ranked regions in text, so nothing depends on colour alone. Either image can be
// opened in deep zoom (zoom.js) with its heat-map laid over the whole image and kept in step.
(function () {
  "use strict";

  function $(id) {
    return document.getElementById(id);
  }

  function show(el, on) {
    if (on) {
      el.removeAttribute("hidden");
    } else {
      el.setAttribute("hidden", "hidden");
    }
  }

  function fmt(v) {
    return (v >= 0 ? "+" : "") + v.toPrecision(3);
  }

  // ---- segments

  function decode(seg) {
    var labels = new Int32Array(seg.width * seg.height);
    var p = 0;
    for (var i = 0; i < seg.labelsRle.length; i += 2) {
      labels.fill(seg.labelsRle[i], p, p + seg.labelsRle[i + 1]);
      p += seg.labelsRle[i + 1];
    }
    var cx = new Float64Array(seg.count), cy = new Float64Array(seg.count), n = new Float64Array(seg.count);
    for (var y = 0; y < seg.height; y++) {
      for (var x = 0; x < seg.width; x++) {
        var l = labels[y * seg.width + x];
        cx[l] += x;
        cy[l] += y;
        n[l] += 1;
      }
    }
    var where = [];
    for (var s = 0; s < seg.count; s++) {
      where.push(place(cx[s] / n[s] / seg.width, cy[s] / n[s] / seg.height));
    }
    return { width: seg.width, height: seg.height, count: seg.count, labels: labels, where: where };
  }

  function place(fx, fy) {
    var v = fy < 1 / 3 ? "top" : fy < 2 / 3 ? "middle" : "bottom";
    var h = fx < 1 / 3 ? "left" : fx < 2 / 3 ? "centre" : "right";
    return v === "middle" && h === "centre" ? "centre" : v + " " + h;
  }

  function maxAbs(values) {
    var m = 0;
    for (var i = 0; i < values.length; i++) {
      if (values[i] !== null && Math.abs(values[i]) > m) {
        m = Math.abs(values[i]);
      }
    }
    return m || 1;
  }

  // ---- drawing

  function paint(canvas, seg, values, scale, outlined) {
    canvas.width = seg.width;
    canvas.height = seg.height;
    var ctx = canvas.getContext("2d");
    var img = ctx.createImageData(seg.width, seg.height);
    var d = img.data;
    for (var i = 0; i < seg.labels.length; i++) {
      var l = seg.labels[i];
      var k = 4 * i;
      if (outlined !== null && l === outlined && edge(seg, i)) {
        d[k] = 255; d[k + 1] = 204; d[k + 2] = 0; d[k + 3] = 255;
        continue;
      }
      var v = values ? (values[l] || 0) / scale : 0;
      var a = Math.min(1, Math.abs(v));
      if (v >= 0) {
        d[k] = 215; d[k + 1] = 48; d[k + 2] = 39;
      } else {
        d[k] = 49; d[k + 1] = 54; d[k + 2] = 149;
      }
      d[k + 3] = Math.round(235 * Math.sqrt(a));
    }
    ctx.putImageData(img, 0, 0);
  }

  function edge(seg, i) {
    var x = i % seg.width, y = (i - x) / seg.width, l = seg.labels[i];
    return x === 0 || y === 0 || x === seg.width - 1 || y === seg.height - 1 ||
      seg.labels[i - 1] !== l || seg.labels[i + 1] !== l ||
      seg.labels[i - seg.width] !== l || seg.labels[i + seg.width] !== l;
  }

  function segmentAt(canvas, seg, event) {
    var r = canvas.getBoundingClientRect();
    var x = Math.floor((event.clientX - r.left) / r.width * seg.width);
    var y = Math.floor((event.clientY - r.top) / r.height * seg.height);
    if (x < 0 || y < 0 || x >= seg.width || y >= seg.height) {
      return null;
    }
    return seg.labels[y * seg.width + x];
  }

  // ---- text alternatives

  function ranked(title, seg, values, n, onFocus) {
    var order = values.map(function (v, i) { return i; })
      .sort(function (a, b) { return Math.abs(values[b]) - Math.abs(values[a]); })
      .slice(0, n);
    var box = document.createElement("div");
    var h = document.createElement("h3");
    h.textContent = title;
    box.appendChild(h);
    var ol = document.createElement("ol");
    order.forEach(function (s) {
      var li = document.createElement("li");
      var text = "region " + s + " (" + seg.where[s] + "): " + fmt(values[s]) +
        (values[s] >= 0 ? " raises" : " lowers");
      if (onFocus) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "mn-region-button";
        b.textContent = text;
        b.addEventListener("focus", function () { onFocus(s); });
        b.addEventListener("mouseenter", function () { onFocus(s); });
        li.appendChild(b);
      } else {
        li.textContent = text;
      }
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  }

  function faithfulness(f) {
    if (!f) {
      return "";
    }
    var parts = [];
    ["query", "target"].forEach(function (k) {
      if (f[k] && f[k].deletionArea !== null) {
        parts.push((k === "query" ? "query" : "compared") + " map: deletion area " +
          f[k].deletionArea.toFixed(3) + ", insertion area " + f[k].insertionArea.toFixed(3));
      }
    });
    return parts.length ? " Faithfulness (similarity as the most important regions are removed " +
      "or kept alone; a faithful map has a low deletion and a high insertion area): " +
      parts.join("; ") + "." : "";
  }

  // ---- deep zoom of one side, its heat-map over the whole image

  function deepZoom(root, sides) {
    var host = $("zoom-viewer");
    var state = { side: null, viewer: null, overlay: null };

    // copies the side's heat-map (drawn at segment resolution) into the zoom overlay
    function mirror() {
      if (state.side === null) {
        return;
      }
      var src = sides[state.side].canvas;
      state.overlay.width = src.width;
      state.overlay.height = src.height;
      state.overlay.getContext("2d").drawImage(src, 0, 0);
    }

    function close() {
      if (state.viewer) {
        state.viewer.destroy();
      }
      host.textContent = "";
      state.side = null;
      state.viewer = null;
      show($("zoom"), false);
    }

    function open(k, applyOpacity) {
      close();
      var label = k === "query" ? "the query image" : "the compared image";
      $("zoom-side").textContent = label;
      show($("zoom"), true);
      var el = document.createElement("div");
      el.className = "mn-zoom-host";
      host.appendChild(el);
      state.overlay = document.createElement("canvas");
      state.overlay.className = "mn-zoom-overlay";
      state.overlay.setAttribute("aria-hidden", "true");
      state.side = k;
      mirror();
      applyOpacity();
      state.viewer = window.MnemosyneZoom.open(el, {
        tiles: root.dataset[k + "Zoom"],
        iiif: "",
        prefix: root.dataset.zoomPrefix,
        label: "Deep zoom of " + label + " with its heat-map",
        overlay: state.overlay
      });
      $("zoom").scrollIntoView({ block: "start" });
      state.viewer.canvas.focus();
    }

    return {
      mirror: mirror,
      opacity: function (v) {
        if (state.overlay) {
          state.overlay.style.opacity = v;
        }
      },
      bind: function (applyOpacity) {
        ["query", "target"].forEach(function (k) {
          var b = $("zoom-" + k);
          if (!window.MnemosyneZoom || !root.dataset[k + "Zoom"]) {
            b.hidden = true;
            return;
          }
          b.addEventListener("click", function () { open(k, applyOpacity); });
        });
        $("zoom-close").addEventListener("click", function () {
          var side = state.side;
          close();
          if (side) {
            $("zoom-" + side).focus();
          }
        });
      }
    };
  }

  // ---- the viewer

  function render(root, data) {
    var e = data.explanation;
    var summary = $("summary");
    summary.textContent = e.explainer + " " + e.explainerVersion + ": similarity v(N) = " +
      e.fullValue.toFixed(4) + ", v(\u2205) = " + e.baseValue.toFixed(4) + "; " + e.evaluations +
      " model evaluations in " + e.wallTimeMillis + " ms" +
      (e.errorEstimate !== null ? "; estimated error " + e.errorEstimate.toPrecision(2) : "") +
      (data.cached ? " (served from the cache)" : "") + "." + faithfulness(e.faithfulness) +
      " Parameters: " + e.parameters;
    show(summary, true);
    show($("view-controls"), true);

    var sides = { query: { panel: $("panel-query"), src: root.dataset.query },
      target: { panel: $("panel-target"), src: root.dataset.target } };
    var maps = e.maps || {};
    var scale = 0;
    ["query", "target"].forEach(function (k) {
      var side = sides[k];
      side.img = side.panel.querySelector("img");
      side.canvas = side.panel.querySelector("canvas");
      side.img.src = side.src;
      var m = maps[k];
      side.seg = m ? decode(m.segments) : null;
      side.values = m ? m.values : null;
      if (m) {
        scale = Math.max(scale, maxAbs(m.values));
      }
    });
    var joint = e.joint;
    if (joint) {
      sides.query.seg = sides.query.seg || decode(joint.querySegments);
      sides.target.seg = sides.target.seg || decode(joint.targetSegments);
    }
    $("legend-min").textContent = fmt(-scale);
    $("legend-max").textContent = fmt(scale);
    var zoom = deepZoom(root, sides);

    function base() {
      ["query", "target"].forEach(function (k) {
        var s = sides[k];
        if (s.seg) {
          paint(s.canvas, s.seg, s.values, scale, null);
        }
      });
      show($("correspondence"), false);
      zoom.mirror();
    }

    // Points at region r of one side: outlines it there and colours the other side by its
    // interaction with r (a row of the matrix from the query, a column from the target).
    function pointAt(from, to, r, partners, fromName, toName, note) {
      paint(from.canvas, from.seg, from.values, scale, r);
      paint(to.canvas, to.seg, partners, maxAbs(partners), null);
      var best = 0;
      for (var i = 1; i < partners.length; i++) {
        if (partners[i] > partners[best]) {
          best = i;
        }
      }
      var c = $("correspondence");
      c.textContent = fromName + " region " + r + " (" + from.seg.where[r] +
        ") corresponds most to " + toName + " region " + best + " (" + to.seg.where[best] +
        "): interaction " + fmt(partners[best]) + "." + note;
      show(c, true);
      zoom.mirror();
    }

    function fromQuery(q) {
      pointAt(sides.query, sides.target, q, joint.interactions[q], "Query", "compared",
        " The compared image is coloured by its interaction with that query region.");
    }

    function fromTarget(t) {
      pointAt(sides.target, sides.query, t, joint.interactions.map(function (row) { return row[t]; }),
        "Compared", "query", "");
    }

    ["query", "target"].forEach(function (k) {
      show(sides[k].panel, true);
    });
    base();
    var opacity = $("opacity");
    function applyOpacity() {
      sides.query.canvas.style.opacity = opacity.value;
      sides.target.canvas.style.opacity = opacity.value;
      zoom.opacity(opacity.value);
    }
    opacity.addEventListener("input", applyOpacity);
    applyOpacity();
    zoom.bind(applyOpacity);

    var rankedBox = $("ranked");
    rankedBox.textContent = "";
    if (sides.query.values) {
      rankedBox.appendChild(ranked("Query regions that matter most", sides.query.seg, sides.query.values, 5,
        joint ? fromQuery : null));
    }
    if (sides.target.values) {
      rankedBox.appendChild(ranked("Compared regions that matter most", sides.target.seg, sides.target.values, 5,
        joint ? fromTarget : null));
    }
    if (joint) {
      var pairs = [];
      joint.interactions.forEach(function (row, q) {
        row.forEach(function (v, t) { pairs.push([q, t, v]); });
      });
      pairs.sort(function (a, b) { return Math.abs(b[2]) - Math.abs(a[2]); });
      var box = document.createElement("div");
      var h = document.createElement("h3");
      h.textContent = "Strongest correspondences";
      box.appendChild(h);
      var ol = document.createElement("ol");
      ol.id = "pairs";
      pairs.slice(0, 5).forEach(function (p) {
        var li = document.createElement("li");
        li.textContent = "query region " + p[0] + " (" + sides.query.seg.where[p[0]] + ") \u2194 compared region " +
          p[1] + " (" + sides.target.seg.where[p[1]] + "): " + fmt(p[2]);
        ol.appendChild(li);
      });
      box.appendChild(ol);
      rankedBox.appendChild(box);

      sides.query.canvas.addEventListener("mousemove", function (ev) {
        var q = segmentAt(sides.query.canvas, sides.query.seg, ev);
        if (q !== null) {
          fromQuery(q);
        }
      });
      sides.target.canvas.addEventListener("mousemove", function (ev) {
        var t = segmentAt(sides.target.canvas, sides.target.seg, ev);
        if (t !== null) {
          fromTarget(t);
        }
      });
      sides.query.canvas.addEventListener("mouseleave", base);
      sides.target.canvas.addEventListener("mouseleave", base);
      sides.query.canvas.style.pointerEvents = "auto";
      sides.target.canvas.style.pointerEvents = "auto";
    }
    root.setAttribute("data-ready", "true");
  }

  // ---- the job

  function start(root) {
    var api = root.dataset.api;
    var status = $("explain-status");
    var bar = $("explain-progress");
    var state = $("explain-state");
    var cancel = $("explain-cancel");
    var job = null;
    show(status, true);

    function fail(message) {
      state.textContent = message;
      root.setAttribute("data-ready", "failed");
      cancel.disabled = true;
    }

    function fetchExplanation(id, cached) {
      fetch(api + "explanations/" + id, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          data.cached = cached;
          bar.value = 1;
          state.textContent = cached ? "served from the cache" : "done";
          cancel.disabled = true;
          render(root, data);
        })
        .catch(function (err) { fail("could not load the explanation: " + err); });
    }

    function poll() {
      fetch(api + "explanations/jobs/" + job, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          bar.value = s.progress || 0;
          state.textContent = s.state + (s.message ? " \u2014 " + s.message : "");
          if (s.state === "succeeded") {
            fetchExplanation(s.explanation, false);
          } else if (s.state === "failed") {
            fail("failed: " + (s.error || "unknown error"));
          } else if (s.state === "cancelled") {
            fail("cancelled");
          } else {
            setTimeout(poll, 300);
          }
        })
        .catch(function (err) { fail("lost contact with the server: " + err); });
    }

    cancel.addEventListener("click", function () {
      if (job !== null) {
        fetch(api + "explanations/jobs/" + job, { method: "DELETE" });
        state.textContent = "cancelling\u2026";
      }
    });

    fetch(api + "explanations", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: root.dataset.start
    })
      .then(function (r) {
        return r.json().then(function (body) { return { status: r.status, body: body }; });
      })
      .then(function (res) {
        if (res.status === 200) {
          fetchExplanation(res.body.explanation, true);
        } else if (res.status === 202) {
          job = res.body.job;
          poll();
        } else {
          fail(res.body.error || ("HTTP " + res.status));
        }
      })
      .catch(function (err) { fail("could not start: " + err); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = $("explain-viewer");
    if (root && root.dataset.start) {
      start(root);
    }
  });
})();
