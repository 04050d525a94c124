// Deep zoom: OpenSeadragon (shipped in the WAR from the npm registry at build time, never fetched
// at run time) over the portal's own Deep Zoom pyramids (zoom/item/<id>.dzi), or first over a
// item's IIIF Image service where it has one, falling back to the pyramid if that fails.
// MnemosyneZoom.open(element, options) is used by zoom.xhtml (any element with data-zoom-tiles
// opens by itself) and by the compare page, which lays its heat-map canvas over the whole image.
// The viewer's canvas is focusable and labelled: arrows or WASD pan, + and - zoom, 0 goes home.
(function () {
  "use strict";

  function whenFullyLoaded(item, done) {
    if (item.getFullyLoaded()) {
      setTimeout(done, 0);
    } else {
      item.addOnceHandler("fully-loaded-change", function () {
        whenFullyLoaded(item, done);
      });
    }
  }

  // options: tiles (DZI URL), iiif (info.json URL or ""), prefix (OpenSeadragon's button
  // images), label (what the image is), overlay (an element laid over the whole image, or null)
  function open(el, options) {
    var sources = options.iiif ? [options.iiif, options.tiles] : [options.tiles];
    el.setAttribute("data-zoom-ready", "loading");
    var viewer = OpenSeadragon({
      element: el,
      prefixUrl: options.prefix,
      tileSources: sources[0],
      drawer: "canvas",
      showNavigator: true,
      navigatorPosition: "BOTTOM_RIGHT",
      showRotationControl: false,
      showFullPageControl: false,
      visibilityRatio: 0.5,
      maxZoomPixelRatio: 4,
      gestureSettingsMouse: { clickToZoom: false }
    });
    var canvas = viewer.canvas;
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-roledescription", "deep-zoom viewer");
    canvas.setAttribute("aria-label", options.label +
      ". Arrow keys pan, plus and minus zoom, 0 shows the whole image.");
    if (el.getAttribute("aria-describedby")) {
      canvas.setAttribute("aria-describedby", el.getAttribute("aria-describedby"));
    }

    viewer.addHandler("open-failed", function () {
      if (sources.length > 1) {
        sources.shift();
        el.setAttribute("data-zoom-source", "pyramid");
        viewer.open(sources[0]);
      } else {
        el.setAttribute("data-zoom-ready", "failed");
      }
    });
    viewer.addHandler("open", function () {
      var item = viewer.world.getItemAt(0);
      if (!el.hasAttribute("data-zoom-source")) {
        el.setAttribute("data-zoom-source", sources.length > 1 ? "iiif" : "pyramid");
      }
      if (options.overlay) {
        // the maps are computed on the whole image stretched to the model's input: the overlay
        // covers the image's whole rectangle
        viewer.addOverlay({ element: options.overlay, location: item.getBounds() });
      }
      whenFullyLoaded(item, function () {
        el.setAttribute("data-zoom-ready", "true");
      });
    });
    el.mnViewer = viewer;
    return viewer;
  }

  window.MnemosyneZoom = { open: open };

  document.addEventListener("DOMContentLoaded", function () {
    var els = document.querySelectorAll("[data-zoom-tiles]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      open(el, {
        tiles: el.getAttribute("data-zoom-tiles"),
        iiif: el.getAttribute("data-zoom-iiif") || "",
        prefix: el.getAttribute("data-zoom-prefix"),
        label: el.getAttribute("data-zoom-label") || "The image",
        overlay: null
      });
    }
  });
})();
