// The dashboard map: claims as circles sized by figure on a Leaflet map (served from this
// package; no tiles are fetched, so the map shows the claims on a plain background with a
// 5-degree graticule). Points come from the page's JSON block; text is set with textContent.
(function () {
  "use strict";
  var data = document.getElementById("map-points");
  var box = document.getElementById("leaflet-map");
  if (!data || !box || typeof L === "undefined") { return; }
  var points = JSON.parse(data.textContent);
  if (!points.length) { return; }
  var plain = document.getElementById("map");
  if (plain) { plain.style.display = "none"; }
  box.removeAttribute("hidden");
  var map = L.map(box, { worldCopyJump: true, attributionControl: false });
  for (var lat = -80; lat <= 80; lat += 5) {
    L.polyline([[lat, -180], [lat, 180]], { color: "#d5dbe3", weight: 1, interactive: false }).addTo(map);
  }
  for (var lon = -180; lon <= 180; lon += 5) {
    L.polyline([[-85, lon], [85, lon]], { color: "#d5dbe3", weight: 1, interactive: false }).addTo(map);
  }
  var vmax = points.reduce(function (m, p) { return Math.max(m, p.v); }, 1);
  var bounds = [];
  points.forEach(function (p) {
    var marker = L.circleMarker([p.lat, p.lon], {
      radius: 3 + 17 * Math.sqrt(p.v / vmax), color: "#8a1c1c", weight: 1,
      fillColor: "#c0392b", fillOpacity: 0.45, className: "claim " + p.type
    }).addTo(map);
    var label = document.createElement("span");
    label.textContent = (p.place || "") + " — " + p.label + ": " + p.v.toLocaleString();
    marker.bindTooltip(label);
    marker.on("click", function () { window.location.href = p.href; });
    bounds.push([p.lat, p.lon]);
  });
  map.fitBounds(bounds, { padding: [30, 30], maxZoom: 9 });
})();
