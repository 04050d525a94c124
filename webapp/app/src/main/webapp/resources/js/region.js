// Search by detail: drag a rectangle on the query image — or, from the keyboard, focus the image,
// move the outlined detail with the arrow keys, resize it with Shift + arrows and press Enter — and
// the page reloads with region=x,y,w,h (fractions of the image), which is part of the permalink.
document.addEventListener("DOMContentLoaded", function () {
  var frame = document.getElementById("query-frame");
  var img = document.getElementById("query-image");
  if (!frame || !img) {
    return;
  }
  var box = null;
  var start = null;
  function point(e) {
    var r = img.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)),
      y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height))
    };
  }
  img.addEventListener("dragstart", function (e) { e.preventDefault(); });
  frame.addEventListener("mousedown", function (e) {
    start = point(e);
    box = document.createElement("div");
    box.className = "mn-region mn-region-drawing";
    frame.appendChild(box);
    e.preventDefault();
  });
  frame.addEventListener("mousemove", function (e) {
    if (!start) {
      return;
    }
    var p = point(e);
    box.style.left = Math.min(start.x, p.x) * 100 + "%";
    box.style.top = Math.min(start.y, p.y) * 100 + "%";
    box.style.width = Math.abs(p.x - start.x) * 100 + "%";
    box.style.height = Math.abs(p.y - start.y) * 100 + "%";
  });
  function search(x, y, w, h) {
    var url = frame.getAttribute("data-search");
    var region = [x, y, w, h].map(function (v) { return v.toFixed(4); }).join(",");
    window.location.href = url + (url.indexOf("?") < 0 ? "?" : "&") + "region=" + encodeURIComponent(region);
  }
  document.addEventListener("mouseup", function (e) {
    if (!start) {
      return;
    }
    var p = point(e);
    var x = Math.min(start.x, p.x), y = Math.min(start.y, p.y);
    var w = Math.abs(p.x - start.x), h = Math.abs(p.y - start.y);
    start = null;
    if (w < 0.02 || h < 0.02) {
      box.remove();
      return;
    }
    search(x, y, w, h);
  });

  // Keyboard: the detail starts as the current region (or the middle quarter of the image).
  var status = document.getElementById("query-frame-status");
  var key = null;
  function clamp(v, lo, hi) { return Math.min(hi, Math.max(lo, v)); }
  function show() {
    if (!box) {
      box = document.getElementById("query-region") || document.createElement("div");
      box.className = "mn-region mn-region-drawing";
      frame.appendChild(box);
    }
    box.style.left = key.x * 100 + "%";
    box.style.top = key.y * 100 + "%";
    box.style.width = key.w * 100 + "%";
    box.style.height = key.h * 100 + "%";
    if (status) {
      status.textContent = "Detail from " + Math.round(key.x * 100) + " % left, " +
          Math.round(key.y * 100) + " % top, " + Math.round(key.w * 100) + " % wide, " +
          Math.round(key.h * 100) + " % high. Enter searches, Escape cancels.";
    }
  }
  frame.addEventListener("keydown", function (e) {
    var moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (moves[e.key]) {
      if (!key) {
        var r = (frame.getAttribute("data-region") || "0.25,0.25,0.5,0.5").split(",").map(Number);
        key = { x: r[0], y: r[1], w: r[2], h: r[3] };
      }
      var step = 0.05, d = moves[e.key];
      if (e.shiftKey) {
        key.w = clamp(key.w + d[0] * step, 0.05, 1 - key.x);
        key.h = clamp(key.h + d[1] * step, 0.05, 1 - key.y);
      } else {
        key.x = clamp(key.x + d[0] * step, 0, 1 - key.w);
        key.y = clamp(key.y + d[1] * step, 0, 1 - key.h);
      }
      show();
      e.preventDefault();
    } else if (e.key === "Enter" && key) {
      search(key.x, key.y, key.w, key.h);
      e.preventDefault();
    } else if (e.key === "Escape" && key) {
      key = null;
      if (box && box.id !== "query-region") {
        box.remove();
      }
      box = null;
      if (status) {
        status.textContent = "";
      }
    }
  });
});
