// Search by detail: drag a rectangle on the query image; the page reloads with region=x,y,w,h
// (fractions of the image), which is part of the permalink.
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
    var url = frame.getAttribute("data-search");
    var region = [x, y, w, h].map(function (v) { return v.toFixed(4); }).join(",");
    window.location.href = url + (url.indexOf("?") < 0 ? "?" : "&") + "region=" + encodeURIComponent(region);
  });
});
